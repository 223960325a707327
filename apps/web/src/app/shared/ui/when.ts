import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { WhenText } from '../data/dates';

/** "Tisdag 24 november, 10:00–10:30", with the clock times kept together and left to right in Arabic. */
@Component({
  selector: 'dh-when',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `{{ when().day }}{{ when().sep }}<bdi dir="ltr" class="dh-time">{{ when().time }}</bdi>`,
})
export class When {
  readonly when = input.required<WhenText>();
}
