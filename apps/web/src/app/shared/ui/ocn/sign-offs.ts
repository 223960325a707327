import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AssessmentView } from '@digihjalpen/domain';
import { signedOn } from '../../data/hours-labels';

/** Who assessed the module and who quality-assured it, with dates, and the credits awarded. */
@Component({
  selector: 'dh-sign-offs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><strong>Bedömare:</strong> {{ assessor() }}</p>
    <p><strong>Intern kvalitetssäkrare:</strong> {{ assurer() }}</p>
    <p><strong>Poäng:</strong> {{ assessment().creditsAwarded }} av {{ credits() }}</p>
  `,
  styles: `
    :host { display: block; }
    p { margin: 0 0 0.2rem; }
  `,
})
export class SignOffs {
  readonly assessment = input.required<AssessmentView>();
  readonly credits = input.required<number>();

  protected readonly assessor = computed(() => {
    const a = this.assessment();
    return a.assessorName && a.assessedAt ? `${a.assessorName}, ${signedOn(a.assessedAt)}` : 'Inte bedömd än';
  });
  protected readonly assurer = computed(() => {
    const a = this.assessment();
    return a.qualityAssurerName && a.qualityAssuredAt ? `${a.qualityAssurerName}, ${signedOn(a.qualityAssuredAt)}` : 'Inte kvalitetssäkrad än';
  });
}
