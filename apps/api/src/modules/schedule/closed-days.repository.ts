import { closedDays, type ClosedDay, type LocalDate } from '@digihjalpen/domain';
import type { EntityManager } from 'typeorm';
import { closingHolidaysIn } from './public-holidays';

export interface ClosureRow {
  id: string;
  from: LocalDate;
  to: LocalDate;
  reason: string;
}

/**
 * The closed days of one site between two local dates: its closures and those of every site (not lifted),
 * and its country's closing holidays unless a coordinator opened the date. Reads in the caller's
 * transaction, so a closure or an opened date written in it counts.
 */
export async function closedDaysOf(tx: EntityManager, siteId: string, range: { from: LocalDate; to: LocalDate }): Promise<Map<LocalDate, ClosedDay>> {
  const [site] = (await tx.query(`SELECT country FROM site WHERE id = $1`, [siteId])) as { country: string }[];
  const closures = (await tx.query(
    `SELECT id, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to", reason
       FROM closure
      WHERE (site_id = $1 OR site_id IS NULL) AND lifted_at IS NULL AND to_date >= $2 AND from_date <= $3`,
    [siteId, range.from, range.to],
  )) as ClosureRow[];
  const opened = (await tx.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM site_opened_date WHERE site_id = $1 AND date BETWEEN $2 AND $3`, [
    siteId,
    range.from,
    range.to,
  ])) as { date: LocalDate }[];
  return closedDays({ holidays: closingHolidaysIn(site?.country ?? 'SE', range), opened: opened.map((o) => o.date), closures }, range);
}

/**
 * Share-locks a site while its closed days are read and sessions made: a closure being written takes the
 * row FOR NO KEY UPDATE, so the two wait for each other and no session is made inside a new closure.
 */
export async function lockSiteForSessions(tx: EntityManager, siteId: string): Promise<void> {
  await tx.query(`SELECT 1 FROM site WHERE id = $1 FOR SHARE`, [siteId]);
}
