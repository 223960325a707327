import { demoSessionFor, DEMO_DAY_SITES, needsDemoSession, prepareNewSite, referenceFrom, type Language, type VisitCategory } from '@digihjalpen/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { currentTime } from '../../common/clock';
import { insertSessions } from '../../modules/schedule/session-sync';
import { SiteEntity } from '../../modules/sites/site.entity';

/** The demo helper who tries the desk (demo-city.ts). */
const DEMO_HELPER = 'helper@example.org';

/** The shape of a demo session: half-hour times with two seats, drop-in, one helper (the demo helper). */
const SHAPE = { scheduleId: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 } as const;

/** One booking in each of the session's first four times: invented first names, no contact details. */
export const demoTodayBookings: { name: string; language: Language; topics: VisitCategory[]; ownDevice: boolean | null; needs: string | null }[] = [
  { name: 'Hodan', language: 'sv', topics: ['bankid'], ownDevice: true, needs: null },
  { name: 'Bengt', language: 'sv', topics: ['email', 'passwords'], ownDevice: false, needs: 'Hör dåligt, tala tydligt.' },
  { name: 'Rania', language: 'ar', topics: ['healthcare'], ownDevice: true, needs: null },
  { name: 'Olena', language: 'en', topics: ['income-support', 'civic-information'], ownDevice: null, needs: null },
];

/** Held for the whole step, so two instances starting at once make one session. */
const LOCK_KEY = 7_160_605;
const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * "Try it today" (demo mode only, run at every start-up after the seed): makes sure the demo helper has a
 * session today that has not ended, at a demo site whose time zone has daytime now (demoSessionFor), with
 * the helper on shift and four bookings. Idempotent: while such a session exists it adds nothing.
 * The demo site is added the first time its zone is needed. It is active, so the session can also be
 * booked on the public pages and shows on the staffing page, as any other would.
 */
export async function ensureDemoToday(dataSource: DataSource, now = currentTime()): Promise<{ sessionsAdded: number }> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [LOCK_KEY]);
    const [helper] = (await tx.query(`SELECT id FROM app_user WHERE email = $1 AND active`, [DEMO_HELPER])) as { id: string }[];
    if (!helper) return { sessionsAdded: 0 };
    const found: { starts_at: Date; ends_at: Date; status: 'planned' | 'cancelled'; time_zone: string }[] = await tx.query(
      `SELECT s.starts_at, s.ends_at, s.status, site.time_zone
         FROM shift sh JOIN session s ON s.id = sh.session_id JOIN site ON site.id = s.site_id
        WHERE sh.helper_id = $1 AND site.slug = ANY($2::text[]) AND s.ends_at > $3`,
      [helper.id, DEMO_DAY_SITES.map((s) => s.slug), new Date(now.getTime() - TWO_DAYS_MS)],
    );
    if (!needsDemoSession(found.map((r) => ({ start: r.starts_at, end: r.ends_at, status: r.status, timeZone: r.time_zone })), now)) return { sessionsAdded: 0 };

    const plan = demoSessionFor(now);
    const { slug, name, address, directions, timeZone } = plan.site;
    await tx
      .createQueryBuilder()
      .insert()
      .into(SiteEntity)
      .values(prepareNewSite({ slug, name, address, directions, accessibilityNotes: '', contactPhone: null, timeZone, languages: ['sv', 'en', 'ar'], active: true }))
      .orIgnore()
      .execute();
    const site = await tx.getRepository(SiteEntity).findOneByOrFail({ slug });
    const added = await insertSessions(tx, site, [{ date: plan.date, start: plan.start, end: plan.end }], SHAPE);
    const [session] = (await tx.query(`SELECT id, status FROM session WHERE site_id = $1 AND starts_at = $2`, [site.id, plan.start])) as { id: string; status: string }[];
    // A coordinator cancelled this very session: leave it so.
    if (!session || session.status !== 'planned') return { sessionsAdded: 0 };
    await tx.query(`INSERT INTO shift (session_id, helper_id) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM shift WHERE session_id = $1 AND helper_id = $2)`, [session.id, helper.id]);
    const slots = (await tx.query(
      `SELECT sl.id FROM slot sl WHERE sl.session_id = $1 AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.slot_id = sl.id) ORDER BY sl.starts_at`,
      [session.id],
    )) as { id: string }[];
    const alreadyBooked = (await tx.query(`SELECT 1 FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id = $1 LIMIT 1`, [session.id])) as unknown[];
    if (alreadyBooked.length === 0) {
      for (const [i, slot] of slots.entries()) {
        const b = demoTodayBookings[i];
        if (!b) break;
        await tx.query(
          `INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, language, topics, own_device, needs)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [randomUUID(), slot.id, referenceFrom(randomBytes(6)), randomBytes(32).toString('hex'), b.name, b.language, b.topics, b.ownDevice, b.needs],
        );
      }
    }
    return { sessionsAdded: added };
  });
}
