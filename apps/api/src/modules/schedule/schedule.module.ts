import { Module, type OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue';
import { SitesModule } from '../sites/sites.module';
import { PublicSessionsController, PublicSiteListController } from './public-sessions.controller';
import { ScheduleController } from './schedule.controller';
import { ScheduleRepository } from './schedule.repository';
import { ScheduleService } from './schedule.service';
import { SiteCopyController } from './site-copy.controller';
import { SiteCopyService } from './site-copy.service';

@Module({
  imports: [SitesModule],
  controllers: [ScheduleController, PublicSessionsController, PublicSiteListController, SiteCopyController],
  providers: [ScheduleRepository, ScheduleService, SiteCopyService],
  exports: [ScheduleService],
})
export class ScheduleModule implements OnModuleInit {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Sessions are generated 26 weeks ahead; every night the horizon moves on, as a scheduled job that
   * runs on one instance. (Start-up also extends it; generation skips sessions that exist.)
   */
  onModuleInit(): void {
    this.jobs.define({ name: 'extend-session-horizon', cron: '15 3 * * *', retryLimit: 2, handle: async () => void (await this.schedules.extendHorizon()) });
  }
}
