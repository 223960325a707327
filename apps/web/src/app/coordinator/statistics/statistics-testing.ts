import type { CapacitySignalsView, DashboardView } from '@digihjalpen/domain';

/** Test data for the statistics page (the API's DashboardView and CapacitySignalsView shapes). */

export const STADSBIBLIOTEKET_ID = '20000000-0000-4000-8000-000000000001';
export const NORRBY_ID = '20000000-0000-4000-8000-000000000002';

/** Three weeks at two sites in March 2030, exact counts (not suppressed). */
export function aDashboardView(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    from: '2030-03-04',
    to: '2030-03-24',
    siteIds: [],
    suppressed: false,
    suppressedBelow: 5,
    totals: { visits: 46, bookings: 40, attended: 31, noShows: 6, noShowRate: 0.162, returningShare: 0.4, utilisation: 0.625, helperMinutes: 1530 },
    visitsPerWeek: [
      { weekStart: '2030-03-04', booked: 10, dropIn: 5 },
      { weekStart: '2030-03-11', booked: 12, dropIn: 3 },
      { weekStart: '2030-03-18', booked: 9, dropIn: 7 },
    ],
    categories: [
      { key: 'bankid', label: 'BankID och e-legitimation', count: 18 },
      { key: 'email', label: 'E-post', count: 11 },
      { key: 'healthcare', label: '1177 och vården', count: 3 },
      { key: 'swish', label: 'Bank och Swish', count: 0 },
    ],
    outcomes: [
      { key: 'solved', label: 'Löst', count: 30 },
      { key: 'partly', label: 'Delvis löst', count: 10 },
      { key: 'follow-up', label: 'Behöver följas upp', count: 4 },
      { key: 'referred', label: 'Hänvisad vidare', count: 2 },
    ],
    cameVia: [
      { key: 'booked', label: 'Bokad tid', count: 31 },
      { key: 'drop-in', label: 'Drop-in', count: 15 },
    ],
    referredTo: [{ key: 'skatteverket', label: 'Skatteverket', count: 2 }],
    returning: [
      { key: 'yes', label: 'Ja', count: 16 },
      { key: 'no', label: 'Nej', count: 24 },
      { key: 'unknown', label: 'Vet inte', count: 6 },
    ],
    attendance: [
      { key: 'checked-in', label: 'Kom', count: 31 },
      { key: 'no-show', label: 'Kom inte', count: 6 },
      { key: 'unmarked', label: 'Inte markerade', count: 3 },
    ],
    utilisationBands: [
      { key: '0-24', label: 'Under 25 %', count: 0 },
      { key: '25-49', label: '25–49 %', count: 1 },
      { key: '50-74', label: '50–74 %', count: 3 },
      { key: '75-99', label: '75–99 %', count: 1 },
      { key: 'full', label: 'Fullbokat', count: 1 },
    ],
    utilisationBySite: [
      { siteId: STADSBIBLIOTEKET_ID, site: 'stadsbiblioteket', siteName: 'Stadsbiblioteket', sessions: 3, seats: 48, booked: 36, attended: 28, dropIns: 15 },
      { siteId: NORRBY_ID, site: 'norrby', siteName: 'Norrby bibliotek', sessions: 3, seats: 16, booked: 4, attended: 3, dropIns: 0 },
    ],
    helperHours: [
      { weekStart: '2030-03-04', approvedMinutes: 480, pendingMinutes: 0 },
      { weekStart: '2030-03-11', approvedMinutes: 450, pendingMinutes: 90 },
      { weekStart: '2030-03-18', approvedMinutes: 0, pendingMinutes: 510 },
    ],
    ...overrides,
  };
}

/** The same period shared as a report: counts 1–4 hidden (null). */
export function aSuppressedDashboardView(overrides: Partial<DashboardView> = {}): DashboardView {
  const exact = aDashboardView();
  return aDashboardView({
    suppressed: true,
    totals: { ...exact.totals, noShows: null, noShowRate: null },
    categories: exact.categories.map((c) => (c.key === 'healthcare' ? { ...c, count: null } : c)),
    utilisationBySite: exact.utilisationBySite.map((s) => (s.siteId === NORRBY_ID ? { ...s, booked: null, attended: null } : s)),
    visitsPerWeek: exact.visitsPerWeek.map((w) => (w.weekStart === '2030-03-11' ? { ...w, dropIn: null } : w)),
    ...overrides,
  });
}

export function aCapacityView(overrides: Partial<CapacitySignalsView> = {}): CapacitySignalsView {
  return { weeksBack: 8, daysAhead: 14, regularlyFull: [], lowUse: [], understaffed: [], ...overrides };
}
