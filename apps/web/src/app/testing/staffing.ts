import type { AuthUser, StaffingView } from '@digihjalpen/domain';

/** Test data for staffing and shift lists (the API's StaffingView shape). */
export function aStaffingRow(overrides: Partial<StaffingView> = {}): StaffingView {
  const row: StaffingView = {
    sessionId: '10000000-0000-4000-8000-000000000001',
    siteId: '20000000-0000-4000-8000-000000000001',
    siteName: 'Stadsbiblioteket',
    siteSlug: 'stadsbiblioteket',
    timeZone: 'Europe/Stockholm',
    start: '2030-03-05T10:00:00+01:00',
    end: '2030-03-05T12:00:00+01:00',
    status: 'planned',
    helpersNeeded: 2,
    helpers: [],
    understaffed: true,
    ...overrides,
  };
  return { ...row, understaffed: overrides.understaffed ?? (row.status === 'planned' && row.helpers.length < row.helpersNeeded) };
}

export function aHelper(overrides: Partial<AuthUser> = {}): AuthUser {
  return { id: '30000000-0000-4000-8000-000000000001', email: 'helper@example.org', name: 'Yusuf Ahmadi', role: 'helper', ...overrides };
}
