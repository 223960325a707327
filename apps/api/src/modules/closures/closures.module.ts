import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { SitesModule } from '../sites/sites.module';
import { ClosuresController } from './closures.controller';
import { ClosuresRepository } from './closures.repository';
import { ClosuresService } from './closures.service';

@Module({
  imports: [AuditModule, SitesModule, ScheduleModule],
  controllers: [ClosuresController],
  providers: [ClosuresRepository, ClosuresService],
})
export class ClosuresModule {}
