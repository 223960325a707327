import { isLocalDate } from '../schedule/schedule.rules';
import type { LocalDate, ScheduleInput } from '../schedule/schedule.types';
import { SiteError } from './sites.errors';
import { prepareNewSite } from './sites.rules';
import type { CopySiteInput } from './site-copy.types';
import type { NewSite, Site } from './sites.types';

/**
 * The new site a copy opens. It takes the source's settings that belong to the service (time zone, the
 * languages offered) and the coordinator's name, address and optional web address. Directions,
 * accessibility notes and the phone number describe the source's building, so they are not copied: the
 * coordinator writes the new building's own. The copy starts paused: it has no helpers and no directions
 * yet, and visitors should not book a place nobody staffs; the coordinator makes it active when ready.
 * prepareNewSite then checks it as any new site.
 */
export function copiedSite(source: Site, input: CopySiteInput): NewSite {
  return {
    name: input.name.trim(),
    ...(input.slug?.trim() ? { slug: input.slug.trim() } : {}),
    address: input.address.trim(),
    directions: input.directions?.trim() ?? '',
    accessibilityNotes: input.accessibilityNotes?.trim() ?? '',
    contactPhone: null,
    timeZone: source.timeZone,
    languages: [...source.languages],
    active: false,
  };
}

/**
 * The source's schedules as the copy gets them: the same weekdays, times, slot lengths, seats, drop-in and
 * helpers needed, valid from the start date (or from the source's own later start, so a day the source
 * adds later is added later in the copy too), keeping the end date. A schedule that ends before the start
 * date is left out. `today` is the local date at the site: the start date may not be before it.
 */
export function copiedSchedules(schedules: readonly ScheduleInput[], startDate: LocalDate, today: LocalDate): ScheduleInput[] {
  if (!isLocalDate(startDate)) throw SiteError.invalid({ startDate: 'Skriv startdatum som ÅÅÅÅ-MM-DD.' });
  if (startDate < today) throw SiteError.invalid({ startDate: `Startdatum kan inte vara före i dag (${today}). Välj i dag eller en senare dag.` });
  return schedules
    .filter((s) => s.validUntil === null || s.validUntil >= startDate)
    .map((s) => ({
      weekdays: [...s.weekdays],
      startTime: s.startTime,
      endTime: s.endTime,
      validFrom: s.validFrom > startDate ? s.validFrom : startDate,
      validUntil: s.validUntil,
      slotMinutes: s.slotMinutes,
      seatsPerSlot: s.seatsPerSlot,
      dropIn: s.dropIn,
      helpersNeeded: s.helpersNeeded,
    }));
}

/**
 * The whole copy, checked at once: the new site (as prepareNewSite makes a new one) and its schedules.
 * Throws one SiteError naming every field to fix (name, address, web address, start date).
 */
export function planSiteCopy(
  source: Site,
  schedules: readonly ScheduleInput[],
  input: CopySiteInput,
  today: LocalDate,
): { site: Omit<Site, 'id'>; schedules: ScheduleInput[] } {
  const fields: Record<string, string> = {};
  let site: Omit<Site, 'id'> | undefined;
  let copies: ScheduleInput[] = [];
  try {
    site = prepareNewSite(copiedSite(source, input));
  } catch (error) {
    if (!(error instanceof SiteError)) throw error;
    Object.assign(fields, error.fields);
  }
  try {
    copies = copiedSchedules(schedules, input.startDate, today);
  } catch (error) {
    if (!(error instanceof SiteError)) throw error;
    Object.assign(fields, error.fields);
  }
  if (!site || Object.keys(fields).length) throw SiteError.invalid(fields);
  return { site, schedules: copies };
}
