import type { Language, NewSite, ScheduleInput, VisitCategory } from '@digihjalpen/domain';

/** The demo city of PRODUCT.md: a central library, branch libraries and the skills centre. */
export const demoSites: NewSite[] = [
  {
    slug: 'stadsbiblioteket',
    name: 'Stadsbiblioteket',
    address: 'Bibliotekstorget 1, 411 38 Staden',
    directions: 'Gå in genom huvudentrén. Digihjälpen sitter vid fönstren på plan 2, till vänster om hissen.',
    accessibilityNotes: 'Entré utan trappsteg. Hiss till alla plan. Hörslinga vid informationsdisken. Toalett med plats för rullstol på plan 1.',
    contactPhone: '010-123 45 00',
    timeZone: 'Europe/Stockholm',
    languages: ['sv', 'en', 'ar'],
    active: true,
  },
  {
    slug: 'norrby-bibliotek',
    name: 'Norrby bibliotek',
    address: 'Norrby torg 4, 424 31 Staden',
    directions: 'Biblioteket ligger i Kulturhuset vid torget. Vi sitter i studierummet innanför tidningshörnan.',
    accessibilityNotes: 'Automatisk dörr och ramp från torget. Inga trappor inne i biblioteket.',
    contactPhone: '010-123 45 20',
    timeZone: 'Europe/Stockholm',
    languages: ['sv', 'ar', 'so'],
    active: true,
  },
  {
    slug: 'vastra-angens-bibliotek',
    name: 'Västra Ängens bibliotek',
    address: 'Ängsvägen 17, 418 72 Staden',
    directions: 'Ingång från parkeringen. Fråga i lånedisken så visar personalen vägen.',
    accessibilityNotes: 'Två trappsteg vid entrén, ramp finns på baksidan – ring så öppnar vi. Hörslinga finns.',
    contactPhone: null,
    timeZone: 'Europe/Stockholm',
    languages: ['sv', 'fa', 'en'],
    active: true,
  },
  {
    slug: 'kompetenscenter',
    name: 'Kompetenscenter',
    address: 'Arbetsgatan 9, 411 05 Staden',
    directions: 'Anmäl dig i receptionen på entréplan.',
    accessibilityNotes: 'Entré utan trappsteg och hiss.',
    contactPhone: '010-123 46 00',
    timeZone: 'Europe/Stockholm',
    languages: ['sv', 'en', 'ar', 'ti'],
    active: true,
  },
];

/** Demo logins (PRODUCT.md). Never created in production mode. */
export const demoUsers = [
  { email: 'coordinator@example.org', password: 'demo-coordinator', name: 'Karin Lindqvist', role: 'coordinator' },
  { email: 'helper@example.org', password: 'demo-helper', name: 'Yusuf Ahmadi', role: 'helper' },
  { email: 'helper2@example.org', password: 'demo-helper', name: 'Maria Johansson', role: 'helper' },
  { email: 'partner@example.org', password: 'demo-partner', name: 'Leila Haddad', role: 'partner' },
] as const;

/** Weekly drop-ins. Stadsbiblioteket adds a second day from March; no schedule ends, so all span DST. */
export const demoSchedules: { site: string; schedule: ScheduleInput }[] = [
  { site: 'stadsbiblioteket', schedule: { weekdays: [2], startTime: '10:00', endTime: '12:00', validFrom: '2026-09-01', validUntil: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 2 } },
  { site: 'stadsbiblioteket', schedule: { weekdays: [4], startTime: '13:00', endTime: '15:00', validFrom: '2027-03-04', validUntil: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 2 } },
  { site: 'norrby-bibliotek', schedule: { weekdays: [3], startTime: '13:00', endTime: '15:00', validFrom: '2026-10-07', validUntil: null, slotMinutes: 30, seatsPerSlot: 1, dropIn: true, helpersNeeded: 1 } },
  { site: 'vastra-angens-bibliotek', schedule: { weekdays: [1], startTime: '10:00', endTime: '12:00', validFrom: '2026-11-02', validUntil: null, slotMinutes: 20, seatsPerSlot: 1, dropIn: true, helpersNeeded: 1 } },
  { site: 'kompetenscenter', schedule: { weekdays: [5], startTime: '09:00', endTime: '11:00', validFrom: '2026-09-04', validUntil: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: false, helpersNeeded: 1 } },
];

/** Bookings in each demo site's first slots (invented first names; no contact details). */
export const demoBookings: { name: string; language: Language; topics: VisitCategory[]; ownDevice: boolean | null; ref: string | null }[] = [
  { name: 'Amina', language: 'ar', topics: ['bankid', 'healthcare'], ownDevice: true, ref: null },
  { name: 'Göran', language: 'sv', topics: ['email', 'passwords'], ownDevice: false, ref: null },
  { name: 'Sara', language: 'sv', topics: ['income-support'], ownDevice: true, ref: 'KCDM-4782' },
];

/** The demo partner organisation, its user and a referral code to the central library. */
export const demoPartner = { name: 'Kompetenscenter', user: 'partner@example.org', code: 'KCDM-4782', codeLabel: 'Jobbcoachning hösten 2026', site: 'stadsbiblioteket' } as const;

/** User organisations of the demo helpers; each decides where fees go. */
export const demoOrganisations: { name: string; feeRecipient: 'person' | 'organisation'; hourlyRate: number | null; helpers: string[] }[] = [
  { name: 'Fontänhuset', feeRecipient: 'person', hourlyRate: 150, helpers: ['helper@example.org'] },
  { name: 'RSMH', feeRecipient: 'organisation', hourlyRate: 200, helpers: ['helper2@example.org'] },
  { name: 'Röda korset', feeRecipient: 'person', hourlyRate: null, helpers: [] },
];

/** Hours the demo helpers logged by hand in past weeks (days before the seed runs), some already approved. */
export const demoHours: { email: string; daysAgo: number; minutes: number; activity: 'training' | 'preparation' | 'meeting'; approved: boolean; reflection: string | null }[] = [
  { email: 'helper@example.org', daysAgo: 14, minutes: 180, activity: 'training', approved: true, reflection: 'Utbildning om BankID och bedrägerier. Jag lärde mig att aldrig själv skriva in någons kod.' },
  { email: 'helper@example.org', daysAgo: 6, minutes: 60, activity: 'meeting', approved: false, reflection: null },
  { email: 'helper2@example.org', daysAgo: 10, minutes: 90, activity: 'preparation', approved: true, reflection: null },
];
