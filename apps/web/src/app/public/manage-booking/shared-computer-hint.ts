import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { ReferralOpened } from '../booking-flow/referral-opened';
import { LanguageService } from '../../shared/i18n/language.service';
import { forgetHandover } from './handover';

/**
 * "Are you on a shared computer?" on the page right after booking: what to do, and a button that clears
 * what this app keeps in the browser. The flow keeps the typed details in memory only; what stays is the
 * handed-over booking in this history entry, the partner codes already counted (sessionStorage) and the
 * language cookie. The browser's own history is out of a page's reach: the link ends after the visit.
 */
@Component({
  selector: 'dh-shared-computer-hint',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dh-panel shared no-print" aria-labelledby="shared-heading" *transloco="let t; prefix: 'manage.sharedComputer'">
      <h2 id="shared-heading">{{ t('heading') }}</h2>
      <ul>
        <li>{{ t('close') }}</li>
        <li>{{ t('noSave') }}</li>
        <li>{{ t('ends') }}</li>
      </ul>
      <button type="button" class="dh-button-secondary" (click)="clear()">{{ t('clear') }}</button>
      <p class="cleared" role="status">{{ cleared() ? t('cleared') : '' }}</p>
    </section>
  `,
  styles: `
    .shared ul {
      margin: 0 0 1rem;
      padding-inline-start: 1.25rem;
    }
    .cleared {
      margin: 0.75rem 0 0;
    }
  `,
})
export class SharedComputerHint {
  private readonly location = inject(Location);
  private readonly referrals = inject(ReferralOpened);
  private readonly language = inject(LanguageService);
  protected readonly cleared = signal(false);

  protected clear(): void {
    forgetHandover(this.location);
    this.referrals.forgetAll();
    this.language.forgetChoice();
    this.cleared.set(true);
  }
}
