import type { CameVia, Outcome, ReferredTo, Returning } from './visits.types';

/** Swedish words for the visit log's fixed choices: staff pages, dashboard tables, CSV and e-mails. */

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  solved: 'Löst',
  partly: 'Delvis löst',
  'follow-up': 'Behöver följas upp',
  referred: 'Hänvisad vidare',
};

export const REFERRED_TO_LABELS: Readonly<Record<ReferredTo, string>> = {
  amf: 'Arbetsmarknadsförvaltningen (AMF)',
  'social-services': 'Socialtjänsten',
  skatteverket: 'Skatteverket',
  healthcare: 'Vården',
  'other-organisation': 'En annan organisation',
  other: 'Annat',
};

/** The same, short, for tables. */
export const REFERRED_TO_SHORT: Readonly<Record<ReferredTo, string>> = {
  amf: 'AMF',
  'social-services': 'socialtjänsten',
  skatteverket: 'Skatteverket',
  healthcare: 'vården',
  'other-organisation': 'annan organisation',
  other: 'annat',
};

export const CAME_VIA_LABELS: Readonly<Record<CameVia, string>> = {
  booked: 'Bokad tid',
  'drop-in': 'Drop-in',
  'skills-centre': 'Hänvisad från kompetenscenter',
  'social-services': 'Hänvisad från socialtjänsten',
  'library-staff': 'Bibliotekets personal',
  friend: 'Vän eller släkting',
  other: 'Annat',
};

export const RETURNING_LABELS: Readonly<Record<Returning, string>> = { yes: 'Ja', no: 'Nej', unknown: 'Vet inte' };
