import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { PublicSessionsController } from './public-sessions.controller';
import { ScheduleController } from './schedule.controller';
import { ScheduleRepository } from './schedule.repository';
import { ScheduleService } from './schedule.service';

const DAY = 86_400_000;

@Module({
  imports: [SitesModule],
  controllers: [ScheduleController, PublicSessionsController],
  providers: [ScheduleRepository, ScheduleService],
  exports: [ScheduleService],
})
export class ScheduleModule implements OnApplicationBootstrap {
  constructor(private readonly schedules: ScheduleService) {}

  /**
   * Sessions are generated 26 weeks ahead; once a day the horizon moves on. Running it on several
   * instances is harmless: generation skips sessions that exist (unique site + start).
   */
  onApplicationBootstrap(): void {
    const extend = () => void this.schedules.extendHorizon().catch(() => undefined);
    setInterval(extend, DAY).unref();
  }
}
