import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LANGUAGES,
  STAFF_REASON_MAX,
  VISIT_CATEGORIES,
  type Attendance,
  type BookingStatus,
  type CancelledBy,
  type ContactHistory,
  type Language,
  type StaffBookingDetail,
  type StaffBookingListItem,
  type StaffBookingQuery,
  type StaffCancelRequest,
  type StaffMoveRequest,
  type SuspiciousRunCancelled,
  type SuspiciousRunSummary,
  type VisitCategory,
} from '@digihjalpen/domain';

// Documentation shapes: the routes check their input with the domain's parsers (one validator per input).

export class StaffBookingQueryDto implements StaffBookingQuery {
  @ApiPropertyOptional({ description: 'Reference (K7F-3QD), a name, or a phone number (070… = +4670…)', maxLength: 60 }) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) siteId?: string;
  @ApiPropertyOptional({ example: '2026-11-23', description: 'A day, by the local date at the site' }) date?: string;
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiPropertyOptional({ description: 'true: only bookings of suspicious runs (may be the only filter)' }) flagged?: boolean;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) page?: number;
}

export class StaffCancelDto implements StaffCancelRequest {
  @ApiProperty({ maxLength: STAFF_REASON_MAX, description: 'Why; sent to the person in the message' }) reason!: string;
}

export class StaffMoveDto implements StaffMoveRequest {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty({ maxLength: STAFF_REASON_MAX, description: 'Why; sent to the person in the message' }) reason!: string;
}

class TimeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2027-03-30T10:00:00+02:00' }) start!: string;
  @ApiProperty({ example: '2027-03-30T10:30:00+02:00' }) end!: string;
}

class StaffSessionDto extends TimeDto {
  @ApiProperty() cancelled!: boolean;
}

class StaffSiteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() timeZone!: string;
}

export class StaffBookingListItemDto implements StaffBookingListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'K7F-3QD' }) reference!: string;
  @ApiProperty({ enum: ['confirmed', 'cancelled'] }) status!: BookingStatus;
  @ApiProperty({ enum: ['visitor', 'session', 'staff'], nullable: true }) cancelledBy!: CancelledBy | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ enum: VISIT_CATEGORIES, isArray: true }) topics!: VisitCategory[];
  @ApiProperty({ enum: ['checked-in', 'no-show'], nullable: true }) attendance!: Attendance | null;
  @ApiProperty({ type: TimeDto }) slot!: TimeDto;
  @ApiProperty({ type: StaffSessionDto }) session!: StaffSessionDto;
  @ApiProperty({ type: StaffSiteDto }) site!: StaffSiteDto;
  @ApiProperty() bookedByStaff!: boolean;
  @ApiProperty({ description: 'Made by library staff: the manage link moves it only within this site' }) keptToSite!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The suspicious run (SUSPICIOUS_RUN_BOOKINGS public bookings from one network within SUSPICIOUS_RUN_MINUTES) it belongs to' })
  suspiciousRun!: string | null;
}

export class StaffBookingPageDto {
  @ApiProperty({ type: [StaffBookingListItemDto] }) items!: StaffBookingListItemDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

class ContactHistoryDto implements ContactHistory {
  @ApiProperty() earlier!: number;
  @ApiProperty() came!: number;
  @ApiProperty() didNotCome!: number;
  @ApiProperty() upcoming!: number;
}

export class StaffBookingDetailDto extends StaffBookingListItemDto implements StaffBookingDetail {
  @ApiProperty({ type: Boolean, nullable: true }) ownDevice!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) needs!: string | null;
  @ApiProperty({ type: ContactHistoryDto, description: 'Counts for the same e-mail or phone, no other data' }) history!: ContactHistoryDto;
  @ApiProperty() changeable!: boolean;
  @ApiProperty({ type: () => SuspiciousRunSummaryDto, nullable: true }) run!: SuspiciousRunSummaryDto | null;
}

export class SuspiciousRunSummaryDto implements SuspiciousRunSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Every booking of the run, cancelled ones too' }) bookings!: number;
  @ApiProperty({ description: 'Those the caller may cancel now: confirmed, not started, in their scope' }) cancellable!: number;
  @ApiProperty({ description: 'Of those, how many are told by e-mail' }) toldByEmail!: number;
  @ApiProperty({ description: 'Of those, how many have only a phone number (staff call them)' }) phoneOnly!: number;
}

export class SuspiciousRunCancelledDto implements SuspiciousRunCancelled {
  @ApiProperty() cancelled!: number;
  @ApiProperty() toldByEmail!: number;
}
