import { CATEGORY_LABELS, type CameVia, type Device, type EquipmentKind, type Outcome, type ReferredTo, type Returning, type VisitCategoryView } from '@digihjalpen/domain';
import { languageName } from '../i18n/languages';

/** Swedish words for the visit log's fixed choices (staff pages are Swedish only). */

export const DEVICE_LABELS: Readonly<Record<Device, string>> = {
  'own-phone': 'Egen mobil eller surfplatta',
  'own-laptop': 'Egen dator',
  'library-computer': 'Bibliotekets dator',
  none: 'Ingen',
};

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

export const EQUIPMENT_LABELS: Readonly<Record<EquipmentKind, string>> = {
  laptop: 'Dator eller laptop',
  wifi: 'Wifi',
  printer: 'Skrivare',
  charger: 'Laddare',
  other: 'Annat',
};

/**
 * Languages help is often given in here: Swedish first, then by name. ISO 639-1 codes, as the API
 * stores them.
 */
const LANGUAGE_CODES = ['sv', 'en', 'ar', 'so', 'ti', 'fa', 'ku', 'tr', 'uk', 'ru', 'pl', 'bs', 'sr', 'hr', 'es', 'fr', 'de', 'fi', 'ro', 'am', 'ps', 'th', 'zh', 'vi'] as const;

export interface LanguageOption {
  code: string;
  name: string;
}

export const VISIT_LANGUAGES: readonly LanguageOption[] = [
  { code: 'sv', name: languageName('sv', 'sv') },
  ...LANGUAGE_CODES.filter((c) => c !== 'sv')
    .map((code) => ({ code, name: languageName(code, 'sv') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
];

/** "svenska", or the code itself for a language the browser cannot name. */
export function languageLabel(code: string): string {
  return languageName(code, 'sv');
}

/** The built-in categories, for when the list cannot be fetched (the laptop is offline). */
export const BUILTIN_CATEGORIES: readonly VisitCategoryView[] = Object.entries(CATEGORY_LABELS.sv).map(([key, label]) => ({ key, label, builtin: true }));

/** A category's Swedish name: from the fetched list, the built-in names, or the key itself. */
export function categoryLabel(key: string, categories: readonly VisitCategoryView[]): string {
  return categories.find((c) => c.key === key)?.label ?? (CATEGORY_LABELS.sv as Record<string, string>)[key] ?? key;
}
