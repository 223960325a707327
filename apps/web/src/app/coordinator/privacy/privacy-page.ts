import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, viewChild } from '@angular/core';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { bookingsText, clock, PrivacyStore } from './privacy-store';

const FIELDS: SummaryField[] = [{ name: 'reference', id: 'privacy-reference', label: 'Bokningsnummer' }];
const CODE_FIELDS: SummaryField[] = [{ name: 'code', id: 'privacy-code', label: 'Koden från personens e-post' }];

/**
 * A person's right of access and erasure: a coordinator looks a booking up by its reference and sees that
 * booking only. The person's other bookings (the same e-mail address) only after the person reads out a
 * one-time code sent to that address. The API writes every look, download, code and erasure to the audit log.
 */
@Component({
  selector: 'dh-privacy-page',
  imports: [ErrorSummary, FIELD, ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './privacy-page.html',
  styleUrl: './privacy-page.css',
  providers: [PrivacyStore],
  host: { lang: 'sv', dir: 'ltr' },
})
export class PrivacyPage {
  protected readonly store = inject(PrivacyStore);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');

  protected readonly fields = FIELDS;
  protected readonly codeFields = CODE_FIELDS;
  protected readonly clock = clock;
  protected readonly bookingsText = bookingsText;
  protected readonly codeErrors = computed(() => this.store.codeError()?.fields ?? {});
  protected readonly errors = computed(() => this.store.error()?.fields ?? {});
  /** The code error has no field (no code sent, none left): said as an alert instead of beside the field. */
  protected readonly codeAlert = computed(() => {
    const error = this.store.codeError();
    return error && !error.fields['code'] ? error.message : null;
  });

  protected async search(event: Event): Promise<void> {
    event.preventDefault();
    if (await this.store.search()) this.focusResult();
  }

  protected async verify(event: Event): Promise<void> {
    event.preventDefault();
    if (await this.store.verifyCode()) this.focusResult();
  }

  protected async show(scope: 'booking' | 'contact'): Promise<void> {
    if (await this.store.show(scope)) this.focusResult();
  }

  protected async erase(): Promise<void> {
    const r = this.store.result();
    if (!r) return;
    const held = this.store.heldCount();
    const yes = await this.confirm().ask({
      title: 'Radera personens uppgifter?',
      text:
        `Namn, e-postadress, telefonnummer och det personen skrev tas bort från ${held === 1 ? 'bokningen' : `${held} bokningar`}, ` +
        'och länken för att ändra eller avboka slutar fungera. Kommande tider avbokas. Statistiken finns kvar utan namn. Det går inte att ångra.',
      confirm: held === 1 ? 'Ja, radera uppgifterna' : `Ja, radera uppgifterna från ${held} bokningar`,
      cancel: 'Nej, behåll dem',
    });
    if (!yes) return;
    if (await this.store.erase()) this.focusResult();
  }

  private focusResult(): void {
    afterNextRender(() => this.resultHeading()?.nativeElement.focus(), { injector: this.injector });
  }
}
