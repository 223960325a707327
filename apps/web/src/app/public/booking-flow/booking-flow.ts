import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked, viewChild, type ElementRef } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  BOOKING_LIMITS,
  CATEGORY_LABELS,
  LANGUAGES,
  VISIT_CATEGORIES,
  type AlternativeSlotView,
  type Language,
  type VisitCategory,
} from '@digihjalpen/domain';
import { alternativesOf, statusOf, toApiError, type ApiError } from '../../shared/data/api-error';
import { whenOf, type WhenText } from '../../shared/data/dates';
import { PublicApi, type PublicSession, type PublicSlot } from '../../shared/data/public-api';
import { toggled } from '../../shared/data/sets';
import { LanguageService } from '../../shared/i18n/language.service';
import { languageName } from '../../shared/i18n/languages';
import { injectTranslate } from '../../shared/i18n/translator';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { When } from '../../shared/ui/when';
import { SlotPicker } from '../slot-picker/slot-picker';
import { handOver } from '../manage-booking/handover';
import {
  EMPTY_DRAFT,
  STEP_COUNT,
  cleanRef,
  firstIncompleteStep,
  problemsOf,
  stepFrom,
  stepOfField,
  toRequest,
  type BookingDraft,
  type DeviceAnswer,
  type Problems,
  type Step,
} from './booking-draft';
import { ReferralOpened } from './referral-opened';
import { TOPIC_ICONS } from './topic-icons';

/** A slot with what the summary needs to describe it. */
interface KnownSlot {
  id: string;
  start: string;
  end: string;
  seatsLeft: number;
  cancelled: boolean;
}

/** A 409 answer: the time is taken (or no longer bookable) and the nearest free ones instead. */
interface Taken {
  code: string;
  message: string;
  alternatives: AlternativeSlotView[];
}

type TextField = 'name' | 'email' | 'phone' | 'needs' | 'website';

const STEP_KEYS: Record<Step, string> = { 1: 'time', 2: 'topics', 3: 'about', 4: 'confirm' };

/** Ids of the controls, so error summaries can link to them. */
const IDS = {
  slotId: 'booking-slot',
  topics: `booking-topic-${VISIT_CATEGORIES[0]}`,
  name: 'booking-name',
  email: 'booking-email',
  phone: 'booking-phone',
  language: `booking-language-${LANGUAGES[0]}`,
  ownDevice: 'booking-device-yes',
  needs: 'booking-needs',
  ref: 'booking-ref',
} as const;

/**
 * Booking a time at a site in four short screens (/bibliotek/:slug/boka?steg=2&tid=<slot>). The step
 * and the chosen time live in the URL, so the browser's back button goes back a step; what the person
 * types stays in memory only. ?ref= and ?lang= are kept through every step.
 */
@Component({
  selector: 'dh-booking-flow',
  imports: [TranslocoDirective, RouterLink, FIELD, ErrorSummary, SlotPicker, When],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './booking-flow.html',
  styleUrl: './booking-flow.css',
})
export class BookingFlow {
  /** From the route (/bibliotek/:slug/boka) and its query (?steg=, ?tid=, ?ref=). */
  readonly slug = input.required<string>();
  readonly steg = input<string>();
  readonly tid = input<string>();
  readonly ref = input<string>();
  readonly lang = input<string>();

  private readonly api = inject(PublicApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly title = inject(Title);
  private readonly t = injectTranslate();
  private readonly referralOpened = inject(ReferralOpened);
  protected readonly language = inject(LanguageService).language;

  protected readonly site = this.api.site(this.slug);
  protected readonly sessions = this.api.sessions(this.slug);
  protected readonly siteNotFound = computed(() => statusOf(this.site.error()) === 404);
  protected readonly ready = computed(() => this.site.hasValue() && this.sessions.hasValue());

  protected readonly total = STEP_COUNT;
  protected readonly ids = IDS;
  protected readonly limits = BOOKING_LIMITS;
  protected readonly deviceAnswers: DeviceAnswer[] = ['yes', 'no', 'unsure'];
  protected readonly languages = LANGUAGES.map((code) => ({ code, name: capitalised(languageName(code, code), code) }));

  protected readonly draft = signal<BookingDraft>(EMPTY_DRAFT);
  protected readonly slotId = computed(() => this.tid() ?? null);
  /** The time picked on screen 1 before "Next" puts it in the URL. */
  protected readonly pickedSlot = linkedSignal<string | null>(() => this.slotId());
  protected readonly refCode = computed(() => cleanRef(this.ref()));
  /** The language for e-mails and the calendar file: the page's unless the person chose one. */
  protected readonly mailLanguage = computed<Language>(() => this.draft().language ?? this.language());

  /** Free times offered after a 409, which may lie outside the eight weeks the page loaded. */
  private readonly alternativeSlots = signal<ReadonlyMap<string, KnownSlot>>(new Map());
  protected readonly knownSlots = computed(() => {
    const known = new Map<string, KnownSlot>(this.alternativeSlots());
    for (const session of this.sessions.hasValue() ? this.sessions.value() : []) {
      for (const slot of session.slots) known.set(slot.id, toKnown(slot, session));
    }
    return known;
  });
  protected readonly chosen = computed(() => {
    const id = this.slotId();
    return id ? (this.knownSlots().get(id) ?? null) : null;
  });

  /** The screen shown: the one in the URL, unless an earlier one still lacks something. */
  protected readonly step = computed<Step>(() => {
    const requested = stepFrom(this.steg());
    if (!this.ready()) return requested;
    const slot = this.chosen();
    const usable = slot && !slot.cancelled ? slot.id : null;
    return Math.min(requested, firstIncompleteStep(this.draft(), usable)) as Step;
  });
  protected readonly stepTitle = computed(() => this.t(`booking.steps.${STEP_KEYS[this.step()]}`));

  /** The errors shown on one screen: from the browser's checks or the server's answer. */
  private readonly shownErrors = signal<{ step: Step; error: ApiError } | null>(null);
  protected readonly error = computed(() => {
    const shown = this.shownErrors();
    return shown && shown.step === this.step() ? shown.error : null;
  });
  protected readonly fieldErrors = computed(() => this.error()?.fields ?? {});
  /** Server field errors not yet shown, by field: each appears when the person reaches its screen. */
  private readonly serverFields = signal<Record<string, string>>({});

  protected readonly summaryFields = computed<SummaryField[]>(() => {
    const label = (key: string) => this.t(`booking.${key}`);
    return [
      { name: 'slotId', id: IDS.slotId, label: label('time.legend') },
      { name: 'topics', id: IDS.topics, label: label('topics.legend') },
      { name: 'name', id: IDS.name, label: label('about.name.label') },
      { name: 'email', id: IDS.email, label: label('about.email.label') },
      { name: 'phone', id: IDS.phone, label: label('about.phone.label') },
      { name: 'language', id: IDS.language, label: label('about.language.legend') },
      { name: 'ownDevice', id: IDS.ownDevice, label: label('about.device.legend') },
      { name: 'needs', id: IDS.needs, label: label('about.needs.label') },
      { name: 'ref', id: IDS.ref, label: label('confirm.ref') },
    ];
  });

  protected readonly pending = signal(false);
  protected readonly taken = signal<Taken | null>(null);
  /** A short status: an offered time replaced the taken one, or the linked time can no longer be booked. */
  protected readonly notice = signal<'newTime' | 'slotGone' | null>(null);

  protected readonly topicOptions = computed(() => {
    const labels = CATEGORY_LABELS[this.language()];
    return VISIT_CATEGORIES.map((key) => ({ key, label: labels[key], icon: TOPIC_ICONS[key] }));
  });
  protected readonly chosenTopics = computed(() => {
    const labels = CATEGORY_LABELS[this.language()];
    return this.draft().topics.map((key) => labels[key]);
  });
  protected readonly chosenWhen = computed(() => this.describe(this.chosen()));
  /** Query parameters every link out of the flow keeps. */
  protected readonly keptParams = computed(() => {
    const lang = this.lang();
    const ref = this.ref();
    return { ...(lang ? { lang } : {}), ...(ref ? { ref } : {}) };
  });

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly takenBox = viewChild<ElementRef<HTMLElement>>('takenBox');

  constructor() {
    this.keepUrlInStep();
    this.checkLinkedSlotOnce();
    this.countReferral();
    this.focusHeadingOnStepChange();
    effect(() => {
      const site = this.site.hasValue() ? this.site.value().name : null;
      const parts = [`${this.t('booking.stepOf', { step: this.step(), total: STEP_COUNT })}: ${this.stepTitle()}`, this.t('booking.title'), site, 'Digihjälpen'];
      this.title.setTitle(parts.filter(Boolean).join(' – '));
    });
  }

  protected pickSlot(id: string): void {
    this.pickedSlot.set(id);
  }

  protected setText(field: TextField, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected toggleTopic(topic: VisitCategory, on: boolean): void {
    this.draft.update((d) => {
      const set = toggled(new Set(d.topics), topic, on);
      return { ...d, topics: VISIT_CATEGORIES.filter((c) => set.has(c)) };
    });
  }

  protected setLanguage(language: Language): void {
    this.draft.update((d) => ({ ...d, language }));
  }

  protected setDevice(answer: DeviceAnswer): void {
    this.draft.update((d) => ({ ...d, ownDevice: answer }));
  }

  protected deviceText(): string {
    switch (this.draft().ownDevice) {
      case 'yes':
        return this.t('booking.about.device.yes');
      case 'no':
        return this.t('booking.about.device.no');
      case 'unsure':
        return this.t('booking.about.device.unsure');
      case '':
        return this.t('booking.confirm.notGiven');
    }
  }

  protected languageLabel(code: Language): string {
    return this.languages.find((l) => l.code === code)?.name ?? code;
  }

  /** "Next" on screens 1–3: check this screen, then go on (or show what is wrong). */
  protected async next(event: Event): Promise<void> {
    event.preventDefault();
    const step = this.step();
    const slotId = step === 1 ? (this.pickedSlot() ?? this.slotId()) : this.slotId();
    const problems = problemsOf(step, this.draft(), slotId);
    if (Object.keys(problems).length) {
      this.showErrors(step, { status: 0, code: 'INVALID', message: this.t('booking.errors.fix'), fields: this.messages(problems) });
      return;
    }
    // Fixed on this screen: the server's old complaints about it no longer apply.
    this.serverFields.update((fields) => Object.fromEntries(Object.entries(fields).filter(([name]) => stepOfField(name) !== step)));
    if (step === 1 && slotId !== this.slotId()) this.taken.set(null);
    await this.goTo((step + 1) as Step, step === 1 ? { tid: slotId } : {});
  }

  protected async back(): Promise<void> {
    await this.goTo((this.step() - 1) as Step);
  }

  /** "Book" on screen 4. Every screen is checked again; a second press while sending does nothing. */
  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const slotId = this.slotId();
    const incomplete = firstIncompleteStep(this.draft(), slotId);
    if (!slotId || incomplete < 4) {
      const problems = this.messages(problemsOf(incomplete, this.draft(), slotId));
      await this.goTo(incomplete, {}, { status: 0, code: 'INVALID', message: this.t('booking.errors.fix'), fields: problems });
      return;
    }
    this.pending.set(true);
    this.shownErrors.set(null);
    this.taken.set(null);
    this.notice.set(null);
    try {
      const created = await this.api.book(toRequest(this.draft(), slotId, this.language(), this.ref() ?? null));
      const lang = this.lang();
      // The manage page gets the masked view only: the router state stays in the browser's history.
      await this.router.navigate(['/bokning', created.manageToken], { queryParams: lang ? { lang } : {}, state: handOver(created) });
    } catch (error) {
      await this.handleError(error);
    } finally {
      this.pending.set(false);
    }
  }

  /** One of the free times offered after a 409: it replaces the taken time, everything else stays. */
  protected async pickAlternative(alternative: AlternativeSlotView): Promise<void> {
    this.taken.set(null);
    this.notice.set('newTime');
    await this.router.navigate([], { relativeTo: this.route, queryParams: { tid: alternative.slotId, steg: 4 }, queryParamsHandling: 'merge', replaceUrl: true });
    setTimeout(() => this.heading()?.nativeElement.focus());
  }

  protected describeAlternative(alternative: AlternativeSlotView): WhenText | null {
    return this.describe({ id: alternative.slotId, start: alternative.start, end: alternative.end, seatsLeft: alternative.seatsLeft, cancelled: false });
  }

  /** A referral code the server does not accept should not stop the booking. */
  protected async dropRef(): Promise<void> {
    this.shownErrors.set(null);
    this.serverFields.update(({ ref: _ref, ...rest }) => rest);
    await this.router.navigate([], { relativeTo: this.route, queryParams: { ref: null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  private describe(slot: KnownSlot | null): WhenText | null {
    if (!slot || !this.site.hasValue()) return null;
    return whenOf(slot.start, slot.end, this.site.value().timeZone, this.language());
  }

  private async handleError(error: unknown): Promise<void> {
    const apiError = toApiError(error, {
      noContact: this.t('booking.errors.noContact'),
      unknown: this.t('booking.errors.unknown'),
      validationFailed: this.t('booking.errors.fix'),
    });
    if (error instanceof HttpErrorResponse && error.status === 409 && (apiError.code === 'SLOT_FULL' || apiError.code === 'SLOT_NOT_BOOKABLE')) {
      const alternatives = alternativesOf<AlternativeSlotView>(error);
      this.alternativeSlots.update((known) => {
        const next = new Map(known);
        for (const a of alternatives) next.set(a.slotId, { id: a.slotId, start: a.start, end: a.end, seatsLeft: a.seatsLeft, cancelled: false });
        return next;
      });
      this.taken.set({ code: apiError.code, message: apiError.message, alternatives });
      // The list behind "Change" should not offer the taken time again.
      this.sessions.reload();
      setTimeout(() => this.takenBox()?.nativeElement.focus());
      return;
    }
    const fields = apiError.fields;
    const names = Object.keys(fields);
    if (names.length) {
      const first = Math.min(...names.map(stepOfField)) as Step;
      this.serverFields.set({ ...fields });
      const here = Object.fromEntries(names.filter((name) => stepOfField(name) === first).map((name) => [name, fields[name] ?? '']));
      await this.goTo(first, {}, { ...apiError, fields: here });
      return;
    }
    this.showErrors(4, apiError);
  }

  /**
   * Goes to a screen (a new history entry) with `error` shown there, or else the server's errors that
   * belong to that screen and have not been fixed yet.
   */
  private async goTo(step: Step, extra: Record<string, string | null> = {}, error?: ApiError): Promise<void> {
    const waiting = Object.fromEntries(Object.entries(this.serverFields()).filter(([name]) => stepOfField(name) === step));
    if (error) {
      this.showErrors(step, error);
    } else if (Object.keys(waiting).length) {
      this.showErrors(step, { status: 400, code: 'INVALID_BOOKING', message: this.t('booking.errors.fix'), fields: waiting });
    } else {
      this.shownErrors.set(null);
    }
    await this.router.navigate([], { relativeTo: this.route, queryParams: { steg: step, ...extra }, queryParamsHandling: 'merge' });
  }

  private showErrors(step: Step, error: ApiError): void {
    this.shownErrors.set({ step, error });
  }

  private messages(problems: Problems): Record<string, string> {
    return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, this.t(`booking.errors.${problem.key}`, problem.params)]));
  }

  /** Opened from a partner's link or slip: the partner's figures count one more referred (once per tab and code). */
  private countReferral(): void {
    effect(() => {
      const code = this.refCode();
      if (code) untracked(() => this.referralOpened.tell(code));
    });
  }

  /** When an earlier screen lacks something (a reload, an old link), the URL follows the screen shown. */
  private keepUrlInStep(): void {
    effect(() => {
      if (!this.ready()) return;
      const shown = this.step();
      const requested = stepFrom(this.steg());
      if (shown !== requested) {
        untracked(() => void this.router.navigate([], { relativeTo: this.route, queryParams: { steg: shown }, queryParamsHandling: 'merge', replaceUrl: true }));
      }
    });
  }

  /**
   * A link from the site page or an old e-mail may name a time that has filled up since. Checked once,
   * when the times arrive: later the 409 answer offers alternatives instead.
   */
  private checkLinkedSlotOnce(): void {
    let checked = false;
    effect(() => {
      if (checked || !this.ready()) return;
      checked = true;
      const id = untracked(this.slotId);
      if (!id) return;
      const slot = untracked(this.knownSlots).get(id);
      if (!slot || slot.cancelled || slot.seatsLeft < 1 || Date.parse(slot.start) <= Date.now()) {
        untracked(() => {
          this.notice.set('slotGone');
          void this.router.navigate([], { relativeTo: this.route, queryParams: { steg: 1, tid: null }, queryParamsHandling: 'merge', replaceUrl: true });
        });
      }
    });
  }

  /** Screen readers hear the new step ("Steg 2 av 4: …"); an error summary takes focus itself instead. */
  private focusHeadingOnStepChange(): void {
    let previous: Step | null = null;
    effect(() => {
      const step = this.step();
      if (!this.ready()) return;
      if (previous !== null && previous !== step) {
        if (step !== 1) this.notice.set(null);
        setTimeout(() => {
          if (!this.error()) this.heading()?.nativeElement.focus();
        });
      }
      previous = step;
    });
  }
}

function toKnown(slot: PublicSlot, session: PublicSession): KnownSlot {
  return { id: slot.id, start: slot.start, end: slot.end, seatsLeft: slot.seatsLeft, cancelled: session.status === 'cancelled' };
}

function capitalised(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
