import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { statusOf } from '../../shared/data/api-error';
import { formatDay, formatShortDateRange, formatTime, groupBy, localDateOf } from '../../shared/data/dates';
import { PublicApi, type PublicSession } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';
import { languageName } from '../../shared/i18n/languages';

interface SessionView {
  id: string;
  start: string;
  end: string;
  startIso: string;
  endIso: string;
  cancelled: boolean;
  dropIn: boolean;
  seatsLeft: number;
  hasSlots: boolean;
  /** Times still to come: a "Book" link each, or "Fully booked". */
  slots: { id: string; time: string; seatsLeft: number }[];
}

interface DayView {
  date: string;
  label: string;
  sessions: SessionView[];
}

/** A library's own page for help-seekers: how to get there and the coming sessions. */
@Component({
  selector: 'dh-site-page',
  imports: [TranslocoDirective, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-page.html',
  styleUrl: './site-page.css',
})
export class SitePage {
  /** From the route (/bibliotek/:slug). */
  readonly slug = input.required<string>();

  private readonly api = inject(PublicApi);
  private readonly title = inject(Title);
  protected readonly language = inject(LanguageService).language;
  protected readonly site = this.api.site(this.slug);
  protected readonly sessions = this.api.sessions(this.slug);

  protected readonly notFound = computed(() => statusOf(this.site.error()) === 404);
  protected readonly calendarUrl = computed(() => this.api.calendarUrl(this.slug()));

  protected readonly helpLanguages = computed(() => {
    if (!this.site.hasValue()) return '';
    const lang = this.language();
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(this.site.value().languages.map((code) => languageName(code, lang)));
  });

  /** Current and coming closures: "Stängt 24 dec.–6 jan.: Jul och nyår". */
  protected readonly closures = computed(() => {
    if (!this.site.hasValue()) return [];
    const lang = this.language();
    return (this.site.value().closures ?? []).map((c) => ({ key: `${c.from}/${c.to}`, range: formatShortDateRange(c.from, c.to, lang), reason: c.reason }));
  });

  protected readonly days = computed<DayView[]>(() => {
    if (!this.site.hasValue() || !this.sessions.hasValue()) return [];
    const { timeZone } = this.site.value();
    const lang = this.language();
    const sorted = [...this.sessions.value()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return groupBy(sorted, (s) => localDateOf(s.start)).map(({ key, items }) => ({
      date: key,
      label: formatDay(items[0]?.start ?? key, timeZone, lang),
      sessions: items.map((s) => this.toView(s, timeZone, lang)),
    }));
  });

  constructor() {
    effect(() => {
      if (this.site.hasValue()) this.title.setTitle(`${this.site.value().name} – Digihjälpen`);
    });
  }

  protected telHref(phone: string): string {
    return `tel:${phone.replace(/[^\d+]/g, '')}`;
  }

  private toView(s: PublicSession, timeZone: string, lang: string, now = Date.now()): SessionView {
    return {
      id: s.id,
      startIso: s.start,
      endIso: s.end,
      start: formatTime(s.start, timeZone, lang),
      end: formatTime(s.end, timeZone, lang),
      cancelled: s.status === 'cancelled',
      dropIn: s.dropIn,
      seatsLeft: s.slots.reduce((sum, slot) => sum + slot.seatsLeft, 0),
      hasSlots: s.slots.length > 0,
      slots: s.slots
        .filter((slot) => Date.parse(slot.start) > now)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .map((slot) => ({ id: slot.id, time: formatTime(slot.start, timeZone, lang), seatsLeft: slot.seatsLeft })),
    };
  }
}
