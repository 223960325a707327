import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { PublicSiteDto } from '../../sites/dto/public-site.dto';
import {
  BOOKING_LIMITS,
  LANGUAGES,
  VISIT_CATEGORIES,
  type AlternativeSlotView,
  type BookingCreatedView,
  type BookingNeedsView,
  type BookingRequest,
  type ConfirmContactRequest,
  type BookingStatus,
  type BookingView,
  type CancelledBy,
  type Language,
  type VisitCategory,
} from '@digihjalpen/domain';

// Documentation shapes: the booking endpoints check bodies with the domain's parser, which answers in
// the person's language (class-validator here would answer in one language only).

export class BookingRequestDto implements BookingRequest {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty({ maxLength: BOOKING_LIMITS.nameMax, example: 'Amina', description: 'First name or a nickname' }) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_LIMITS.emailMax, description: 'Gives a confirmation and a reminder' }) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_LIMITS.phoneMax }) phone?: string | null;
  @ApiProperty({ enum: LANGUAGES, description: 'Language of e-mails and the calendar file' }) language!: Language;
  @ApiProperty({ enum: VISIT_CATEGORIES, isArray: true, minItems: 1, maxItems: BOOKING_LIMITS.topicsMax }) topics!: VisitCategory[];
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Brings an own phone or computer (null: not sure)' }) ownDevice?: boolean | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_LIMITS.needsMax }) needs?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: BOOKING_LIMITS.refMax, example: 'KC-2027', description: 'Referral code (?ref=)' }) ref?: string | null;
  @ApiPropertyOptional({ description: 'Leave empty (a field only bots fill in)' }) website?: string;
}

/** Staff booking for someone: the same fields without the referral code (set from who books) and the bot trap. */
export class StaffBookingRequestDto extends OmitType(BookingRequestDto, ['ref', 'website'] as const) {}

export class MoveBookingDto {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
}

export class ConfirmContactDto implements ConfirmContactRequest {
  @ApiProperty({ minLength: 43, maxLength: 43, description: 'The `c` parameter of the manage link in a message sent to the contact' }) proof!: string;
}

class BookingSlotDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2027-03-30T10:00:00+02:00' }) start!: string;
  @ApiProperty({ example: '2027-03-30T10:30:00+02:00' }) end!: string;
}

class BookingSessionDto extends BookingSlotDto {
  @ApiProperty() dropIn!: boolean;
}

class BookingSiteDto extends PickType(PublicSiteDto, ['slug', 'name', 'address', 'directions', 'accessibilityNotes', 'contactPhone', 'timeZone'] as const) {}

export class BookingDto implements BookingView {
  @ApiProperty({ example: 'K7F-3QD' }) reference!: string;
  @ApiProperty({ enum: ['confirmed', 'cancelled'] }) status!: BookingStatus;
  @ApiProperty({ enum: ['visitor', 'session', 'staff'], nullable: true }) cancelledBy!: CancelledBy | null;
  @ApiProperty({ type: String, nullable: true }) sessionCancelReason!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'a…@example.org', description: 'Masked; the full address is never in this answer' }) maskedEmail!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '070-… 67', description: 'Masked; the full number is never in this answer' }) maskedPhone!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ description: 'How many topics were chosen (GET …/needs for them)' }) topicCount!: number;
  @ApiProperty({ type: Boolean, nullable: true }) ownDevice!: boolean | null;
  @ApiProperty({ description: 'Whether a note about the needs was written (GET …/needs for it)' }) hasNeedsText!: boolean;
  @ApiProperty({ type: BookingSlotDto }) slot!: BookingSlotDto;
  @ApiProperty({ type: BookingSessionDto }) session!: BookingSessionDto;
  @ApiProperty({ type: BookingSiteDto }) site!: BookingSiteDto;
  @ApiProperty({ example: '/api/public/bookings/…/calendar.ics' }) calendarUrl!: string;
}

export class BookingNeedsDto implements BookingNeedsView {
  @ApiProperty({ enum: VISIT_CATEGORIES, isArray: true }) topics!: VisitCategory[];
  @ApiProperty({ type: String, nullable: true }) needs!: string | null;
}

export class BookingCreatedDto extends BookingDto implements BookingCreatedView {
  @ApiProperty({ type: String, nullable: true, description: 'As sent (only in this answer to the one who booked)' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'As sent' }) phone!: string | null;
  @ApiProperty({ enum: VISIT_CATEGORIES, isArray: true }) topics!: VisitCategory[];
  @ApiProperty({ type: String, nullable: true }) needs!: string | null;
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) manageToken!: string;
  @ApiProperty({ example: 'https://digihjalpen.example.org/bokning/…?lang=sv' }) manageUrl!: string;
}

export class AlternativeSlotDto implements AlternativeSlotView {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty() seatsLeft!: number;
}

export class SlotTakenDto {
  @ApiProperty({ enum: ['SLOT_FULL', 'SLOT_NOT_BOOKABLE'] }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [AlternativeSlotDto], description: 'The nearest free times at the same site' }) alternatives!: AlternativeSlotDto[];
}
