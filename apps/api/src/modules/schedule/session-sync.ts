import {
  expandSchedule,
  horizonEnd,
  localDateOf,
  planSessions,
  SESSION_HORIZON_WEEKS,
  slotsFor,
  withoutClosedDays,
  type ExistingSession,
  type Occurrence,
  type ScheduleInput,
} from '@digihjalpen/domain';
import { In, type EntityManager } from 'typeorm';
import { closedDaysOf, lockSiteForSessions } from './closed-days.repository';
import { SessionEntity } from './session.entity';
import { SlotEntity } from './slot.entity';

export interface SyncResult {
  created: number;
  removed: number;
  /** Future sessions with bookings or shifts that the schedule no longer produces. */
  needsDecision: { id: string; start: Date }[];
}

/** Inserts sessions and their slots; a session that already exists at that time is left alone. */
export async function insertSessions(
  tx: EntityManager,
  site: { id: string },
  occurrences: readonly Occurrence[],
  shape: { scheduleId: string | null; slotMinutes: number; seatsPerSlot: number; dropIn: boolean; helpersNeeded: number },
): Promise<number> {
  let created = 0;
  for (const o of occurrences) {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(SessionEntity)
      .values({ siteId: site.id, scheduleId: shape.scheduleId, startsAt: o.start, endsAt: o.end, dropIn: shape.dropIn, helpersNeeded: shape.helpersNeeded })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) continue;
    created += 1;
    const slots = slotsFor(o, shape.slotMinutes, shape.seatsPerSlot).map((s) => ({ sessionId: id, startsAt: s.start, endsAt: s.end, seats: s.seats }));
    if (slots.length) await tx.getRepository(SlotEntity).insert(slots);
  }
  return created;
}

/**
 * Brings one schedule's sessions in line with the schedule (cancelled sessions are history and stay
 * as they are), from now to the rolling horizon, leaving closed days empty: the site's closures and its
 * country's closing holidays (unless opened). See planSessions for what is kept, removed and left for the
 * coordinator — a session already on a day that is now closed is removed if unused, else listed.
 */
export async function syncScheduleSessions(
  tx: EntityManager,
  schedule: ScheduleInput & { id: string },
  site: { id: string; timeZone: string },
  now: Date,
): Promise<SyncResult> {
  const today = localDateOf(now, site.timeZone);
  const range = { from: today, to: horizonEnd(today, SESSION_HORIZON_WEEKS) };
  // A closure being written for this site waits for us, and we for it (it takes the row FOR NO KEY UPDATE):
  // its days are read after it committed, so no session is made inside a closure that just cancelled them.
  await lockSiteForSessions(tx, site.id);
  const desired = withoutClosedDays(expandSchedule(schedule, range, site.timeZone), await closedDaysOf(tx, site.id, range));
  // Lock the candidates first; "in use" is then read in a new statement that sees every booking committed
  // before the lock was granted (a booking share-locks its session), so none is deleted under a booking.
  await tx.query(`SELECT 1 FROM session WHERE schedule_id = $1 AND starts_at > $2 AND status = 'planned' FOR UPDATE`, [schedule.id, now]);
  const rows: { id: string; starts_at: Date; ends_at: Date; in_use: boolean }[] = await tx.query(
    `SELECT s.id, s.starts_at, s.ends_at,
            EXISTS (SELECT 1 FROM slot sl WHERE sl.session_id = s.id AND sl.booked > 0)
              OR EXISTS (SELECT 1 FROM shift sh WHERE sh.session_id = s.id)
              OR EXISTS (SELECT 1 FROM visit v WHERE v.session_id = s.id) AS in_use
       FROM session s
      WHERE s.schedule_id = $1 AND s.starts_at > $2 AND s.status = 'planned'`,
    [schedule.id, now],
  );
  const existing: ExistingSession[] = rows.map((r) => ({ id: r.id, start: r.starts_at, end: r.ends_at, inUse: r.in_use }));
  const plan = planSessions(desired, existing, now);
  if (plan.remove.length) await tx.getRepository(SessionEntity).delete({ id: In(plan.remove) });
  const revived = await reviveAfterLiftedClosures(tx, schedule.id, plan.create, now);
  const created = await insertSessions(tx, site, plan.create.filter((o) => !revived.has(o.start.getTime())), { scheduleId: schedule.id, ...schedule });
  return { created: created + revived.size, removed: plan.remove.length, needsDecision: plan.needsDecision.map((s) => ({ id: s.id, start: s.start })) };
}

/**
 * Sessions a closure cancelled stay in the table (their bookings' history, calendar UIDs), so a new session
 * cannot take their time. Once the closure is lifted, the schedule plans them again: the same session,
 * planned once more (SEQUENCE raised so calendars update). Their bookings stay cancelled, and their shifts are
 * released: the people booked and the helpers were told the session was cancelled, so it comes back free and
 * needing helpers (an open shift), not with a helper who does not know. Returns the start times planned again.
 */
async function reviveAfterLiftedClosures(tx: EntityManager, scheduleId: string, wanted: readonly Occurrence[], now: Date): Promise<Set<number>> {
  if (!wanted.length) return new Set();
  const [rows] = (await tx.query(
    `UPDATE session s SET status = 'planned', cancel_reason = NULL, closure_id = NULL, sequence = s.sequence + 1, updated_at = $4
       FROM closure c, unnest($2::timestamptz[], $3::timestamptz[]) AS w(starts_at, ends_at)
      WHERE s.schedule_id = $1 AND s.status = 'cancelled' AND c.id = s.closure_id AND c.lifted_at IS NOT NULL
        AND s.starts_at = w.starts_at AND s.ends_at = w.ends_at AND s.starts_at > $4
      RETURNING s.id, s.starts_at`,
    [scheduleId, wanted.map((o) => o.start), wanted.map((o) => o.end), now],
  )) as [{ id: string; starts_at: Date }[], number];
  if (rows.length) await tx.query(`DELETE FROM shift WHERE session_id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
  return new Set(rows.map((r) => r.starts_at.getTime()));
}
