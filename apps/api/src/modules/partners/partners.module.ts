import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { SitesModule } from '../sites/sites.module';
import { PartnersController, ReferralOpensController } from './partners.controller';
import { PartnersRepository } from './partners.repository';
import { PartnersService } from './partners.service';

@Module({
  imports: [AuditModule, SitesModule, ScheduleModule],
  controllers: [PartnersController, ReferralOpensController],
  providers: [PartnersRepository, PartnersService],
})
export class PartnersModule {}
