import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import type { HelperListed, Page, StaffingView } from '@digihjalpen/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageDto, PageQueryDto, SitesFilterDto } from '../../../common/paging.dto';
import { HelperListedDto } from '../../auth/dto/auth.dto';

export class AssignShiftDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'Välj en digivärd.' })
  helperId!: string;
}

export class WeeksQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 26, default: 4 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'weeks ska vara ett heltal.' })
  @Min(1, { message: 'weeks ska vara 1–26.' })
  @Max(26, { message: 'weeks ska vara 1–26.' })
  weeks?: number;
}

export class HelperRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class StaffingDto implements StaffingView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty() siteSlug!: string;
  @ApiProperty({ example: 'Europe/Stockholm' }) timeZone!: string;
  @ApiProperty({ example: '2026-12-01T10:00:00+01:00' }) start!: string;
  @ApiProperty({ example: '2026-12-01T12:00:00+01:00' }) end!: string;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status!: 'planned' | 'cancelled';
  @ApiProperty() helpersNeeded!: number;
  @ApiProperty({ type: [HelperRefDto] }) helpers!: HelperRefDto[];
  @ApiProperty() understaffed!: boolean;
}

export class FeedUrlDto {
  @ApiProperty({ description: 'Private calendar link; regenerating it revokes the previous one' }) url!: string;
}

export class StaffingQueryDto extends IntersectionType(WeeksQueryDto, SitesFilterDto, PageQueryDto) {}

export class OpenShiftsQueryDto extends IntersectionType(WeeksQueryDto, PageQueryDto) {}

export class StaffingPageDto extends PageDto implements Page<StaffingView> {
  @ApiProperty({ type: [StaffingDto] }) items!: StaffingDto[];
}

export class HelperPageDto extends PageDto implements Page<HelperListed> {
  @ApiProperty({ type: [HelperListedDto] }) items!: HelperListedDto[];
}
