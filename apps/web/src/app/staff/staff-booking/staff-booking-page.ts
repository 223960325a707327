import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, linkedSignal, signal, viewChild } from '@angular/core';
import {
  BOOKING_LIMITS,
  CATEGORY_LABELS,
  VISIT_CATEGORIES,
  type AlternativeSlotView,
  type BookingCreatedView,
  type Language,
  type VisitCategory,
} from '@digihjalpen/domain';
import type { DeviceAnswer } from '../../public/booking-flow/booking-draft';
import { AuthService } from '../../shared/auth/auth.service';
import { alternativesOf, toApiError, type ApiError } from '../../shared/data/api-error';
import { todayIn, whenOf, type WhenText } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { toggled } from '../../shared/data/sets';
import { CopyLink } from '../../shared/ui/copy-link';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { When } from '../../shared/ui/when';
import { BookingSlip } from './booking-slip';
import { StaffBookingApi, type SessionRange } from './staff-booking-api';
import { EMPTY_STAFF_DRAFT, staffProblems, toStaffInput, type StaffDraft } from './staff-booking-draft';
import { StaffSlotPicker } from './staff-slot-picker';

/** Weeks of times shown at first, and added by "Visa fler veckor". */
export const WEEKS_AT_FIRST = 4;
const WEEKS_MAX = 12;

/** Ids of the controls, so the error summary can link to them. */
const IDS = {
  siteId: 'booking-site',
  slotId: 'booking-slot',
  name: 'booking-name',
  language: 'booking-language-sv',
  email: 'booking-email',
  phone: 'booking-phone',
  topics: `booking-topic-${VISIT_CATEGORIES[0]}`,
  ownDevice: 'booking-device-yes',
  needs: 'booking-needs',
} as const;

const SUMMARY_FIELDS: SummaryField[] = [
  { name: 'siteId', id: IDS.siteId, label: 'Bibliotek' },
  { name: 'slotId', id: IDS.slotId, label: 'Tid' },
  { name: 'name', id: IDS.name, label: 'Förnamn eller smeknamn' },
  { name: 'language', id: IDS.language, label: 'Språk i bekräftelsen' },
  { name: 'email', id: IDS.email, label: 'E-post' },
  { name: 'phone', id: IDS.phone, label: 'Telefon' },
  { name: 'topics', id: IDS.topics, label: 'Hjälp med' },
  { name: 'ownDevice', id: IDS.ownDevice, label: 'Egen mobil eller dator' },
  { name: 'needs', id: IDS.needs, label: 'Något mer' },
];

/** The languages of the confirmation, in Swedish with their own name for the person to recognise. */
const LANGUAGE_CHOICES: { code: Language; name: string; own: string | null }[] = [
  { code: 'sv', name: 'Svenska', own: null },
  { code: 'en', name: 'Engelska', own: 'English' },
  { code: 'ar', name: 'Arabiska', own: 'العربية' },
];

const DEVICE_CHOICES: { answer: DeviceAnswer; label: string }[] = [
  { answer: 'yes', label: 'Ja' },
  { answer: 'no', label: 'Nej' },
  { answer: 'unsure', label: 'Vet inte' },
];

/** A time the page can describe: from the loaded weeks, or offered after a 409. */
interface KnownSlot {
  start: string;
  end: string;
  seatsLeft: number;
}

/** A 409 answer: the time is taken (or no longer bookable), and the nearest free ones instead. */
interface Taken {
  code: string;
  message: string;
  alternatives: AlternativeSlotView[];
}

type TextField = 'name' | 'email' | 'phone' | 'needs';

/**
 * "Boka åt någon": staff book a time for someone who phones or comes to the desk. One page with
 * sections rather than steps: place and time, the person, the help. Library staff book at their own
 * library only; coordinators and partners at any. After booking: a receipt with the reference to read
 * out, a slip to print in the person's language and the manage link to send.
 */
@Component({
  selector: 'dh-staff-booking-page',
  imports: [FIELD, ErrorSummary, CopyLink, When, StaffSlotPicker, BookingSlip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-booking-page.html',
  styleUrl: './staff-booking-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class StaffBookingPage {
  private readonly api = inject(StaffBookingApi);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly user = inject(AuthService).user;

  protected readonly ids = IDS;
  protected readonly summaryFields = SUMMARY_FIELDS;
  protected readonly limits = BOOKING_LIMITS;
  protected readonly languages = LANGUAGE_CHOICES;
  protected readonly devices = DEVICE_CHOICES;
  protected readonly topicOptions = VISIT_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABELS.sv[key] }));

  private readonly publicApi = inject(PublicApi);
  /** Names only: enough to choose among every active library (about 1,100 nationally). */
  protected readonly sites = this.publicApi.siteNames();
  /** Library staff work at one library and book there only. */
  protected readonly libraryStaff = computed(() => this.user()?.role === 'library-staff');
  private readonly ownSiteId = computed(() => (this.libraryStaff() ? (this.user()?.siteId ?? null) : null));
  protected readonly offeredSites = computed(() => {
    const all = this.sites.value();
    if (!this.libraryStaff()) return all;
    const own = this.ownSiteId();
    return all.filter((s) => s.id === own);
  });
  protected readonly siteId = linkedSignal<string | null>(() => {
    const offered = this.offeredSites();
    return this.libraryStaff() || offered.length === 1 ? (offered[0]?.id ?? null) : null;
  });
  /** The chosen library, by name. */
  protected readonly chosenSite = computed(() => this.offeredSites().find((s) => s.id === this.siteId()) ?? null);
  /** The picker knows names only: the time zone (for "today" and the times) comes with the library itself. */
  protected readonly siteDetails = this.publicApi.site(() => this.chosenSite()?.slug);
  protected readonly site = computed(() => {
    const chosen = this.chosenSite();
    const details = this.siteDetails.hasValue() ? this.siteDetails.value() : undefined;
    return chosen && details?.id === chosen.id ? details : null;
  });

  protected readonly weeks = linkedSignal<string | null, number>({ source: this.siteId, computation: () => WEEKS_AT_FIRST });
  protected readonly moreWeeks = computed(() => this.weeks() < WEEKS_MAX);
  private readonly range = computed<SessionRange | null>(() => {
    const site = this.site();
    if (!site) return null;
    const from = todayIn(site.timeZone);
    return { slug: site.slug, from, to: addDays(from, this.weeks() * 7 - 1) };
  });
  protected readonly sessions = this.api.sessions(this.range);

  protected readonly slotId = linkedSignal<string | null, string | null>({ source: this.siteId, computation: () => null });
  /** Free times offered after a 409, which may lie after the weeks the page loaded. */
  private readonly offered = signal<ReadonlyMap<string, KnownSlot>>(new Map());
  private readonly knownSlots = computed(() => {
    const known = new Map<string, KnownSlot>(this.offered());
    for (const session of this.sessions.value()) for (const slot of session.slots) known.set(slot.id, slot);
    return known;
  });
  protected readonly chosenWhen = computed(() => {
    const id = this.slotId();
    const slot = id ? this.knownSlots().get(id) : undefined;
    return slot ? this.describe(slot) : null;
  });

  protected readonly draft = signal<StaffDraft>(EMPTY_STAFF_DRAFT);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly taken = signal<Taken | null>(null);
  /** Says so after one of the offered times replaced the taken one. */
  protected readonly newTime = signal(false);
  protected readonly pending = signal(false);
  protected readonly created = signal<BookingCreatedView | null>(null);

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly takenBox = viewChild<ElementRef<HTMLElement>>('takenBox');
  private readonly chosenLine = viewChild<ElementRef<HTMLElement>>('chosenLine');
  private readonly receiptHeading = viewChild<ElementRef<HTMLElement>>('receiptHeading');

  protected chooseSite(id: string): void {
    this.siteId.set(id || null);
    this.taken.set(null);
    this.newTime.set(false);
  }

  protected chooseSlot(id: string): void {
    this.slotId.set(id);
    this.newTime.set(false);
  }

  /** Tries again whatever failed: the library's details or its times. */
  protected retryTimes(): void {
    if (this.siteDetails.error()) this.siteDetails.reload();
    else this.sessions.reload();
  }

  protected showMoreWeeks(): void {
    this.weeks.update((w) => Math.min(WEEKS_MAX, w + WEEKS_AT_FIRST));
  }

  protected setText(field: TextField, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setLanguage(language: Language): void {
    this.draft.update((d) => ({ ...d, language }));
  }

  protected setDevice(ownDevice: DeviceAnswer): void {
    this.draft.update((d) => ({ ...d, ownDevice }));
  }

  protected toggleTopic(topic: VisitCategory, on: boolean): void {
    this.draft.update((d) => {
      const set = toggled(new Set(d.topics), topic, on);
      return { ...d, topics: VISIT_CATEGORIES.filter((c) => set.has(c)) };
    });
  }

  /** Checks what the browser can, then books. A second press while sending does nothing. */
  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const slotId = this.slotId();
    const problems = staffProblems(this.draft(), this.siteId(), slotId);
    if (!slotId || Object.keys(problems).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: problems });
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    this.taken.set(null);
    this.newTime.set(false);
    try {
      const booking = await this.api.book(toStaffInput(this.draft(), slotId));
      this.created.set(booking);
      // The seat is taken: the next booking's list should say so.
      this.sessions.reload();
      this.focusLater(this.receiptHeading);
    } catch (error) {
      this.handleError(error);
    } finally {
      this.pending.set(false);
    }
  }

  /** One of the times offered after a 409 replaces the taken one; everything typed stays. */
  protected pickAlternative(alternative: AlternativeSlotView): void {
    this.slotId.set(alternative.slotId);
    this.taken.set(null);
    this.newTime.set(true);
    this.focusLater(this.chosenLine);
  }

  protected describe(slot: { start: string; end: string }): WhenText | null {
    const site = this.site();
    return site ? whenOf(slot.start, slot.end, site.timeZone, 'sv') : null;
  }

  protected receiptWhen(booking: BookingCreatedView): WhenText {
    return whenOf(booking.slot.start, booking.slot.end, booking.site.timeZone, 'sv');
  }

  protected topicLabels(booking: BookingCreatedView): string[] {
    return booking.topics.map((key) => CATEGORY_LABELS.sv[key]);
  }

  protected languageName(code: Language): string {
    return LANGUAGE_CHOICES.find((l) => l.code === code)?.name.toLocaleLowerCase('sv') ?? code;
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** Back to an empty form for the next person, at the same library. */
  protected bookAnother(): void {
    this.created.set(null);
    this.draft.set(EMPTY_STAFF_DRAFT);
    this.slotId.set(null);
    this.error.set(null);
    this.taken.set(null);
    this.newTime.set(false);
    this.focusLater(this.heading);
  }

  private handleError(error: unknown): void {
    const apiError = toApiError(error);
    if (error instanceof HttpErrorResponse && error.status === 409 && (apiError.code === 'SLOT_FULL' || apiError.code === 'SLOT_NOT_BOOKABLE')) {
      const alternatives = alternativesOf<AlternativeSlotView>(error);
      this.offered.update((known) => {
        const next = new Map(known);
        for (const a of alternatives) next.set(a.slotId, { start: a.start, end: a.end, seatsLeft: a.seatsLeft });
        return next;
      });
      this.taken.set({ code: apiError.code, message: apiError.message, alternatives });
      // The taken time is no choice any more; the list shows it as full once fetched again.
      this.slotId.set(null);
      this.sessions.reload();
      this.focusLater(this.takenBox);
      return;
    }
    this.error.set(apiError);
  }

  private focusLater(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}

/** A local date (YYYY-MM-DD) `days` later; read and written in UTC so no zone shifts it. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
