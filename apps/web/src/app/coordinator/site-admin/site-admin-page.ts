import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { Schedule, Site } from '@digihjalpen/domain';
import { statusOf } from '../../shared/data/api-error';
import { formatDay, formatTime, localDateOf, todayIn } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { CoordinatorApi, type CoordinatorSession, type ScheduleChange } from '../coordinator-api';
import { ScheduleForm } from '../schedule-form/schedule-form';
import { SiteForm } from '../site-form/site-form';
import { messageAfterCopy } from '../copy-site/copy-site-api';
import { describeWeeklySchedule } from '../copy-site/schedule-summary';
import { CancelSessionDialog, type SessionToCancel } from './cancel-session-dialog';
import { ExtraSessionForm } from './extra-session-form';
import { SessionCalendar } from './session-calendar';

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

/** A session the changed schedule no longer gives, but that has bookings or helpers and so was kept. */
interface KeptSessionView {
  id: string;
  day: string;
  time: string;
  cancelled: boolean;
  seatsBooked: number;
  helpers: number;
}

/** "3 nya träffar, 2 borttagna." */
export function describeChange(change: Pick<ScheduleChange, 'created' | 'removed'>): string {
  if (change.created === 0 && change.removed === 0) return 'Inga träffar lades till eller togs bort.';
  const created = `${change.created} ${change.created === 1 ? 'ny träff' : 'nya träffar'}`;
  const removed = `${change.removed} ${change.removed === 1 ? 'borttagen' : 'borttagna'}`;
  return `${created}, ${removed}.`;
}

/** The sessions list covers today and 8 weeks ahead (the API's default range). */
const LIST_DAYS = 56;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * One site for its coordinator: its details and status (active or paused), its weekly schedules, the
 * coming eight weeks of sessions, extra sessions, and cancelling one.
 */
@Component({
  selector: 'dh-site-admin-page',
  imports: [RouterLink, ScheduleForm, SiteForm, ExtraSessionForm, CancelSessionDialog, SessionCalendar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-admin-page.html',
  styleUrl: './site-admin-page.css',
  host: { lang: 'sv', dir: 'ltr' },
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
  protected readonly editingSite = signal(false);
  /** After the site was saved: what changed, shown until the next edit (or, right after Kopiera plats, what the copy made). */
  protected readonly siteSaved = signal<string | null>(messageAfterCopy(this.document));
  /** Which schedule form is open: a schedule's id, 'new', or none (one at a time; they share field ids). */
  protected readonly scheduleEditor = signal<string | null>(null);
  /** The last schedule change, shown under that schedule. */
  protected readonly scheduleResult = signal<{ scheduleId: string; change: ScheduleChange } | null>(null);
  protected readonly addingExtra = signal(false);
  /** After an extra session was saved that lies beyond the list's eight weeks. */
  protected readonly extraSaved = signal<string | null>(null);
  /** Sessions cancelled on this page (some kept sessions lie beyond the list's eight weeks). */
  private readonly cancelledIds = signal<ReadonlySet<string>>(new Set());
  /** Where "Ställ in" was pressed, so focus can go back there. */
  private cancelFrom: 'list' | 'kept' = 'list';
  /** Read out by screen readers after something changed on the page. */
  protected readonly announcement = signal('');
  /** The coming sessions as a list, or as month calendars. */
  protected readonly sessionsView = signal<'list' | 'month'>('list');
  /** The local dates the sessions list covers (today and 8 weeks ahead), for the calendar's months. */
  protected readonly listRange = computed(() => {
    const from = todayIn(this.site.value()?.timeZone ?? 'Europe/Stockholm');
    return { from, to: addDays(from, LIST_DAYS) };
  });

  protected readonly sessionViews = computed<SessionView[]>(() => {
    if (!this.site.hasValue() || !this.sessions.hasValue()) return [];
    const zone = this.site.value().timeZone;
    return [...this.sessions.value()]
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((s) => this.toView(s, zone));
  });

  protected readonly understaffedCount = computed(() => this.sessionViews().filter((s) => s.understaffed).length);

  protected readonly keptSessions = computed<KeptSessionView[]>(() => {
    const result = this.scheduleResult();
    if (!result || !this.site.hasValue()) return [];
    const zone = this.site.value().timeZone;
    const listed = this.sessions.hasValue() ? this.sessions.value() : [];
    const cancelled = this.cancelledIds();
    return result.change.needsDecision.map(({ id, start }) => {
      const session = listed.find((s) => s.id === id);
      const from = formatTime(start, zone, 'sv');
      return {
        id,
        day: formatDay(start, zone, 'sv'),
        time: session ? `${from}–${formatTime(session.end, zone, 'sv')}` : from,
        cancelled: cancelled.has(id) || session?.status === 'cancelled',
        seatsBooked: session?.seatsBooked ?? 0,
        helpers: session?.helpers ?? 0,
      };
    });
  });

  constructor() {
    const title = inject(Title);
    effect(() => {
      if (this.site.hasValue()) title.setTitle(`${this.site.value().name} – Samordnare – Digihjälpen`);
    });
  }

  protected describeSchedule(s: Schedule): { when: string; period: string; details: string } {
    return describeWeeklySchedule(s);
  }

  protected askToCancel(session: SessionView | KeptSessionView, from: 'list' | 'kept' = 'list'): void {
    const target: SessionToCancel = { id: session.id, label: `${session.day} ${session.time}`, seatsBooked: session.seatsBooked };
    this.cancelFrom = from;
    this.cancelDialog().open(target);
  }

  protected onCancelled(updated: CoordinatorSession): void {
    this.sessions.update((list) => list.map((s) => (s.id === updated.id ? updated : s)));
    this.cancelledIds.update((ids) => new Set(ids).add(updated.id));
    const zone = this.site.value()?.timeZone ?? 'Europe/Stockholm';
    const when = `${formatDay(updated.start, zone, 'sv')} ${formatTime(updated.start, zone, 'sv')}–${formatTime(updated.end, zone, 'sv')}`;
    this.announcement.set(`Träffen ${when} är inställd.`);
    // The "Ställ in" button is gone; put focus on the session it belonged to instead of losing it.
    const target = this.cancelFrom === 'kept' ? `kept-${updated.id}` : `session-${updated.id}`;
    this.focusLater(target);
  }

  protected editSite(): void {
    this.siteSaved.set(null);
    this.editingSite.set(true);
    this.focusLater('edit-site-heading');
  }

  protected stopEditingSite(): void {
    this.editingSite.set(false);
    this.focusLater('edit-site');
  }

  protected onSiteUpdated(updated: Site): void {
    this.site.set(updated);
    this.editingSite.set(false);
    this.siteSaved.set(
      updated.active
        ? 'Ändringarna är sparade. Platsen är aktiv och syns för besökare.'
        : 'Ändringarna är sparade. Platsen är pausad och syns inte för besökare.',
    );
    this.focusLater('site-saved');
  }

  protected editSchedule(id: string): void {
    this.scheduleResult.set(null);
    this.scheduleEditor.set(id);
    this.focusLater(id === 'new' ? 'new-schedule-heading' : `edit-schedule-heading-${id}`);
  }

  protected stopEditingSchedule(): void {
    const id = this.scheduleEditor();
    this.scheduleEditor.set(null);
    this.focusLater(id && id !== 'new' ? `edit-schedule-${id}` : 'add-schedule');
  }

  protected onScheduleSaved(change: ScheduleChange): void {
    this.scheduleEditor.set(null);
    this.schedules.reload();
    this.sessions.reload();
    this.announcement.set(`Schemat är sparat. ${change.created} ${change.created === 1 ? 'träff' : 'träffar'} har lagts in.`);
  }

  /** A changed schedule: say what happened to its sessions, and list the kept ones to decide about. */
  protected onScheduleChanged(change: ScheduleChange): void {
    this.scheduleEditor.set(null);
    this.scheduleResult.set({ scheduleId: change.schedule.id, change });
    this.schedules.update((list) => list.map((s) => (s.id === change.schedule.id ? change.schedule : s)));
    this.schedules.reload();
    this.sessions.reload();
    this.focusLater('schedule-result');
  }

  protected describeChange(change: ScheduleChange): string {
    return describeChange(change);
  }

  protected closeScheduleResult(): void {
    const id = this.scheduleResult()?.scheduleId;
    this.scheduleResult.set(null);
    if (id) this.focusLater(`edit-schedule-${id}`);
  }

  protected addExtra(): void {
    this.extraSaved.set(null);
    this.addingExtra.set(true);
    this.focusLater('extra-heading');
  }

  protected stopAddingExtra(): void {
    this.addingExtra.set(false);
    this.focusLater('add-extra');
  }

  /** The new session goes into the list and gets focus; one beyond the list's 8 weeks gets a message instead. */
  protected onExtraCreated(session: CoordinatorSession): void {
    this.addingExtra.set(false);
    const zone = this.site.value()?.timeZone ?? 'Europe/Stockholm';
    const when = `${formatDay(session.start, zone, 'sv')} ${formatTime(session.start, zone, 'sv')}–${formatTime(session.end, zone, 'sv')}`;
    const lastListed = addDays(todayIn(zone), LIST_DAYS);
    if (localDateOf(session.start) > lastListed) {
      this.extraSaved.set(`Den extra träffen ${when} är sparad. Den ligger mer än 8 veckor fram, så den visas inte i listan än.`);
      this.focusLater('extra-saved');
      return;
    }
    this.sessions.update((list) => [...list.filter((s) => s.id !== session.id), session]);
    // The new session gets focus in the list, where it can also be cancelled.
    this.sessionsView.set('list');
    this.announcement.set(`Den extra träffen ${when} är sparad.`);
    this.focusLater(`session-${session.id}`);
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

  /** After the next render, focus the element with this id (a heading or the button that opened a form). */
  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
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
