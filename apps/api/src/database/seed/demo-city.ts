import type { NewSite } from '@digihjalpen/domain';

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
