import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder: replaced by the page itself. */
@Component({
  selector: 'dh-partners-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Partner</h1>`,
  host: { lang: 'sv', dir: 'ltr' },
})
export class PartnersPage {}
