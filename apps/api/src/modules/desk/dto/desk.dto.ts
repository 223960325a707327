import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCE,
  EQUIPMENT_KINDS,
  type Attendance,
  type DeskBookingView,
  type DeskSessionView,
  type EquipmentIssueView,
  type EquipmentKind,
  type SessionReportDraft,
  type SessionReportInput,
} from '@digihjalpen/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';

export class AttendanceDto {
  @ApiProperty({ enum: ATTENDANCE, nullable: true, description: 'null undoes a check-in or no-show' })
  @ValidateIf((o: AttendanceDto) => o.attendance !== null)
  @IsIn(ATTENDANCE, { message: 'Välj incheckad eller kom inte.' })
  attendance!: Attendance | null;
}

class DeskBookingDto implements DeskBookingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slotStart!: string;
  @ApiProperty() slotEnd!: string;
  @ApiProperty({ description: 'First name or nickname' }) name!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty() language!: string;
  @ApiProperty({ type: Boolean, nullable: true }) ownDevice!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) needs!: string | null;
  @ApiProperty({ enum: ATTENDANCE, nullable: true }) attendance!: Attendance | null;
  @ApiProperty() visitLogged!: boolean;
}

class DeskSessionPartDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status!: 'planned' | 'cancelled';
  @ApiProperty() dropIn!: boolean;
}

class DeskSiteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'For the site’s coming times (a follow-up booking)' }) slug!: string;
  @ApiProperty() timeZone!: string;
}

class DeskShiftDto {
  @ApiProperty({ type: String, nullable: true }) checkedInAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) checkedOutAt!: string | null;
}

class DeskReportStateDto {
  @ApiProperty() confirmedAt!: string;
  @ApiProperty({ description: 'Name of the helper who confirmed it' }) confirmedBy!: string;
}

export class DeskSessionDto implements DeskSessionView {
  @ApiProperty({ type: DeskSessionPartDto }) session!: DeskSessionPartDto;
  @ApiProperty({ type: DeskSiteDto }) site!: DeskSiteDto;
  @ApiProperty({ type: DeskShiftDto }) shift!: DeskShiftDto;
  @ApiProperty({ type: [DeskBookingDto] }) bookings!: DeskBookingDto[];
  @ApiProperty() visitsLogged!: number;
  @ApiProperty({ type: DeskReportStateDto, nullable: true }) report!: DeskReportStateDto | null;
}

export class SessionReportDraftDto implements SessionReportDraft {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() booked!: number;
  @ApiProperty() checkedIn!: number;
  @ApiProperty() noShows!: number;
  @ApiProperty() dropIns!: number;
  @ApiProperty() visits!: number;
}

class EquipmentProblemDto {
  @ApiProperty({ enum: EQUIPMENT_KINDS }) kind!: EquipmentKind;
  @ApiProperty({ maxLength: 300 }) note!: string;
}

// Documentation shape: checked by the domain's parseSessionReport.
export class SessionReportInputDto implements SessionReportInput {
  @ApiProperty() booked!: number;
  @ApiProperty() checkedIn!: number;
  @ApiProperty() noShows!: number;
  @ApiProperty() dropIns!: number;
  @ApiProperty() visits!: number;
  @ApiProperty({ type: [EquipmentProblemDto] }) equipment!: EquipmentProblemDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 1000 }) notes!: string | null;
}

export class EquipmentIssueDto implements EquipmentIssueView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() sessionStart!: string;
  @ApiProperty({ enum: EQUIPMENT_KINDS }) kind!: EquipmentKind;
  @ApiProperty() note!: string;
  @ApiProperty() reportedBy!: string;
  @ApiProperty() reportedAt!: string;
  @ApiProperty({ type: String, nullable: true }) fixedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) fixedBy!: string | null;
}

export class EquipmentQueryDto {
  @ApiPropertyOptional({ default: true, description: 'Only problems not yet fixed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'false' ? false : value === 'true' ? true : value))
  @IsBoolean({ message: 'Skriv true eller false.' })
  open?: boolean;
}
