import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertNoOverlap,
  expandSchedule,
  horizonEnd,
  localDateOf,
  PAGE_SIZES,
  pageOf,
  ScheduleError,
  sessionRange,
  toLocalIso,
  validateOneOff,
  validateSchedule,
  zonedInstant,
  type LocalDate,
  type Occurrence,
  type OneOffInput,
  type Page,
  type PublicSiteSummary,
  type Schedule,
  type ScheduleInput,
  type Site,
} from '@digihjalpen/domain';
import { SitesService } from '../sites/sites.service';
import { ScheduleRepository, type SessionRow } from './schedule.repository';
import { closedDaysOf, lockSiteForSessions } from './closed-days.repository';
import { insertSessions, syncScheduleSessions, type SyncResult } from './session-sync';
import { currentTime } from '../../common/clock';

export interface ScheduleChange extends SyncResult {
  schedule: Schedule;
  /** The site's zone, for showing the sessions that need a decision. */
  timeZone: string;
}

export interface Preview {
  occurrences: Occurrence[];
  timeZone: string;
}

export type RangeQuery = { from?: LocalDate; to?: LocalDate };

/** Sessions just cancelled, one by a coordinator or many by a closure of a site (or of every site). */
export interface SessionCancellation {
  sessionIds: readonly string[];
  reason: string;
  /** Set when a closure cancelled them: notices to one person about one closure are then sent once, not per session. */
  closureId: string | null;
}

/** Runs inside the transaction that cancels sessions (bookings cancel theirs and queue the e-mails). */
export type SessionCancelledListener = (tx: EntityManager, cancellation: SessionCancellation) => Promise<void>;

const PREVIEW_WEEKS = 8;
const NEXT_SESSIONS_PER_SITE = 3;

@Injectable()
export class ScheduleService {
  private readonly logger = new Logger(ScheduleService.name);
  private readonly cancelListeners: SessionCancelledListener[] = [];

  constructor(
    private readonly repo: ScheduleRepository,
    private readonly sites: SitesService,
  ) {}

  async listSchedules(siteId: string): Promise<Schedule[]> {
    await this.sites.get(siteId);
    return this.repo.listSchedules(siteId);
  }

  /** The dates a schedule would produce in the next weeks, after the same checks as saving. */
  async preview(siteId: string, input: ScheduleInput, editing?: string, now = currentTime()): Promise<Preview> {
    const site = await this.sites.get(siteId);
    validateSchedule(input);
    assertNoOverlap(input, (await this.repo.listSchedules(siteId)).filter((s) => s.id !== editing));
    const from = maxDate(localDateOf(now, site.timeZone), input.validFrom);
    return { occurrences: expandSchedule(input, { from, to: horizonEnd(from, PREVIEW_WEEKS) }, site.timeZone), timeZone: site.timeZone };
  }

  async create(siteId: string, input: ScheduleInput, now = currentTime()): Promise<ScheduleChange> {
    const site = await this.sites.get(siteId);
    validateSchedule(input);
    return this.repo.transaction((tx) => this.createIn(tx, site, input, now));
  }

  /** Adds a schedule and generates its sessions in the caller's transaction (a new schedule, or a copied site's). */
  async createIn(tx: EntityManager, site: Site, input: ScheduleInput, now = currentTime()): Promise<ScheduleChange> {
    validateSchedule(input);
    // One schedule change per site at a time, so two coordinators cannot add overlapping schedules.
    await tx.query('SELECT 1 FROM site WHERE id = $1 FOR UPDATE', [site.id]);
    assertNoOverlap(input, await this.repo.listSchedules(site.id, tx));
    const schedule = await this.repo.insertSchedule(tx, site.id, input);
    return { schedule, timeZone: site.timeZone, ...(await syncScheduleSessions(tx, schedule, site, now)) };
  }

  async update(scheduleId: string, input: ScheduleInput, now = currentTime()): Promise<ScheduleChange> {
    const current = await this.repo.findSchedule(scheduleId);
    if (!current) throw ScheduleError.notFound();
    const site = await this.sites.get(current.siteId);
    validateSchedule(input);
    return this.repo.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM site WHERE id = $1 FOR UPDATE', [site.id]);
      const others = (await this.repo.listSchedules(site.id, tx)).filter((s) => s.id !== scheduleId);
      assertNoOverlap(input, others);
      await this.repo.updateSchedule(tx, scheduleId, input);
      const schedule = { ...input, id: scheduleId, siteId: site.id };
      return { schedule, timeZone: site.timeZone, ...(await syncScheduleSessions(tx, schedule, site, now)) };
    });
  }

  /** Keeps every schedule's sessions generated to the rolling horizon (run at start-up and daily). */
  async extendHorizon(now = currentTime()): Promise<number> {
    let created = 0;
    const sites = new Map((await this.sites.listAll()).map((s) => [s.id, s]));
    for (const schedule of await this.repo.allSchedules()) {
      const site = sites.get(schedule.siteId);
      if (site) created += (await this.repo.transaction((tx) => syncScheduleSessions(tx, schedule, site, now))).created;
    }
    if (created) this.logger.log(`Generated ${created} sessions up to the horizon`);
    return created;
  }

  async addOneOff(siteId: string, input: OneOffInput, now = currentTime()): Promise<SessionRow> {
    const site = await this.sites.get(siteId);
    validateOneOff(input);
    const occurrence = { date: input.date, start: zonedInstant(input.date, input.startTime, site.timeZone), end: zonedInstant(input.date, input.endTime, site.timeZone) };
    if (occurrence.start <= now) throw ScheduleError.invalid({ date: 'Den dagen och tiden har redan varit. Välj en tid framåt.' });
    const created = await this.repo.transaction(async (tx) => {
      // A one-off on a holiday is the coordinator's own choice; inside a closure it is refused (lift it first).
      await lockSiteForSessions(tx, site.id);
      const closed = (await closedDaysOf(tx, site.id, { from: input.date, to: input.date })).get(input.date);
      if (closed?.kind === 'closure') throw ScheduleError.invalid({ date: `Platsen är stängd den dagen: ${closed.reason}. Häv stängningen först (Samordnare → Stängt).` });
      return insertSessions(tx, site, [occurrence], { scheduleId: null, ...input });
    });
    if (!created) throw ScheduleError.invalid({ startTime: 'Det finns redan en träff som börjar då på den här platsen.' });
    const [row] = await this.repo.sessions({ siteId, from: occurrence.start, to: occurrence.end });
    if (!row) throw ScheduleError.sessionNotFound();
    return row;
  }

  sessionsOf(site: Site, range: { from: Date; to: Date }): Promise<SessionRow[]> {
    return this.repo.sessions({ siteId: site.id, ...range });
  }

  /** Every active site with its next three planned sessions (the public start page). */
  /** One page of the active sites (by name, or those matching `q`), each with its next sessions. */
  async publicSiteList(query: { q?: string; page?: number }, now = currentTime()): Promise<Page<PublicSiteSummary>> {
    const page = pageOf(await this.sites.listPublic(query.q), query.page ?? 1, PAGE_SIZES.publicSites);
    const next = await this.repo.nextSessions(page.items.map((s) => s.id), now, NEXT_SESSIONS_PER_SITE);
    return {
      ...page,
      items: page.items.map((site) => ({
      ...site,
        nextSessions: (next.get(site.id) ?? []).map((n) => ({ ...n, start: toLocalIso(n.start, site.timeZone), end: toLocalIso(n.end, site.timeZone) })),
      })),
    };
  }

  /** An active site's sessions for anyone (default: the next 8 weeks). */
  async publicSessions(slug: string, query: RangeQuery, now = currentTime()): Promise<SessionRow[]> {
    const site = await this.sites.getActiveBySlug(slug);
    return this.sessionsOf(site, sessionRange(query, site.timeZone, now));
  }

  /** Any site's sessions for a coordinator (default: the next 8 weeks). */
  async sessionsForCoordinator(siteId: string, query: RangeQuery, now = currentTime()): Promise<SessionRow[]> {
    const site = await this.sites.get(siteId);
    return this.sessionsOf(site, sessionRange(query, site.timeZone, now));
  }

  /**
   * Cancels a closure's sessions inside its transaction, set-based: one UPDATE for the batch, then each
   * listener once for the sessions that were still planned (bookings cancel theirs and queue one e-mail
   * each). Returns the ids this call cancelled.
   */
  async cancelForClosure(tx: EntityManager, sessionIds: readonly string[], reason: string, closureId: string): Promise<string[]> {
    const cancelled = await this.repo.cancelForClosure(tx, sessionIds, reason, closureId);
    if (cancelled.length) for (const listener of this.cancelListeners) await listener(tx, { sessionIds: cancelled, reason, closureId });
    return cancelled;
  }

  onSessionCancelled(listener: SessionCancelledListener): void {
    this.cancelListeners.push(listener);
  }

  async cancel(sessionId: string, reason: string, now = currentTime()): Promise<SessionRow> {
    const session = await this.repo.findSession(sessionId);
    if (!session) throw ScheduleError.sessionNotFound();
    if (session.status === 'cancelled') throw ScheduleError.alreadyCancelled();
    if (session.endsAt <= now) throw ScheduleError.inPast();
    const text = reason.trim();
    if (!text) throw ScheduleError.invalid({ reason: 'Skriv varför träffen ställs in, så att besökarna förstår.' });
    await this.repo.transaction(async (tx) => {
      if (!(await this.repo.cancelSession(tx, sessionId, text))) throw ScheduleError.alreadyCancelled();
      for (const listener of this.cancelListeners) await listener(tx, { sessionIds: [sessionId], reason: text, closureId: null });
    });
    const [row] = await this.repo.sessions({ sessionId, from: session.startsAt, to: session.endsAt });
    if (!row) throw ScheduleError.sessionNotFound();
    return row;
  }
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

