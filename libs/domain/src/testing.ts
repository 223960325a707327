import { DEFAULT_TIME_ZONE, type Site } from './sites/sites.types';

let sequence = 0;

/** A valid site; override only what the test is about. */
export function aSite(overrides: Partial<Site> = {}): Site {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    slug: `bibliotek-${sequence}`,
    name: `Bibliotek ${sequence}`,
    address: `Storgatan ${sequence}, 111 22 Staden`,
    directions: '',
    accessibilityNotes: '',
    contactPhone: null,
    timeZone: DEFAULT_TIME_ZONE,
    languages: ['sv'],
    active: true,
    ...overrides,
  };
}
