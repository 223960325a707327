import { AuthSessionEntity } from '../modules/auth/auth-session.entity';
import { InvitationEntity } from '../modules/auth/invitation.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { BookingEntity } from '../modules/bookings/booking.entity';
import { ShiftEntity } from '../modules/helpers/shift.entity';
import { ScheduleEntity } from '../modules/schedule/schedule.entity';
import { SessionEntity } from '../modules/schedule/session.entity';
import { SlotEntity } from '../modules/schedule/slot.entity';
import { SiteEntity } from '../modules/sites/site.entity';

/** Every entity, listed once: the Nest module and the migration tooling share this list. */
export const entities = [SiteEntity, UserEntity, AuthSessionEntity, InvitationEntity, ScheduleEntity, SessionEntity, SlotEntity, ShiftEntity, BookingEntity];
