import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CopySiteInput, SiteCopyView } from '@digihjalpen/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { SiteDto } from '../../sites/dto/site-input.dto';
import { ScheduleDto } from './schedule.dto';

/** Shapes only; the domain rules (planSiteCopy) give the plain-language messages. */
export class CopySiteDto implements CopySiteInput {
  @ApiProperty({ example: 'Norrby bibliotek' })
  @IsString({ message: 'Skriv platsens namn.' })
  @MaxLength(200, { message: 'Namnet får ha högst 200 tecken.' })
  name!: string;

  @ApiPropertyOptional({ description: 'Web address name; made from the name when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(60, { message: 'Adressnamnet får ha högst 60 tecken.' })
  slug?: string;

  @ApiProperty({ example: 'Norrby torg 4, 424 31 Staden' })
  @IsString({ message: 'Skriv gatuadressen.' })
  @MaxLength(300, { message: 'Adressen får ha högst 300 tecken.' })
  address!: string;

  @ApiProperty({ example: '2027-01-04', description: 'First day of the copied schedules, in the site’s time zone' })
  @IsString({ message: 'Skriv startdatum som ÅÅÅÅ-MM-DD.' })
  @MaxLength(10, { message: 'Skriv startdatum som ÅÅÅÅ-MM-DD.' })
  startDate!: string;

  @ApiPropertyOptional({ description: 'How to find the drop-in in the new building (not copied from the source)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Skriv högst 2000 tecken.' })
  directions?: string;

  @ApiPropertyOptional({ description: 'The new building’s accessibility (not copied from the source)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Skriv högst 2000 tecken.' })
  accessibilityNotes?: string;
}

export class SiteCopyDto implements SiteCopyView {
  @ApiProperty({ type: SiteDto }) site!: SiteDto;
  @ApiProperty({ type: [ScheduleDto] }) schedules!: ScheduleDto[];
  @ApiProperty({ description: 'Sessions generated for the copied schedules (26 weeks ahead)' }) sessionsCreated!: number;
}
