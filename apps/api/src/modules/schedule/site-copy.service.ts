import { Injectable } from '@nestjs/common';
import { localDateOf, planSiteCopy, type AuthUser, type CopySiteInput, type Schedule, type SiteCopyView } from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { SitesService } from '../sites/sites.service';
import { ScheduleRepository } from './schedule.repository';
import { ScheduleService } from './schedule.service';

/**
 * "Kopiera plats": a new library from an existing one, in one transaction — the site (SitesService, the
 * same checks as a new site), the source's schedules from the start date (ScheduleService, the same
 * checks and session generation as a new schedule), and the audit entry. Bookings, shifts and staff stay
 * with the source.
 */
@Injectable()
export class SiteCopyService {
  constructor(
    private readonly sites: SitesService,
    private readonly schedules: ScheduleService,
    private readonly repo: ScheduleRepository,
    private readonly audit: AuditService,
  ) {}

  async copy(sourceId: string, input: CopySiteInput, by: AuthUser, now = currentTime()): Promise<SiteCopyView> {
    const source = await this.sites.get(sourceId);
    return this.repo.transaction(async (tx) => {
      const plan = planSiteCopy(source, await this.repo.listSchedules(source.id, tx), input, localDateOf(now, source.timeZone));
      const site = await this.sites.create(plan.site, tx);
      const schedules: Schedule[] = [];
      let sessionsCreated = 0;
      for (const schedule of plan.schedules) {
        const change = await this.schedules.createIn(tx, site, schedule, now);
        schedules.push(change.schedule);
        sessionsCreated += change.created;
      }
      await this.audit.record(
        { actorId: by.id, action: 'site.copied', entity: 'site', entityId: site.id, details: { sourceId: source.id, schedules: schedules.length, sessions: sessionsCreated } },
        tx,
      );
      return { site, schedules, sessionsCreated };
    });
  }
}
