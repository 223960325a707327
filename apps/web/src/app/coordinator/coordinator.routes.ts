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
      { path: 'platser/:id/kopiera', title: 'Kopiera plats – Samordnare – Digihjälpen', loadComponent: () => import('./copy-site/copy-site-page').then((m) => m.CopySitePage) },
      { path: 'statistik', title: 'Statistik – Samordnare – Digihjälpen', loadComponent: () => import('./statistics/statistics-page').then((m) => m.StatisticsPage) },
      { path: 'partner', title: 'Partner – Samordnare – Digihjälpen', loadComponent: () => import('./partners/partners-page').then((m) => m.PartnersPage) },
      { path: 'bemanning', title: 'Bemanning – Samordnare – Digihjälpen', loadComponent: () => import('./staffing/staffing-page').then((m) => m.StaffingPage) },
      { path: 'besok', title: 'Besök – Samordnare – Digihjälpen', loadComponent: () => import('./visit-log/visit-log-page').then((m) => m.VisitLogPage) },
      { path: 'utrustning', title: 'Utrustning – Samordnare – Digihjälpen', loadComponent: () => import('./equipment/equipment-page').then((m) => m.EquipmentPage) },
      { path: 'timmar', title: 'Timmar – Samordnare – Digihjälpen', loadComponent: () => import('./hours/hours-page').then((m) => m.HoursPage) },
      { path: 'ocn', title: 'Validering (OCN) – Samordnare – Digihjälpen', loadComponent: () => import('./ocn/ocn-page').then((m) => m.OcnPage) },
      { path: 'ocn/moduler/ny', title: 'Ny modul – OCN – Samordnare – Digihjälpen', loadComponent: () => import('./ocn/module-editor-page').then((m) => m.ModuleEditorPage) },
      { path: 'ocn/moduler/:moduleId', title: 'Ändra modul – OCN – Samordnare – Digihjälpen', loadComponent: () => import('./ocn/module-editor-page').then((m) => m.ModuleEditorPage) },
      // These two set their titles to the helper's name (and the module's) once loaded.
      { path: 'ocn/digivardar/:helperId', title: 'Digivärd – OCN – Samordnare – Digihjälpen', loadComponent: () => import('./ocn/helper-modules-page').then((m) => m.HelperModulesPage) },
      { path: 'ocn/digivardar/:helperId/:moduleId', title: 'Portfölj – OCN – Samordnare – Digihjälpen', loadComponent: () => import('./ocn/portfolio-page').then((m) => m.PortfolioPage) },
      { path: 'logg', title: 'Logg – Samordnare – Digihjälpen', loadComponent: () => import('./audit-log/audit-log-page').then((m) => m.AuditLogPage) },
      { path: 'bokningar', title: 'Bokningar – Samordnare – Digihjälpen', loadComponent: () => import('./bookings/bookings-page').then((m) => m.BookingsPage) },
      { path: 'integritet', title: 'Integritet – Samordnare – Digihjälpen', loadComponent: () => import('./privacy/privacy-page').then((m) => m.PrivacyPage) },
      { path: 'personal', title: 'Personal och konton – Samordnare – Digihjälpen', loadComponent: () => import('./people/people-page').then((m) => m.PeoplePage) },
      { path: 'stangt', title: 'Stängt – Samordnare – Digihjälpen', loadComponent: () => import('./closures/closures-page').then((m) => m.ClosuresPage) },
    ],
  },
];
