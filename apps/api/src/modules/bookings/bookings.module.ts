import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { BookingMails } from './booking-mails';
import { BookingsController } from './bookings.controller';
import { StaffBookingsController } from './staff-bookings.controller';
import { StaffBookingsService } from './staff-bookings.service';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { ManageTokens } from './manage-tokens';

@Module({
  imports: [AuditModule, ScheduleModule],
  controllers: [BookingsController, StaffBookingsController],
  providers: [BookingsRepository, BookingsService, StaffBookingsService, BookingMails, ManageTokens],
})
export class BookingsModule {}
