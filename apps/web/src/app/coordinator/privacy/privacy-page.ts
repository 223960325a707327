import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { CATEGORY_LABELS, DEFAULT_TIME_ZONE, type PrivacyBookingView, type PrivacyRequestView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatDay, formatTimeRange } from '../../shared/data/dates';
import { languageLabel } from '../../shared/data/visit-labels';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { PrivacyApi, privacyExportUrl } from './privacy-api';

const FIELDS: SummaryField[] = [{ name: 'reference', id: 'privacy-reference', label: 'Bokningsnummer' }];

const STATUS: Record<PrivacyBookingView['kept']['status'], string> = { confirmed: 'Bokad', cancelled: 'Avbokad' };
const ATTENDANCE: Record<'checked-in' | 'no-show', string> = { 'checked-in': 'Kom', 'no-show': 'Kom inte' };

/** A booking as the page shows it: every value already in words. */
interface BookingRow {
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

/**
 * A person's right of access and erasure: a coordinator looks the person up by a booking reference,
 * shows or downloads what is held (every booking with the same e-mail address or phone number), and
 * can erase it. The API writes every look, download and erasure to the audit log.
 */
@Component({
  selector: 'dh-privacy-page',
  imports: [ErrorSummary, FIELD, ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './privacy-page.html',
  styleUrl: './privacy-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class PrivacyPage {
  private readonly api = inject(PrivacyApi);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  protected readonly fields = FIELDS;
  protected readonly settings = this.api.settings();
  protected readonly retentionDays = computed(() => (this.settings.hasValue() ? this.settings.value().retentionDays : null));

  protected readonly reference = signal('');
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly result = signal<PrivacyRequestView | null>(null);
  protected readonly rows = computed(() => this.result()?.bookings.map(toRow) ?? []);
  /** Something is still held: the erase button is offered. */
  protected readonly anythingHeld = computed(() => this.result()?.bookings.some((b) => b.held) ?? false);
  protected readonly exportUrl = computed(() => {
    const r = this.result();
    return r ? privacyExportUrl(r.reference) : null;
  });
  protected readonly status = signal('');
  protected readonly eraseError = signal<string | null>(null);

  protected async search(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const reference = this.reference().trim();
    this.status.set('');
    this.eraseError.set(null);
    if (!reference) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: { reference: 'Skriv bokningsnumret, till exempel K7F-3QD.' } });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      this.result.set(await this.api.find(reference));
      this.focusResult();
    } catch (error) {
      this.result.set(null);
      this.error.set(toApiError(error));
    } finally {
      this.pending.set(false);
    }
  }

  protected async erase(): Promise<void> {
    const r = this.result();
    if (!r || this.pending()) return;
    const held = r.bookings.filter((b) => b.held).length;
    const yes = await this.confirm().ask({
      title: 'Radera personens uppgifter?',
      text:
        `Namn, e-postadress, telefonnummer och det personen skrev tas bort från ${held === 1 ? 'bokningen' : `${held} bokningar`}, ` +
        'och länken för att ändra eller avboka slutar fungera. Kommande tider avbokas. Statistiken finns kvar utan namn. Det går inte att ångra.',
      confirm: 'Ja, radera uppgifterna',
      cancel: 'Nej, behåll dem',
    });
    if (!yes) return;
    this.pending.set(true);
    this.eraseError.set(null);
    try {
      const done = await this.api.erase(r.reference);
      this.result.set(await this.api.find(r.reference));
      const cancelled = done.cancelled ? ` ${done.cancelled === 1 ? 'En kommande tid är avbokad' : `${done.cancelled} kommande tider är avbokade`}.` : '';
      this.status.set(
        done.erased ? `Personens uppgifter är raderade från ${done.erased === 1 ? 'en bokning' : `${done.erased} bokningar`}.${cancelled}` : 'Uppgifterna var redan raderade.',
      );
      this.focusResult();
    } catch (error) {
      this.eraseError.set(`Det gick inte att radera uppgifterna. ${toApiError(error).message}`);
    } finally {
      this.pending.set(false);
    }
  }

  private focusResult(): void {
    afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
  }
}
