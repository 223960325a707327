import { CATEGORY_LABELS, type Device, type EquipmentKind, type VisitCategoryView } from '@digihjalpen/domain';
import { languageName } from '../i18n/languages';

export { CAME_VIA_LABELS, OUTCOME_LABELS, REFERRED_TO_LABELS, REFERRED_TO_SHORT, RETURNING_LABELS } from '@digihjalpen/domain';

/** Swedish words for the visit log's fixed choices (staff pages are Swedish only). */

export const DEVICE_LABELS: Readonly<Record<Device, string>> = {
  'own-phone': 'Egen mobil eller surfplatta',
  'own-laptop': 'Egen dator',
  'library-computer': 'Bibliotekets dator',
  none: 'Ingen',
};

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
