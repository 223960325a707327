import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, viewChild, type ElementRef } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { AlternativeSlotView, BookingView } from '@digihjalpen/domain';
import { alternativesOf, statusOf, toApiError, type ApiError } from '../../shared/data/api-error';
import { whenOf, type WhenText } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';
import { injectTranslate } from '../../shared/i18n/translator';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { When } from '../../shared/ui/when';
import { SlotPicker } from '../slot-picker/slot-picker';
import { BookingNeeds, type LinkGone } from './booking-needs';
import { confirmContactFromLink } from './confirm-contact';
import { handedOverBooking } from './handover';
import { SharedComputerHint } from './shared-computer-hint';

/** Cancelled only right after the person cancelled here: a cancelled booking's link answers 410 from then on. */
type PageState = 'confirmed' | 'past' | 'cancelled';

const MOVE_SLOT_ID = 'move-slot';

/**
 * The page behind the secret link (/bokning/:token): the booking's reference, time and place, what to
 * bring, and moving or cancelling it. Right after booking the flow hands over the new booking in the
 * router state, so the page needs no request; from the e-mail it loads by token. The contact details
 * come masked and the needs behind a click (the link may be opened on a shared computer). A wrong or
 * revoked link gets one plain message that says nothing about whether a booking exists; an ended one
 * (cancelled, or the visit is over) another, that does not say which.
 */
@Component({
  selector: 'dh-manage-booking-page',
  imports: [TranslocoDirective, RouterLink, ConfirmDialog, ErrorSummary, SlotPicker, When, BookingNeeds, SharedComputerHint],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './manage-booking-page.html',
  styleUrl: './manage-booking-page.css',
})
export class ManageBookingPage {
  /** From the route (/bokning/:token) and ?lang=. */
  readonly token = input.required<string>();
  readonly lang = input<string>();

  private readonly api = inject(PublicApi);
  private readonly title = inject(Title);
  private readonly document = inject(DOCUMENT);
  private readonly t = injectTranslate();
  protected readonly language = inject(LanguageService).language;

  /** The booking the flow just made, when this page opened straight after it. */
  private readonly handedOver = handedOverBooking(inject(Router), inject(ActivatedRoute).snapshot.paramMap.get('token'));
  /** booking-rules: the e-mail's link confirms the contact (`?c=`), then leaves the address bar. */
  protected readonly contactProofSent = confirmContactFromLink();
  protected readonly justBooked = this.handedOver !== null;
  protected readonly loaded = this.api.booking(() => (this.handedOver ? undefined : this.token()));
  protected readonly booking = linkedSignal<BookingView | null>(() => this.handedOver ?? (this.loaded.hasValue() ? this.loaded.value() : null));
  /** The link stopped working while the page was open (cancelled elsewhere, revoked, or the visit is over). */
  private readonly gone = signal<LinkGone | null>(null);
  protected readonly notFound = computed(() => this.gone() === 'notFound' || statusOf(this.loaded.error()) === 404);
  protected readonly ended = computed(() => this.gone() === 'ended' || statusOf(this.loaded.error()) === 410);

  protected readonly state = computed<PageState | null>(() => {
    const b = this.booking();
    if (!b) return null;
    if (b.status === 'cancelled') return 'cancelled';
    return Date.parse(b.slot.start) <= Date.now() ? 'past' : 'confirmed';
  });
  protected readonly bookAgainParams = computed(() => {
    const lang = this.lang();
    return lang ? { lang } : {};
  });

  protected readonly copyStatus = signal('');
  protected readonly notice = signal<'moved' | 'cancelled' | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly cancelling = signal(false);

  protected readonly moveOpen = signal(false);
  protected readonly moveSessions = this.api.sessions(() => (this.moveOpen() ? this.booking()?.site.slug : undefined));
  protected readonly movePick = signal<string | null>(null);
  protected readonly moving = signal(false);
  protected readonly moveError = signal<ApiError | null>(null);
  protected readonly moveTaken = signal<{ message: string; alternatives: AlternativeSlotView[] } | null>(null);
  protected readonly moveSlotId = MOVE_SLOT_ID;
  protected readonly moveFields = computed<SummaryField[]>(() => [{ name: 'slotId', id: MOVE_SLOT_ID, label: this.t('manage.move.legend') }]);

  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly moveHeading = viewChild<ElementRef<HTMLElement>>('moveHeading');

  constructor() {
    effect(() => {
      const key = this.notFound() ? 'notFound.heading' : this.ended() ? 'ended.heading' : this.headingKey();
      this.title.setTitle(`${this.t(`manage.${key}`)} – Digihjälpen`);
    });
  }

  /** The h1's key under `manage`: the page says first what happened. */
  protected headingKey(): string {
    switch (this.state()) {
      case 'cancelled':
        return 'cancelled.heading';
      case 'confirmed':
        return this.justBooked && this.notice() === null ? 'justBooked' : 'heading';
      case 'past':
      case null:
        return 'heading';
    }
  }

  protected whenOf(b: BookingView): WhenText {
    return whenOf(b.slot.start, b.slot.end, b.site.timeZone, this.language());
  }

  protected describe(alternative: AlternativeSlotView): WhenText {
    const timeZone = this.booking()?.site.timeZone ?? 'Europe/Stockholm';
    return whenOf(alternative.start, alternative.end, timeZone, this.language());
  }

  protected async copyReference(reference: string): Promise<void> {
    this.copyStatus.set('');
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('No clipboard');
      await clipboard.writeText(reference);
      this.copyStatus.set(this.t('manage.copied'));
    } catch {
      this.copyStatus.set(this.t('manage.copyFailed'));
    }
  }

  /** The needs' route answered 404 or 410. */
  protected linkGone(why: LinkGone): void {
    this.gone.set(why);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected openMove(): void {
    this.moveOpen.set(true);
    this.movePick.set(null);
    this.moveError.set(null);
    this.moveTaken.set(null);
    setTimeout(() => this.moveHeading()?.nativeElement.focus());
  }

  protected closeMove(): void {
    this.moveOpen.set(false);
  }

  protected pickAlternative(alternative: AlternativeSlotView): void {
    this.moveTaken.set(null);
    this.movePick.set(alternative.slotId);
    this.moveSessions.reload();
  }

  protected async move(event: Event): Promise<void> {
    event.preventDefault();
    if (this.moving()) return;
    const slotId = this.movePick();
    if (!slotId) {
      this.moveError.set({ status: 0, code: 'INVALID', message: this.t('booking.errors.fix'), fields: { slotId: this.t('booking.errors.slotRequired') } });
      return;
    }
    this.moving.set(true);
    this.moveError.set(null);
    this.moveTaken.set(null);
    try {
      const moved = await this.api.moveBooking(this.token(), slotId);
      this.booking.set(moved);
      this.moveOpen.set(false);
      this.notice.set('moved');
      setTimeout(() => this.heading()?.nativeElement.focus());
    } catch (error) {
      const apiError = this.toError(error);
      if (error instanceof HttpErrorResponse && error.status === 409 && (apiError.code === 'SLOT_FULL' || apiError.code === 'SLOT_NOT_BOOKABLE')) {
        this.moveTaken.set({ message: apiError.message, alternatives: alternativesOf<AlternativeSlotView>(error) });
        this.movePick.set(null);
        this.moveSessions.reload();
      } else if (apiError.status === 404 || apiError.status === 410) {
        this.gone.set(apiError.status === 404 ? 'notFound' : 'ended');
      } else {
        this.moveError.set(apiError);
      }
    } finally {
      this.moving.set(false);
    }
  }

  protected async cancel(): Promise<void> {
    if (this.cancelling()) return;
    const yes = await this.confirm().ask({
      title: this.t('manage.confirmCancel.title'),
      text: this.t('manage.confirmCancel.text'),
      confirm: this.t('manage.confirmCancel.confirm'),
      cancel: this.t('manage.confirmCancel.cancel'),
    });
    if (!yes) return;
    this.cancelling.set(true);
    this.actionError.set(null);
    try {
      await this.api.cancelBooking(this.token());
      this.booking.update((b) => (b ? { ...b, status: 'cancelled', cancelledBy: 'visitor' } : b));
      this.moveOpen.set(false);
      this.notice.set('cancelled');
      setTimeout(() => this.heading()?.nativeElement.focus());
    } catch (error) {
      const apiError = this.toError(error);
      if (apiError.status === 404 || apiError.status === 410) this.gone.set(apiError.status === 404 ? 'notFound' : 'ended');
      else this.actionError.set(apiError.message);
    } finally {
      this.cancelling.set(false);
    }
  }

  private toError(error: unknown): ApiError {
    return toApiError(error, {
      noContact: this.t('booking.errors.noContact'),
      unknown: this.t('booking.errors.unknown'),
      validationFailed: this.t('booking.errors.fix'),
    });
  }
}
