import { Injectable, computed, inject, signal } from '@angular/core';
import {
  CATEGORY_LABELS,
  DEFAULT_TIME_ZONE,
  parseProofCode,
  PrivacyError,
  PROOF_CODE_MINUTES,
  PROOF_GRANT_MINUTES,
  type ErasureResult,
  type PrivacyBookingView,
  type PrivacyRequestView,
  type PrivacyScope,
} from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatDay, formatTime, formatTimeRange } from '../../shared/data/dates';
import { languageLabel } from '../../shared/data/visit-labels';
import { PrivacyApi, privacyExportUrl } from './privacy-api';

const STATUS: Record<PrivacyBookingView['kept']['status'], string> = { confirmed: 'Bokad', cancelled: 'Avbokad' };
const ATTENDANCE: Record<'checked-in' | 'no-show', string> = { 'checked-in': 'Kom', 'no-show': 'Kom inte' };

/** A booking as the page shows it: every value already in words. */
export interface BookingRow {
  reference: string;
  /** "Måndag 28 september 2026, 10:00–10:30, Stadsbiblioteket" */
  when: string;
  erasedOn: string | null;
  held: { label: string; value: string }[] | null;
  kept: { label: string; value: string }[];
}

const dash = (value: string | null | undefined) => (value ? value : '–');
const yesNo = (value: boolean | null) => (value === null ? 'Vet inte' : value ? 'Ja' : 'Nej');
const dayOf = (iso: string) => `${formatDay(iso, DEFAULT_TIME_ZONE, 'sv').toLocaleLowerCase('sv')} ${iso.slice(0, 4)}`;
/** "kl. 14:40" */
export const clock = (iso: string) => `kl. ${formatTime(iso, DEFAULT_TIME_ZONE, 'sv')}`;
/** "en bokning", "3 bokningar" */
export const bookingsText = (n: number) => (n === 1 ? 'en bokning' : `${n} bokningar`);

function toRow(b: PrivacyBookingView): BookingRow {
  const k = b.kept;
  return {
    reference: b.reference,
    when: `${formatDay(k.slotStart, DEFAULT_TIME_ZONE, 'sv')} ${k.slotStart.slice(0, 4)}, ${formatTimeRange(k.slotStart, k.slotEnd, DEFAULT_TIME_ZONE, 'sv')}, ${k.siteName}`,
    erasedOn: b.erasedAt && dayOf(b.erasedAt),
    held: b.held && [
      { label: 'Namn', value: b.held.name },
      { label: 'E-postadress', value: dash(b.held.email) },
      { label: 'Telefonnummer', value: dash(b.held.phone) },
      { label: 'Det personen skrev att hen behöver', value: dash(b.held.needs) },
      { label: 'Länk för att ändra eller avboka', value: b.held.manageLinkActive ? 'Fungerar' : 'Stängd' },
    ],
    kept: [
      { label: 'Status', value: STATUS[k.status] },
      { label: 'Närvaro', value: k.attendance ? ATTENDANCE[k.attendance] : 'Inte markerad' },
      { label: 'Språk', value: languageLabel(k.language) },
      { label: 'Vill ha hjälp med', value: k.topics.map((t) => CATEGORY_LABELS.sv[t] ?? t).join(', ') },
      { label: 'Har egen mobil eller dator med sig', value: yesNo(k.ownDevice) },
      { label: 'Hänvisningskod', value: dash(k.referralCode) },
      { label: 'Hänvisad av', value: dash(k.partnerName) },
      { label: 'Bokad av personal', value: dash(b.bookedBy) },
      { label: 'Bokningen gjordes', value: dayOf(b.createdAt) },
    ],
  };
}

const missing = (field: string, message: string): ApiError => ({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: { [field]: message } });

/**
 * State and actions of the privacy page: look a booking up by reference (that booking only), send the
 * person a one-time code and check the code they read out, then show every booking with the same e-mail
 * address; download and erase what is shown. The page asks before erasing.
 */
@Injectable()
export class PrivacyStore {
  private readonly api = inject(PrivacyApi);

  readonly settings = this.api.settings();
  readonly retentionDays = computed(() => (this.settings.hasValue() ? this.settings.value().retentionDays : null));
  readonly grantMinutes = PROOF_GRANT_MINUTES;
  readonly codeMinutes = PROOF_CODE_MINUTES;

  readonly reference = signal('');
  readonly pending = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly result = signal<PrivacyRequestView | null>(null);
  readonly status = signal('');
  readonly eraseError = signal<string | null>(null);

  readonly code = signal('');
  readonly codePending = signal(false);
  readonly codeError = signal<ApiError | null>(null);

  readonly rows = computed(() => this.result()?.bookings.map(toRow) ?? []);
  readonly scope = computed<PrivacyScope>(() => this.result()?.scope ?? 'booking');
  readonly proof = computed(() => this.result()?.proof ?? null);
  /** Bookings whose details are still held: what an erasure would erase. */
  readonly heldCount = computed(() => this.result()?.bookings.filter((b) => b.held).length ?? 0);
  readonly exportUrl = computed(() => {
    const r = this.result();
    return r ? privacyExportUrl(r.reference, r.scope) : null;
  });

  /** Looks the booking up by its reference: that booking only. */
  async search(): Promise<boolean> {
    if (this.pending()) return false;
    const reference = this.reference().trim();
    this.status.set('');
    this.eraseError.set(null);
    this.resetCode();
    if (!reference) {
      this.error.set(missing('reference', 'Skriv bokningsnumret, till exempel K7F-3QD.'));
      return false;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.api.find(reference));
      return true;
    } catch (error) {
      this.result.set(null);
      this.error.set(toApiError(error));
      return false;
    } finally {
      this.pending.set(false);
    }
  }

  /** E-mails the person a new code (it replaces an earlier one). */
  async sendCode(): Promise<void> {
    const r = this.result();
    if (!r || this.codePending()) return;
    this.codePending.set(true);
    this.resetCode();
    this.status.set('');
    try {
      const sent = await this.api.sendCode(r.reference);
      this.result.set(await this.api.find(r.reference, r.scope));
      this.status.set(`En kod är skickad till ${sent.sentTo}. Den gäller till ${clock(sent.expiresAt)}. Be personen läsa upp koden.`);
    } catch (error) {
      this.codeError.set(toApiError(error));
    } finally {
      this.codePending.set(false);
    }
  }

  /** Checks the code the person reads out; when right, shows every booking with the address. */
  async verifyCode(): Promise<boolean> {
    const r = this.result();
    if (!r || this.codePending()) return false;
    this.status.set('');
    let code: string;
    try {
      code = parseProofCode({ code: this.code() });
    } catch (error) {
      if (!(error instanceof PrivacyError)) throw error;
      this.codeError.set(this.code().trim() ? { status: 0, code: error.code, message: error.message, fields: error.fields ?? {} } : missing('code', 'Skriv koden som personen läser upp.'));
      return false;
    }
    this.codePending.set(true);
    this.codeError.set(null);
    try {
      const granted = await this.api.verifyCode(r.reference, code);
      this.result.set(await this.api.find(r.reference, 'contact'));
      this.code.set('');
      this.status.set(`Koden stämmer. Du ser nu ${bookingsText(granted.bookings)} med samma e-postadress, till ${clock(granted.grantedUntil)}.`);
      return true;
    } catch (error) {
      this.codeError.set(toApiError(error));
      return false;
    } finally {
      this.codePending.set(false);
    }
  }

  /** Switches between the booking alone and every booking with the address (while the grant holds). */
  async show(scope: PrivacyScope): Promise<boolean> {
    const r = this.result();
    if (!r || this.pending()) return false;
    this.pending.set(true);
    this.status.set('');
    this.eraseError.set(null);
    try {
      this.result.set(await this.api.find(r.reference, scope));
      return true;
    } catch (error) {
      this.eraseError.set(toApiError(error).message);
      return false;
    } finally {
      this.pending.set(false);
    }
  }

  /** Erases what is shown (the booking, or every booking with the address); the page has asked first. */
  async erase(): Promise<ErasureResult | null> {
    const r = this.result();
    if (!r || this.pending()) return null;
    this.pending.set(true);
    this.eraseError.set(null);
    try {
      const done = await this.api.erase(r.reference, r.scope);
      this.result.set(await this.api.find(r.reference, r.scope));
      const cancelled = done.cancelled ? ` ${done.cancelled === 1 ? 'En kommande tid är avbokad' : `${done.cancelled} kommande tider är avbokade`}.` : '';
      this.status.set(done.erased ? `Personens uppgifter är raderade från ${bookingsText(done.erased)}.${cancelled}` : 'Uppgifterna var redan raderade.');
      return done;
    } catch (error) {
      this.eraseError.set(`Det gick inte att radera uppgifterna. ${toApiError(error).message}`);
      return null;
    } finally {
      this.pending.set(false);
    }
  }

  private resetCode(): void {
    this.code.set('');
    this.codeError.set(null);
  }
}
