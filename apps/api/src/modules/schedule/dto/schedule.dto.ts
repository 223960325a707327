import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClosureNotice, OccurrenceView, PublicSessionView, Schedule, ScheduleChangeView, ScheduleInput, SessionView, SlotView, Weekday } from '@digihjalpen/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Skriv datum som ÅÅÅÅ-MM-DD.';

/** Shapes only; the domain rules give the plain-language messages about times and lengths. */
export class ScheduleInputDto implements ScheduleInput {
  @ApiProperty({ type: [Number], example: [2], description: 'ISO weekdays, Monday = 1' })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true, message: 'Veckodagar anges som 1 (måndag) till 7 (söndag).' })
  weekdays!: Weekday[];

  @ApiProperty({ example: '10:00' }) @IsString() @MaxLength(5) startTime!: string;
  @ApiProperty({ example: '12:00' }) @IsString() @MaxLength(5) endTime!: string;
  @ApiProperty({ example: '2026-01-13' }) @Matches(DATE, { message: DATE_MESSAGE }) validFrom!: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  @ValidateIf((o: ScheduleInputDto) => o.validUntil !== null)
  @Matches(DATE, { message: DATE_MESSAGE })
  validUntil!: string | null;

  @ApiProperty({ example: 30 }) @IsInt({ message: 'Skriv antal minuter som ett heltal.' }) slotMinutes!: number;
  @ApiProperty({ example: 2 }) @IsInt({ message: 'Skriv antal platser som ett heltal.' }) seatsPerSlot!: number;
  @ApiProperty() @IsBoolean() dropIn!: boolean;
  @ApiProperty({ example: 2 }) @IsInt({ message: 'Skriv antal digivärdar som ett heltal.' }) helpersNeeded!: number;
}

export class ScheduleDto extends ScheduleInputDto implements Schedule {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
}

export class OccurrenceDto implements OccurrenceView {
  @ApiProperty({ example: '2026-03-31' }) date!: string;
  @ApiProperty({ example: '2026-03-31T10:00:00+02:00' }) start!: string;
  @ApiProperty({ example: '2026-03-31T12:00:00+02:00' }) end!: string;
}

export class BookedSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() start!: string;
}

export class ScheduleChangeDto implements ScheduleChangeView {
  @ApiProperty({ type: ScheduleDto }) schedule!: ScheduleDto;
  @ApiProperty({ description: 'Sessions created' }) created!: number;
  @ApiProperty({ description: 'Future sessions without bookings removed' }) removed!: number;
  @ApiProperty({ type: [BookedSessionDto], description: 'Booked sessions the schedule no longer produces; the coordinator decides' })
  needsDecision!: BookedSessionDto[];
}

export class OneOffSessionDto {
  @ApiProperty({ example: '2026-12-08' }) @Matches(DATE, { message: DATE_MESSAGE }) date!: string;
  @ApiProperty({ example: '13:00' }) @IsString() @MaxLength(5) startTime!: string;
  @ApiProperty({ example: '15:00' }) @IsString() @MaxLength(5) endTime!: string;
  @ApiProperty({ example: 30 }) @IsInt({ message: 'Skriv antal minuter som ett heltal.' }) slotMinutes!: number;
  @ApiProperty({ example: 2 }) @IsInt({ message: 'Skriv antal platser som ett heltal.' }) seatsPerSlot!: number;
  @ApiProperty() @IsBoolean() dropIn!: boolean;
  @ApiProperty({ example: 2 }) @IsInt({ message: 'Skriv antal digivärdar som ett heltal.' }) helpersNeeded!: number;
}

export class CancelSessionDto {
  @ApiProperty({ example: 'Biblioteket är stängt på grund av ett strömavbrott.' })
  @IsString()
  @MaxLength(500, { message: 'Skriv högst 500 tecken.' })
  reason!: string;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The schedule being edited: not counted as an overlap with itself' })
  @IsOptional()
  @IsUUID('all')
  scheduleId?: string;
}

export class RangeQueryDto {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'First local date (default: today)' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-18', description: 'Last local date, inclusive (default: 8 weeks after from; at most 366 days)' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class PublicSlotDto implements SlotView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-03-31T10:00:00+02:00' }) start!: string;
  @ApiProperty({ example: '2026-03-31T10:30:00+02:00' }) end!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() seatsLeft!: number;
}

export class PublicSessionDto implements PublicSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026-03-31T10:00:00+02:00' }) start!: string;
  @ApiProperty({ example: '2026-03-31T12:00:00+02:00' }) end!: string;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status!: 'planned' | 'cancelled';
  @ApiProperty({ description: 'Drop-in welcome without booking' }) dropIn!: boolean;
  @ApiProperty({ type: [PublicSlotDto] }) slots!: PublicSlotDto[];
  @ApiProperty({ type: () => ClosureNoticeDto, nullable: true, description: 'The closure that cancelled it (dates and reason), if one did' }) closure!: ClosureNoticeDto | null;
}

export class ClosureNoticeDto implements ClosureNotice {
  @ApiProperty({ example: '2026-12-24', description: 'First closed day (local, inclusive)' }) from!: string;
  @ApiProperty({ example: '2027-01-06', description: 'Last closed day (local, inclusive)' }) to!: string;
  @ApiProperty({ example: 'Jul och nyår' }) reason!: string;
}

export class SessionDto extends PublicSessionDto implements SessionView {
  @ApiProperty({ type: String, nullable: true }) scheduleId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty() helpersNeeded!: number;
  @ApiProperty({ description: 'Helpers on shift' }) helpers!: number;
  @ApiProperty({ description: 'Fewer helpers than needed' }) understaffed!: boolean;
  @ApiProperty() seatsBooked!: number;
}
