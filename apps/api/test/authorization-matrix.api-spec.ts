import { randomUUID } from 'node:crypto';
import type { OcnModule, Role } from '@digihjalpen/domain';
import { aBookingRequest, aSchedule, aVisitInput } from '@digihjalpen/domain/testing';
import type { Response } from 'supertest';
import { aBookableSite, book } from './bookings';
import { discoverRoutes, type RouteInfo } from './routes';
import { aUser, createTestApp, signIn, type TestApp } from './test-app';

/**
 * The authorization matrix: every route the Nest router serves × every persona, against an explicit
 * table of who may call it and who owns the object in its path. A route missing from the table, or a
 * table entry for a route that no longer exists, fails the first test: a new route needs a decision here.
 *
 * Outcomes: a persona whose role is not allowed gets 401 (anonymous) or 403 (signed in); a persona whose
 * role is allowed but who does not own the object (helper B on helper A's things, partner B on partner
 * A's) gets 403 or 404 and none of the owner's data; everyone else gets neither 401 nor 403 (a 400 or
 * 409 is fine: the request got past access control). Nobody ever gets a 5xx. The table is printed when
 * anything is wrong, or always with MATRIX_PRINT=1.
 */

const PERSONAS = ['anonymous', 'helperA', 'helperB', 'coordinator', 'partnerA', 'partnerB', 'staff'] as const;
type Persona = (typeof PERSONAS)[number];
const ROLE: Record<Persona, Role | null> = {
  anonymous: null,
  helperA: 'helper',
  helperB: 'helper',
  coordinator: 'coordinator',
  partnerA: 'partner',
  partnerB: 'partner',
  staff: 'library-staff',
};
const ALL_ROLES: readonly Role[] = ['coordinator', 'helper', 'partner', 'library-staff'];

/** Real objects the parameterised routes point at (made in beforeAll). */
interface Fixtures {
  helperA: string;
  helperB: string;
  partnerA: string;
  siteId: string;
  slug: string;
  /** Today's session: helper A has the shift, a booking and a logged visit. */
  deskSession: string;
  deskBooking: string;
  visitId: string;
  /** A later session nobody is on: shift sign-ups, assignments and the cancellation happen here. */
  spareSession: string;
  spareSlots: string[];
  manageToken: string;
  feedToken: string;
  scheduleId: string;
  organisationId: string;
  moduleId: string;
  criterionId: string;
  hoursEntryId: string;
  referralCode: string;
  /** A booking a coordinator looks up, exports and erases by its reference (right of access / erasure). */
  privacyReference: string;
  // accounts: throwaway people (never a persona: turning one off or resetting it would break the other rows)
  accountToDeactivate: string;
  accountToReactivate: string;
  accountToReset: string;
  accountToResend: string;
  accountToRevoke: string;
  // staff-bookings: bookings in today's desk session that staff find, see, cancel and move
  staffBooking: string;
  staffBookingRef: string;
  staffCancelBooking: string;
  staffMoveBooking: string;
  deskSlots: string[];
}

interface Rule {
  /** 'public' or the roles that may call the route. */
  who: 'public' | readonly Role[];
  /** Personas whose role is allowed but who do not own the object in the path: 403 or 404, never the data. */
  others?: readonly Persona[];
  /** Whose object the path names (printed in the table). */
  owner?: string;
  /** The concrete URL; default: the route itself (no parameters). */
  url?: (f: Fixtures) => string;
  /** A body that passes validation, where the ownership check comes after it. */
  body?: (f: Fixtures) => object;
}

const HELPER_A_OBJECT = { others: ['helperB'] as Persona[], owner: 'helper A' };
const HELPER_A_SESSION = { others: ['helperB', 'coordinator'] as Persona[], owner: 'helper A (shift)' };
const PARTNER_A_OBJECT = { others: ['partnerB'] as Persona[], owner: 'partner A' };
const HELPERS = ['helper', 'coordinator'] as const;
const PARTNERS = ['coordinator', 'partner'] as const;
const C = ['coordinator'] as const;

/** The table. Keys are "METHOD /api/path/:param" as the router has them. */
const MATRIX: Record<string, Rule> = {
  // Public: health, sites, sessions, calendars, bookings by manage token, statistics, referral opens
  'GET /api/health': { who: 'public' },
  'GET /dev/mail': { who: 'public' },
  'GET /dev/mail/:file': { who: 'public', url: () => '/dev/mail/nothing-here.eml' },
  'GET /api/public/sites': { who: 'public' },
  'GET /api/public/site-names': { who: 'public' },
  'GET /api/public/sites/:slug': { who: 'public', url: (f) => `/api/public/sites/${f.slug}` },
  'GET /api/public/sites/:slug/sessions': { who: 'public', url: (f) => `/api/public/sites/${f.slug}/sessions?from=2027-03-29&to=2027-04-04` },
  'GET /api/public/sites/:slug/calendar.ics': { who: 'public', url: (f) => `/api/public/sites/${f.slug}/calendar.ics` },
  'GET /api/public/sites/:slug/poster': { who: 'public', url: (f) => `/api/public/sites/${f.slug}/poster` },
  'GET /api/public/calendars/:token/shifts.ics': { who: 'public', url: (f) => `/api/public/calendars/${f.feedToken}/shifts.ics` },
  'POST /api/public/bookings': { who: 'public', body: (f) => aBookingRequest({ slotId: f.spareSlots[3] as string, name: 'Matrisbokare' }) },
  'GET /api/public/bookings/:token': { who: 'public', url: (f) => `/api/public/bookings/${f.manageToken}` },
  'DELETE /api/public/bookings/:token': { who: 'public', url: (f) => `/api/public/bookings/${f.manageToken}` },
  'POST /api/public/bookings/:token/move': { who: 'public', url: (f) => `/api/public/bookings/${f.manageToken}/move`, body: (f) => ({ slotId: f.spareSlots[1] }) },
  'GET /api/public/bookings/:token/calendar.ics': { who: 'public', url: (f) => `/api/public/bookings/${f.manageToken}/calendar.ics` },
  // E. manage-links
  // booking-rules: a wrong proof is a 404 like a wrong token (past access control: public)
  'POST /api/public/bookings/:token/confirm-contact': { who: 'public', url: (f) => `/api/public/bookings/${f.manageToken}/confirm-contact`, body: () => ({ proof: 'A'.repeat(43) }) },
  'GET /api/public/bookings/:token/needs': { who: 'public', url: (f) => `/api/public/bookings/${f.manageToken}/needs` },
  'GET /api/public/stats': { who: 'public' },
  'GET /api/public/stats.csv': { who: 'public' },
  'POST /api/public/referrals/:code/opened': { who: 'public', url: (f) => `/api/public/referrals/${f.referralCode}/opened` },

  // Sign-in
  'POST /api/auth/login': { who: 'public', body: () => ({ email: LOGIN_TARGET.email, password: LOGIN_TARGET.password }) },
  'POST /api/auth/logout': { who: 'public' },
  'GET /api/auth/me': { who: ALL_ROLES },
  // An empty body (400): a valid one would end the persona's other sign-ins in the middle of the run.
  'POST /api/auth/password': { who: ALL_ROLES },
  'POST /api/auth/invitations': { who: C, body: () => ({ email: `inbjuden-${randomUUID()}@example.org`, name: 'Inbjuden', role: 'helper' }) },
  'POST /api/auth/invitations/accept': { who: 'public', body: () => ({ token: 'x'.repeat(43), password: 'ett långt nytt lösenord' }) },

  // sign-in: coordinators see and clear sign-in throttles (a throttle that does not exist: 404 for them)
  'GET /api/sign-in-throttles': { who: C },
  'DELETE /api/sign-in-throttles/:id': { who: C, url: () => `/api/sign-in-throttles/${randomUUID()}` },

  // accounts: people and accounts (coordinators), and the public end of a password-reset link
  'GET /api/accounts': { who: C },
  'POST /api/accounts/:id/deactivate': { who: C, url: (f) => `/api/accounts/${f.accountToDeactivate}/deactivate` },
  'POST /api/accounts/:id/reactivate': { who: C, url: (f) => `/api/accounts/${f.accountToReactivate}/reactivate` },
  'POST /api/accounts/:id/password-reset': { who: C, url: (f) => `/api/accounts/${f.accountToReset}/password-reset` },
  'POST /api/accounts/:id/invitation/resend': { who: C, url: (f) => `/api/accounts/${f.accountToResend}/invitation/resend` },
  'POST /api/accounts/:id/invitation/revoke': { who: C, url: (f) => `/api/accounts/${f.accountToRevoke}/invitation/revoke` },
  'POST /api/auth/password-reset': { who: 'public', body: () => ({ token: 'x'.repeat(43), password: 'ett långt nytt lösenord' }) },

  // Coordinator: sites, schedules, sessions, staffing
  'GET /api/sites': { who: C },
  'POST /api/sites': { who: C },
  'GET /api/sites/:id': { who: C, url: (f) => `/api/sites/${f.siteId}` },
  'PUT /api/sites/:id': { who: C, url: (f) => `/api/sites/${f.siteId}` },
  // copy-site: a new site from an existing one (coordinators only)
  'POST /api/sites/:id/copy': {
    who: C,
    url: (f) => `/api/sites/${f.siteId}/copy`,
    body: () => ({ name: `Matriskopia ${randomUUID().slice(0, 8)}`, address: 'Matrisgatan 1', startDate: '2027-01-04' }),
  },
  'GET /api/sites/:siteId/schedules': { who: C, url: (f) => `/api/sites/${f.siteId}/schedules` },
  'POST /api/sites/:siteId/schedules': { who: C, url: (f) => `/api/sites/${f.siteId}/schedules` },
  'POST /api/sites/:siteId/schedules/preview': { who: C, url: (f) => `/api/sites/${f.siteId}/schedules/preview`, body: () => aSchedule() },
  'PUT /api/schedules/:id': { who: C, url: (f) => `/api/schedules/${f.scheduleId}` },
  'GET /api/sites/:siteId/sessions': { who: C, url: (f) => `/api/sites/${f.siteId}/sessions` },
  'POST /api/sites/:siteId/sessions': { who: C, url: (f) => `/api/sites/${f.siteId}/sessions` },
  'POST /api/sessions/:id/cancel': { who: C, url: (f) => `/api/sessions/${f.spareSession}/cancel` },
  'GET /api/helpers': { who: C },
  'GET /api/helpers/:id': { who: C, url: (f) => `/api/helpers/${f.helperA}` },
  'GET /api/staffing': { who: C },
  'POST /api/sessions/:id/shifts': { who: C, url: (f) => `/api/sessions/${f.spareSession}/shifts`, body: (f) => ({ helperId: f.helperA }) },
  'DELETE /api/sessions/:id/shifts/:helperId': { who: C, url: (f) => `/api/sessions/${f.spareSession}/shifts/${f.helperA}` },

  // Helpers: shifts and the private calendar feed
  'GET /api/shifts/open': { who: ['helper'] },
  'GET /api/shifts/mine': { who: ['helper'] },
  'POST /api/sessions/:id/shifts/me': { who: ['helper'], url: (f) => `/api/sessions/${f.spareSession}/shifts/me` },
  'DELETE /api/sessions/:id/shifts/me': { who: ['helper'], url: (f) => `/api/sessions/${f.spareSession}/shifts/me` },
  'POST /api/me/calendar-feed': { who: HELPERS },
  // helper-notices: a helper's own e-mail settings; the coordinators' weekly open-shifts switch
  'GET /api/me/notice-settings': { who: ['helper'] },
  'PUT /api/me/notice-settings': { who: ['helper'], body: () => ({ language: 'sv', cancelled: true, shiftChanges: true, timeChanges: true, digest: true }) },
  'GET /api/helper-notices/open-shifts-digest': { who: C },
  'PUT /api/helper-notices/open-shifts-digest': { who: C, body: () => ({ enabled: false }) },

  // The helper desk: only for sessions the caller has a shift on (the coordinator has none here)
  'GET /api/desk/today': { who: HELPERS },
  'POST /api/desk/sessions/:sessionId/check-in': { who: HELPERS, ...HELPER_A_SESSION, url: (f) => `/api/desk/sessions/${f.deskSession}/check-in` },
  'POST /api/desk/sessions/:sessionId/check-out': { who: HELPERS, ...HELPER_A_SESSION, url: (f) => `/api/desk/sessions/${f.deskSession}/check-out` },
  'PUT /api/desk/bookings/:bookingId/attendance': { who: HELPERS, ...HELPER_A_SESSION, url: (f) => `/api/desk/bookings/${f.deskBooking}/attendance`, body: () => ({ attendance: 'checked-in' }) },
  'GET /api/desk/sessions/:sessionId/report-draft': { who: HELPERS, ...HELPER_A_SESSION, url: (f) => `/api/desk/sessions/${f.deskSession}/report-draft` },
  'POST /api/desk/sessions/:sessionId/report': {
    who: HELPERS,
    ...HELPER_A_SESSION,
    url: (f) => `/api/desk/sessions/${f.deskSession}/report`,
    body: () => ({ booked: 1, checkedIn: 1, noShows: 0, dropIns: 0, visits: 1, equipment: [], notes: '' }),
  },
  'GET /api/equipment-issues': { who: C },
  'POST /api/equipment-issues/:id/fixed': { who: C, url: () => `/api/equipment-issues/${randomUUID()}/fixed` },

  // Visits
  'POST /api/visits': { who: HELPERS, ...HELPER_A_SESSION, body: (f) => aVisitInput({ clientId: randomUUID(), sessionId: f.deskSession }) },
  // Helper B asks for helper A's session: an empty list, none of helper A's visits (checked by the private markers).
  'GET /api/visits/mine': { who: HELPERS, url: (f) => `/api/visits/mine?sessionId=${f.deskSession}` },
  'GET /api/visits': { who: C },
  'GET /api/visits.csv': { who: C },
  'PUT /api/visits/:id': { who: C, url: (f) => `/api/visits/${f.visitId}`, body: (f) => aVisitInput({ clientId: randomUUID(), sessionId: f.deskSession }) },
  'DELETE /api/visits/:id': { who: C, url: (f) => `/api/visits/${f.visitId}` },
  'GET /api/visit-categories': { who: HELPERS },
  'POST /api/visit-categories': { who: C, body: () => ({ label: `Matriskategori ${randomUUID().slice(0, 8)}` }) },

  // Hours and organisations
  'GET /api/hours/mine': { who: ['helper'] },
  'POST /api/hours': { who: ['helper'], body: () => ({ date: '2026-11-19', minutes: 30, activity: 'meeting' }) },
  'GET /api/hours/mine.csv': { who: ['helper'] },
  'GET /api/hours/pending': { who: C },
  'POST /api/hours/decisions': { who: C, body: (f) => ({ ids: [f.hoursEntryId], decision: 'approved' }) },
  'GET /api/helpers/:id/hours.csv': { who: C, url: (f) => `/api/helpers/${f.helperA}/hours.csv` },
  'GET /api/organisations': { who: C },
  'POST /api/organisations': { who: C },
  'PUT /api/organisations/:id': { who: C, url: (f) => `/api/organisations/${f.organisationId}` },
  'PUT /api/helpers/:id/organisation': { who: C, url: (f) => `/api/helpers/${f.helperA}/organisation`, body: (f) => ({ organisationId: f.organisationId }) },
  'GET /api/organisations/:id/report': { who: C, url: (f) => `/api/organisations/${f.organisationId}/report` },
  'GET /api/organisations/:id/report.csv': { who: C, url: (f) => `/api/organisations/${f.organisationId}/report.csv` },
  'GET /api/organisations/:id/report.pdf': { who: C, url: (f) => `/api/organisations/${f.organisationId}/report.pdf` },

  // OCN: helpers see and add to their own portfolio only
  'GET /api/ocn/modules': { who: HELPERS },
  'POST /api/ocn/modules': { who: C },
  'PUT /api/ocn/modules/:id': { who: C, url: (f) => `/api/ocn/modules/${f.moduleId}` },
  'GET /api/ocn/portfolios/:helperId': { who: HELPERS, ...HELPER_A_OBJECT, url: (f) => `/api/ocn/portfolios/${f.helperA}` },
  'GET /api/ocn/portfolios/:helperId/modules/:moduleId': { who: HELPERS, ...HELPER_A_OBJECT, url: (f) => `/api/ocn/portfolios/${f.helperA}/modules/${f.moduleId}` },
  'POST /api/ocn/portfolios/:helperId/modules/:moduleId/evidence': {
    who: HELPERS,
    ...HELPER_A_OBJECT,
    url: (f) => `/api/ocn/portfolios/${f.helperA}/modules/${f.moduleId}/evidence`,
    body: (f) => ({ kind: 'reflection', criterionIds: [f.criterionId], text: 'Jag visade hur man loggar in med BankID.' }),
  },
  'PUT /api/ocn/portfolios/:helperId/modules/:moduleId/assessment': { who: C, url: (f) => `/api/ocn/portfolios/${f.helperA}/modules/${f.moduleId}/assessment` },
  'POST /api/ocn/portfolios/:helperId/modules/:moduleId/quality-assurance': { who: C, url: (f) => `/api/ocn/portfolios/${f.helperA}/modules/${f.moduleId}/quality-assurance` },
  'GET /api/ocn/portfolios/:helperId/modules/:moduleId/portfolio.pdf': { who: HELPERS, ...HELPER_A_OBJECT, url: (f) => `/api/ocn/portfolios/${f.helperA}/modules/${f.moduleId}/portfolio.pdf` },

  // Statistics for coordinators
  'GET /api/insights/dashboard': { who: C },
  'GET /api/insights/dashboard/:chart.csv': { who: C, url: () => '/api/insights/dashboard/categories.csv' },
  'GET /api/insights/capacity': { who: C },
  'GET /api/insights/weekly-summary': { who: C },
  'PUT /api/insights/weekly-summary': { who: C, body: () => ({ enabled: false }) },

  // The audit log
  'GET /api/audit': { who: C },

  // Privacy requests by booking reference
  'GET /api/privacy/settings': { who: C },
  'GET /api/privacy/bookings/:reference': { who: C, url: (f) => `/api/privacy/bookings/${f.privacyReference}` },
  'GET /api/privacy/bookings/:reference/export.json': { who: C, url: (f) => `/api/privacy/bookings/${f.privacyReference}/export.json` },
  'POST /api/privacy/bookings/:reference/erase': { who: C, url: (f) => `/api/privacy/bookings/${f.privacyReference}/erase` },
  // D. privacy: a one-time code to the booking's e-mail; a wrong code is a 400 (or 409/410: past access control)
  'POST /api/privacy/bookings/:reference/code': { who: C, url: (f) => `/api/privacy/bookings/${f.privacyReference}/code`, body: () => ({}) },
  'POST /api/privacy/bookings/:reference/code/verify': { who: C, url: (f) => `/api/privacy/bookings/${f.privacyReference}/code/verify`, body: () => ({ code: '000000' }) },

  // Partners: their own organisation only
  'GET /api/partners': { who: C },
  'POST /api/partners': { who: C },
  'GET /api/partners/:partnerId/funnel': { who: PARTNERS, ...PARTNER_A_OBJECT, url: (f) => `/api/partners/${f.partnerA}/funnel` },
  'GET /api/partners/:partnerId/referral-codes': { who: PARTNERS, ...PARTNER_A_OBJECT, url: (f) => `/api/partners/${f.partnerA}/referral-codes` },
  'POST /api/partners/:partnerId/referral-codes': {
    who: PARTNERS,
    ...PARTNER_A_OBJECT,
    url: (f) => `/api/partners/${f.partnerA}/referral-codes`,
    body: (f) => ({ label: 'Matriskod', siteId: f.siteId }),
  },
  'DELETE /api/partners/:partnerId/referral-codes/:code': { who: PARTNERS, ...PARTNER_A_OBJECT, url: (f) => `/api/partners/${f.partnerA}/referral-codes/${f.referralCode}` },
  'GET /api/partners/:partnerId/referral-codes/:code/slip.pdf': { who: PARTNERS, ...PARTNER_A_OBJECT, url: (f) => `/api/partners/${f.partnerA}/referral-codes/${f.referralCode}/slip.pdf` },

  // Booking on someone's behalf (library staff at their own site: the fixture site is theirs)
  // staff-bookings: helpers book only at the site of a session they staff today (helper B has none)
  'POST /api/staff/bookings': {
    who: ['coordinator', 'partner', 'library-staff', 'helper'],
    others: ['helperB'],
    owner: 'helper A (shift today)',
    body: (f) => aBookingRequest({ slotId: f.spareSlots[2] as string, name: 'Matrisperson', website: undefined }),
  },
  // staff-bookings: coordinators everywhere, library staff at their site (the fixture site), helpers on today's sessions they staff
  'GET /api/staff/bookings': { who: ['coordinator', 'library-staff', 'helper'], others: ['helperB'], owner: 'helper A (shift today)', url: (f) => `/api/staff/bookings?sessionId=${f.deskSession}&q=${f.staffBookingRef}` },
  'GET /api/staff/bookings/:id': { who: ['coordinator', 'library-staff', 'helper'], others: ['helperB'], owner: 'helper A (shift today)', url: (f) => `/api/staff/bookings/${f.staffBooking}` },
  'POST /api/staff/bookings/:id/cancel': {
    who: ['coordinator', 'library-staff', 'helper'],
    others: ['helperB'],
    owner: 'helper A (shift today)',
    url: (f) => `/api/staff/bookings/${f.staffCancelBooking}/cancel`,
    body: () => ({ reason: 'Matrisskäl' }),
  },
  'POST /api/staff/bookings/:id/move': {
    who: ['coordinator', 'library-staff', 'helper'],
    others: ['helperB'],
    owner: 'helper A (shift today)',
    url: (f) => `/api/staff/bookings/${f.staffMoveBooking}/move`,
    body: (f) => ({ slotId: f.deskSlots[1], reason: 'Matrisskäl' }),
  },

  // booking-rules: cancelling a booking's suspicious run, scoped like the single cancel (a booking that is not flagged: 409 after the scope check)
  'POST /api/staff/bookings/:id/cancel-run': {
    who: ['coordinator', 'library-staff', 'helper'],
    others: ['helperB'],
    owner: 'helper A (shift today)',
    url: (f) => `/api/staff/bookings/${f.staffBooking}/cancel-run`,
    body: () => ({ reason: 'Matrisskäl' }),
  },

  // closures: coordinators only. No valid body on purpose (400): a real closure would cancel other specs' sessions.
  'GET /api/closures': { who: C },
  'POST /api/closures': { who: C },
  'POST /api/closures/preview': { who: C },
  'DELETE /api/closures/:id': { who: C, url: () => `/api/closures/${randomUUID()}` },
  'GET /api/closures/holiday-sessions': { who: C },
  'GET /api/sites/:siteId/holidays': { who: C, url: (f) => `/api/sites/${f.siteId}/holidays` },
  // 2026-12-30 is no holiday: opening it is refused (400), closing it again changes nothing.
  'PUT /api/sites/:siteId/opened-dates/:date': { who: C, url: (f) => `/api/sites/${f.siteId}/opened-dates/2026-12-30` },
  'DELETE /api/sites/:siteId/opened-dates/:date': { who: C, url: (f) => `/api/sites/${f.siteId}/opened-dates/2026-12-30` },
};

/** The person whose credentials POST /api/auth/login is tried with. */
let LOGIN_TARGET = { email: '', password: '' };

/** Markers of owned data that must never reach someone who does not own it. */
const HELPER_A_NAME = 'Hedda Ägarsson';
const DESK_PERSON = 'Matrisbesökare';
const PRIVACY_PERSON = 'Integritetsbesökare';
const SECRET_MARKERS = [HELPER_A_NAME, DESK_PERSON, PRIVACY_PERSON, 'Jag visade hur man loggar in', 'Matrislapp'];

type Expected = 'allow' | 'deny' | 'other';
function expected(rule: Rule, persona: Persona): Expected {
  const role = ROLE[persona];
  if (rule.who !== 'public' && (role === null || !rule.who.includes(role))) return 'deny';
  if (rule.others?.includes(persona)) return 'other';
  return 'allow';
}

/** Personas who own none of the fixtures' private things (the booked person's name, helper A's visit and hours, partner A's code). */
const NON_OWNERS: readonly Persona[] = ['anonymous', 'helperB', 'partnerB', 'staff'];

function verdict(rule: Rule, persona: Persona, res: Response, privateMarkers: readonly string[]): string | null {
  const status = res.status;
  if (status >= 500) return `${status} (5xx)`;
  const want = expected(rule, persona);
  const text = res.text ?? '';
  const seen = NON_OWNERS.includes(persona) ? privateMarkers.find((m) => text.includes(m)) : undefined;
  if (seen) return `${status} but shows another persona's "${seen}"`;
  const leaked = SECRET_MARKERS.find((m) => text.includes(m));
  if (want === 'deny') {
    const wanted = persona === 'anonymous' ? 401 : 403;
    if (status !== wanted) return `${status}, expected ${wanted}`;
    return leaked ? `${status} but leaks "${leaked}"` : null;
  }
  if (want === 'other') {
    if (status !== 403 && status !== 404) return `${status}, expected 403/404 (not the owner)`;
    return leaked ? `${status} but leaks "${leaked}"` : null;
  }
  return status === 401 || status === 403 ? `${status} ${(res.body as { code?: string })?.code ?? ''}, expected access` : null;
}

interface Caller {
  cookie: string | null;
  csrf: string;
}

describe('authorization matrix: every route × every persona', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let routes: RouteInfo[];
  let f: Fixtures;
  const callers = {} as Record<Persona, Caller>;

  /** Signs in without a cookie jar, so a later Set-Cookie (login, logout) never swaps a persona's session. */
  const login = async (user: { email: string; password: string }): Promise<Caller> => {
    const res = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] as string);
    return { cookie: cookies.join('; '), csrf: /XSRF-TOKEN=([^;]+)/.exec(cookies.join(';'))?.[1] ?? '' };
  };

  const send = (caller: Caller, method: string, url: string, body: object | undefined, withCsrf = true) => {
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch'](url);
    if (caller.cookie) req = req.set('Cookie', caller.cookie);
    if (caller.cookie && withCsrf) req = req.set('X-XSRF-TOKEN', caller.csrf);
    return method === 'GET' ? req : req.send(body ?? {});
  };

  beforeAll(async () => {
    // booking-rules: the fixtures' quick public bookings from loopback are no suspicious run (cancel-run would cancel them all).
    t = await createTestApp({ BOOKING_RATE_LIMIT: '100000', BOOKING_DAILY_LIMIT: '100000', MANAGE_RATE_LIMIT: '100000', SUSPICIOUS_RUN_BOOKINGS: '100000' });
    routes = discoverRoutes(t);

    const coordinatorUser = await aUser(t.db, 'coordinator');
    const coordinator = await signIn(t, coordinatorUser);
    const site = await aBookableSite(coordinator, { seats: 20 });
    const helperAUser = await aUser(t.db, 'helper', { name: HELPER_A_NAME });
    const helperBUser = await aUser(t.db, 'helper');
    const partnerAUser = await aUser(t.db, 'partner');
    const partnerBUser = await aUser(t.db, 'partner');
    const staffUser = await aUser(t.db, 'library-staff', { siteId: site.siteId });
    LOGIN_TARGET = await aUser(t.db, 'helper');
    const users: Record<Exclude<Persona, 'anonymous'>, { email: string; password: string }> = {
      helperA: helperAUser,
      helperB: helperBUser,
      coordinator: coordinatorUser,
      partnerA: partnerAUser,
      partnerB: partnerBUser,
      staff: staffUser,
    };
    callers.anonymous = { cookie: null, csrf: '' };
    await Promise.all(Object.entries(users).map(async ([p, u]) => (callers[p as Persona] = await login(u))));
    const as = (p: Persona) => ({
      post: (url: string, body?: object) => send(callers[p], 'POST', url, body),
      get: (url: string) => send(callers[p], 'GET', url, undefined),
    });

    // Today's session (TEST_NOW is 13:00 in Stockholm; it starts 13:15): helper A's shift, a booking, a visit.
    const today = (
      await as('coordinator')
        .post(`/api/sites/${site.siteId}/sessions`, { date: '2026-11-23', startTime: '13:15', endTime: '15:15', slotMinutes: 30, seatsPerSlot: 4, dropIn: true, helpersNeeded: 2 })
        .expect(201)
    ).body as { id: string; slots: { id: string }[] };
    await as('coordinator').post(`/api/sessions/${today.id}/shifts`, { helperId: helperAUser.id }).expect(204);
    const deskRef = (await book(t, { slotId: today.slots[0]?.id as string, name: DESK_PERSON }).expect(201)).body.reference as string;
    const [deskBooking] = (await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [deskRef])) as { id: string }[];
    const visit = (await as('helperA').post('/api/visits', aVisitInput({ clientId: randomUUID(), sessionId: today.id })).expect(201)).body as { id: string };
    const manage = (await book(t, { slotId: site.slotIds[0] as string, name: 'Tokenbesökare' }).expect(201)).body as { manageToken: string };
    const privacy = (await book(t, { slotId: site.slotIds[0] as string, name: PRIVACY_PERSON, email: 'integritet@example.org' }).expect(201)).body as { reference: string };
    // accounts fixtures: throwaway people; the one to reactivate is turned off first
    const invitedAccount = async () =>
      ((await as('coordinator').post('/api/auth/invitations', { email: `matriskonto-${randomUUID()}@example.org`, name: 'Matriskonto', role: 'helper' }).expect(201)).body as { user: { id: string } }).user.id;
    const accountToReactivate = (await aUser(t.db, 'helper')).id;
    await as('coordinator').post(`/api/accounts/${accountToReactivate}/deactivate`).expect(200);
    // staff-bookings fixtures: three bookings in today's desk session (helper A's shift, the staff persona's site)
    const staffBooked = (await book(t, { slotId: today.slots[2]?.id as string, name: 'Personalsedd' }).expect(201)).body as { reference: string };
    const staffCancel = (await book(t, { slotId: today.slots[2]?.id as string, name: 'Personalavbokad' }).expect(201)).body as { reference: string };
    const staffMove = (await book(t, { slotId: today.slots[3]?.id as string, name: 'Personalflyttad' }).expect(201)).body as { reference: string };
    const bookingIdOf = async (reference: string) => ((await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [reference])) as { id: string }[])[0]?.id as string;
    const feedUrl = (await as('helperA').post('/api/me/calendar-feed').expect(200)).body.url as string;
    const schedule = (await as('coordinator').post(`/api/sites/${site.siteId}/schedules`, aSchedule({ weekdays: [3] })).expect(201)).body as { schedule: { id: string } };
    const organisation = (await as('coordinator').post('/api/organisations', { name: `Matrisorganisationen ${Date.now()}`, feeRecipient: 'person', hourlyRate: 150 }).expect(201)).body as { id: string };
    const module = ((await as('helperA').get('/api/ocn/modules').expect(200)).body as OcnModule[])[0] as OcnModule;
    const hours = (await as('helperA').post('/api/hours', { date: '2026-11-20', minutes: 60, activity: 'training' }).expect(201)).body as { id: string };
    await as('helperA').post(`/api/ocn/portfolios/${helperAUser.id}/modules/${module.id}/evidence`, { kind: 'reflection', criterionIds: [module.outcomes[0]?.criteria[0]?.id], text: 'Jag visade hur man loggar in med BankID.' }).expect(201);
    const code = (await as('partnerA').post(`/api/partners/${partnerAUser.partnerId}/referral-codes`, { label: 'Matrislapp', siteId: site.siteId }).expect(201)).body as { code: string };

    f = {
      helperA: helperAUser.id,
      helperB: helperBUser.id,
      partnerA: partnerAUser.partnerId as string,
      siteId: site.siteId,
      slug: site.slug,
      deskSession: today.id,
      deskBooking: deskBooking?.id as string,
      visitId: visit.id,
      spareSession: site.sessionId,
      spareSlots: site.slotIds,
      manageToken: manage.manageToken,
      feedToken: /calendars\/([^/]+)\/shifts\.ics/.exec(feedUrl)?.[1] ?? 'no-token',
      scheduleId: schedule.schedule.id,
      organisationId: organisation.id,
      moduleId: module.id,
      criterionId: module.outcomes[0]?.criteria[0]?.id as string,
      hoursEntryId: hours.id,
      referralCode: code.code,
      privacyReference: privacy.reference,
      accountToDeactivate: (await aUser(t.db, 'helper')).id,
      accountToReactivate,
      accountToReset: (await aUser(t.db, 'helper')).id,
      accountToResend: await invitedAccount(),
      accountToRevoke: await invitedAccount(),
      staffBooking: await bookingIdOf(staffBooked.reference),
      staffBookingRef: staffBooked.reference,
      staffCancelBooking: await bookingIdOf(staffCancel.reference),
      staffMoveBooking: await bookingIdOf(staffMove.reference),
      deskSlots: today.slots.map((s) => s.id),
    };
  });
  afterAll(() => t.close());

  it('lets library staff book only at their own site (403 OTHER_SITE elsewhere)', async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const elsewhere = await aBookableSite(coordinator);
    const res = await send(callers.staff, 'POST', '/api/staff/bookings', aBookingRequest({ slotId: elsewhere.slotIds[0] as string, website: undefined }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('OTHER_SITE');
  });

  // staff-bookings: the staff persona at another site's booking
  it("refuses library staff another site's bookings: see, cancel, move (403 OTHER_SITE)", async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const elsewhere = await aBookableSite(coordinator);
    const created = (await book(t, { slotId: elsewhere.slotIds[0] as string, name: 'Annan plats' }).expect(201)).body as { reference: string };
    const [row] = (await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [created.reference])) as { id: string }[];
    const id = row?.id as string;
    for (const [method, url, body] of [
      ['GET', `/api/staff/bookings/${id}`, undefined],
      ['GET', `/api/staff/bookings?siteId=${elsewhere.siteId}`, undefined],
      ['POST', `/api/staff/bookings/${id}/cancel`, { reason: 'x' }],
      ['POST', `/api/staff/bookings/${id}/move`, { slotId: elsewhere.slotIds[1], reason: 'x' }],
    ] as const) {
      const res = await send(callers.staff, method, url, body);
      expect([url, res.status, res.body.code]).toEqual([url, 403, 'OTHER_SITE']);
      expect(res.text).not.toContain('Annan plats');
    }
  });

  it('has exactly one table entry for every route the router serves', () => {
    const served = new Set(routes.map((r) => r.key));
    const missing = [...served].filter((k) => !(k in MATRIX)).sort();
    const stale = Object.keys(MATRIX).filter((k) => !served.has(k)).sort();
    const message = [
      missing.length ? `Routes without an entry in MATRIX (authorization-matrix.api-spec.ts) — add who may call them and who owns their objects:\n  ${missing.join('\n  ')}` : '',
      stale.length ? `MATRIX entries for routes that no longer exist — remove them:\n  ${stale.join('\n  ')}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    expect(message).toBe('');
    expect(routes.length).toBeGreaterThan(80);
  });

  it('refuses every state-changing request made with a session cookie but without X-XSRF-TOKEN, or with another sign-in’s (403 CSRF_FAILED)', async () => {
    const stateChanging = routes.filter((r) => r.method !== 'GET' && MATRIX[r.key]);
    const someoneElses: Caller = { cookie: callers.coordinator.cookie, csrf: callers.helperA.csrf };
    const answers = await Promise.all(
      stateChanging.flatMap((r) => {
        const rule = MATRIX[r.key] as Rule;
        const url = rule.url?.(f) ?? r.key.split(' ')[1] ?? '';
        return [
          { how: 'no header', res: send(callers.coordinator, r.method, url, rule.body?.(f), false) },
          { how: 'another sign-in’s token', res: send(someoneElses, r.method, url, rule.body?.(f)) },
        ].map(async ({ how, res }) => {
          const answer = await res;
          return { route: `${r.key} (${how})`, status: answer.status, code: (answer.body as { code?: string })?.code };
        });
      }),
    );
    expect(stateChanging.length).toBeGreaterThan(40);
    expect(answers.filter((a) => a.status !== 403 || a.code !== 'CSRF_FAILED')).toEqual([]);
  });

  it('answers every route × persona as the table says, and never with a 5xx', async () => {
    // Logging out ends the persona's session: that route goes last, in a batch of its own.
    const LAST = 'POST /api/auth/logout';
    const ordered = routes.filter((r) => MATRIX[r.key]).sort((a, b) => Number(a.key === LAST) - Number(b.key === LAST));
    const batches: RouteInfo[][] = [];
    const BATCH = 10;
    const early = ordered.filter((r) => r.key !== LAST);
    for (let i = 0; i < early.length; i += BATCH) batches.push(early.slice(i, i + BATCH));
    batches.push(ordered.filter((r) => r.key === LAST));
    const privateMarkers = [DESK_PERSON, PRIVACY_PERSON, f.deskBooking, f.visitId, f.hoursEntryId, f.referralCode];
    const results = new Map<string, Map<Persona, { status: number; problem: string | null }>>();
    for (const batch of batches) {
      await Promise.all(
        batch.map(async (r) => {
          const rule = MATRIX[r.key] as Rule;
          const row = new Map<Persona, { status: number; problem: string | null }>();
          results.set(r.key, row);
          // Personas one after another on a route: the route's own state changes stay in a fixed order.
          for (const persona of PERSONAS) {
            const res = await send(callers[persona], r.method, rule.url?.(f) ?? r.key.split(' ')[1] ?? '', rule.body?.(f));
            row.set(persona, { status: res.status, problem: verdict(rule, persona, res, privateMarkers) });
          }
        }),
      );
    }
    const failures = [...results].flatMap(([key, row]) => [...row].filter(([, r]) => r.problem).map(([p, r]) => `${key} as ${p}: ${r.problem}`));
    if (failures.length || process.env['MATRIX_PRINT']) {
      const pad = (s: string, n: number) => s.padEnd(n);
      const width = Math.max(...ordered.map((r) => r.key.length));
      const header = `${pad('route', width)} | ${PERSONAS.map((p) => pad(p, 11)).join(' | ')}`;
      const lines = ordered.map((r) => {
        const rule = MATRIX[r.key] as Rule;
        const row = results.get(r.key);
        return `${pad(r.key, width)} | ${PERSONAS.map((p) => {
          const cell = row?.get(p);
          const mark = cell?.problem ? '✗' : ' ';
          return pad(`${expected(rule, p)[0]}:${cell?.status ?? '-'}${mark}`, 11);
        }).join(' | ')}`;
      });
      console.log(`Authorization matrix (a = access, d = denied by role, o = not the owner; ✗ = wrong)\n${header}\n${lines.join('\n')}`);
    }
    expect(failures).toEqual([]);
  });
});
