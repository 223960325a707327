import type { Routes } from '@angular/router';
import { CoordinatorShell } from './coordinator-shell';

/** The coordinator area (/samordnare); app.routes.ts lets only coordinators match it. */
export const coordinatorRoutes: Routes = [
  {
    path: '',
    component: CoordinatorShell,
    children: [
      { path: '', title: 'Platser – Samordnare – Digihjälpen', loadComponent: () => import('./site-list/site-list-page').then((m) => m.SiteListPage) },
      { path: 'platser/ny', title: 'Ny plats – Samordnare – Digihjälpen', loadComponent: () => import('./new-site/new-site-page').then((m) => m.NewSitePage) },
      { path: 'platser/:id', title: 'Plats – Samordnare – Digihjälpen', loadComponent: () => import('./site-admin/site-admin-page').then((m) => m.SiteAdminPage) },
      { path: 'bemanning', title: 'Bemanning – Samordnare – Digihjälpen', loadComponent: () => import('./staffing/staffing-page').then((m) => m.StaffingPage) },
      { path: 'besok', title: 'Besök – Samordnare – Digihjälpen', loadComponent: () => import('./visit-log/visit-log-page').then((m) => m.VisitLogPage) },
      { path: 'utrustning', title: 'Utrustning – Samordnare – Digihjälpen', loadComponent: () => import('./equipment/equipment-page').then((m) => m.EquipmentPage) },
      { path: 'personal', title: 'Personal – Samordnare – Digihjälpen', loadComponent: () => import('./staff-invitations/staff-invitations-page').then((m) => m.StaffInvitationsPage) },
    ],
  },
];
