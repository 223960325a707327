import { Module } from '@nestjs/common';
import { HelpersModule } from '../helpers/helpers.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { HelperNoticeMails } from './helper-notice-mails';
import { HelperNoticesController } from './helper-notices.controller';
import { HelperNoticesRepository } from './helper-notices.repository';
import { HelperNoticesService } from './helper-notices.service';

/** E-mails to helpers about their shifts, their opt-outs and language, and the weekly open-shifts digest. */
@Module({
  imports: [ScheduleModule, HelpersModule],
  controllers: [HelperNoticesController],
  providers: [HelperNoticesRepository, HelperNoticesService, HelperNoticeMails],
  exports: [HelperNoticesService],
})
export class HelperNoticesModule {}
