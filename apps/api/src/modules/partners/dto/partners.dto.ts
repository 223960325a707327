import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CountRow, FunnelView, PartnerInput, PartnerView, ReferralCodeInput, ReferralCodeView } from '@digihjalpen/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PartnerInputDto implements PartnerInput {
  @ApiProperty({ example: 'Kompetenscenter', maxLength: 120 }) name!: string;
}

export class PartnerDto implements PartnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() users!: number;
  @ApiProperty() activeCodes!: number;
}

export class ReferralCodeInputDto implements ReferralCodeInput {
  @ApiProperty({ example: 'Jobbcoachning hösten 2026', maxLength: 80 }) label!: string;
  @ApiProperty({ format: 'uuid', description: 'The site the code leads to' }) siteId!: string;
}

export class ReferralCodeDto implements ReferralCodeView {
  @ApiProperty({ example: 'KC4M-7QXH' }) code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() site!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ description: 'The booking page with ?ref=: what the slip’s QR code holds' }) url!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
}

export class CountRowDto implements CountRow {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null when 1–4 (suppressed)' }) count!: number | null;
}

export class FunnelDto implements FunnelView {
  @ApiProperty({ format: 'uuid' }) partnerId!: string;
  @ApiProperty() partnerName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ example: 5 }) suppressedBelow!: number;
  @ApiProperty({ example: 5, description: 'Counts of 5 or more are rounded to the nearest multiple of this' }) roundedTo!: number;
  @ApiProperty({ type: Number, nullable: true }) referred!: number | null;
  @ApiProperty({ type: Number, nullable: true }) booked!: number | null;
  @ApiProperty({ type: Number, nullable: true }) came!: number | null;
  @ApiProperty({ type: [CountRowDto] }) outcomes!: CountRowDto[];
}

/** A period on a staff page; the rules (Swedish messages) are in the domain's parsePeriod. */
export class PeriodQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
}
