import type { LocalDate, Schedule } from '../schedule/schedule.types';
import type { Site } from './sites.types';

/**
 * What a coordinator gives when opening a new library from an existing one (POST /api/sites/{id}/copy).
 * Directions and accessibility notes describe the new building, so they are the new site's own (empty when left out).
 */
export interface CopySiteInput {
  name: string;
  /** Web address name; made from the name when left out. */
  slug?: string;
  address: string;
  /** The first day of the copied schedules (the site's local date). */
  startDate: LocalDate;
  directions?: string;
  accessibilityNotes?: string;
}

/** The new site, its schedules and how many sessions were generated for them. */
export interface SiteCopyView {
  site: Site;
  schedules: Schedule[];
  sessionsCreated: number;
}
