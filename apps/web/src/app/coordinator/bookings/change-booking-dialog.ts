import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { STAFF_REASON_MAX, type StaffBookingDetail } from '@digihjalpen/domain';
import type { ApiError } from '../../shared/data/api-error';
import { todayIn } from '../../shared/data/dates';
import { FIELD } from '../../shared/ui/field';
import { StaffBookingApi, type SessionRange } from '../../staff/staff-booking/staff-booking-api';
import { StaffSlotPicker } from '../../staff/staff-booking/staff-slot-picker';
import { BookingsStore, toldText } from './bookings-store';

export type ChangeMode = 'cancel' | 'move';
const WEEKS = 6;

/**
 * Cancel or move one booking, in a modal dialog: the reason (required; the person reads it), and for a
 * move the new time among the library's coming times. The dialog is the confirmation: it says what will
 * happen and who is told; "Behåll tiden" has focus first, Esc closes it without a change.
 */
@Component({
  selector: 'dh-change-booking-dialog',
  imports: [FIELD, StaffSlotPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="change-title" aria-describedby="change-text" (close)="closed()">
      @if (mode(); as m) {
        @let b = booking();
        <h2 id="change-title">{{ m === 'cancel' ? 'Avboka ' + owner() + ' tid?' : 'Flytta ' + owner() + ' tid' }}</h2>
        <p id="change-text">
          Bokning <bdi dir="ltr">{{ b.reference }}</bdi>. {{ told() }}
          @if (m === 'cancel') {
            Platsen blir ledig för någon annan.
          }
        </p>
        @if (problem(); as p) {
          <div class="dh-alert" role="alert"><p>{{ p.message }}</p></div>
        }
        <form novalidate (submit)="submit($event)">
          @if (m === 'move') {
            @if (sessions.isLoading() && !sessions.value().length) {
              <p class="dh-status">Hämtar lediga tider …</p>
            } @else if (sessions.error()) {
              <div class="dh-alert"><p>Vi kunde inte hämta tiderna.</p><button type="button" class="dh-button-secondary" (click)="sessions.reload()">Försök igen</button></div>
            } @else {
              <dh-staff-slot-picker
                controlId="move-slot"
                legend="Ny tid"
                [hint]="'Lediga tider på ' + b.site.name + ' de närmaste veckorna.'"
                [sessions]="sessions.value()"
                [timeZone]="b.site.timeZone"
                [selected]="slotId()"
                [error]="errors()['slotId']"
                (selectedChange)="slotId.set($event)"
              />
            }
          }
          <dh-field label="Skäl" hint="Skriv kort och vänligt. Personen får läsa det." [error]="errors()['reason']">
            <textarea dhControl id="change-reason" #reasonInput rows="3" [attr.maxlength]="max" [value]="reason()" (input)="reason.set(reasonInput.value)"></textarea>
          </dh-field>
          <div class="dh-actions">
            <button type="submit" [class]="m === 'cancel' ? 'dh-button-danger' : 'dh-button'" [attr.aria-disabled]="store.changing() ? true : null">
              {{ store.changing() ? 'Sparar …' : m === 'cancel' ? 'Ja, avboka tiden' : 'Flytta tiden' }}
            </button>
            <button type="button" class="dh-button-secondary" autofocus (click)="close()">Behåll tiden</button>
          </div>
        </form>
      }
    </dialog>
  `,
  styles: `
    dialog { width: min(44rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); padding: 1.25rem 1.5rem; border: 0; border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.5rem; font-size: 1.35rem; }
    textarea { width: 100%; }
    .dh-actions { margin-block-end: 0; }
    @media (max-width: 30rem) { dialog { padding: 1rem; } }
  `,
})
export class ChangeBookingDialog {
  readonly booking = input.required<StaffBookingDetail>();
  /** A change was saved and the dialog closed (the page says what happened). */
  readonly closedWithChange = output<void>();
  protected readonly store = inject(BookingsStore);
  private readonly slots = inject(StaffBookingApi);
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected readonly max = STAFF_REASON_MAX;
  protected readonly mode = signal<ChangeMode | null>(null);
  protected readonly reason = signal('');
  protected readonly slotId = signal<string | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.problem()?.fields ?? {});
  protected readonly told = computed(() => toldText(this.booking()));
  /** Swedish genitive: "Aminas", but "Jonas" and "Max" stay as they are. */
  protected readonly owner = computed(() => {
    const name = this.booking().name.trim();
    return /[sxz]$/i.test(name) ? name : `${name}s`;
  });

  private readonly range = computed<SessionRange | null>(() => {
    if (this.mode() !== 'move') return null;
    const site = this.booking().site;
    const from = todayIn(site.timeZone);
    return { slug: site.slug, from, to: new Date(Date.parse(`${from}T12:00:00Z`) + (WEEKS * 7 - 1) * 86_400_000).toISOString().slice(0, 10) };
  });
  protected readonly sessions = this.slots.sessions(this.range);

  open(mode: ChangeMode): void {
    this.mode.set(mode);
    this.reason.set('');
    this.slotId.set(null);
    this.problem.set(null);
    // Opened once its content is there, so "Behåll tiden" (autofocus) gets the focus.
    afterNextRender(() => this.dialog().nativeElement.showModal(), { injector: this.injector });
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected closed(): void {
    this.mode.set(null);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const mode = this.mode();
    if (!mode || this.store.changing()) return;
    const reason = this.reason().trim();
    const fields: Record<string, string> = {};
    if (!reason) fields['reason'] = 'Skriv varför. Personen får läsa det i sitt meddelande.';
    const slotId = this.slotId();
    if (mode === 'move' && !slotId) fields['slotId'] = 'Välj en ny tid i listan.';
    if (Object.keys(fields).length) {
      this.problem.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields });
      return;
    }
    const problem = mode === 'cancel' ? await this.store.cancel(reason) : await this.store.move(slotId as string, reason);
    if (problem) {
      this.problem.set(problem);
      if (mode === 'move') this.sessions.reload();
      return;
    }
    this.close();
    this.closedWithChange.emit();
  }
}
