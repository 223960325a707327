import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, isUnderstaffed, pageCount, type Page, type StaffingView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { toApiError } from '../../shared/data/api-error';
import { formatDay, formatTime } from '../../shared/data/dates';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { CopyLink } from '../../shared/ui/copy-link';
import { FIELD } from '../../shared/ui/field';
import { Pager } from '../../shared/ui/pager';
import { HelperApi } from '../helper-api';
import { toggled } from '../../shared/data/sets';

/** Mina pass looks at least as far ahead as Lediga pass, so a shift taken there is always listed. */
export const MY_WEEKS = 8;
/** How far ahead Lediga pass looks: 4 weeks at first; never further than Mina pass. */
export const OPEN_WEEKS = 4;
export const OPEN_WEEK_CHOICES = [2, 4, 8] as const satisfies readonly number[];
type OpenWeeks = (typeof OPEN_WEEK_CHOICES)[number];

/** "1 träff behöver" / "1 234 träffar behöver" */
const sessionsNeed = (n: number) => (n === 1 ? '1 träff behöver' : `${n.toLocaleString('sv-SE')} träffar behöver`);

interface ShiftView {
  id: string;
  day: string;
  time: string;
  /** "tisdag 24 november 10:00–12:00 på Stadsbiblioteket", for texts that must make sense alone. */
  label: string;
  siteName: string;
  siteSlug: string;
  cancelled: boolean;
  started: boolean;
  helpersNeeded: number;
  helperCount: number;
  /** The other helpers on the shift. */
  others: string[];
}

/**
 * A helper's shifts: the ones they have (and can leave), the open ones (and can take; 50 a page, as
 * there can be thousands across the country), and a private calendar link so the shifts show up in
 * their own calendar.
 */
@Component({
  selector: 'dh-helper-shifts',
  imports: [RouterLink, ConfirmDialog, CopyLink, FIELD, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './helper-shifts.html',
  styleUrl: './helper-shifts.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class HelperShifts {
  private readonly api = inject(HelperApi);
  private readonly user = inject(AuthService).user;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly myWeeks = MY_WEEKS;
  protected readonly openWeekChoices = OPEN_WEEK_CHOICES;
  protected readonly openWeeks = signal<OpenWeeks>(OPEN_WEEKS);
  /** The page of open shifts; back to page 1 whenever the weeks change. */
  protected readonly openPage = linkedSignal<OpenWeeks, number>({ source: this.openWeeks, computation: () => 1 });
  protected readonly mine = this.api.myShifts(() => MY_WEEKS);
  protected readonly open = this.api.openShifts(
    () => this.openWeeks(),
    () => this.openPage(),
  );

  /** The last page of open shifts that came, kept while the next one loads (so the pager stays in place). */
  private readonly shownOpen = linkedSignal<Page<StaffingView> | undefined, Page<StaffingView> | undefined>({
    source: () => (this.open.hasValue() ? this.open.value() : undefined),
    computation: (page, previous) => page ?? previous?.value,
  });
  protected readonly openPages = computed(() => {
    const shown = this.shownOpen();
    return shown ? pageCount(shown.total, shown.pageSize) : 1;
  });
  protected readonly openTotal = computed(() => (this.open.hasValue() ? this.open.value().total : 0));
  /** "12 träffar behöver fler digivärdar de kommande 4 veckorna." */
  protected readonly openCountText = computed(() => `${sessionsNeed(this.openTotal())} fler digivärdar de kommande ${this.openWeeks()} veckorna.`);
  /** "Här visas pass 51–100." when there is more than one page. */
  protected readonly openRangeText = computed(() => {
    if (!this.open.hasValue() || this.openPages() <= 1) return '';
    const { items, page, pageSize } = this.open.value();
    if (!items.length) return '';
    const first = (page - 1) * pageSize + 1;
    return `Här visas pass ${first}–${first + items.length - 1}.`;
  });

  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  /** Why taking a shift failed, shown above the open shifts. */
  protected readonly takeError = signal<string | null>(null);
  protected readonly leaveError = signal<string | null>(null);
  protected readonly announcement = signal('');

  protected readonly calendarLink = signal<string | null>(null);
  protected readonly calendarPending = signal(false);
  protected readonly calendarError = signal<string | null>(null);
  /** The same link for calendar apps: webcal:// opens the phone's or computer's calendar. */
  protected readonly webcalLink = computed(() => this.calendarLink()?.replace(/^https?:\/\//, 'webcal://') ?? null);

  /** The API lists last week's shifts too; only the coming ones (and one going on now) are shown. */
  protected readonly myShifts = computed(() => {
    const now = Date.now();
    return this.mine
      .value()
      .filter((s) => Date.parse(s.end) > now)
      .map((s) => this.toView(s, now));
  });
  protected readonly openShifts = computed(() => {
    const now = Date.now();
    return this.open.hasValue() ? this.open.value().items.map((s) => this.toView(s, now)) : [];
  });

  constructor() {
    // Taking the last shift on the last page (here or elsewhere) can leave the page empty: show the new last page.
    effect(() => {
      if (!this.open.hasValue()) return;
      const { items, page, pageSize, total } = this.open.value();
      const last = pageCount(total, pageSize);
      if (items.length === 0 && page > last) this.openPage.set(last);
    });
  }

  protected setOpenWeeks(weeks: OpenWeeks): void {
    this.openWeeks.set(weeks);
    this.takeError.set(null);
  }

  protected goToOpenPage(page: number): void {
    this.openPage.set(Math.min(Math.max(1, page), this.openPages()));
    this.takeError.set(null);
    this.focus('open-heading');
  }

  protected async take(shift: ShiftView): Promise<void> {
    if (this.pending().has(shift.id)) return;
    const row = this.open.hasValue() ? this.open.value().items.find((s) => s.sessionId === shift.id) : undefined;
    const me = this.user();
    if (!row || !me) return;
    this.setPending(shift.id, true);
    this.takeError.set(null);
    try {
      await this.api.takeShift(shift.id);
      const helpers = [...row.helpers, { id: me.id, name: me.name }];
      const taken: StaffingView = { ...row, helpers, understaffed: isUnderstaffed({ ...row, helpers: helpers.length }) };
      this.open.update((page) => page && { ...page, items: page.items.filter((s) => s.sessionId !== shift.id), total: Math.max(0, page.total - 1) });
      // The shift leaves the list at once; the reload brings the next shift up onto this page and the true total.
      this.open.reload();
      this.mine.update((list) => [...list.filter((s) => s.sessionId !== shift.id), taken].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)));
      this.announcement.set(`Du har tagit passet ${shift.label}. Det finns nu under Mina pass.`);
      this.focus(`mine-${shift.id}`);
    } catch (error) {
      const apiError = toApiError(error);
      this.takeError.set(`Du kunde inte ta passet ${shift.label}. ${apiError.message}`);
      // Full, cancelled or already yours: the lists are out of date.
      if (apiError.status === 409) {
        this.open.reload();
        this.mine.reload();
      }
      this.focus('take-error');
    } finally {
      this.setPending(shift.id, false);
    }
  }

  protected async leave(shift: ShiftView): Promise<void> {
    const yes = await this.confirm().ask({
      title: 'Lämna passet?',
      text: `${shift.label.charAt(0).toLocaleUpperCase('sv')}${shift.label.slice(1)}. Passet blir ledigt så att en annan digivärd kan ta det.`,
      confirm: 'Ja, lämna passet',
      cancel: 'Nej, behåll passet',
    });
    if (!yes || this.pending().has(shift.id)) return;
    this.setPending(shift.id, true);
    this.leaveError.set(null);
    try {
      await this.api.leaveShift(shift.id);
      this.mine.update((list) => list.filter((s) => s.sessionId !== shift.id));
      // The session may need a helper again.
      this.open.reload();
      this.announcement.set(`Du har lämnat passet ${shift.label}.`);
      this.focus('mine-heading');
    } catch (error) {
      this.leaveError.set(`Du kunde inte lämna passet ${shift.label}. ${toApiError(error).message}`);
      this.mine.reload();
      this.focus('leave-error');
    } finally {
      this.setPending(shift.id, false);
    }
  }

  protected async makeCalendarLink(): Promise<void> {
    if (this.calendarPending()) return;
    if (this.calendarLink()) {
      const yes = await this.confirm().ask({
        title: 'Skapa en ny kalenderlänk?',
        text: 'Den länk du har nu slutar fungera. Kalendrar som använder den visar inte dina pass längre, så du behöver lägga in den nya länken.',
        confirm: 'Ja, skapa en ny länk',
        cancel: 'Nej, behåll länken',
      });
      if (!yes) return;
    }
    this.calendarPending.set(true);
    this.calendarError.set(null);
    try {
      this.calendarLink.set(await this.api.newCalendarLink());
      this.announcement.set('Din kalenderlänk är klar.');
      this.focus('calendar-link');
    } catch (error) {
      this.calendarError.set(toApiError(error).message);
    } finally {
      this.calendarPending.set(false);
    }
  }

  private toView(s: StaffingView, now: number): ShiftView {
    const day = formatDay(s.start, DEFAULT_TIME_ZONE, 'sv');
    const time = `${formatTime(s.start, DEFAULT_TIME_ZONE, 'sv')}–${formatTime(s.end, DEFAULT_TIME_ZONE, 'sv')}`;
    const me = this.user()?.id;
    return {
      id: s.sessionId,
      day,
      time,
      label: `${day.toLocaleLowerCase('sv')} ${time} på ${s.siteName}`,
      siteName: s.siteName,
      siteSlug: s.siteSlug,
      cancelled: s.status === 'cancelled',
      started: Date.parse(s.start) <= now,
      helpersNeeded: s.helpersNeeded,
      helperCount: s.helpers.length,
      others: s.helpers.filter((h) => h.id !== me).map((h) => h.name),
    };
  }

  private setPending(id: string, on: boolean): void {
    this.pending.update((set) => toggled(set, id, on));
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
