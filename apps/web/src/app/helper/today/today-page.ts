import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, computed, effect, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, type Attendance, type DeskBookingView, type DeskSessionView, type VisitInput } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatDay, formatTime } from '../../shared/data/dates';
import { toggled } from '../../shared/data/sets';
import { VisitQueue, type QueuedVisit } from '../../shared/data/visit-queue/visit-queue';
import { BUILTIN_CATEGORIES, OUTCOME_LABELS, categoryLabel, languageLabel } from '../../shared/data/visit-labels';
import { VisitsApi } from '../../shared/data/visits-api';
import { WEB_CRYPTO } from '../../shared/data/web-crypto';
import { draftOf, newDraft, type VisitDraft, type VisitFields } from '../../shared/ui/visit-form/visit-draft';
import { VisitForm } from '../../shared/ui/visit-form/visit-form';
import { DeskApi } from '../desk-api';
import { FollowUpBooking, type FollowUpPerson, type FollowUpSite } from './follow-up-booking';
import { SessionReport } from './session-report';

/** The report button shows this long before the session ends (and the form opens by itself after it). */
export const REPORT_OPENS_MINUTES = 30;
const CLOCK_MS = 30_000;
const SENT_TEXT = 'Besöket är sparat.';
const QUEUED_TEXT = 'Besöket är sparat på datorn. Det skickas när internet fungerar igen.';
const REFUSED_TEXT = 'Besöket kunde inte skickas. Rätta det under ”besök behöver rättas” överst på sidan.';

/** The visit form that is open: for a booking, a drop-in, or a queued visit the API refused. */
interface OpenVisit {
  sessionId: string;
  bookingId: string | null;
  clientId: string;
  heading: string;
  draft: VisitDraft;
  /** When "Starta besök" was pressed; null when the duration is already known (correcting). */
  startedAt: number | null;
  /** Where focus goes when the form closes. */
  returnTo: string;
}

interface BookingRow {
  id: string;
  time: string;
  name: string;
  /** "Amina 13:00", so every button's name makes sense alone. */
  label: string;
  topics: string;
  language: string;
  ownDevice: string;
  needs: string | null;
  attendance: Attendance | null;
  visitLogged: boolean;
  booking: DeskBookingView;
}

interface SessionRow {
  id: string;
  siteSlug: string;
  siteName: string;
  time: string;
  timeZone: string;
  cancelled: boolean;
  started: boolean;
  ended: boolean;
  /** Close enough to the end to offer "Avsluta träffen". */
  nearEnd: boolean;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  bookings: BookingRow[];
  dropIn: boolean;
  visitsLogged: number;
  /** This session's visits still in the queue. */
  waiting: number;
  report: { confirmedAt: string; confirmedBy: string } | null;
}

const OWN_DEVICE = (own: boolean | null) => (own === true ? 'Tar med egen' : own === false ? 'Har ingen egen' : 'Vet inte');

/**
 * The helper's start on a session day (/personal/idag): today's sessions they are on, their own
 * check-in and check-out, the booked people by time with check-in, no-show and "Starta besök",
 * drop-in visits, what still waits to be sent, and the end-of-session report.
 */
@Component({
  selector: 'dh-today-page',
  imports: [RouterLink, VisitForm, SessionReport, FollowUpBooking],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './today-page.html',
  styleUrl: './today-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class TodayPage {
  private readonly api = inject(DeskApi);
  private readonly crypto = inject(WEB_CRYPTO);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthService);
  protected readonly queue = inject(VisitQueue);
  private readonly form = viewChild(VisitForm);

  protected readonly desk = this.api.today();
  private readonly categoryList = inject(VisitsApi).categories();
  /** The fetched categories, or the built-in ones when the laptop is offline. */
  protected readonly categories = computed(() => (this.categoryList.hasValue() && this.categoryList.value().length ? this.categoryList.value() : BUILTIN_CATEGORIES));

  private readonly now = signal(Date.now());
  protected readonly today = computed(() => formatDay(new Date(this.now()).toISOString(), DEFAULT_TIME_ZONE, 'sv'));

  protected readonly open = signal<OpenVisit | null>(null);
  protected readonly saving = signal(false);
  protected readonly visitError = signal<ApiError | null>(null);
  /** The last saved visit, shown in its session: sent, or waiting in the queue (until it is sent). */
  protected readonly notice = signal<{ sessionId: string; clientId: string } | null>(null);
  protected readonly shownNotice = computed(() => {
    const n = this.notice();
    if (!n) return null;
    const queued = this.queue.all().find((e) => e.input.clientId === n.clientId);
    const text = !queued ? SENT_TEXT : queued.problem ? REFUSED_TEXT : QUEUED_TEXT;
    return { sessionId: n.sessionId, waiting: !!queued, text };
  });
  /** Something waited since the page opened: "Alla besök är skickade" is news once it is all out. */
  protected readonly hadWaiting = signal(false);
  /** Per booking or session: why the last click did not work. */
  protected readonly actionErrors = signal<Readonly<Record<string, string>>>({});
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  /** Sessions whose report form the helper opened with "Avsluta träffen". */
  protected readonly reportOpen = signal<ReadonlySet<string>>(new Set());
  /** Read out by screen readers after an action. */
  protected readonly announcement = signal('');
  /** After a visit with the outcome "follow-up": booking the person's next time, in that session. */
  protected readonly followUp = signal<{ sessionId: string; site: FollowUpSite; person: FollowUpPerson } | null>(null);

  protected readonly sessions = computed<SessionRow[]>(() => {
    const now = this.now();
    const queued = this.queue.waitingVisits();
    return this.desk.value().map((d) => this.toRow(d, now, queued));
  });

  protected readonly problems = computed(() =>
    this.queue.problems().map((entry) => ({
      entry,
      id: entry.input.clientId,
      summary: this.describe(entry),
      message: entry.problem?.message ?? '',
    })),
  );

  constructor() {
    effect(() => {
      if (this.queue.waiting() > 0) this.hadWaiting.set(true);
    });
    const timer = setInterval(() => this.now.set(Date.now()), CLOCK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    // A visit the API stored (now or after waiting): count it and mark its booking.
    this.queue.sent$.pipe(takeUntilDestroyed()).subscribe((visit) => {
      this.desk.update((list) =>
        list.map((d) =>
          d.session.id !== visit.sessionId
            ? d
            : { ...d, visitsLogged: d.visitsLogged + 1, bookings: d.bookings.map((b) => (b.id === visit.bookingId ? { ...b, visitLogged: true } : b)) },
        ),
      );
    });
  }

  protected async checkInShift(session: SessionRow): Promise<void> {
    await this.act(session.id, session.id, async () => {
      await this.api.checkIn(session.id);
      const at = new Date().toISOString();
      this.updateDesk(session.id, (d) => ({ ...d, shift: { ...d.shift, checkedInAt: at } }));
      this.announcement.set(`Du är incheckad på passet kl. ${formatTime(at, session.timeZone, 'sv')}.`);
      this.focusLater(`shift-${session.id}`);
    });
  }

  protected async checkOutShift(session: SessionRow): Promise<void> {
    await this.act(session.id, session.id, async () => {
      await this.api.checkOut(session.id);
      const at = new Date().toISOString();
      this.updateDesk(session.id, (d) => ({ ...d, shift: { ...d.shift, checkedOutAt: at } }));
      this.announcement.set(`Du är utcheckad från passet kl. ${formatTime(at, session.timeZone, 'sv')}. Tiden sparas som en timrapport.`);
      this.focusLater(`shift-${session.id}`);
    });
  }

  protected async setAttendance(session: SessionRow, row: BookingRow, attendance: Attendance | null): Promise<void> {
    await this.act(row.id, row.id, async () => {
      await this.api.setAttendance(row.id, attendance);
      this.updateBooking(session.id, row.id, { attendance });
      const said =
        attendance === 'checked-in' ? `${row.label} är incheckad.` : attendance === 'no-show' ? `${row.label} är markerad som Kom inte.` : `Ändringen för ${row.label} är ångrad.`;
      this.announcement.set(said);
      this.focusLater(`booking-${row.id}`);
    });
  }

  protected startVisit(session: SessionRow, row: BookingRow): void {
    // Starting a visit means the person came; checking in is one click fewer for the helper.
    if (row.attendance === null) void this.markCame(session, row);
    const b = row.booking;
    this.openForm({
      sessionId: session.id,
      bookingId: row.id,
      clientId: this.crypto.randomUUID(),
      heading: `Besök: ${row.label}`,
      draft: newDraft({ categories: b.topics, cameVia: 'booked', language: b.language, device: b.ownDevice === false ? 'library-computer' : 'own-phone' }),
      startedAt: Date.now(),
      returnTo: `booking-${row.id}`,
    });
  }

  protected startDropIn(session: SessionRow): void {
    this.openForm({
      sessionId: session.id,
      bookingId: null,
      clientId: this.crypto.randomUUID(),
      heading: 'Drop-in-besök',
      draft: newDraft({ cameVia: 'drop-in' }),
      startedAt: Date.now(),
      returnTo: `drop-in-${session.id}`,
    });
  }

  /** A queued visit the API refused: open it in the form with the API's messages; saving sends it again with the same id. */
  protected correct(entry: QueuedVisit): void {
    this.openForm(
      {
        sessionId: entry.input.sessionId,
        bookingId: entry.input.bookingId,
        clientId: entry.input.clientId,
        heading: `Rätta besöket ${this.describe(entry)}`,
        draft: draftOf(entry.input),
        startedAt: null,
        returnTo: 'queue-status',
      },
      entry.problem,
    );
  }

  protected discard(entry: QueuedVisit): void {
    this.queue.discard(entry.input.clientId);
    this.announcement.set('Besöket är borttaget.');
    this.focusLater('queue-status');
  }

  protected async saveVisit(fields: VisitFields): Promise<void> {
    const open = this.open();
    if (!open || this.saving()) return;
    const input: VisitInput = { ...fields, clientId: open.clientId, sessionId: open.sessionId, bookingId: open.bookingId };
    this.saving.set(true);
    this.visitError.set(null);
    try {
      const result = await this.queue.save(input);
      switch (result.status) {
        case 'refused':
          this.visitError.set(result.error);
          return;
        case 'sent':
          // A follow-up opens the booking of the next time, which takes the focus.
          this.close(open, SENT_TEXT, fields.outcome !== 'follow-up');
          this.offerFollowUp(open, fields);
          return;
        case 'queued':
          if (open.bookingId) this.updateBooking(open.sessionId, open.bookingId, { visitLogged: true });
          // Offline: booking needs the network; "Boka en ny tid" in the session is there when it is back.
          this.close(open, QUEUED_TEXT);
          return;
      }
    } finally {
      this.saving.set(false);
    }
  }

  /** "Boka nästa tid" was finished or put aside: back to the session's list. */
  protected closeFollowUp(sessionId: string): void {
    this.followUp.set(null);
    this.focusLater(`drop-in-${sessionId}`);
  }

  /** "Boka en ny tid": the next time for someone at this session's site, without a visit first. */
  protected startFollowUp(session: SessionRow): void {
    this.startFollowUpAt(session.id, null, null);
  }

  /** A visit that needs a follow-up: offer to book the person's next time at this site, at once. */
  private offerFollowUp(open: OpenVisit, fields: VisitFields): void {
    if (fields.outcome === 'follow-up') this.startFollowUpAt(open.sessionId, open.bookingId, fields);
  }

  private startFollowUpAt(sessionId: string, bookingId: string | null, fields: VisitFields | null): void {
    const desk = this.desk.value().find((d) => d.session.id === sessionId);
    if (!desk) return;
    const booked = bookingId ? desk.bookings.find((b) => b.id === bookingId) : undefined;
    this.followUp.set({
      sessionId,
      site: { slug: desk.site.slug, name: desk.site.name, timeZone: desk.site.timeZone },
      person: { name: booked?.name ?? '', language: booked?.language ?? fields?.language ?? 'sv', categories: fields?.categories ?? booked?.topics ?? [] },
    });
  }

  protected cancelVisit(): void {
    const open = this.open();
    if (open) this.close(open, null);
  }

  protected openReport(sessionId: string): void {
    this.reportOpen.update((set) => toggled(set, sessionId, true));
    this.focusLater(`report-heading-${sessionId}`);
  }

  protected onReportSent(session: SessionRow): void {
    const confirmedBy = this.auth.user()?.name ?? '';
    this.updateDesk(session.id, (d) => ({ ...d, report: { confirmedAt: new Date().toISOString(), confirmedBy } }));
    this.announcement.set('Rapporten är skickad. Tack för i dag!');
    this.focusLater(`report-heading-${session.id}`);
  }

  protected clock(iso: string, session: SessionRow): string {
    return formatTime(iso, session.timeZone, 'sv');
  }

  private openForm(visit: OpenVisit, error: ApiError | null = null): void {
    this.notice.set(null);
    this.visitError.set(error);
    this.open.set(visit);
    afterNextRender(
      () => {
        // The whole form in view from its heading (it is about a screen high), focus on its first choice.
        this.document.getElementById(`visit-heading-${visit.sessionId}`)?.scrollIntoView?.({ block: 'start' });
        this.form()?.focusFirst({ preventScroll: true });
      },
      { injector: this.injector },
    );
  }

  private close(open: OpenVisit, said: string | null, focus = true): void {
    this.open.set(null);
    this.visitError.set(null);
    this.notice.set(said ? { sessionId: open.sessionId, clientId: open.clientId } : null);
    if (said) this.announcement.set(said);
    if (focus) this.focusLater(open.returnTo);
  }

  private async markCame(session: SessionRow, row: BookingRow): Promise<void> {
    try {
      await this.api.setAttendance(row.id, 'checked-in');
      this.updateBooking(session.id, row.id, { attendance: 'checked-in' });
    } catch {
      // Offline: the visit still counts; the helper can check the person in later.
    }
  }

  /** Runs a click's request once at a time per target, and shows its failure next to it. */
  private async act(target: string, errorKey: string, work: () => Promise<void>): Promise<void> {
    if (this.pending().has(target)) return;
    this.pending.update((set) => toggled(set, target, true));
    this.setError(errorKey, null);
    try {
      await work();
    } catch (error) {
      const message = toApiError(error).message;
      this.setError(errorKey, message);
      this.announcement.set(message);
    } finally {
      this.pending.update((set) => toggled(set, target, false));
    }
  }

  private setError(key: string, message: string | null): void {
    this.actionErrors.update((errors) => {
      const { [key]: _old, ...rest } = errors;
      return message ? { ...rest, [key]: message } : rest;
    });
  }

  private updateDesk(sessionId: string, change: (d: DeskSessionView) => DeskSessionView): void {
    this.desk.update((list) => list.map((d) => (d.session.id === sessionId ? change(d) : d)));
  }

  private updateBooking(sessionId: string, bookingId: string, change: Partial<DeskBookingView>): void {
    this.updateDesk(sessionId, (d) => ({ ...d, bookings: d.bookings.map((b) => (b.id === bookingId ? { ...b, ...change } : b)) }));
  }

  /** "kl. 13:05: Dator, E-post" — no names: the queue never holds them. */
  private describe(entry: QueuedVisit): string {
    const at = formatTime(entry.savedAt, DEFAULT_TIME_ZONE, 'sv');
    const topics = entry.input.categories.map((k) => categoryLabel(k, this.categories())).join(', ');
    return `kl. ${at}: ${topics}, ${OUTCOME_LABELS[entry.input.outcome].toLocaleLowerCase('sv')}`;
  }

  private toRow(d: DeskSessionView, now: number, queued: readonly QueuedVisit[]): SessionRow {
    const zone = d.site.timeZone;
    const start = Date.parse(d.session.start);
    const end = Date.parse(d.session.end);
    const bookings = [...d.bookings]
      .sort((a, b) => a.slotStart.localeCompare(b.slotStart))
      .map<BookingRow>((b) => {
        const time = formatTime(b.slotStart, zone, 'sv');
        return {
          id: b.id,
          time,
          name: b.name,
          label: `${b.name} ${time}`,
          topics: b.topics.map((t) => categoryLabel(t, this.categories())).join(', '),
          language: languageLabel(b.language),
          ownDevice: OWN_DEVICE(b.ownDevice),
          needs: b.needs,
          attendance: b.attendance,
          visitLogged: b.visitLogged,
          booking: b,
        };
      });
    return {
      id: d.session.id,
      siteSlug: d.site.slug,
      siteName: d.site.name,
      time: `${formatTime(d.session.start, zone, 'sv')}–${formatTime(d.session.end, zone, 'sv')}`,
      timeZone: zone,
      cancelled: d.session.status === 'cancelled',
      started: start <= now,
      ended: end <= now,
      nearEnd: end - now <= REPORT_OPENS_MINUTES * 60_000,
      checkedInAt: d.shift.checkedInAt,
      checkedOutAt: d.shift.checkedOutAt,
      bookings,
      dropIn: d.session.dropIn,
      visitsLogged: d.visitsLogged,
      waiting: queued.filter((q) => q.input.sessionId === d.session.id).length,
      report: d.report,
    };
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
