import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { CATEGORY_LABELS, type BookingCreatedView, type Language } from '@digihjalpen/domain';
import { whenOf } from '../../shared/data/dates';
import { directionOf } from '../../shared/i18n/languages';
import { When } from '../../shared/ui/when';

/**
 * The paper slip handed over at the desk: reference, time, place and what to bring, in the language
 * the person chose for the confirmation (the texts of their own booking page). Only printed: on
 * screen the staff member reads the Swedish receipt. Create a new slip per booking: the language is
 * read once.
 */
@Component({
  selector: 'dh-booking-slip',
  imports: [TranslocoDirective, When],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'manage'; lang: language()">
      @let b = booking();
      <p class="brand">Digihjälpen</p>
      <h2>{{ t('heading') }}</h2>
      <p class="label">{{ t('reference') }}</p>
      <p class="reference"><bdi dir="ltr">{{ b.reference }}</bdi></p>
      <p>{{ t('referenceHint') }}</p>

      <h3>{{ t('whenWhere') }}</h3>
      <p class="when"><dh-when [when]="when()" /></p>
      <p>{{ b.site.name }}<br />{{ b.site.address }}</p>
      @if (b.site.directions) {
        <p><strong>{{ t('directions') }}:</strong>&ngsp;<span lang="sv" dir="auto">{{ b.site.directions }}</span></p>
      }
      @if (b.site.contactPhone) {
        <p><strong>{{ t('phone') }}:</strong>&ngsp;<bdi dir="ltr">{{ b.site.contactPhone }}</bdi></p>
      }
      <p><strong>{{ t('name') }}:</strong> {{ b.name }}</p>
      <p><strong>{{ t('topics') }}:</strong> {{ topics() }}</p>

      <h3>{{ t('bring.heading') }}</h3>
      <ul>
        <li>{{ t('bring.bankid') }}</li>
        <li>{{ t('bring.passwords') }}</li>
        <li>{{ t('bring.charger') }}</li>
        <li>{{ t('bring.letter') }}</li>
        @if (b.ownDevice) {
          <li>{{ t('bring.device') }}</li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    :host { display: block; font-size: 12pt; line-height: 1.45; color: #000; }
    .brand { margin: 0; font-weight: 700; }
    h2 { margin: 0.2rem 0 0.8rem; font-size: 18pt; }
    h3 { margin: 1.2rem 0 0.3rem; font-size: 14pt; }
    p { margin: 0 0 0.4rem; }
    .label { margin: 0; font-weight: 600; }
    .reference { margin: 0 0 0.3rem; font-size: 30pt; font-weight: 700; letter-spacing: 0.12em; font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace; }
    .when { font-size: 14pt; font-weight: 700; }
    ul { margin: 0; padding-inline-start: 1.4rem; }
  `,
  host: { '[attr.lang]': 'language()', '[attr.dir]': 'direction()' },
})
export class BookingSlip {
  readonly booking = input.required<BookingCreatedView>();

  protected readonly language = computed<Language>(() => this.booking().language);
  protected readonly direction = computed(() => directionOf(this.language()));
  protected readonly when = computed(() => {
    const b = this.booking();
    return whenOf(b.slot.start, b.slot.end, b.site.timeZone, b.language);
  });
  protected readonly topics = computed(() => {
    const labels = CATEGORY_LABELS[this.language()];
    return this.booking()
      .topics.map((key) => labels[key])
      .join(', ');
  });
}
