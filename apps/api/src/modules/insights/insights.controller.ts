import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { PublicStatsRow, PublicStatsView } from '@digihjalpen/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../auth/access.decorator';
import { InsightsService } from './insights.service';

export class StatsQueryDto {
  @ApiPropertyOptional({ example: '2027-01-04', description: 'Default: 12 weeks before `to`' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2027-03-28', description: 'Default: today' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
}

class StatsRowDto implements PublicStatsRow {
  @ApiProperty({ example: '2027-03-29' }) weekStart!: string;
  @ApiProperty({ example: 'stadsbiblioteket' }) site!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ example: 'bankid' }) category!: string;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the count is 1–4' }) visits!: number | null;
}

class StatsTotalDto {
  @ApiProperty() weekStart!: string;
  @ApiProperty() site!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty({ type: Number, nullable: true }) visits!: number | null;
}

class PublicStatsDto implements PublicStatsView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ example: 5 }) suppressedBelow!: number;
  @ApiProperty({ type: [StatsTotalDto] }) totals!: StatsTotalDto[];
  @ApiProperty({ type: [StatsRowDto] }) rows!: StatsRowDto[];
}

/** Open statistics the city can publish: anonymous weekly counts, small numbers suppressed. */
@ApiTags('public')
@Public()
@Controller('public')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('stats')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ type: PublicStatsDto })
  stats(@Query() query: StatsQueryDto): Promise<PublicStatsView> {
    return this.insights.publicStats(query);
  }

  @Get('stats.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="digihjalpen-statistik.csv"')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiProduces('text/csv')
  statsCsv(@Query() query: StatsQueryDto): Promise<string> {
    return this.insights.publicStatsCsv(query);
  }
}
