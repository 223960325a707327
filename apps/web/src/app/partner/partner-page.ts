import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService } from '../shared/auth/auth.service';
import { ReferralCodes } from './referral-codes';
import { ReferralFunnel } from './referral-funnel';

/**
 * The partner's page (e.g. staff at the skills centre): book for someone sitting with them, make
 * referral codes for people to book themselves, and see in aggregate how the referrals went.
 */
@Component({
  selector: 'dh-partner-page',
  imports: [RouterLink, ReferralCodes, ReferralFunnel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Hänvisningar</h1>
    <p class="lead">
      Här hänvisar du personer till Digihjälpen, digital hjälp på biblioteket, och ser hur det gick. Du ser bara antal, aldrig vem som bokade eller kom.
    </p>

    <div class="dh-panel book-for">
      <h2>Sitter personen hos dig nu?</h2>
      <p>Boka en tid direkt åt personen. Det räcker med ett förnamn eller smeknamn.</p>
      <a class="dh-button" routerLink="/boka-at-nagon">Boka åt någon</a>
    </div>

    @if (partnerId(); as id) {
      <section aria-labelledby="codes-heading">
        <h2 id="codes-heading">Hänvisningskoder</h2>
        <div class="explain">
          <p>
            En hänvisningskod är en kort kod som du ger till en person, på en utskriven lapp eller som en länk. Med koden bokar personen själv en tid på
            biblioteket, och vi ser att hen kom via er.
          </p>
          <p>
            <strong>Koden säger ingenting om personen.</strong> Alla som får samma kod ser likadana ut för oss, och ni ser bara hur många som bokade och kom.
            Gör gärna en kod för varje verksamhet, så ser ni vad som fungerar.
          </p>
        </div>
        <dh-referral-codes [partnerId]="id" [level]="3" />
      </section>

      <section aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">Så gick det</h2>
        <p>Hur många ni hänvisade, hur många som bokade och kom, och hur det gick för dem. Först visas de senaste tre månaderna.</p>
        <dh-referral-funnel [partnerId]="id" />
      </section>
    } @else {
      <p class="dh-alert">Ditt konto hör inte till någon partnerorganisation än. Be samordnaren att koppla kontot till er organisation.</p>
    }
  `,
  styles: `
    :host { display: block; max-width: 60rem; }
    h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); margin-block: 0.5rem; }
    h2 { font-size: 1.5rem; margin-block: 2rem 0.5rem; }
    .lead { font-size: 1.1rem; max-width: 46rem; }
    .book-for { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.25rem; margin-block: 1.25rem; border-inline-start: 6px solid var(--dh-brand); }
    .book-for h2 { flex-basis: 100%; margin: 0; font-size: 1.3rem; }
    .book-for p { margin: 0; flex: 1 1 18rem; }
    .book-for .dh-button { font-size: 1.15rem; }
    .explain { max-width: 46rem; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class PartnerPage {
  private readonly auth = inject(AuthService);
  protected readonly partnerId = computed(() => this.auth.user()?.partnerId ?? null);
}
