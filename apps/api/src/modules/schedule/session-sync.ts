import {
  expandSchedule,
  horizonEnd,
  localDateOf,
  planSessions,
  SESSION_HORIZON_WEEKS,
  slotsFor,
  type ExistingSession,
  type Occurrence,
  type ScheduleInput,
} from '@digihjalpen/domain';
import { In, type EntityManager } from 'typeorm';
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
 * as they are), from now to the rolling horizon
 * (see planSessions for what is kept, removed and left for the coordinator).
 */
export async function syncScheduleSessions(
  tx: EntityManager,
  schedule: ScheduleInput & { id: string },
  site: { id: string; timeZone: string },
  now: Date,
): Promise<SyncResult> {
  const today = localDateOf(now, site.timeZone);
  const desired = expandSchedule(schedule, { from: today, to: horizonEnd(today, SESSION_HORIZON_WEEKS) }, site.timeZone);
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
  const created = await insertSessions(tx, site, plan.create, { scheduleId: schedule.id, ...schedule });
  return { created, removed: plan.remove.length, needsDecision: plan.needsDecision.map((s) => ({ id: s.id, start: s.start })) };
}
