import { Module } from '@nestjs/common';
import { ScheduleModule } from '../schedule/schedule.module';
import { BookingMails } from './booking-mails';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { ManageTokens } from './manage-tokens';

@Module({
  imports: [ScheduleModule],
  controllers: [BookingsController],
  providers: [BookingsRepository, BookingsService, BookingMails, ManageTokens],
})
export class BookingsModule {}
