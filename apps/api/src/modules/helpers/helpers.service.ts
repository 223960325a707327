import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertCanLeaveShift,
  assertCanTakeShift,
  isOpenShiftFor,
  AuthError,
  matchesSearch,
  PAGE_SIZES,
  pageOf,
  parseSiteIds,
  ScheduleError,
  ShiftError,
  type AuthUser,
  type HelperListed,
  type Page,
} from '@digihjalpen/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthRepository } from '../auth/auth.repository';
import { hashSecret, newSecret } from '../auth/secrets';
import { buildCalendar } from '../calendar/ical';
import { HelpersRepository, type StaffingRow } from './helpers.repository';
import { currentTime } from '../../common/clock';

const WEEK = 7 * 86_400_000;
const SWEDISH = new Intl.Collator('sv');

/** A coordinator put a helper on a shift or took them off one (not a helper signing up or leaving by themself). */
export interface ShiftChangeByCoordinator {
  change: 'assigned' | 'removed';
  sessionId: string;
  helperId: string;
  coordinatorId: string;
}

/** Runs inside the transaction of the change (helper notices record their e-mail there). */
export type ShiftChangedListener = (tx: EntityManager, change: ShiftChangeByCoordinator) => Promise<void>;

@Injectable()
export class HelpersService {
  private readonly shiftListeners: ShiftChangedListener[] = [];

  constructor(
    private readonly repo: HelpersRepository,
    private readonly users: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One page of the helpers by name (Swedish order: å, ä, ö after z); with `q`, those whose name or e-mail holds every word of it. Searched
   * in memory with the domain's rule (accents and case do not matter): 5,000 helpers take a few ms.
   */
  async listHelpers(query: { q?: string; page?: number }): Promise<Page<HelperListed>> {
    const found = (await this.users.listByRole('helper')).filter((h) => matchesSearch(query.q, h.name, h.email));
    return pageOf(found.sort((a, b) => SWEDISH.compare(a.name, b.name)), query.page ?? 1, PAGE_SIZES.helpers);
  }

  async helper(id: string): Promise<HelperListed> {
    const helper = await this.users.findByRole(id, 'helper');
    if (!helper) throw ShiftError.helperNotFound();
    return helper;
  }

  onShiftChangedByCoordinator(listener: ShiftChangedListener): void {
    this.shiftListeners.push(listener);
  }

  /** A coordinator puts a helper on a session (also beyond the need). */
  async assign(coordinator: AuthUser, sessionId: string, helperId: string, now = currentTime()): Promise<void> {
    await this.take(sessionId, helperId, coordinator.id, 'coordinator', now);
  }

  /** A coordinator takes a helper off a session (the helper is told, unlike when they leave by themself). */
  async remove(coordinator: AuthUser, sessionId: string, helperId: string, now = currentTime()): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const session = await this.repo.lockSession(tx, sessionId);
      if (!session) throw ScheduleError.sessionNotFound();
      assertCanLeaveShift(session, helperId, now);
      await this.repo.removeShift(tx, sessionId, helperId);
      await this.shiftChanged(tx, { change: 'removed', sessionId, helperId, coordinatorId: coordinator.id });
    });
  }

  /** A helper signs up for an open shift. */
  signUp(helper: AuthUser, sessionId: string, now = currentTime()): Promise<void> {
    return this.take(sessionId, helper.id, helper.id, 'helper', now);
  }

  async leave(sessionId: string, helperId: string, now = currentTime()): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const session = await this.repo.lockSession(tx, sessionId);
      if (!session) throw ScheduleError.sessionNotFound();
      assertCanLeaveShift(session, helperId, now);
      await this.repo.removeShift(tx, sessionId, helperId);
    });
  }

  /** Every site's sessions in the coming weeks with who is on shift. */
  /** One page of the coming sessions (at some sites, or all) with who is on shift, by start time. */
  staffing(query: { weeks?: number; sites?: string; page?: number }, now = currentTime()): Promise<Page<StaffingRow>> {
    const siteIds = parseSiteIds(query.sites);
    const page = query.page ?? 1;
    return this.repo.staffingPage(
      { from: now, to: new Date(now.getTime() + (query.weeks ?? 4) * WEEK), siteIds: siteIds.length ? siteIds : null },
      page,
      PAGE_SIZES.staffingSessions,
    );
  }

  /** Planned sessions that still need helpers and that this helper is not on. */
  async openShifts(helper: AuthUser, weeks: number, page = 1, now = currentTime()): Promise<Page<StaffingRow>> {
    const open = (await this.repo.staffing({ from: now, to: new Date(now.getTime() + weeks * WEEK) })).filter((s) => isOpenShiftFor(s, helper.id));
    return pageOf(open, page, PAGE_SIZES.openShifts);
  }

  myShifts(helper: AuthUser, weeks: number, now = currentTime()): Promise<StaffingRow[]> {
    return this.repo.staffing({ from: new Date(now.getTime() - WEEK), to: new Date(now.getTime() + weeks * WEEK) }, helper.id);
  }

  /** A new private feed link; the previous one stops working at once. */
  async regenerateFeed(user: AuthUser): Promise<string> {
    const token = newSecret();
    await this.repo.setCalendarToken(user.id, hashSecret(token));
    return `${this.config.publicUrl}/api/public/calendars/${token}/shifts.ics`;
  }

  async shiftFeed(token: string, now = currentTime()): Promise<string> {
    const user = await this.repo.userByCalendarToken(hashSecret(token));
    if (!user) throw AuthError.linkInvalid();
    const shifts = await this.myShifts(user, 26, new Date(now.getTime() - 3 * WEEK));
    return buildCalendar({
      name: `Digihjälpen – mina pass (${user.name})`,
      timeZone: shifts[0]?.timeZone ?? 'Europe/Stockholm',
      events: shifts.map((s) => ({
        uid: `shift-${s.sessionId}-${user.id}@digihjalpen`,
        start: s.start,
        end: s.end,
        sequence: s.sequence,
        cancelled: s.status === 'cancelled',
        summary: `${s.status === 'cancelled' ? 'INSTÄLLT – ' : ''}Pass: Digihjälpen på ${s.siteName}`,
        location: `${s.siteName}, ${s.siteAddress}`,
        description: `Digivärdar: ${s.helpers.map((h) => h.name).join(', ')} (${s.helpersNeeded} behövs).`,
        updatedAt: s.updatedAt,
      })),
    });
  }

  private async take(sessionId: string, helperId: string, by: string, role: 'helper' | 'coordinator', now: Date): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const session = await this.repo.lockSession(tx, sessionId);
      if (!session) throw ScheduleError.sessionNotFound();
      // In the transaction: an account being deactivated at this moment cannot keep a new shift.
      if (!(await this.repo.lockActiveHelper(tx, helperId))) throw ShiftError.notAHelper();
      assertCanTakeShift(session, helperId, now, role);
      await this.repo.addShift(tx, sessionId, helperId, by);
      if (role === 'coordinator') await this.shiftChanged(tx, { change: 'assigned', sessionId, helperId, coordinatorId: by });
    });
  }

  private async shiftChanged(tx: EntityManager, change: ShiftChangeByCoordinator): Promise<void> {
    for (const listener of this.shiftListeners) await listener(tx, change);
  }
}
