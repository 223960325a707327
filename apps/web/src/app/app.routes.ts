import type { Routes } from '@angular/router';
import { requireRole, requireSignedIn } from './shared/auth/auth.guards';

export const routes: Routes = [
  { path: '', title: 'Digihjälpen – digital hjälp på biblioteket', loadComponent: () => import('./public/start-page/start-page').then((m) => m.StartPage) },
  // The page sets its title to the library's name once it has loaded.
  { path: 'bibliotek/:slug', title: 'Digihjälpen', loadComponent: () => import('./public/site-page/site-page').then((m) => m.SitePage) },
  // No route titles: both pages set theirs (the step, the booking's state) in the reader's language, and
  // a route title would be set again on every step (a query change) over the page's own.
  { path: 'bibliotek/:slug/boka', loadComponent: () => import('./public/booking-flow/booking-flow').then((m) => m.BookingFlow) },
  { path: 'bokning/:token', loadComponent: () => import('./public/manage-booking/manage-booking-page').then((m) => m.ManageBookingPage) },
  { path: 'logga-in', title: 'Logga in – Digihjälpen', loadComponent: () => import('./staff/sign-in-page/sign-in-page').then((m) => m.SignInPage) },
  { path: 'inbjudan/:token', title: 'Välj lösenord – Digihjälpen', loadComponent: () => import('./staff/invitation-page/invitation-page').then((m) => m.InvitationPage) },
  { path: 'aterstall/:token', title: 'Välj nytt lösenord – Digihjälpen', loadComponent: () => import('./staff/reset-page/reset-page').then((m) => m.ResetPage) },
  { path: 'ingen-atkomst', title: 'Ingen åtkomst – Digihjälpen', loadComponent: () => import('./staff/no-access/no-access-page').then((m) => m.NoAccessPage) },
  {
    path: 'personal/idag',
    title: 'Dagens träff – Digihjälpen',
    canMatch: [requireRole('helper', 'coordinator')],
    loadComponent: () => import('./helper/today/today-page').then((m) => m.TodayPage),
  },
  {
    path: 'personal/timmar',
    title: 'Mina timmar – Digihjälpen',
    canMatch: [requireRole('helper')],
    loadComponent: () => import('./helper/hours/my-hours-page').then((m) => m.MyHoursPage),
  },
  {
    path: 'personal/installningar',
    title: 'Inställningar – Digihjälpen',
    canMatch: [requireRole('helper')],
    loadComponent: () => import('./helper/settings/notice-settings-page').then((m) => m.NoticeSettingsPage),
  },
  {
    // The page sets its title to the module's name once it has loaded.
    path: 'personal/ocn/:moduleId',
    title: 'Modul – Mina timmar – Digihjälpen',
    canMatch: [requireRole('helper')],
    loadComponent: () => import('./helper/ocn/my-module-page').then((m) => m.MyModulePage),
  },
  {
    path: 'partner',
    title: 'Hänvisningar – Partner – Digihjälpen',
    canMatch: [requireRole('partner')],
    loadComponent: () => import('./partner/partner-page').then((m) => m.PartnerPage),
  },
  {
    path: 'boka-at-nagon',
    title: 'Boka åt någon – Digihjälpen',
    canMatch: [requireRole('coordinator', 'partner', 'library-staff')],
    loadComponent: () => import('./staff/staff-booking/staff-booking-page').then((m) => m.StaffBookingPage),
  },
  {
    // Library staff's way to their library's bookings (coordinators have it under /samordnare/bokningar).
    path: 'bokningar',
    title: 'Bokningar – Digihjälpen',
    canMatch: [requireRole('coordinator', 'library-staff')],
    loadComponent: () => import('./coordinator/bookings/bookings-page').then((m) => m.BookingsPage),
  },
  {
    path: 'personal/losenord',
    title: 'Byt lösenord – Digihjälpen',
    canMatch: [requireSignedIn],
    loadComponent: () => import('./staff/password-page/password-page').then((m) => m.PasswordPage),
  },
  {
    path: 'personal',
    title: 'Min sida – Digihjälpen',
    canMatch: [requireSignedIn],
    loadComponent: () => import('./staff/staff-start/staff-start').then((m) => m.StaffStart),
  },
  {
    path: 'samordnare',
    canMatch: [requireRole('coordinator')],
    loadChildren: () => import('./coordinator/coordinator.routes').then((m) => m.coordinatorRoutes),
  },
  { path: '**', redirectTo: '' },
];
