import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toApiError } from '../../shared/data/api-error';
import { StatisticsApi } from './statistics-api';

/** The signed-in coordinator's choice of a Monday e-mail: last week's numbers and next week's staffing gaps. */
@Component({
  selector: 'dh-weekly-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="summary-heading">Sammanfattning på mejl</h2>
    <p class="dh-hint" id="summary-hint">Varje måndag morgon: förra veckans siffror och de träffar nästa vecka som saknar digivärdar.</p>
    @if (setting.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta ditt val just nu.</p>
        <button type="button" class="dh-button" (click)="setting.reload()">Försök igen</button>
      </div>
    } @else {
      <label class="dh-check">
        <input
          #toggle
          type="checkbox"
          role="switch"
          aria-describedby="summary-hint"
          [checked]="enabled()"
          [disabled]="!setting.hasValue()"
          [attr.aria-busy]="saving() ? true : null"
          (change)="save(toggle.checked)"
        />
        Skicka mig en sammanfattning varje måndag
      </label>
    }
    <p class="status" [class.failed]="failed()" role="status">{{ message() }}</p>
  `,
  styles: `
    :host { display: block; }
    h2 { font-size: 1.35rem; margin-block: 0 0.25rem; }
    .status { margin: 0.25rem 0 0; min-height: 1.5em; font-weight: 600; color: #14471f; }
    .status.failed { color: var(--dh-error); }
  `,
})
export class WeeklySummary {
  private readonly api = inject(StatisticsApi);
  protected readonly setting = this.api.weeklySummary();
  /** What the switch shows: the saved choice, or the one being saved. */
  private readonly chosen = signal<boolean | null>(null);
  protected readonly enabled = computed(() => this.chosen() ?? (this.setting.hasValue() ? this.setting.value().enabled : false));
  protected readonly saving = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);

  protected async save(enabled: boolean): Promise<void> {
    this.chosen.set(enabled);
    this.saving.set(true);
    this.message.set('');
    try {
      const saved = await this.api.saveWeeklySummary(enabled);
      this.chosen.set(saved.enabled);
      this.failed.set(false);
      this.message.set(saved.enabled ? 'Sparat. Du får en sammanfattning varje måndag.' : 'Sparat. Du får ingen sammanfattning.');
    } catch (error) {
      this.chosen.set(!enabled);
      this.failed.set(true);
      this.message.set(`Ditt val sparades inte. ${toApiError(error).message}`);
    } finally {
      this.saving.set(false);
    }
  }
}
