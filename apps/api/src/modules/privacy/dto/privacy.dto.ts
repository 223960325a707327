import { ApiProperty } from '@nestjs/swagger';
import type {
  ErasureResult,
  HeldDetails,
  KeptForStatistics,
  PrivacyBookingView,
  PrivacyExport,
  PrivacyProofView,
  PrivacyRequestView,
  PrivacyScope,
  PrivacySettingsView,
  ProofChannel,
  ProofCodeRequest,
  ProofCodeSent,
  ProofGranted,
} from '@digihjalpen/domain';

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

export class PendingCodeDto {
  @ApiProperty({ example: '2026-10-10T12:40:00+02:00' }) expiresAt!: string;
  @ApiProperty({ example: 5 }) triesLeft!: number;
}

export class PrivacyProofDto implements PrivacyProofView {
  @ApiProperty({ type: String, nullable: true, enum: ['email'], description: 'How a code can be sent now; null without an e-mail address' }) channel!: ProofChannel | null;
  @ApiProperty({ type: String, nullable: true, example: 'a…@example.org' }) sendsTo!: string | null;
  @ApiProperty({ description: 'A phone number but no e-mail address: no code can be sent yet' }) phoneOnly!: boolean;
  @ApiProperty({ type: PendingCodeDto, nullable: true }) pending!: PendingCodeDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Until when this coordinator may use scope=contact' }) grantedUntil!: string | null;
}

export class PrivacyExportDto implements PrivacyExport {
  @ApiProperty({ example: 'K7F-3QD' }) reference!: string;
  @ApiProperty({ enum: ['booking', 'contact'] }) scope!: PrivacyScope;
  @ApiProperty() erased!: boolean;
  @ApiProperty({ type: PrivacyBookingDto, isArray: true }) bookings!: PrivacyBookingDto[];
  @ApiProperty() retentionDays!: number;
}

export class PrivacyRequestDto extends PrivacyExportDto implements PrivacyRequestView {
  @ApiProperty({ type: PrivacyProofDto }) proof!: PrivacyProofDto;
}

export class ProofCodeSentDto implements ProofCodeSent {
  @ApiProperty({ enum: ['email'] }) channel!: ProofChannel;
  @ApiProperty({ example: 'a…@example.org' }) sentTo!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ example: 5 }) triesLeft!: number;
}

/** Documents the body; `parseProofCode` in the domain is its one validator. */
export class ProofCodeRequestDto implements ProofCodeRequest {
  @ApiProperty({ example: '482913', description: 'Six digits; spaces and a dash are ignored' }) code!: string;
}

export class ProofGrantedDto implements ProofGranted {
  @ApiProperty() grantedUntil!: string;
  @ApiProperty({ description: 'Bookings the grant opens, this one included' }) bookings!: number;
}

export class ErasureResultDto implements ErasureResult {
  @ApiProperty() erased!: number;
  @ApiProperty() cancelled!: number;
}

export class PrivacySettingsDto implements PrivacySettingsView {
  @ApiProperty({ example: 30 }) retentionDays!: number;
}
