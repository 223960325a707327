import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClosureNotice, Schedule, ScheduleInput, SessionStatus, Weekday } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { ScheduleEntity } from './schedule.entity';
import { SessionEntity } from './session.entity';
import { currentTime } from '../../common/clock';

export function toSchedule(e: ScheduleEntity): Schedule {
  return {
    id: e.id,
    siteId: e.siteId,
    weekdays: [...e.weekdays].sort() as Weekday[],
    startTime: e.startTime.slice(0, 5),
    endTime: e.endTime.slice(0, 5),
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    slotMinutes: e.slotMinutes,
    seatsPerSlot: e.seatsPerSlot,
    dropIn: e.dropIn,
    helpersNeeded: e.helpersNeeded,
  };
}

export interface NextSession {
  id: string;
  start: Date;
  end: Date;
  dropIn: boolean;
  seatsLeft: number;
}

export interface SessionRow {
  id: string;
  siteId: string;
  /** The site's zone: local times and offsets are shown in it. */
  timeZone: string;
  scheduleId: string | null;
  start: Date;
  end: Date;
  status: SessionStatus;
  cancelReason: string | null;
  dropIn: boolean;
  helpersNeeded: number;
  sequence: number;
  updatedAt: Date;
  helpers: number;
  slots: { id: string; start: Date; end: Date; seats: number; booked: number }[];
  /** The closure that cancelled it (dates and reason), if one did. */
  closure: ClosureNotice | null;
}

interface RawSession {
  id: string;
  site_id: string;
  time_zone: string;
  schedule_id: string | null;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  cancel_reason: string | null;
  drop_in: boolean;
  helpers_needed: number;
  sequence: number;
  updated_at: Date;
  helpers: number;
  slots: { id: string; start: string; end: string; seats: number; booked: number }[] | null;
  closure_from: string | null;
  closure_to: string | null;
}

@Injectable()
export class ScheduleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async listSchedules(siteId: string, tx: EntityManager = this.db.manager): Promise<Schedule[]> {
    return (await tx.getRepository(ScheduleEntity).find({ where: { siteId }, order: { validFrom: 'ASC', startTime: 'ASC' } })).map(toSchedule);
  }

  async allSchedules(): Promise<Schedule[]> {
    return (await this.db.getRepository(ScheduleEntity).find()).map(toSchedule);
  }

  async findSchedule(id: string, tx: EntityManager = this.db.manager): Promise<Schedule | null> {
    const e = await tx.getRepository(ScheduleEntity).findOneBy({ id });
    return e ? toSchedule(e) : null;
  }

  async insertSchedule(tx: EntityManager, siteId: string, input: ScheduleInput): Promise<Schedule> {
    const repo = tx.getRepository(ScheduleEntity);
    return toSchedule(await repo.save(repo.create({ siteId, ...input })));
  }

  async updateSchedule(tx: EntityManager, id: string, input: ScheduleInput): Promise<void> {
    await tx.getRepository(ScheduleEntity).update({ id }, { ...input });
  }

  /** Sessions of one site (or all sites) in a time range, with slots, seats booked and helpers on shift: one query. */
  async sessions(filter: { siteId?: string; from: Date; to: Date; sessionId?: string }): Promise<SessionRow[]> {
    const rows: RawSession[] = await this.db.query(
      `SELECT s.id, s.site_id, site.time_zone, s.schedule_id, s.starts_at, s.ends_at, s.status, s.cancel_reason, s.drop_in,
              s.helpers_needed, s.sequence, s.updated_at,
              (SELECT count(*)::int FROM shift sh WHERE sh.session_id = s.id) AS helpers,
              (SELECT json_agg(json_build_object('id', sl.id, 'start', sl.starts_at, 'end', sl.ends_at, 'seats', sl.seats, 'booked', sl.booked)
                               ORDER BY sl.starts_at)
                 FROM slot sl WHERE sl.session_id = s.id) AS slots,
              to_char(c.from_date, 'YYYY-MM-DD') AS closure_from, to_char(c.to_date, 'YYYY-MM-DD') AS closure_to
         FROM session s JOIN site ON site.id = s.site_id
         LEFT JOIN closure c ON c.id = s.closure_id
        WHERE ($1::uuid IS NULL OR s.site_id = $1) AND ($4::uuid IS NULL OR s.id = $4)
          AND s.starts_at < $3 AND s.ends_at > $2
        ORDER BY s.starts_at`,
      [filter.siteId ?? null, filter.from, filter.to, filter.sessionId ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      timeZone: r.time_zone,
      scheduleId: r.schedule_id,
      start: r.starts_at,
      end: r.ends_at,
      status: r.status,
      cancelReason: r.cancel_reason,
      dropIn: r.drop_in,
      helpersNeeded: r.helpers_needed,
      sequence: r.sequence,
      updatedAt: r.updated_at,
      helpers: r.helpers,
      slots: (r.slots ?? []).map((sl) => ({ ...sl, start: new Date(sl.start), end: new Date(sl.end) })),
      closure: r.closure_from && r.closure_to ? { from: r.closure_from, to: r.closure_to, reason: r.cancel_reason ?? '' } : null,
    }));
  }

  /** The next planned sessions of each site, with free seats: one query for the whole list of sites. */
  async nextSessions(siteIds: string[], now: Date, perSite: number): Promise<Map<string, NextSession[]>> {
    const rows: { site_id: string; id: string; starts_at: Date; ends_at: Date; drop_in: boolean; seats_left: number }[] = await this.db.query(
      `SELECT site.id AS site_id, n.id, n.starts_at, n.ends_at, n.drop_in, n.seats_left
         FROM unnest($1::uuid[]) AS site(id)
        CROSS JOIN LATERAL (
              SELECT s.id, s.starts_at, s.ends_at, s.drop_in,
                     (SELECT coalesce(sum(sl.seats - sl.booked), 0)::int FROM slot sl WHERE sl.session_id = s.id AND sl.starts_at > $2) AS seats_left
                FROM session s
               -- A session lies within one day (a start and an end time on one date), so one that has not
               -- ended started less than a day ago: the index on (site_id, starts_at) skips the site's past.
               WHERE s.site_id = site.id AND s.status = 'planned' AND s.ends_at > $2 AND s.starts_at > $2::timestamptz - interval '1 day'
               ORDER BY s.starts_at
               LIMIT $3) n
        ORDER BY n.starts_at`,
      [siteIds, now, perSite],
    );
    const bySite = new Map<string, NextSession[]>();
    for (const r of rows) {
      const list = bySite.get(r.site_id) ?? [];
      list.push({ id: r.id, start: r.starts_at, end: r.ends_at, dropIn: r.drop_in, seatsLeft: r.seats_left });
      bySite.set(r.site_id, list);
    }
    return bySite;
  }

  async findSession(id: string): Promise<SessionEntity | null> {
    return this.db.getRepository(SessionEntity).findOneBy({ id });
  }

  /**
   * Cancels the sessions of a closure that are still planned, in one statement: the change from planned to
   * cancelled is the claim, so a session cancelled twice (two instances, the same request) is told about once.
   */
  async cancelForClosure(tx: EntityManager, ids: readonly string[], reason: string, closureId: string): Promise<string[]> {
    if (!ids.length) return [];
    const [rows] = (await tx.query(
      `UPDATE session SET status = 'cancelled', cancel_reason = $2, closure_id = $3, sequence = sequence + 1, updated_at = $4
        WHERE id = ANY($1::uuid[]) AND status = 'planned' RETURNING id`,
      [ids, reason, closureId, currentTime()],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  /** Cancels a planned session; false when it was already cancelled (by someone else, just now). */
  async cancelSession(tx: EntityManager, id: string, reason: string): Promise<boolean> {
    const [rows] = (await tx.query(
      `UPDATE session SET status = 'cancelled', cancel_reason = $2, sequence = sequence + 1, updated_at = $3
        WHERE id = $1 AND status = 'planned' RETURNING id`,
      [id, reason, currentTime()],
    )) as [unknown[], number];
    return rows.length === 1;
  }
}
