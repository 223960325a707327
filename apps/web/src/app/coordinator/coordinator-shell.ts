import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

type Section = 'sites' | 'statistics' | 'staffing' | 'visits' | 'hours' | 'ocn' | 'equipment' | 'partners' | 'people' | 'privacy' | 'log' | 'book' | 'bookings' | 'closures';

/** The coordinator area's frame: a menu of its parts above the page. */
@Component({
  selector: 'dh-coordinator-shell',
  imports: [RouterLink, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="area-nav" aria-label="Samordnare">
      <ul>
        @for (link of links; track link.section) {
          <li>
            <a [routerLink]="link.path" [attr.aria-current]="section() === link.section ? 'page' : null">{{ link.label }}</a>
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
  styles: `
    .area-nav { margin-block: 0 1rem; border-block-end: 1px solid var(--dh-line); }
    ul { display: flex; flex-wrap: wrap; gap: 0 0.25rem; margin: 0; padding: 0; list-style: none; }
    a {
      display: inline-flex; align-items: center; min-height: 44px; padding: 0.4rem 0.9rem;
      color: var(--dh-brand); font-weight: 600; text-decoration: none; border-block-end: 4px solid transparent;
    }
    a:hover { text-decoration: underline; }
    a[aria-current='page'] { color: var(--dh-ink); border-block-end-color: var(--dh-brand); }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class CoordinatorShell {
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  protected readonly links: { section: Section; path: string; label: string }[] = [
    { section: 'sites', path: '/samordnare', label: 'Platser' },
    { section: 'statistics', path: '/samordnare/statistik', label: 'Statistik' },
    { section: 'staffing', path: '/samordnare/bemanning', label: 'Bemanning' },
    { section: 'visits', path: '/samordnare/besok', label: 'Besök' },
    { section: 'hours', path: '/samordnare/timmar', label: 'Timmar' },
    { section: 'ocn', path: '/samordnare/ocn', label: 'Validering (OCN)' },
    { section: 'equipment', path: '/samordnare/utrustning', label: 'Utrustning' },
    { section: 'bookings', path: '/samordnare/bokningar', label: 'Bokningar' },
    { section: 'partners', path: '/samordnare/partner', label: 'Partner' },
    { section: 'people', path: '/samordnare/personal', label: 'Personal' },
    { section: 'closures', path: '/samordnare/stangt', label: 'Stängt' },
    { section: 'privacy', path: '/samordnare/integritet', label: 'Integritet' },
    { section: 'log', path: '/samordnare/logg', label: 'Logg' },
    { section: 'book', path: '/boka-at-nagon', label: 'Boka åt någon' },
  ];

  /** "Platser" is also current on a site's own pages and the new-site flow. */
  protected readonly section = computed<Section>(() => {
    const path = this.url().split(/[?#]/)[0] ?? '';
    if (path.startsWith('/samordnare/statistik')) return 'statistics';
    if (path.startsWith('/samordnare/partner')) return 'partners';
    if (path.startsWith('/samordnare/bokningar')) return 'bookings';
    if (path.startsWith('/samordnare/bemanning')) return 'staffing';
    if (path.startsWith('/samordnare/besok')) return 'visits';
    if (path.startsWith('/samordnare/timmar')) return 'hours';
    if (path.startsWith('/samordnare/ocn')) return 'ocn';
    if (path.startsWith('/samordnare/utrustning')) return 'equipment';
    if (path.startsWith('/samordnare/personal')) return 'people';
    if (path.startsWith('/samordnare/stangt')) return 'closures';
    if (path.startsWith('/samordnare/integritet')) return 'privacy';
    if (path.startsWith('/samordnare/logg')) return 'log';
    return 'sites';
  });
}
