import { ApiProperty } from '@nestjs/swagger';
import type { ErasureResult, HeldDetails, KeptForStatistics, PrivacyBookingView, PrivacyRequestView, PrivacySettingsView } from '@digihjalpen/domain';

export class HeldDetailsDto implements HeldDetails {
  @ApiProperty({ example: 'Amina' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) needs!: string | null;
  @ApiProperty() manageLinkActive!: boolean;
}

export class KeptForStatisticsDto implements KeptForStatistics {
  @ApiProperty() siteName!: string;
  @ApiProperty({ example: '2027-03-30T10:00:00+02:00' }) slotStart!: string;
  @ApiProperty() slotEnd!: string;
  @ApiProperty({ enum: ['confirmed', 'cancelled'] }) status!: KeptForStatistics['status'];
  @ApiProperty({ type: String, nullable: true, enum: ['checked-in', 'no-show'] }) attendance!: KeptForStatistics['attendance'];
  @ApiProperty({ enum: ['sv', 'en', 'ar'] }) language!: KeptForStatistics['language'];
  @ApiProperty({ type: [String] }) topics!: KeptForStatistics['topics'];
  @ApiProperty({ type: Boolean, nullable: true }) ownDevice!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) referralCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) partnerName!: string | null;
}

export class PrivacyBookingDto implements PrivacyBookingView {
  @ApiProperty({ example: 'K7F-3QD' }) reference!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) erasedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff who booked for the person' }) bookedBy!: string | null;
  @ApiProperty({ type: HeldDetailsDto, nullable: true, description: 'null once erased' }) held!: HeldDetailsDto | null;
  @ApiProperty({ type: KeptForStatisticsDto }) kept!: KeptForStatisticsDto;
}

export class PrivacyRequestDto implements PrivacyRequestView {
  @ApiProperty({ example: 'K7F-3QD' }) reference!: string;
  @ApiProperty() erased!: boolean;
  @ApiProperty({ type: PrivacyBookingDto, isArray: true }) bookings!: PrivacyBookingDto[];
  @ApiProperty() retentionDays!: number;
}

export class ErasureResultDto implements ErasureResult {
  @ApiProperty() erased!: number;
  @ApiProperty() cancelled!: number;
}

export class PrivacySettingsDto implements PrivacySettingsView {
  @ApiProperty({ example: 30 }) retentionDays!: number;
}
