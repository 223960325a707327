import { Injectable, computed, inject, signal } from '@angular/core';
import { LANGUAGES, type Language, type StaffBookingDetail, type StaffBookingQuery, type SuspiciousRunCancelled, type SuspiciousRunSummary } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { StaffBookingsApi } from './staff-bookings-api';

const LANGUAGE_NAMES: Record<Language, string> = { sv: 'svenska', en: 'engelska', ar: 'arabiska' };
export const languageName = (code: Language): string => (LANGUAGES.includes(code) ? LANGUAGE_NAMES[code] : code);

/** What the person is told after a change, and how (said on the page after it). */
export function toldText(b: Pick<StaffBookingDetail, 'email' | 'phone' | 'language' | 'name'>): string {
  if (b.email) return `${b.name} får ett e-postmeddelande på ${languageName(b.language)} med skälet.`;
  if (b.phone) return `${b.name} har ingen e-post i bokningen. Ring ${b.phone} och berätta.`;
  return `${b.name} har varken e-post eller telefon i bokningen och får inget meddelande.`;
}

const bookings = (n: number) => (n === 1 ? '1 bokning' : `${n} bokningar`);

/** What a flagged booking's page says about its run. */
export function runText(run: SuspiciousRunSummary): string {
  return `${bookings(run.bookings)} gjordes från samma nätverk på kort tid. Det kan vara någon som försöker boka upp tiderna.`;
}

/** What cancelling the run does, and who is told how (said in the confirmation dialog). */
export function runToldText(run: SuspiciousRunSummary): string {
  const rest = run.bookings - run.cancellable;
  const parts = [
    `${bookings(run.cancellable)} avbokas${rest ? ` (${rest} av serien är redan avbokade, har börjat eller hör till ett bibliotek du inte kan ändra)` : ''}. Platserna blir lediga för andra.`,
    run.toldByEmail ? `${run.toldByEmail === 1 ? '1 person får' : `${run.toldByEmail} personer får`} ett e-postmeddelande med skälet.` : 'Ingen av dem har e-post och får inget meddelande.',
  ];
  if (run.phoneOnly) parts.push(`${run.phoneOnly === 1 ? '1 person har' : `${run.phoneOnly} personer har`} bara telefon. Ring dem om det behövs.`);
  return parts.join(' ');
}

/** Said on the page after the run was cancelled. */
export function runCancelledText(done: SuspiciousRunCancelled): string {
  if (!done.cancelled) return 'Det fanns inget kvar i serien att avboka.';
  return `${done.cancelled === 1 ? '1 bokning' : `${done.cancelled} bokningar`} i serien är avbokade. ${done.toldByEmail ? `${done.toldByEmail} fick e-post med skälet.` : 'Ingen av dem hade e-post.'}`;
}

/**
 * The bookings page's state: the search, the list it found, the booking shown, and the changes made
 * to it (cancel, move). The page and its dialogs read and call this; the API is behind it.
 */
@Injectable()
export class BookingsStore {
  private readonly api = inject(StaffBookingsApi);

  readonly query = signal<StaffBookingQuery | null>(null);
  readonly results = this.api.list(this.query);
  readonly items = computed(() => (this.results.hasValue() ? this.results.value().items : []));
  readonly selectedId = signal<string | null>(null);
  readonly detail = this.api.detail(this.selectedId);
  readonly booking = computed(() => (this.detail.hasValue() ? this.detail.value() : null));
  readonly changing = signal(false);
  /** Said after a change: what happened and how the person hears about it. */
  readonly status = signal('');

  search(query: StaffBookingQuery): void {
    this.status.set('');
    this.selectedId.set(null);
    this.query.set({ ...query, page: 1 });
  }

  /** Every booking of one session (the booking shown stays shown). */
  showSession(sessionId: string): void {
    this.status.set('');
    this.query.set({ sessionId, page: 1 });
  }

  goToPage(page: number): void {
    const q = this.query();
    if (q) this.query.set({ ...q, page });
  }

  select(id: string | null): void {
    this.status.set('');
    this.selectedId.set(id);
  }

  /** Cancels the shown booking; null when done, else the problem (the dialog shows it). */
  cancel(reason: string): Promise<ApiError | null> {
    return this.change((id) => this.api.cancel(id, { reason }), (b) => `Tiden är avbokad. ${toldText(b)}`);
  }

  /** Cancels the shown booking's whole suspicious run; null when done, else the problem (the dialog shows it). */
  async cancelRun(reason: string): Promise<ApiError | null> {
    const id = this.selectedId();
    if (!id || this.changing()) return null;
    this.changing.set(true);
    try {
      const done = await this.api.cancelRun(id, { reason });
      this.detail.reload();
      this.results.reload();
      this.status.set(runCancelledText(done));
      return null;
    } catch (error) {
      return toApiError(error);
    } finally {
      this.changing.set(false);
    }
  }

  move(slotId: string, reason: string): Promise<ApiError | null> {
    return this.change((id) => this.api.move(id, { slotId, reason }), (b) => `Tiden är flyttad. ${toldText(b)}`);
  }

  private async change(work: (id: string) => Promise<StaffBookingDetail>, said: (b: StaffBookingDetail) => string): Promise<ApiError | null> {
    const id = this.selectedId();
    if (!id || this.changing()) return null;
    this.changing.set(true);
    try {
      const changed = await work(id);
      this.detail.set(changed);
      this.results.reload();
      this.status.set(said(changed));
      return null;
    } catch (error) {
      return toApiError(error);
    } finally {
      this.changing.set(false);
    }
  }
}
