import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CoordinatorApi } from '../coordinator-api';

/** The coordinator's start: every site, active or not, and the way to open a new one. */
@Component({
  selector: 'dh-site-list-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './site-list-page.html',
  styleUrl: './site-list-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class SiteListPage {
  protected readonly sites = inject(CoordinatorApi).sites();
}
