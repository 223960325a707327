import { Injectable } from '@nestjs/common';
import {
  assertClosureNotPast,
  assertLiftable,
  ClosureError,
  DEFAULT_TIME_ZONE,
  horizonEnd,
  isLocalDate,
  localDateOf,
  parseClosureInput,
  parseOpenedDate,
  SESSION_HORIZON_WEEKS,
  SiteError,
  toLocalIso,
  type AuthUser,
  type ClosureCreatedView,
  type ClosurePreviewView,
  type ClosureView,
  type HolidaySessionView,
  type HolidayView,
  type LocalDate,
  type Site,
} from '@digihjalpen/domain';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { closingHolidaysIn } from '../schedule/public-holidays';
import { ScheduleService } from '../schedule/schedule.service';
import { syncScheduleSessions } from '../schedule/session-sync';
import { SitesService } from '../sites/sites.service';
import { ClosuresRepository, type ClosureRow } from './closures.repository';

/** Sessions cancelled per statement and per listener call: set-based, and each statement stays short. */
export const CLOSURE_BATCH = 500;
const HOLIDAY_LIST_DAYS = 366;

const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

@Injectable()
export class ClosuresService {
  constructor(
    private readonly repo: ClosuresRepository,
    private readonly sites: SitesService,
    private readonly schedule: ScheduleService,
    private readonly audit: AuditService,
  ) {}

  async list(now = currentTime()): Promise<ClosureView[]> {
    const zones = await this.zones();
    return (await this.repo.list()).map((c) => this.toView(c, zones, now));
  }

  /** What closing would cancel, without saving anything. */
  async preview(body: unknown, now = currentTime()): Promise<ClosurePreviewView> {
    const input = parseClosureInput(body);
    await this.siteOf(input.siteId);
    assertClosureNotPast(input, await this.earliestToday(input.siteId, now));
    return this.repo.preview(input, now);
  }

  /**
   * Closes a site (or every site) and cancels its planned sessions in the range, in one transaction: batches
   * of CLOSURE_BATCH sessions, each one UPDATE and one call of the cancellation listeners (bookings cancelled,
   * one e-mail queued per booking, in this transaction). planned → cancelled is the claim, so the same
   * request run twice tells nobody twice; an identical closure that is not lifted is refused (409).
   */
  async close(user: AuthUser, body: unknown, now = currentTime()): Promise<ClosureCreatedView> {
    const input = parseClosureInput(body);
    await this.siteOf(input.siteId);
    assertClosureNotPast(input, await this.earliestToday(input.siteId, now));
    const zones = await this.zones();
    return this.repo.transaction(async (tx) => {
      await this.repo.lockSites(tx, input.siteId);
      const id = await this.repo.insert(tx, input, user.id);
      const cancelled: ClosurePreviewView = { sessions: 0, bookings: 0, shifts: 0 };
      for (let after: string | null = null; ; ) {
        const batch = await this.repo.nextBatch(tx, input, now, after, CLOSURE_BATCH);
        if (!batch.length) break;
        const done = new Set(await this.schedule.cancelForClosure(tx, batch.map((s) => s.id), input.reason, id));
        for (const s of batch) {
          if (!done.has(s.id)) continue;
          cancelled.sessions += 1;
          cancelled.bookings += s.bookings;
          cancelled.shifts += s.shifts;
        }
        if (batch.length < CLOSURE_BATCH) break;
        after = batch[batch.length - 1]?.id ?? null;
      }
      await this.audit.record({ actorId: user.id, action: 'closure.created', entity: 'closure', entityId: id, details: { ...input, ...cancelled } }, tx);
      const row = await this.repo.find(tx, id);
      if (!row) throw ClosureError.notFound();
      return { closure: this.toView(row, zones, now), cancelled };
    });
  }

  /**
   * Lifts a closure before its first day. The sessions it cancelled stay cancelled (and their bookings), but
   * the generator runs for the site(s) at once: it plans the schedule's sessions on those days again.
   */
  async lift(user: AuthUser, id: string, now = currentTime()): Promise<void> {
    const zones = await this.zones();
    await this.repo.transaction(async (tx) => {
      const closure = await this.repo.find(tx, id);
      if (!closure) throw ClosureError.notFound();
      assertLiftable(closure, this.latestToday(closure, zones, now));
      await this.repo.lift(tx, id, user.id, now);
      await this.audit.record({ actorId: user.id, action: 'closure.lifted', entity: 'closure', entityId: id, details: { siteId: closure.siteId, from: closure.from, to: closure.to } }, tx);
      await this.regenerate(tx, closure.siteId, now);
    });
  }

  /** The site's closing holidays in the coming year, and which of them a coordinator opened. */
  async holidays(siteId: string, now = currentTime()): Promise<HolidayView[]> {
    const site = await this.sites.get(siteId);
    const today = localDateOf(now, site.timeZone);
    const to = horizonEnd(today, Math.ceil(HOLIDAY_LIST_DAYS / 7));
    const opened = new Set(await this.repo.openedDates(siteId, today, to));
    return closingHolidaysIn(await this.repo.countryOf(siteId), { from: today, to }).map((h) => ({ date: h.date, name: h.name, opened: opened.has(h.date) }));
  }

  /** Keeps the site open on a holiday: the generator makes that day's sessions at once. */
  async open(user: AuthUser, siteId: string, date: string, now = currentTime()): Promise<void> {
    const site = await this.sites.get(siteId);
    const today = localDateOf(now, site.timeZone);
    const day = parseOpenedDate(date, closingHolidaysIn(await this.repo.countryOf(siteId), { from: today, to: `${Number(today.slice(0, 4)) + 2}-12-31` }));
    await this.repo.transaction(async (tx) => {
      if (!(await this.repo.open(tx, siteId, day, user.id))) return;
      await this.audit.record({ actorId: user.id, action: 'site.holiday-opened', entity: 'site', entityId: siteId, details: { date: day } }, tx);
      await this.regenerate(tx, siteId, now, site);
    });
  }

  /** Closes a holiday again: sessions nobody booked are removed; booked ones are listed for the coordinator. */
  async unopen(user: AuthUser, siteId: string, date: string, now = currentTime()): Promise<void> {
    const site = await this.sites.get(siteId);
    if (!isLocalDate(date)) throw ClosureError.invalid({ date: 'Skriv dagen som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.' });
    await this.repo.transaction(async (tx) => {
      if (!(await this.repo.unopen(tx, siteId, date))) return;
      await this.audit.record({ actorId: user.id, action: 'site.holiday-closed', entity: 'site', entityId: siteId, details: { date } }, tx);
      await this.regenerate(tx, siteId, now, site);
    });
  }

  /** Sessions the generator would not make (closing holidays) that people booked or helpers took. */
  async holidaySessions(now = currentTime()): Promise<HolidaySessionView[]> {
    const today = localDateOf(now, DEFAULT_TIME_ZONE);
    const range = { from: horizonEnd(today, -1), to: horizonEnd(today, SESSION_HORIZON_WEEKS + 1) };
    const holidays = (await this.repo.countries())
      .flatMap((country) => closingHolidaysIn(country, range).map((h) => ({ country, date: h.date, name: h.name })))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return (await this.repo.holidaySessions(holidays, now)).map((s) => ({
      id: s.id,
      siteId: s.siteId,
      siteName: s.siteName,
      date: s.date,
      start: toLocalIso(s.start, s.timeZone),
      end: toLocalIso(s.end, s.timeZone),
      holiday: s.holiday,
      bookings: s.bookings,
      shifts: s.shifts,
    }));
  }

  /** Runs the generator for the site's (or every site's) schedules in this transaction. */
  private async regenerate(tx: EntityManager, siteId: string | null, now: Date, known?: Site): Promise<void> {
    const sites = new Map((known ? [known] : await this.sites.listAll()).map((s) => [s.id, s]));
    for (const schedule of await this.repo.schedulesOf(tx, siteId)) {
      const site = sites.get(schedule.siteId);
      if (site) await syncScheduleSessions(tx, schedule, site, now);
    }
  }

  private async siteOf(siteId: string | null): Promise<Site | null> {
    if (!siteId) return null;
    return this.sites.get(siteId).catch((error: unknown) => {
      throw error instanceof SiteError ? ClosureError.invalid({ siteId: 'Biblioteket finns inte. Välj ett i listan.' }) : error;
    });
  }

  /** Every site's zone by id (and the zones in use), for "today" where each closure is. */
  private async zones(): Promise<Map<string, string>> {
    return new Map((await this.sites.listAll()).map((s) => [s.id, s.timeZone]));
  }

  /** "Today" for a new closure: the earliest local date among its sites, so a day still running somewhere can be closed. */
  private async earliestToday(siteId: string | null, now: Date): Promise<LocalDate> {
    const zones = siteId ? [(await this.sites.get(siteId)).timeZone] : [...new Set((await this.zones()).values())];
    return zones.map((z) => localDateOf(now, z)).reduce(earlier, localDateOf(now, zones[0] ?? DEFAULT_TIME_ZONE));
  }

  /** "Today" for lifting and showing: the latest local date among its sites (started anywhere = started). */
  private latestToday(closure: Pick<ClosureRow, 'siteId' | 'timeZone'>, zones: Map<string, string>, now: Date): LocalDate {
    const list = closure.timeZone ? [closure.timeZone] : [...new Set(zones.values())];
    return list.map((z) => localDateOf(now, z)).reduce(later, localDateOf(now, list[0] ?? DEFAULT_TIME_ZONE));
  }

  private toView(c: ClosureRow, zones: Map<string, string>, now: Date): ClosureView {
    const today = this.latestToday(c, zones, now);
    return {
      id: c.id,
      siteId: c.siteId,
      siteName: c.siteName,
      from: c.from,
      to: c.to,
      reason: c.reason,
      sessionsCancelled: c.sessionsCancelled,
      createdAt: new Date(c.createdAt).toISOString(),
      createdBy: c.createdBy,
      started: c.from <= today,
      past: c.to < today,
    };
  }
}
