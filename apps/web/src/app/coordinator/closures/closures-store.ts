import { Injectable, computed, inject, signal } from '@angular/core';
import type { ClosureInput, ClosurePreviewView, ClosureView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatShortDateRange } from '../../shared/data/dates';
import { ClosuresApi } from './closures-api';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
export const sessionsText = (n: number) => count(n, 'träff', 'träffar');
export const bookingsText = (n: number) => count(n, 'bokning', 'bokningar');
export const shiftsText = (n: number) => count(n, 'pass', 'pass');

/** "8–14 feb." */
export const rangeText = (c: { from: string; to: string }) => formatShortDateRange(c.from, c.to, 'sv');

/** A sentence ends with one full stop, also after "dec.". */
export const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/** "1 träff inställd", "3 träffar inställda". */
export const cancelledText = (n: number) => `${sessionsText(n)} ${n === 1 ? 'inställd' : 'inställda'}`;

/** What a closure cancels, in sentences: the sessions, who had booked, the helpers on shift. */
export function cancelsText(c: { sessions: number; bookings: number; shifts: number }): string {
  const booked = c.bookings ? `${bookingsText(c.bookings)} avbokas, och de som har bokat får ett meddelande med skälet.` : 'Ingen har bokat en tid.';
  const shifts = c.shifts ? `Digivärdarna på ${shiftsText(c.shifts)} får också ett meddelande.` : 'Inga digivärdar har pass då.';
  return `${sessionsText(c.sessions)} ställs in. ${booked} ${shifts}`;
}

/** "Alla bibliotek" or the site's name. */
export const whereText = (c: Pick<ClosureView, 'siteName'>) => c.siteName ?? 'Alla bibliotek';

/**
 * State and actions of the closures page: the form (one site or all, first and last day, reason), the
 * preview of what it cancels, closing, and lifting a closure that has not started. The page confirms first.
 */
@Injectable()
export class ClosuresStore {
  private readonly api = inject(ClosuresApi);

  /** '' = every site. */
  readonly siteId = signal('');
  readonly from = signal('');
  readonly to = signal('');
  readonly reason = signal('');

  readonly closures = this.api.list();
  readonly coming = computed(() => this.closures.value().filter((c) => !c.past));
  readonly past = computed(() => this.closures.value().filter((c) => c.past).reverse());

  readonly pending = signal(false);
  readonly error = signal<ApiError | null>(null);
  /** What the form as it is now would cancel; cleared whenever the form changes. */
  readonly preview = signal<ClosurePreviewView | null>(null);
  readonly status = signal('');
  readonly liftError = signal<string | null>(null);

  input(): ClosureInput {
    return { siteId: this.siteId() || null, from: this.from(), to: this.to(), reason: this.reason() };
  }

  /** A field changed: the preview no longer says what would happen. */
  edited(): void {
    this.preview.set(null);
    this.status.set('');
  }

  async showPreview(): Promise<boolean> {
    if (this.pending()) return false;
    // Empty fields are said here in words that fit a date picker; the API checks the rest.
    const missing: Record<string, string> = {};
    if (!this.from()) missing['from'] = 'Välj den första dagen som är stängd.';
    if (!this.to()) missing['to'] = 'Välj den sista dagen som är stängd.';
    if (!this.reason().trim()) missing['reason'] = 'Skriv varför det är stängt. Besökarna och digivärdarna får läsa det.';
    if (Object.keys(missing).length) {
      this.preview.set(null);
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: missing });
      return false;
    }
    this.pending.set(true);
    this.error.set(null);
    this.status.set('');
    try {
      this.preview.set(await this.api.preview(this.input()));
      return true;
    } catch (error) {
      this.preview.set(null);
      this.error.set(toApiError(error));
      return false;
    } finally {
      this.pending.set(false);
    }
  }

  async close(): Promise<boolean> {
    if (this.pending()) return false;
    this.pending.set(true);
    this.error.set(null);
    try {
      const done = await this.api.close(this.input());
      const c = done.cancelled;
      this.status.set(
        sentence(`${whereText(done.closure)} är ${done.closure.siteName ? 'stängt' : 'stängda'} ${rangeText(done.closure)}`) + ' ' +
          (c.sessions ? `${sessionsText(c.sessions)} ställdes in. ${c.bookings ? `${bookingsText(c.bookings)} avbokades och personerna får ett meddelande.` : 'Ingen hade bokat.'}` : 'Det fanns inga träffar att ställa in.'),
      );
      this.preview.set(null);
      this.from.set('');
      this.to.set('');
      this.reason.set('');
      this.closures.reload();
      return true;
    } catch (error) {
      this.error.set(toApiError(error));
      return false;
    } finally {
      this.pending.set(false);
    }
  }

  async lift(closure: ClosureView): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.liftError.set(null);
    try {
      await this.api.lift(closure.id);
      this.status.set(`Stängningen ${rangeText(closure)} (${whereText(closure)}) är hävd. Träffarna läggs in igen enligt schemat.`);
      this.closures.reload();
    } catch (error) {
      this.liftError.set(`Det gick inte att häva stängningen. ${toApiError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }
}
