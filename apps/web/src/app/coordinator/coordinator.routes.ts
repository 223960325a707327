import type { Routes } from '@angular/router';

/** The coordinator area (/samordnare); app.routes.ts lets only coordinators match it. */
export const coordinatorRoutes: Routes = [
  { path: '', title: 'Platser – Samordnare – Digihjälpen', loadComponent: () => import('./site-list/site-list-page').then((m) => m.SiteListPage) },
  { path: 'platser/ny', title: 'Ny plats – Samordnare – Digihjälpen', loadComponent: () => import('./new-site/new-site-page').then((m) => m.NewSitePage) },
  { path: 'platser/:id', title: 'Plats – Samordnare – Digihjälpen', loadComponent: () => import('./site-admin/site-admin-page').then((m) => m.SiteAdminPage) },
];
