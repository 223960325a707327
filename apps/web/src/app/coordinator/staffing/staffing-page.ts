import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, isUnderstaffed, matchesSearch, pageCount, type HelperListed, type Page, type StaffingView } from '@digihjalpen/domain';
import { toApiError } from '../../shared/data/api-error';
import { formatDateRange, formatDay, formatTime, groupBy, isoWeekOf, todayIn } from '../../shared/data/dates';
import { toggled } from '../../shared/data/sets';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FIELD } from '../../shared/ui/field';
import { Pager } from '../../shared/ui/pager';
import { CoordinatorApi } from '../coordinator-api';
import { HelperPicker } from '../helpers/helper-picker';
import { OpenShiftsDigest } from './open-shifts-digest';

export const WEEK_CHOICES = [4, 8] as const;
type Weeks = (typeof WEEK_CHOICES)[number];

/** Up to this many active sites, every site is a checkbox; with more, a search narrows the list. */
export const SITES_WITHOUT_SEARCH = 12;
/** Sites found by the site search that are shown at once. */
const SITE_MATCHES = 20;

interface SessionView {
  id: string;
  siteId: string;
  siteName: string;
  /** Local date (YYYY-MM-DD) in Stockholm. */
  date: string;
  day: string;
  time: string;
  /** "Stadsbiblioteket tisdag 24 november 10:00–12:00", for labels that must make sense alone. */
  label: string;
  cancelled: boolean;
  understaffed: boolean;
  helpersNeeded: number;
  helpers: { id: string; name: string }[];
  helperIds: string[];
}

interface WeekView {
  key: string;
  heading: string;
  range: string;
  sessions: SessionView[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
const sessionsText = (n: number) => (n === 1 ? '1 träff' : `${n.toLocaleString('sv-SE')} träffar`);

/**
 * Who works when: the coming sessions at the chosen sites (or every site), 200 a page, grouped by
 * week, with the helpers on shift. The coordinator adds helpers (searched by name) and removes them
 * here; gaps are flagged in words.
 */
@Component({
  selector: 'dh-staffing-page',
  imports: [RouterLink, FIELD, ConfirmDialog, Pager, HelperPicker, OpenShiftsDigest],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staffing-page.html',
  styleUrl: './staffing-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class StaffingPage {
  private readonly api = inject(CoordinatorApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly weekChoices = WEEK_CHOICES;
  protected readonly weeks = signal<Weeks>(4);
  /** The chosen sites; none: every site. */
  protected readonly siteIds = signal<readonly string[]>([]);
  protected readonly page = signal(1);
  protected readonly staffing = this.api.staffing(() => ({ weeks: this.weeks(), siteIds: this.siteIds(), page: this.page() }));

  protected readonly sites = this.api.sites();
  protected readonly siteSearch = signal('');
  private readonly activeSites = computed(() => this.sites.value().filter((s) => s.active).sort(byName));
  protected readonly searchSites = computed(() => this.activeSites().length > SITES_WITHOUT_SEARCH);
  /** The checkboxes: the chosen sites first, then every site or (with many) the ones the search finds. */
  protected readonly siteChoices = computed(() => {
    const chosen = new Set(this.siteIds());
    const all = this.activeSites();
    if (!this.searchSites()) return all;
    const query = this.siteSearch().trim();
    const found = query ? all.filter((s) => !chosen.has(s.id) && matchesSearch(query, s.name)).slice(0, SITE_MATCHES) : [];
    return [...all.filter((s) => chosen.has(s.id)), ...found];
  });
  protected readonly siteSearchStatus = computed(() => {
    const query = this.siteSearch().trim();
    if (!query) return '';
    const chosen = new Set(this.siteIds());
    const found = this.activeSites().filter((s) => !chosen.has(s.id) && matchesSearch(query, s.name)).length;
    if (found === 0) return 'Inga platser heter så.';
    return found > SITE_MATCHES ? `${found} platser hittades. Här visas de ${SITE_MATCHES} första; skriv mer av namnet.` : `${found === 1 ? '1 plats' : `${found} platser`} hittades.`;
  });

  /** The session whose "add a helper" search is open. */
  protected readonly adding = signal<string | null>(null);
  /** A message at a session after adding failed, by session id. */
  protected readonly assignErrors = signal<Readonly<Record<string, string>>>({});
  /** Sessions with a change on its way to the API. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  protected readonly announcement = signal('');

  /** The last page that came, kept while the next one loads (so the pager and the range stay in place). */
  private readonly shown = linkedSignal<Page<StaffingView> | undefined, Page<StaffingView> | undefined>({
    source: () => (this.staffing.hasValue() ? this.staffing.value() : undefined),
    computation: (page, previous) => page ?? previous?.value,
  });
  protected readonly pages = computed(() => {
    const shown = this.shown();
    return shown ? pageCount(shown.total, shown.pageSize) : 1;
  });
  protected readonly rangeText = computed(() => {
    if (!this.staffing.hasValue()) return `Hämtar sida ${this.page()} …`;
    const { items, page, pageSize, total } = this.staffing.value();
    const first = (page - 1) * pageSize + 1;
    return `Här visas träff ${first}–${first + items.length - 1} av ${total.toLocaleString('sv-SE')}, sida ${page} av ${this.pages()}.`;
  });

  /** "de kommande 4 veckorna på Norrby bibliotek" */
  protected readonly scope = computed(() => {
    const ids = this.siteIds();
    const where = ids.length === 1 ? ` på ${this.activeSites().find((s) => s.id === ids[0])?.name ?? 'den valda platsen'}` : ids.length > 1 ? ` på ${ids.length} valda platser` : '';
    return `de kommande ${this.weeks()} veckorna${where}`;
  });

  protected readonly sessionViews = computed<SessionView[]>(() => (this.staffing.hasValue() ? this.staffing.value().items.map((s) => this.toView(s)) : []));

  protected readonly weekViews = computed<WeekView[]>(() =>
    groupBy(this.sessionViews(), (s) => isoWeekOf(s.date).monday).map(({ key, items }) => {
      const week = isoWeekOf(key);
      return { key, heading: `Vecka ${week.week}`, range: formatDateRange(week.monday, week.sunday, 'sv'), sessions: items };
    }),
  );

  protected readonly understaffedCount = computed(() => this.sessionViews().filter((s) => s.understaffed).length);
  protected readonly understaffedText = computed(() => {
    const n = this.understaffedCount();
    return `${sessionsText(n)} saknar digivärdar`;
  });

  protected setWeeks(weeks: Weeks): void {
    this.weeks.set(weeks);
    this.filterChanged();
  }

  protected setSite(id: string, on: boolean): void {
    this.siteIds.update((ids) => (on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((i) => i !== id)));
    this.filterChanged();
  }

  protected allSites(): void {
    this.siteIds.set([]);
    this.siteSearch.set('');
    this.filterChanged();
  }

  protected goTo(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pages()));
    this.adding.set(null);
    this.assignErrors.set({});
    afterNextRender(() => this.document.getElementById('staffing-range')?.focus(), { injector: this.injector });
  }

  protected openAdd(session: SessionView): void {
    this.adding.set(session.id);
    this.setError(session.id, null);
    afterNextRender(() => this.document.getElementById(`assign-${session.id}`)?.focus(), { injector: this.injector });
  }

  protected closeAdd(session: SessionView): void {
    this.adding.set(null);
    this.setError(session.id, null);
    this.focusLater(`add-${session.id}`);
  }

  protected async assign(session: SessionView, helper: HelperListed): Promise<void> {
    if (this.pending().has(session.id)) return;
    this.setPending(session.id, true);
    this.setError(session.id, null);
    try {
      await this.api.assignHelper(session.id, helper.id);
      this.updateSession(session.id, (s) => ({ ...s, helpers: [...s.helpers, { id: helper.id, name: helper.name }].sort(byName) }));
      this.announcement.set(`${helper.name} har nu passet ${session.label}.`);
      this.adding.set(null);
      // The search is gone: go back to its button, ready to add one more.
      this.focusLater(`add-${session.id}`);
    } catch (error) {
      const apiError = toApiError(error);
      this.setError(session.id, apiError.fields['helperId'] ?? apiError.message);
      // Someone else changed the session (cancelled it, or added the helper): show how it is now.
      if (apiError.status === 409) this.staffing.reload();
    } finally {
      this.setPending(session.id, false);
    }
  }

  protected async askToRemove(session: SessionView, helper: { id: string; name: string }): Promise<void> {
    const yes = await this.confirm().ask({
      title: `Ta bort ${helper.name} från passet?`,
      text: `${session.label}. Passet blir ledigt, och andra digivärdar kan ta det.`,
      confirm: 'Ja, ta bort',
      cancel: 'Nej, behåll',
    });
    if (!yes || this.pending().has(session.id)) return;
    this.setPending(session.id, true);
    this.setError(session.id, null);
    try {
      await this.api.removeHelper(session.id, helper.id);
      this.updateSession(session.id, (s) => ({ ...s, helpers: s.helpers.filter((h) => h.id !== helper.id) }));
      this.announcement.set(`${helper.name} har inte längre passet ${session.label}.`);
    } catch (error) {
      const apiError = toApiError(error);
      this.announcement.set(apiError.message);
      this.setError(session.id, apiError.message);
      if (apiError.status === 404 || apiError.status === 409) this.staffing.reload();
    } finally {
      this.setPending(session.id, false);
      // The "Ta bort" button is gone (or the list changed); start again at the session.
      this.focusLater(`session-${session.id}`);
    }
  }

  private filterChanged(): void {
    this.page.set(1);
    this.adding.set(null);
    this.assignErrors.set({});
    this.announcement.set('');
  }

  private toView(s: StaffingView): SessionView {
    const day = formatDay(s.start, DEFAULT_TIME_ZONE, 'sv');
    const time = `${formatTime(s.start, DEFAULT_TIME_ZONE, 'sv')}–${formatTime(s.end, DEFAULT_TIME_ZONE, 'sv')}`;
    return {
      id: s.sessionId,
      siteId: s.siteId,
      siteName: s.siteName,
      date: todayIn(DEFAULT_TIME_ZONE, new Date(s.start)),
      day,
      time,
      label: `${s.siteName} ${day.toLocaleLowerCase('sv')} ${time}`,
      cancelled: s.status === 'cancelled',
      understaffed: s.understaffed,
      helpersNeeded: s.helpersNeeded,
      helpers: s.helpers,
      helperIds: s.helpers.map((h) => h.id),
    };
  }

  private updateSession(id: string, change: (s: StaffingView) => StaffingView): void {
    this.staffing.update((page) =>
      page
        ? {
            ...page,
            items: page.items.map((s) => {
              if (s.sessionId !== id) return s;
              const next = change(s);
              return { ...next, understaffed: isUnderstaffed({ status: next.status, helpersNeeded: next.helpersNeeded, helpers: next.helpers.length }) };
            }),
          }
        : page,
    );
  }

  private setError(sessionId: string, message: string | null): void {
    this.assignErrors.update((errors) => {
      const { [sessionId]: _old, ...rest } = errors;
      return message ? { ...rest, [sessionId]: message } : rest;
    });
  }

  private setPending(sessionId: string, on: boolean): void {
    this.pending.update((set) => toggled(set, sessionId, on));
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
