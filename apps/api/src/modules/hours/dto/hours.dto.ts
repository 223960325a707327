import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MANUAL_ACTIVITIES, type HoursEntryView, type HoursInput, type MonthlyReportView, type MyHoursView, type OrganisationView, type Page } from '@digihjalpen/domain';
import { PageDto } from '../../../common/paging.dto';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// Documentation shape: checked by the domain's parseHoursInput.
export class HoursInputDto implements HoursInput {
  @ApiProperty({ example: '2027-03-30' }) date!: string;
  @ApiProperty({ minimum: 1, maximum: 720 }) minutes!: number;
  @ApiProperty({ enum: MANUAL_ACTIVITIES }) activity!: HoursInput['activity'];
  @ApiProperty({ type: String, nullable: true, maxLength: 2000 }) reflection!: string | null;
}

export class HoursEntryDto implements HoursEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) helperId!: string;
  @ApiProperty() helperName!: string;
  @ApiProperty({ type: String, nullable: true }) organisationName!: string | null;
  @ApiProperty() date!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ enum: ['session', ...MANUAL_ACTIVITIES] }) activity!: HoursEntryView['activity'];
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: HoursEntryView['status'];
  @ApiProperty({ type: String, nullable: true }) reflection!: string | null;
  @ApiProperty() flagged!: boolean;
  @ApiProperty({ type: String, nullable: true }) rejectReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
}

export class HoursPageDto extends PageDto implements Page<HoursEntryView> {
  @ApiProperty({ type: [HoursEntryDto] }) items!: HoursEntryDto[];
}

export class MyHoursDto implements MyHoursView {
  @ApiProperty({ example: '2027-03' }) month!: string;
  @ApiProperty({ type: [HoursEntryDto] }) entries!: HoursEntryDto[];
  @ApiProperty() monthApprovedMinutes!: number;
  @ApiProperty() monthPendingMinutes!: number;
  @ApiProperty() totalApprovedMinutes!: number;
}

export class MonthQueryDto {
  @ApiPropertyOptional({ example: '2027-03' }) @IsOptional() @Matches(MONTH, { message: 'Skriv månaden som ÅÅÅÅ-MM.' }) month?: string;
}

export class DecisionDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Välj minst en tidrapport.' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'Välj tidrapporter i listan.' })
  ids!: string[];

  @ApiProperty({ enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected'], { message: 'Välj godkänn eller avslå.' }) decision!: 'approved' | 'rejected';

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required when rejecting' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'Skriv högst 500 tecken.' })
  reason?: string | null;
}

export class DecidedDto {
  @ApiProperty() decided!: number;
}

export class OrganisationInputDto implements Omit<OrganisationView, 'id'> {
  @ApiProperty({ example: 'Fontänhuset' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2, { message: 'Skriv organisationens namn.' })
  @MaxLength(120)
  name!: string;
  @ApiProperty({ enum: ['person', 'organisation'] }) @IsIn(['person', 'organisation'], { message: 'Välj vem arvodet betalas till.' }) feeRecipient!: OrganisationView['feeRecipient'];
  @ApiProperty({ type: Number, nullable: true, description: 'SEK per approved hour' })
  @ValidateIf((o: OrganisationInputDto) => o.hourlyRate !== null)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Skriv timarvodet i kronor, till exempel 150.' })
  @Min(0, { message: 'Timarvodet kan inte vara negativt.' })
  @Max(10_000)
  hourlyRate!: number | null;
}

export class OrganisationDto extends OrganisationInputDto implements OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class HelperOrganisationDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((o: HelperOrganisationDto) => o.organisationId !== null)
  @IsUUID('all', { message: 'Välj en organisation.' })
  organisationId!: string | null;
}

class ReportHelperDto {
  @ApiProperty({ format: 'uuid' }) helperId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() approvedMinutes!: number;
  @ApiProperty({ type: Number, nullable: true }) fee!: number | null;
}

export class MonthlyReportDto implements MonthlyReportView {
  @ApiProperty({ type: OrganisationDto }) organisation!: OrganisationDto;
  @ApiProperty() month!: string;
  @ApiProperty({ type: [ReportHelperDto], nullable: true, description: 'null when fees go to the organisation (totals only)' }) helpers!: ReportHelperDto[] | null;
  @ApiProperty() totalApprovedMinutes!: number;
  @ApiProperty({ type: Number, nullable: true }) totalFee!: number | null;
}
