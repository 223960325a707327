import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageDto, PageQueryDto } from '../../../common/paging.dto';
import { CAME_VIA, DEVICES, OUTCOMES, REFERRED_TO, RETURNING, type VisitCategoryView, type VisitInput, type VisitPage, type VisitView } from '@digihjalpen/domain';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Documentation shape: the body is checked by the domain's parseVisitInput (one message per field).
export class VisitInputDto implements VisitInput {
  @ApiProperty({ format: 'uuid', description: "Made by the helper's browser; the same id again returns the stored visit (200)" }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bookingId!: string | null;
  @ApiProperty({ type: [String], example: ['bankid', 'healthcare'] }) categories!: string[];
  @ApiProperty() civicInformation!: boolean;
  @ApiProperty({ enum: DEVICES }) device!: VisitInput['device'];
  @ApiProperty({ example: 'sv' }) language!: string;
  @ApiProperty({ minimum: 1, maximum: 240 }) durationMinutes!: number;
  @ApiProperty({ enum: OUTCOMES }) outcome!: VisitInput['outcome'];
  @ApiProperty({ enum: REFERRED_TO, nullable: true }) referredTo!: VisitInput['referredTo'];
  @ApiProperty({ enum: CAME_VIA }) cameVia!: VisitInput['cameVia'];
  @ApiProperty({ enum: RETURNING }) returning!: VisitInput['returning'];
  @ApiProperty({ type: String, nullable: true, maxLength: 280, description: 'No names or health details; identity numbers are refused' }) note!: string | null;
}

export class VisitDto extends VisitInputDto implements VisitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) helperId!: string;
  @ApiProperty() helperName!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ example: '2027-03-30' }) date!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class VisitPageDto extends PageDto implements VisitPage {
  @ApiProperty({ type: [VisitDto] }) items!: VisitDto[];
}

export class VisitCategoryDto implements VisitCategoryView {
  @ApiProperty({ example: 'bankid' }) key!: string;
  @ApiProperty({ example: 'BankID och e-legitimation' }) label!: string;
  @ApiProperty() builtin!: boolean;
}

export class NewVisitCategoryDto {
  @ApiProperty({ example: 'Digitala möten' })
  @IsString({ message: 'Skriv ett namn på kategorin.' })
  @MaxLength(60, { message: 'Skriv högst 60 tecken.' })
  label!: string;
}

export class VisitFilterDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'Välj en plats i listan.' }) siteId?: string;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @Matches(DATE, { message: 'Skriv datum som ÅÅÅÅ-MM-DD.' }) @IsISO8601({ strict: true }, { message: 'Det datumet finns inte.' }) from?: string;
  @ApiPropertyOptional({ example: '2027-12-31' }) @IsOptional() @Matches(DATE, { message: 'Skriv datum som ÅÅÅÅ-MM-DD.' }) @IsISO8601({ strict: true }, { message: 'Det datumet finns inte.' }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional({ enum: OUTCOMES }) @IsOptional() @IsIn(OUTCOMES, { message: 'Välj ett utfall i listan.' }) outcome?: VisitInput['outcome'];
}

export class VisitPageQueryDto extends IntersectionType(VisitFilterDto, PageQueryDto) {}

export class MineQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'Välj en träff.' }) sessionId?: string;
}
