import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { Schedule } from '@digihjalpen/domain';
import { statusOf } from '../../shared/data/api-error';
import { formatDay, formatShortDate, formatTime } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { CoordinatorApi, type CoordinatorSession, type ScheduleChange } from '../coordinator-api';
import { ScheduleForm } from '../schedule-form/schedule-form';
import { CancelSessionDialog, type SessionToCancel } from './cancel-session-dialog';

const WEEKDAYS_PLURAL = ['', 'måndagar', 'tisdagar', 'onsdagar', 'torsdagar', 'fredagar', 'lördagar', 'söndagar'];

interface SessionView {
  id: string;
  day: string;
  time: string;
  cancelled: boolean;
  cancelReason: string | null;
  seats: number;
  seatsBooked: number;
  helpers: number;
  helpersNeeded: number;
  understaffed: boolean;
  dropIn: boolean;
  oneOff: boolean;
}

/** One site for its coordinator: schedules, the coming eight weeks of sessions, and cancelling one. */
@Component({
  selector: 'dh-site-admin-page',
  imports: [RouterLink, ScheduleForm, CancelSessionDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-admin-page.html',
  styleUrl: './site-admin-page.css',
  host: { lang: 'sv' },
})
export class SiteAdminPage {
  /** From the route (/samordnare/platser/:id). */
  readonly id = input.required<string>();

  private readonly api = inject(CoordinatorApi);
  private readonly publicApi = inject(PublicApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly cancelDialog = viewChild.required(CancelSessionDialog);

  protected readonly site = this.api.site(this.id);
  protected readonly schedules = this.api.schedules(this.id);
  protected readonly sessions = this.api.sessions(this.id);
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.site.error())));
  protected readonly addingSchedule = signal(false);
  /** Read out by screen readers after something changed on the page. */
  protected readonly announcement = signal('');

  protected readonly sessionViews = computed<SessionView[]>(() => {
    if (!this.site.hasValue() || !this.sessions.hasValue()) return [];
    const zone = this.site.value().timeZone;
    return [...this.sessions.value()]
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((s) => this.toView(s, zone));
  });

  protected readonly understaffedCount = computed(() => this.sessionViews().filter((s) => s.understaffed).length);

  constructor() {
    const title = inject(Title);
    effect(() => {
      if (this.site.hasValue()) title.setTitle(`${this.site.value().name} – Samordnare – Digihjälpen`);
    });
  }

  protected describeSchedule(s: Schedule): { when: string; period: string; details: string } {
    const days = new Intl.ListFormat('sv', { type: 'conjunction' }).format(s.weekdays.map((d) => WEEKDAYS_PLURAL[d] ?? String(d)));
    const when = `${days.charAt(0).toLocaleUpperCase('sv')}${days.slice(1)} ${s.startTime}–${s.endTime}`;
    const period = s.validUntil
      ? `Från ${formatShortDate(s.validFrom, 'sv')} till ${formatShortDate(s.validUntil, 'sv')}`
      : `Från ${formatShortDate(s.validFrom, 'sv')}, tills vidare`;
    const seats = `${s.seatsPerSlot} ${s.seatsPerSlot === 1 ? 'plats' : 'platser'}`;
    const helpers = `${s.helpersNeeded} ${s.helpersNeeded === 1 ? 'digivärd behövs' : 'digivärdar behövs'}`;
    const details = `Tider på ${s.slotMinutes} minuter, ${seats} per tid. ${s.dropIn ? 'Drop-in.' : 'Bara bokade besök.'} ${helpers}.`;
    return { when, period, details };
  }

  protected askToCancel(session: SessionView): void {
    const target: SessionToCancel = { id: session.id, label: `${session.day} ${session.time}`, seatsBooked: session.seatsBooked };
    this.cancelDialog().open(target);
  }

  protected onCancelled(updated: CoordinatorSession): void {
    this.sessions.update((list) => list.map((s) => (s.id === updated.id ? updated : s)));
    const view = this.sessionViews().find((s) => s.id === updated.id);
    this.announcement.set(view ? `Träffen ${view.day} ${view.time} är inställd.` : 'Träffen är inställd.');
    // The "Ställ in" button is gone; put focus on the session it belonged to instead of losing it.
    afterNextRender(() => this.document.getElementById(`session-${updated.id}`)?.focus(), { injector: this.injector });
  }

  protected onScheduleSaved(change: ScheduleChange): void {
    this.addingSchedule.set(false);
    this.schedules.reload();
    this.sessions.reload();
    this.announcement.set(`Schemat är sparat. ${change.created} ${change.created === 1 ? 'träff' : 'träffar'} har lagts in.`);
  }

  protected publicPath(slug: string): string {
    return `/bibliotek/${slug}`;
  }

  /** A printable A4 poster with the coming sessions and a QR code to the public page. */
  protected posterUrl(slug: string): string {
    return `/api/public/sites/${encodeURIComponent(slug)}/poster`;
  }

  protected calendarUrl(slug: string): string {
    return this.publicApi.calendarUrl(slug);
  }

  private toView(s: CoordinatorSession, zone: string): SessionView {
    return {
      id: s.id,
      day: formatDay(s.start, zone, 'sv'),
      time: `${formatTime(s.start, zone, 'sv')}–${formatTime(s.end, zone, 'sv')}`,
      cancelled: s.status === 'cancelled',
      cancelReason: s.cancelReason,
      seats: s.slots.reduce((sum, slot) => sum + slot.seats, 0),
      seatsBooked: s.seatsBooked,
      helpers: s.helpers,
      helpersNeeded: s.helpersNeeded,
      understaffed: s.understaffed,
      dropIn: s.dropIn,
      oneOff: s.scheduleId === null,
    };
  }
}
