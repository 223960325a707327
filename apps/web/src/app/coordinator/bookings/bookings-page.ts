import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { CATEGORY_LABELS, type StaffBookingDetail, type StaffBookingListItem } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { toApiError } from '../../shared/data/api-error';
import { formatDay, formatTimeRange } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { BookingsStore, languageName, runText } from './bookings-store';
import { CancelRunDialog } from './cancel-run-dialog';
import { ChangeBookingDialog, type ChangeMode } from './change-booking-dialog';

const FIELDS: SummaryField[] = [
  { name: 'q', id: 'bookings-q', label: 'Sök' },
  { name: 'siteId', id: 'bookings-site', label: 'Bibliotek' },
  { name: 'date', id: 'bookings-date', label: 'Dag' },
];

const STATUS: Record<StaffBookingListItem['status'], string> = { confirmed: 'Bokad', cancelled: 'Avbokad' };
const CANCELLED_BY: Record<NonNullable<StaffBookingListItem['cancelledBy']>, string> = {
  visitor: 'av personen',
  session: 'träffen ställdes in',
  staff: 'av personalen',
};

/** A booking in words, for the list and the details. */
export function whenText(b: Pick<StaffBookingListItem, 'slot' | 'site'>): string {
  return `${formatDay(b.slot.start, b.site.timeZone, 'sv')} ${b.slot.start.slice(0, 4)}, ${formatTimeRange(b.slot.start, b.slot.end, b.site.timeZone, 'sv')}`;
}

export function statusText(b: Pick<StaffBookingListItem, 'status' | 'cancelledBy' | 'attendance'>): string {
  if (b.status === 'cancelled') return b.cancelledBy ? `Avbokad (${CANCELLED_BY[b.cancelledBy]})` : STATUS.cancelled;
  if (b.attendance === 'checked-in') return 'Kom';
  if (b.attendance === 'no-show') return 'Kom inte';
  return STATUS.confirmed;
}

/** "Har bokat 3 gånger förut: kom 2 gånger, kom inte 1 gång." — counts only (a visit that was not marked counts in neither). */
export function historyText(h: StaffBookingDetail['history']): string {
  const times = (n: number) => (n === 1 ? '1 gång' : `${n} gånger`);
  const earlier = h.earlier ? `Har bokat ${times(h.earlier)} förut: kom ${times(h.came)}, kom inte ${times(h.didNotCome)}.` : 'Inga tidigare bokningar med samma e-post eller telefon.';
  const upcoming = h.upcoming ? ` Har ${h.upcoming === 1 ? '1 tid till' : `${h.upcoming} tider till`} bokade framåt.` : '';
  return earlier + upcoming;
}

/**
 * Bokningar: find a booking by reference, name or phone, or list a day's or a session's bookings; see
 * one with how the same contact came before (counts only); cancel or move it with a reason. Coordinators
 * see every library (/samordnare/bokningar), library staff their own (/bokningar).
 */
@Component({
  selector: 'dh-bookings-page',
  imports: [FIELD, ErrorSummary, ChangeBookingDialog, CancelRunDialog],
  providers: [BookingsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bookings-page.html',
  styleUrl: './bookings-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class BookingsPage {
  protected readonly store = inject(BookingsStore);
  private readonly user = inject(AuthService).user;
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild(ChangeBookingDialog);
  private readonly runDialog = viewChild(CancelRunDialog);
  private readonly detailHeading = viewChild<ElementRef<HTMLElement>>('detailHeading');
  private readonly statusLine = viewChild<ElementRef<HTMLElement>>('statusLine');
  private readonly listHeading = viewChild<ElementRef<HTMLElement>>('listHeading');

  protected readonly fields = FIELDS;
  protected readonly libraryStaff = computed(() => this.user()?.role === 'library-staff');
  private readonly sites = inject(PublicApi).siteNames();
  protected readonly offeredSites = computed(() => {
    const all = this.sites.value();
    const own = this.user()?.siteId;
    return this.libraryStaff() ? all.filter((s) => s.id === own) : all;
  });

  protected readonly q = signal('');
  protected readonly siteId = linkedSignal(() => (this.libraryStaff() ? (this.user()?.siteId ?? '') : ''));
  protected readonly date = signal('');
  /** Only bookings of suspicious runs. */
  protected readonly flagged = signal(false);
  protected readonly formError = signal<{ message: string; fields: Record<string, string> } | null>(null);
  protected readonly listError = computed(() => (this.store.results.error() ? toApiError(this.store.results.error()) : null));
  protected readonly errors = computed(() => this.formError()?.fields ?? this.listError()?.fields ?? {});
  protected readonly summaryError = computed(() => {
    const own = this.formError();
    if (own) return { status: 0, code: 'INVALID', message: own.message, fields: own.fields };
    const api = this.listError();
    return api && Object.keys(api.fields).length ? api : null;
  });

  protected readonly page = computed(() => (this.store.results.hasValue() ? this.store.results.value() : null));
  protected readonly lastPage = computed(() => {
    const p = this.page();
    return p ? Math.max(1, Math.ceil(p.total / p.pageSize)) : 1;
  });

  protected search(event: Event): void {
    event.preventDefault();
    const q = this.q().trim();
    const siteId = this.siteId();
    const date = this.date();
    const flagged = this.flagged();
    if (!q && !siteId && !date && !flagged) {
      this.formError.set({ message: 'Fyll i något att söka på.', fields: { q: 'Skriv ett bokningsnummer, ett namn eller ett telefonnummer, eller välj en dag.' } });
      return;
    }
    this.formError.set(null);
    this.store.search({ q: q || undefined, siteId: siteId || undefined, date: date || undefined, flagged: flagged || undefined });
  }

  protected show(item: StaffBookingListItem): void {
    this.store.select(item.id);
    afterNextRender(() => this.detailHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  /** The whole session's list (who else comes then), with this booking still shown. */
  protected showSession(b: StaffBookingListItem): void {
    this.formError.set(null);
    this.store.showSession(b.session.id);
    afterNextRender(() => this.listHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  protected openChange(mode: ChangeMode): void {
    this.dialog()?.open(mode);
  }

  protected openCancelRun(): void {
    this.runDialog()?.open();
  }

  protected runText(run: NonNullable<StaffBookingDetail['run']>): string {
    return runText(run);
  }

  /** After a dialog closed with a change, the status line is read and focused. */
  protected afterChange(): void {
    afterNextRender(() => this.statusLine()?.nativeElement.focus(), { injector: this.injector });
  }

  protected when(b: StaffBookingListItem): string {
    return whenText(b);
  }

  protected status(b: StaffBookingListItem): string {
    return statusText(b);
  }

  protected history(b: StaffBookingDetail): string {
    return historyText(b.history);
  }

  protected topics(b: StaffBookingListItem): string {
    return b.topics.map((t) => CATEGORY_LABELS.sv[t] ?? t).join(', ');
  }

  protected language(b: StaffBookingListItem): string {
    return languageName(b.language);
  }
}
