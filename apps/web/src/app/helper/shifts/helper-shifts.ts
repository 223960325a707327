import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, isUnderstaffed, type StaffingView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { toApiError } from '../../shared/data/api-error';
import { formatDay, formatTime } from '../../shared/data/dates';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { CopyLink } from '../../shared/ui/copy-link';
import { HelperApi } from '../helper-api';
import { toggled } from '../../shared/data/sets';

/** Mina pass looks further ahead than Lediga pass, so a shift taken there is always listed. */
export const MY_WEEKS = 8;
export const OPEN_WEEKS = 4;

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
 * A helper's shifts: the ones they have (and can leave), the open ones (and can take), and a private
 * calendar link so the shifts show up in their own calendar.
 */
@Component({
  selector: 'dh-helper-shifts',
  imports: [RouterLink, ConfirmDialog, CopyLink],
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
  protected readonly openWeeks = OPEN_WEEKS;
  protected readonly mine = this.api.myShifts(() => MY_WEEKS);
  protected readonly open = this.api.openShifts(() => OPEN_WEEKS);

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
    return this.open.value().map((s) => this.toView(s, now));
  });

  protected async take(shift: ShiftView): Promise<void> {
    if (this.pending().has(shift.id)) return;
    const row = this.open.value().find((s) => s.sessionId === shift.id);
    const me = this.user();
    if (!row || !me) return;
    this.setPending(shift.id, true);
    this.takeError.set(null);
    try {
      await this.api.takeShift(shift.id);
      const helpers = [...row.helpers, { id: me.id, name: me.name }];
      const taken: StaffingView = { ...row, helpers, understaffed: isUnderstaffed({ ...row, helpers: helpers.length }) };
      this.open.update((list) => list.filter((s) => s.sessionId !== shift.id));
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
