import { Body, Controller, createParamDecorator, Get, Header, Param, Put, Query, Res, StreamableFile, type ExecutionContext } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags, ApiTooManyRequestsResponse, IntersectionType } from '@nestjs/swagger';
import { ApiErrorDto } from '../../common/api-error.dto';
import { PageQueryDto, SitesFilterDto } from '../../common/paging.dto';
import { RateLimit } from '../../common/rate-limit';
import type { AuthUser, CapacitySignalsView, DashboardView, Language, PublicStatsRow, PublicStatsView, WeeklySummarySetting } from '@digihjalpen/domain';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { languageOf } from '../../common/language';
import { CurrentUser, Public, Roles } from '../auth/access.decorator';
import { InsightsService } from './insights.service';
import { WeeklySummary } from './weekly-summary';

export class StatsCsvQueryDto {
  @ApiPropertyOptional({ example: '2027-01-04', description: 'Default: 12 weeks before `to`; at most 53 whole weeks from `from` to `to`' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2027-03-28', description: 'Default: today' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
  @ApiPropertyOptional({ example: 'stadsbiblioteket,kortedala', description: 'Site slugs, comma-separated (at most 100); default: every site' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  site?: string;
  @ApiPropertyOptional({ enum: ['sv', 'en', 'ar'], description: 'Language of an error message (else Accept-Language; English when neither is given)' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  lang?: string;
}

export class StatsQueryDto extends IntersectionType(StatsCsvQueryDto, PageQueryDto) {}

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
  @ApiProperty({ description: 'The page of sites (by slug) this answer covers, from 1' }) page!: number;
  @ApiProperty({ example: 100, description: 'Sites a page' }) pageSize!: number;
  @ApiProperty({ description: 'Sites in all (every page)' }) total!: number;
}

/** Only finished weeks are counted: an hour-old answer is as good as a new one, for browsers and shared caches. */
const STATS_CACHE_CONTROL = 'public, max-age=3600';

/** The asker's language (?lang=, Accept-Language); English for a program that names none. */
const AskerLanguage = createParamDecorator((_data: unknown, ctx: ExecutionContext): Language => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return req.query['lang'] !== undefined || req.headers['accept-language'] !== undefined ? languageOf(req) : 'en';
});

/** Open statistics the city can publish: anonymous weekly counts, small numbers suppressed; at most 53 weeks. */
@ApiTags('public')
@Public()
@Controller('public')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  // Cache-Control on the answer only: a @Header would be sent with a refusal too, whose text depends on the language.
  @Get('stats')
  @RateLimit('stats')
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'STATS_RATE_LIMIT requests an hour per client network (Retry-After)' })
  @ApiOkResponse({ type: PublicStatsDto })
  async stats(@Query() query: StatsQueryDto, @AskerLanguage() language: Language, @Res({ passthrough: true }) res: Response): Promise<PublicStatsView> {
    const view = await this.insights.publicStats({ ...query, language });
    res.setHeader('Cache-Control', STATS_CACHE_CONTROL);
    return view;
  }

  @Get('stats.csv')
  @RateLimit('stats')
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'STATS_RATE_LIMIT requests an hour per client network (Retry-After)' })
  @ApiProduces('text/csv')
  async statsCsv(@Query() query: StatsCsvQueryDto, @AskerLanguage() language: Language, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const csv = await this.insights.publicStatsCsv({ ...query, language });
    res.setHeader('Cache-Control', STATS_CACHE_CONTROL);
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="digihjalpen-statistik.csv"' });
  }
}

class DashboardQueryDto extends SitesFilterDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Default: 27 days before `to`' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2026-11-28', description: 'Default: today' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Hide counts 1–4 (for reports that are shared)' }) @IsOptional() @IsIn(['true', 'false', '1', '0']) suppress?: string;
}

class WeeklySummaryDto implements WeeklySummarySetting {
  @ApiProperty() @IsBoolean() enabled!: boolean;
}

/** The coordinators' statistics: the dashboard (JSON and a CSV per chart), capacity signals, the Monday e-mail. */
@ApiTags('insights')
@Roles('coordinator')
@Controller('insights')
export class DashboardController {
  constructor(
    private readonly insights: InsightsService,
    private readonly summary: WeeklySummary,
  ) {}

  @Get('dashboard')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'DashboardView (see libs/domain insights.types.ts)' })
  dashboard(@Query() query: DashboardQueryDto): Promise<DashboardView> {
    return this.insights.dashboard(query);
  }

  @Get('dashboard/:chart.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  async dashboardCsv(@Param('chart') chart: string, @Query() query: DashboardQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const csv = await this.insights.dashboardCsv(chart, query);
    res.setHeader('Content-Disposition', `attachment; filename="digihjalpen-${chart}.csv"`);
    return csv;
  }

  @Get('capacity')
  @ApiOkResponse({ description: 'CapacitySignalsView: regularly full times, low-use sites, understaffed coming sessions' })
  capacity(): Promise<CapacitySignalsView> {
    return this.insights.capacity();
  }

  @Get('weekly-summary')
  @ApiOkResponse({ type: WeeklySummaryDto })
  weeklySummary(@CurrentUser() user: AuthUser): Promise<WeeklySummarySetting> {
    return this.summary.setting(user);
  }

  @Put('weekly-summary')
  @ApiOkResponse({ type: WeeklySummaryDto })
  chooseWeeklySummary(@CurrentUser() user: AuthUser, @Body() body: WeeklySummaryDto): Promise<WeeklySummarySetting> {
    return this.summary.choose(user, body.enabled);
  }
}
