import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  assertCanCheckIn,
  closeShift,
  localDateOf,
  parseSessionReport,
  toLocalIso,
  VisitError,
  type Attendance,
  type AuthUser,
  type DeskSessionView,
  type EquipmentIssueView,
  type SessionReportDraft,
} from '@digihjalpen/domain';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { DeskRepository, type ShiftRow } from './desk.repository';

const DAY_MS = 86_400_000;

@Injectable()
export class DeskService implements OnModuleInit {
  private readonly logger = new Logger(DeskService.name);

  constructor(
    private readonly repo: DeskRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // Helpers who forget to check out: their shift closes at the session's end, flagged for the coordinator.
    this.jobs.define({ name: 'close-forgotten-shifts', cron: '*/15 * * * *', retryLimit: 1, handle: async () => void (await this.closeForgottenShifts()) });
  }

  /** The helper's sessions today, by each site's own calendar date. */
  async today(helper: AuthUser, now = currentTime()): Promise<DeskSessionView[]> {
    const rows = await this.repo.sessionsOf(helper.id, new Date(now.getTime() - DAY_MS), new Date(now.getTime() + DAY_MS));
    return rows
      .filter((r) => localDateOf(r.start, r.site.timeZone) === localDateOf(now, r.site.timeZone))
      .map((r) => {
        const zone = r.site.timeZone;
        return {
          session: { id: r.id, start: toLocalIso(r.start, zone), end: toLocalIso(r.end, zone), status: r.status, dropIn: r.dropIn },
          site: r.site,
          shift: { checkedInAt: r.checkedInAt && toLocalIso(r.checkedInAt, zone), checkedOutAt: r.checkedOutAt && toLocalIso(r.checkedOutAt, zone) },
          bookings: r.bookings.map((b) => ({ ...b, slotStart: toLocalIso(b.slotStart, zone), slotEnd: toLocalIso(b.slotEnd, zone) })),
          visitsLogged: r.visitsLogged,
          report: r.report && { confirmedAt: toLocalIso(r.report.confirmedAt, zone), confirmedBy: r.report.confirmedBy },
        };
      });
  }

  async checkIn(helper: AuthUser, sessionId: string, now = currentTime()): Promise<void> {
    const shift = await this.ownShift(helper, sessionId);
    assertCanCheckIn(shift.session, shift.checkedOutAt, now);
    await this.repo.checkIn(shift.id, now);
  }

  /** Check-out closes the shift and creates its pending hours entry (approved later by a coordinator). */
  async checkOut(helper: AuthUser, sessionId: string, now = currentTime()): Promise<void> {
    await this.repo.transaction(async (tx) => {
      const shift = await this.repo.shift(sessionId, helper.id, tx);
      if (!shift) throw VisitError.notOnSession();
      if (!shift.checkedInAt) throw VisitError.notCheckedIn();
      if (shift.checkedOutAt) throw VisitError.alreadyCheckedOut();
      const { minutes } = closeShift(shift.checkedInAt, now, shift.session.end);
      await this.repo.closeShift(tx, shift, now, minutes, localDateOf(shift.checkedInAt, shift.session.timeZone), false);
    });
  }

  async closeForgottenShifts(now = currentTime()): Promise<number> {
    const shifts = await this.repo.forgottenShifts(now);
    let closed = 0;
    for (const shift of shifts) {
      // One shift's problem must not keep the others open.
      try {
        await this.repo.transaction((tx) => this.closeForgotten(tx, shift));
        closed += 1;
      } catch (error) {
        this.logger.error(`Could not close a forgotten shift (${shift.id}): ${(error as Error).message}`);
      }
    }
    if (closed) this.logger.log(`Closed ${closed} shifts nobody checked out of`);
    return closed;
  }

  async setAttendance(helper: AuthUser, bookingId: string, attendance: Attendance | null): Promise<void> {
    const found = await this.repo.bookingSession(bookingId, helper.id);
    if (!found) throw VisitError.notFound();
    if (!found.onShift) throw VisitError.notOnSession();
    await this.repo.setAttendance(bookingId, attendance);
  }

  async reportDraft(helper: AuthUser, sessionId: string): Promise<SessionReportDraft> {
    await this.ownShift(helper, sessionId);
    return this.repo.reportDraft(sessionId);
  }

  async confirmReport(helper: AuthUser, sessionId: string, body: unknown, now = currentTime()): Promise<void> {
    const shift = await this.ownShift(helper, sessionId);
    if (shift.session.start > now) throw VisitError.notStarted();
    const report = parseSessionReport(body);
    const siteId = await this.repo.siteOfSession(sessionId);
    if (!siteId) throw VisitError.notOnSession();
    await this.repo.transaction(async (tx) => {
      if (!(await this.repo.insertReport(tx, sessionId, siteId, report, helper.id, now))) throw VisitError.reportExists();
    });
  }

  async equipmentIssues(openOnly: boolean): Promise<EquipmentIssueView[]> {
    return (await this.repo.equipmentIssues(openOnly)).map(({ timeZone, ...e }) => ({
      ...e,
      sessionStart: toLocalIso(e.sessionStart, timeZone),
      reportedAt: toLocalIso(e.reportedAt, timeZone),
      fixedAt: e.fixedAt && toLocalIso(e.fixedAt, timeZone),
    }));
  }

  async markFixed(by: AuthUser, id: string, now = currentTime()): Promise<void> {
    if (!(await this.repo.markFixed(id, by.id, now))) throw VisitError.equipmentIssueNotFound();
    await this.audit.record({ actorId: by.id, action: 'fix', entity: 'equipment_issue', entityId: id });
  }

  private async closeForgotten(tx: EntityManager, shift: ShiftRow): Promise<void> {
    if (!shift.checkedInAt) return;
    const end = shift.session.end > shift.checkedInAt ? shift.session.end : shift.checkedInAt;
    const { minutes, flagged } = closeShift(shift.checkedInAt, null, end);
    await this.repo.closeShift(tx, shift, end, minutes, localDateOf(shift.checkedInAt, shift.session.timeZone), flagged);
  }

  private async ownShift(helper: AuthUser, sessionId: string): Promise<ShiftRow> {
    const shift = await this.repo.shift(sessionId, helper.id);
    if (!shift) throw VisitError.notOnSession();
    return shift;
  }
}
