import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { BOOKING_LIMITS, LANGUAGES, VISIT_CATEGORIES, type BookingCreatedView, type Language, type VisitCategory } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { todayIn, whenOf } from '../../shared/data/dates';
import { FIELD } from '../../shared/ui/field';
import { When } from '../../shared/ui/when';
import { BookingSlip } from '../../staff/staff-booking/booking-slip';
import { StaffBookingApi, type SessionRange } from '../../staff/staff-booking/staff-booking-api';
import { StaffSlotPicker } from '../../staff/staff-booking/staff-slot-picker';

/** Who the next time is for, as the visit knew them. */
export interface FollowUpPerson {
  name: string;
  /** The language of the visit; the confirmation uses it when it is one of ours. */
  language: string;
  /** The visit's categories; those a booking knows become its topics. */
  categories: readonly string[];
}

export interface FollowUpSite {
  slug: string;
  name: string;
  timeZone: string;
}

const WEEKS = 6;
const LANGUAGE_CHOICES: { code: Language; name: string; own: string | null }[] = [
  { code: 'sv', name: 'Svenska', own: null },
  { code: 'en', name: 'Engelska', own: 'English' },
  { code: 'ar', name: 'Arabiska', own: 'العربية' },
];

/** The topics of the new booking: the visit's categories that bookings know, else "other". */
export function followUpTopics(categories: readonly string[]): VisitCategory[] {
  const known = VISIT_CATEGORIES.filter((c) => categories.includes(c)).slice(0, BOOKING_LIMITS.topicsMax);
  return known.length ? known : ['other'];
}

/**
 * "Boka nästa tid" at the desk, after a visit that needs a follow-up: choose a time at the site's coming
 * sessions, then confirm with a name and, if the person wants, a phone, an e-mail and a language. The same
 * staff booking as "Boka åt någon" (same rules, same capacity guarantee). The receipt shows the reference,
 * time, place and what to bring, and prints alone on a page in the person's language.
 */
@Component({
  selector: 'dh-follow-up-booking',
  imports: [FIELD, StaffSlotPicker, When, BookingSlip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="follow-up dh-panel" [attr.aria-labelledby]="idPrefix() + '-heading'">
      @if (created(); as b) {
        <h3 [id]="idPrefix() + '-heading'" #heading tabindex="-1">Klart! {{ b.name }} har en ny tid</h3>
        <p class="reference-label">Bokningsnummer</p>
        <p class="receipt-reference" dir="ltr">{{ b.reference }}</p>
        <dl class="facts">
          <div><dt>Tid</dt><dd><dh-when [when]="receiptWhen(b)" /></dd></div>
          <div><dt>Plats</dt><dd>{{ b.site.name }}, {{ b.site.address }}</dd></div>
          <div>
            <dt>Bekräftelse</dt>
            <dd>{{ b.email ? 'Skickas till ' + b.email + ', på ' + languageName(b.language) + '.' : 'Ingen e-post. Ge personen lappen, eller läs upp bokningsnumret.' }}</dd>
          </div>
        </dl>
        <p><strong>Ta med:</strong> mobilen eller dosan för BankID, lösenord och koder, laddaren, och brevet eller e-posten det gäller.</p>
        <div class="dh-actions">
          <button type="button" class="dh-button" (click)="print()">Skriv ut lappen</button>
          <button type="button" class="dh-button-secondary" (click)="done.emit()">Klar</button>
        </div>
        <div class="dh-slip-print"><dh-booking-slip [booking]="b" /></div>
      } @else {
        <h3 [id]="idPrefix() + '-heading'" #heading tabindex="-1">Boka nästa tid</h3>
        @if (problem(); as p) {
          <div class="dh-alert" role="alert"><p>{{ p.message }}</p></div>
        }
        @if (step() === 'time') {
          <p>Besöket behöver en uppföljning. Välj en tid på {{ site().name }}.</p>
          @if (sessions.isLoading() && !sessions.value().length) {
            <p class="dh-status">Hämtar tiderna …</p>
          } @else if (sessions.error()) {
            <div class="dh-alert"><p>Vi kunde inte hämta tiderna.</p><button type="button" class="dh-button-secondary" (click)="sessions.reload()">Försök igen</button></div>
          } @else {
            <dh-staff-slot-picker
              [controlId]="idPrefix() + '-slot'"
              legend="Tid"
              [sessions]="sessions.value()"
              [timeZone]="site().timeZone"
              [selected]="slotId()"
              [error]="errors()['slotId']"
              (selectedChange)="slotId.set($event)"
            />
          }
          <div class="dh-actions">
            <button type="button" class="dh-button" (click)="next()">Välj tiden</button>
            <button type="button" class="dh-button-secondary" (click)="done.emit()">Inte nu</button>
          </div>
        } @else {
          <p>
            <strong>Tid:</strong>&ngsp;@if (chosenWhen(); as w) {<dh-when [when]="w" />}
            <button type="button" class="dh-link-button" (click)="back()">Byt tid</button>
          </p>
          <form novalidate (submit)="book($event)">
            <dh-field label="Förnamn eller smeknamn" [error]="errors()['name']">
              <input dhControl [id]="idPrefix() + '-name'" #nameInput autocomplete="off" [attr.maxlength]="limits.nameMax" [value]="name()" (input)="name.set(nameInput.value)" />
            </dh-field>
            <dh-field label="Telefon (om personen vill)" [error]="errors()['phone']">
              <input dhControl [id]="idPrefix() + '-phone'" #phoneInput type="tel" autocomplete="off" [value]="phone()" (input)="phone.set(phoneInput.value)" />
            </dh-field>
            <dh-field label="E-post (om personen vill)" hint="Då kommer en bekräftelse och en påminnelse dagen innan." [error]="errors()['email']">
              <input dhControl [id]="idPrefix() + '-email'" #emailInput type="email" autocomplete="off" [value]="email()" (input)="email.set(emailInput.value)" />
            </dh-field>
            <dh-fieldset legend="Språk i bekräftelsen och på lappen" [controlId]="idPrefix() + '-language-sv'" [error]="errors()['language']">
              <div class="dh-checks languages">
                @for (l of languages; track l.code) {
                  <label class="dh-check">
                    <input type="radio" [name]="idPrefix() + '-language'" [id]="idPrefix() + '-language-' + l.code" [checked]="language() === l.code" (change)="language.set(l.code)" />
                    {{ l.name }}@if (l.own) {&ngsp;<span [attr.lang]="l.code">({{ l.own }})</span>}
                  </label>
                }
              </div>
            </dh-fieldset>
            <div class="dh-actions">
              <button type="submit" class="dh-button" [attr.aria-disabled]="pending() ? true : null">{{ pending() ? 'Bokar …' : 'Boka tiden' }}</button>
              <button type="button" class="dh-button-secondary" (click)="done.emit()">Avbryt</button>
            </div>
          </form>
        }
      }
    </section>
  `,
  styles: `
    :host { display: block; margin-block: 1rem; }
    .follow-up { border-inline-start: 6px solid var(--dh-brand); }
    h3 { margin-block-start: 0; }
    .reference-label { margin: 0; font-weight: 600; }
    .receipt-reference { margin: 0 0 0.5rem; font-size: 2.25rem; font-weight: 700; letter-spacing: 0.1em; font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace; }
    .facts { margin: 0 0 0.75rem; }
    .facts div { display: flex; flex-wrap: wrap; gap: 0 0.5rem; }
    .facts dt { font-weight: 600; }
    .facts dt::after { content: ':'; }
    .facts dd { margin: 0; }
    .languages { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
    .dh-link-button { margin-inline-start: 0.5rem; padding: 0; border: 0; background: none; color: var(--dh-brand); text-decoration: underline; font: inherit; cursor: pointer; min-height: 44px; }
    .dh-slip-print { display: none; }
    @media print { .dh-slip-print { display: block; } }
  `,
})
export class FollowUpBooking {
  readonly site = input.required<FollowUpSite>();
  readonly person = input.required<FollowUpPerson>();
  readonly idPrefix = input('follow-up');
  /** Closed: booked and done, or not now. */
  readonly done = output<void>();

  private readonly api = inject(StaffBookingApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly limits = BOOKING_LIMITS;
  protected readonly languages = LANGUAGE_CHOICES;
  protected readonly step = signal<'time' | 'person'>('time');
  protected readonly slotId = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly phone = signal('');
  protected readonly email = signal('');
  protected readonly language = signal<Language>('sv');
  protected readonly pending = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.problem()?.fields ?? {});
  protected readonly created = signal<BookingCreatedView | null>(null);

  private readonly range = computed<SessionRange>(() => {
    const site = this.site();
    const from = todayIn(site.timeZone);
    return { slug: site.slug, from, to: new Date(Date.parse(`${from}T12:00:00Z`) + (WEEKS * 7 - 1) * 86_400_000).toISOString().slice(0, 10) };
  });
  protected readonly sessions = this.api.sessions(this.range);
  protected readonly chosenWhen = computed(() => {
    const id = this.slotId();
    const slot = this.sessions.value().flatMap((s) => s.slots).find((s) => s.id === id);
    return slot ? whenOf(slot.start, slot.end, this.site().timeZone, 'sv') : null;
  });

  constructor() {
    afterNextRender(
      () => {
        const person = this.person();
        this.name.set(person.name);
        this.language.set((LANGUAGES as readonly string[]).includes(person.language) ? (person.language as Language) : 'sv');
        this.heading()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }

  protected next(): void {
    if (!this.slotId()) {
      this.problem.set({ status: 0, code: 'INVALID', message: 'Välj en tid först.', fields: { slotId: 'Välj en tid i listan.' } });
      this.focusLater(`${this.idPrefix()}-slot`);
      return;
    }
    this.problem.set(null);
    this.step.set('person');
    this.focusHeading();
  }

  protected back(): void {
    this.step.set('time');
    this.focusHeading();
  }

  protected async book(event: Event): Promise<void> {
    event.preventDefault();
    const slotId = this.slotId();
    if (this.pending() || !slotId) return;
    if (!this.name().trim()) {
      this.problem.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: { name: 'Skriv ett förnamn eller smeknamn.' } });
      this.focusLater(`${this.idPrefix()}-name`);
      return;
    }
    this.pending.set(true);
    this.problem.set(null);
    try {
      const booking = await this.api.book({
        slotId,
        name: this.name().trim(),
        ...(this.phone().trim() ? { phone: this.phone().trim() } : {}),
        ...(this.email().trim() ? { email: this.email().trim() } : {}),
        language: this.language(),
        topics: followUpTopics(this.person().categories),
      });
      this.created.set(booking);
      this.focusHeading();
    } catch (error) {
      const problem = toApiError(error);
      this.problem.set(problem);
      // A time taken meanwhile (409): back to the times, fetched again.
      if (problem.status === 409) {
        this.slotId.set(null);
        this.step.set('time');
        this.sessions.reload();
      }
    } finally {
      this.pending.set(false);
    }
  }

  protected receiptWhen(b: BookingCreatedView) {
    return whenOf(b.slot.start, b.slot.end, b.site.timeZone, 'sv');
  }

  protected languageName(code: Language): string {
    return LANGUAGE_CHOICES.find((l) => l.code === code)?.name.toLocaleLowerCase('sv') ?? code;
  }

  /** Prints the slip alone: `html.dh-print-slip` hides everything else on paper (styles.css). */
  protected print(): void {
    const root = this.document.documentElement;
    root.classList.add('dh-print-slip');
    try {
      this.document.defaultView?.print();
    } finally {
      root.classList.remove('dh-print-slip');
    }
  }

  /** The control to fix gets the focus (the alert above it is read out). */
  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  private focusHeading(): void {
    afterNextRender(() => this.heading()?.nativeElement.focus(), { injector: this.injector });
  }
}
