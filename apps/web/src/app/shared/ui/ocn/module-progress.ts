import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ModuleProgress as Progress } from '@digihjalpen/domain';
import { criteriaText, hoursProgressText } from '../../data/hours-labels';

/**
 * A module's two progress bars: criteria with evidence, and approved hours against the module's
 * notional hours (credits × 10). The numbers are written out next to each bar, so nothing depends on
 * seeing the bar, and screen readers hear the same text (aria-valuetext) instead of a percentage.
 */
@Component({
  selector: 'dh-module-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar">
      <span class="name" [id]="idPrefix() + '-criteria'">Bevis</span>
      <progress
        [attr.aria-labelledby]="idPrefix() + '-criteria'"
        [attr.aria-valuetext]="criteria()"
        [max]="criteriaMax()"
        [value]="progress().criteriaWithEvidence"
      ></progress>
      <span class="value">{{ criteria() }}</span>
    </div>
    <div class="bar">
      <span class="name" [id]="idPrefix() + '-hours'">Godkända timmar</span>
      <progress [attr.aria-labelledby]="idPrefix() + '-hours'" [attr.aria-valuetext]="hours()" [max]="progress().notionalHours || 1" [value]="progress().approvedHours"></progress>
      <span class="value">{{ hours() }}</span>
    </div>
  `,
  styles: `
    :host { display: block; }
    .bar { display: grid; grid-template-columns: 10.5rem minmax(6rem, 1fr) 13.5rem; gap: 0.25rem 0.75rem; align-items: center; margin-block-end: 0.4rem; }
    .name { font-weight: 600; }
    .value { font-variant-numeric: tabular-nums; }
    progress {
      width: 100%; height: 1.1rem; appearance: none; -webkit-appearance: none;
      border: 1px solid var(--dh-muted); border-radius: 999px; background: #e3edf5; overflow: hidden;
    }
    progress::-webkit-progress-bar { background: #e3edf5; border-radius: 999px; }
    progress::-webkit-progress-value { background: var(--dh-brand); border-radius: 999px; }
    progress::-moz-progress-bar { background: var(--dh-brand); border-radius: 999px; }
    @media (max-width: 36rem) {
      .bar { grid-template-columns: 1fr; }
    }
  `,
})
export class ModuleProgress {
  readonly progress = input.required<Progress>();
  /** Unique per page: the bars are named by ids derived from it. */
  readonly idPrefix = input.required<string>();

  protected readonly criteria = computed(() => criteriaText(this.progress()));
  protected readonly hours = computed(() => hoursProgressText(this.progress()));
  protected readonly criteriaMax = computed(() => Math.max(1, this.progress().criteriaTotal));
}
