/** Languages a site's helpers can give help in (ISO 639-1). */
export const HELP_LANGUAGES = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'pl', 'bs', 'es', 'fi'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** A library (or other venue) that hosts drop-in sessions. */
export interface Site {
  id: string;
  slug: string;
  name: string;
  address: string;
  directions: string;
  accessibilityNotes: string;
  contactPhone: string | null;
  timeZone: string;
  languages: HelpLanguage[];
  active: boolean;
}

export type NewSite = Omit<Site, 'id' | 'slug'> & { slug?: string };

/** What anyone may see of a site (the public API contract). */
export type PublicSite = Pick<
  Site,
  'id' | 'slug' | 'name' | 'address' | 'directions' | 'accessibilityNotes' | 'contactPhone' | 'timeZone' | 'languages'
>;

/** A coming session in the list of sites (GET /api/public/sites): enough to say "next: Tuesday 10–12, 5 times free". */
export interface NextSessionView {
  id: string;
  start: string;
  end: string;
  dropIn: boolean;
  seatsLeft: number;
}

/** An active site in a picker (every active site at once: ~1,100 nationally, about 60 KB). */
export type PublicSiteName = Pick<PublicSite, 'id' | 'slug' | 'name'>;

/** A site in the public list, with its next planned sessions (at most three). */
export interface PublicSiteSummary extends PublicSite {
  nextSessions: NextSessionView[];
}
