import type { FunnelView, PartnerView, ReferralCodeView } from '@digihjalpen/domain';

/** Test data for the partner pages, in the API's shapes. */

export const KOMPETENSCENTER_ID = '50000000-0000-4000-8000-000000000001';
export const STADSBIBLIOTEKET_ID = '20000000-0000-4000-8000-000000000001';

export function aPartner(overrides: Partial<PartnerView> = {}): PartnerView {
  return { id: KOMPETENSCENTER_ID, name: 'Kompetenscenter', users: 2, activeCodes: 1, ...overrides };
}

export function aReferralCode(overrides: Partial<ReferralCodeView> = {}): ReferralCodeView {
  const code = overrides.code ?? 'KC4M-7QXH';
  return {
    code,
    label: 'Jobbcoachning hösten 2026',
    siteId: STADSBIBLIOTEKET_ID,
    site: 'stadsbiblioteket',
    siteName: 'Stadsbiblioteket',
    url: `http://localhost:3000/bibliotek/stadsbiblioteket/boka?ref=${code}`,
    createdAt: '2026-03-03T09:15:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

export function aFunnel(overrides: Partial<FunnelView> = {}): FunnelView {
  return {
    partnerId: KOMPETENSCENTER_ID,
    partnerName: 'Kompetenscenter',
    from: '2025-12-05',
    to: '2026-03-04',
    suppressedBelow: 5,
    roundedTo: 5,
    referred: 24,
    booked: 12,
    came: 9,
    outcomes: [
      { key: 'solved', label: 'Löst', count: 6 },
      { key: 'partly', label: 'Delvis löst', count: null },
      { key: 'follow-up', label: 'Behöver följas upp', count: 0 },
      { key: 'referred', label: 'Hänvisad vidare', count: 0 },
    ],
    ...overrides,
  };
}
