import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, type CapacitySignalsView } from '@digihjalpen/domain';
import { formatDay, formatTime } from '../../shared/data/dates';
import { StatisticsApi } from './statistics-api';

/** ISO weekday 1–7 as Swedish plural ("tisdagar"): a weekday that recurs. */
const WEEKDAYS_PLURAL = ['måndagar', 'tisdagar', 'onsdagar', 'torsdagar', 'fredagar', 'lördagar', 'söndagar'] as const;

const percent = new Intl.NumberFormat('sv', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('sv', { maximumFractionDigits: 1 });

export interface CapacityTexts {
  full: { key: string; site: string; text: string }[];
  lowUse: { key: string; site: string; text: string }[];
  understaffed: { key: string; when: string; site: string; text: string }[];
}

/** The signals in plain Swedish: "tisdagar 10:00: 6 av 8 träffar fulla". */
export function capacityTexts(view: CapacitySignalsView): CapacityTexts {
  return {
    full: view.regularlyFull.map((f) => ({
      key: `${f.siteId}-${f.weekday}-${f.startTime}`,
      site: f.siteName,
      text: `${WEEKDAYS_PLURAL[f.weekday - 1] ?? ''} ${f.startTime}: ${f.fullSessions} av ${f.sessions} träffar fulla`,
    })),
    lowUse: view.lowUse.map((s) => ({
      key: s.siteId,
      site: s.siteName,
      text: `${percent.format(s.utilisation)} av platserna bokade, ${decimal.format(s.visitsPerSession)} besök per träff (${s.sessions} träffar)`,
    })),
    understaffed: view.understaffed.map((s) => ({
      key: s.sessionId,
      // Sessions keep their site's wall time; every site is in Stockholm (the API sends no zone here).
      when: `${formatDay(s.start, DEFAULT_TIME_ZONE, 'sv')} ${formatTime(s.start, DEFAULT_TIME_ZONE, 'sv')}`,
      site: s.siteName,
      text: `${s.helpers} av ${s.helpersNeeded} ${s.helpersNeeded === 1 ? 'digivärd' : 'digivärdar'}`,
    })),
  };
}

/** Where to add a day, where use is low, and which coming sessions still lack helpers (all sites). */
@Component({
  selector: 'dh-capacity-signals',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="capacity-heading">Att hålla koll på</h2>
    @if (signals.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta signalerna just nu.</p>
        <button type="button" class="dh-button" (click)="signals.reload()">Försök igen</button>
      </div>
    } @else if (texts(); as t) {
      <p class="dh-hint">Alla platser, de senaste {{ weeksBack() }} veckorna och de kommande {{ daysAhead() }} dagarna.</p>
      <div class="signals">
        <section aria-labelledby="full-heading">
          <h3 id="full-heading">Ofta fullbokat – kanske en dag till?</h3>
          @for (f of t.full; track f.key) {
            <p class="signal"><strong>{{ f.site }}</strong>, {{ f.text }}</p>
          } @empty {
            <p class="none">Inget att varna för just nu.</p>
          }
        </section>
        <section aria-labelledby="low-heading">
          <h3 id="low-heading">Platser med låg användning</h3>
          @for (s of t.lowUse; track s.key) {
            <p class="signal"><strong>{{ s.site }}</strong>: {{ s.text }}</p>
          } @empty {
            <p class="none">Inget att varna för just nu.</p>
          }
        </section>
        <section aria-labelledby="staffing-heading">
          <h3 id="staffing-heading">Kommande träffar som saknar digivärdar</h3>
          @if (t.understaffed.length) {
            <ul>
              @for (s of t.understaffed; track s.key) {
                <li><strong>{{ s.when }}</strong>, {{ s.site }}: {{ s.text }}</li>
              }
            </ul>
            <p><a routerLink="/samordnare/bemanning">Bemanna träffarna</a></p>
          } @else {
            <p class="none">Inget att varna för just nu.</p>
          }
        </section>
      </div>
    } @else {
      <p class="dh-status">Hämtar signalerna …</p>
    }
  `,
  styles: `
    :host { display: block; }
    h2 { font-size: 1.35rem; margin-block: 0 0.25rem; }
    h3 { font-size: 1.05rem; margin-block: 0 0.4rem; }
    .signals { display: grid; gap: 1rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr)); margin-block-start: 0.75rem; }
    .signal { margin-block: 0 0.4rem; }
    .none { margin: 0; color: var(--dh-muted); }
    ul { margin: 0 0 0.5rem; padding-inline-start: 1.2rem; }
    li { margin-block-end: 0.3rem; }
  `,
})
export class CapacitySignals {
  protected readonly signals = inject(StatisticsApi).capacity();
  protected readonly texts = computed(() => (this.signals.hasValue() ? capacityTexts(this.signals.value()) : null));
  protected readonly weeksBack = computed(() => (this.signals.hasValue() ? this.signals.value().weeksBack : 0));
  protected readonly daysAhead = computed(() => (this.signals.hasValue() ? this.signals.value().daysAhead : 0));
}
