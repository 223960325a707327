import { SiteError } from './sites.errors';
import { DEFAULT_TIME_ZONE, HELP_LANGUAGES, type HelpLanguage, type NewSite, type PublicSite, type Site } from './sites.types';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 60;

/** A URL-safe, readable slug: "Stadsbiblioteket Göteborg" → "stadsbiblioteket-goteborg". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // å ä ö é → a a o e
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/** True when the runtime knows the IANA zone (so wall times there can be computed). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function isHelpLanguage(value: string): value is HelpLanguage {
  return (HELP_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Checks a new site and fills in what can be derived (slug, default time zone).
 * Throws SiteError.invalid with one message per field a coordinator must fix.
 */
export function prepareNewSite(input: NewSite): Omit<Site, 'id'> {
  const name = input.name.trim();
  const slug = input.slug?.trim() || slugify(name);
  const timeZone = input.timeZone?.trim() || DEFAULT_TIME_ZONE;
  const fields: Record<string, string> = {};
  if (!name) fields['name'] = 'Skriv bibliotekets namn.';
  if (!input.address.trim()) fields['address'] = 'Skriv gatuadressen så att besökarna hittar dit.';
  if (!isValidSlug(slug)) fields['slug'] = 'Använd bara a–z, 0–9 och bindestreck (till exempel "stadsbiblioteket").';
  if (!isValidTimeZone(timeZone)) fields['timeZone'] = `"${timeZone}" är ingen känd tidszon (till exempel Europe/Stockholm).`;
  const unknown = input.languages.filter((l) => !isHelpLanguage(l));
  if (unknown.length) fields['languages'] = `Okända språkkoder: ${unknown.join(', ')}.`;
  if (Object.keys(fields).length) throw SiteError.invalid(fields);
  return { ...input, name, slug, timeZone, address: input.address.trim(), languages: [...new Set(input.languages)] };
}

/** Public list order: active sites only, alphabetical in Swedish collation (å ä ö last). */
export function publicSites<T extends Pick<Site, 'name' | 'active'>>(sites: readonly T[]): T[] {
  const collator = new Intl.Collator('sv');
  return sites.filter((s) => s.active).sort((a, b) => collator.compare(a.name, b.name));
}

export function toPublicSite(site: Site): PublicSite {
  const { id, slug, name, address, directions, accessibilityNotes, contactPhone, timeZone, languages } = site;
  return { id, slug, name, address, directions, accessibilityNotes, contactPhone, timeZone, languages };
}
