import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toLocalIso } from '@digihjalpen/domain';
import { Roles } from '../auth/access.decorator';
import { SitesService } from '../sites/sites.service';
import {
  CancelSessionDto,
  OccurrenceDto,
  OneOffSessionDto,
  PreviewQueryDto,
  RangeQueryDto,
  ScheduleChangeDto,
  ScheduleDto,
  ScheduleInputDto,
  SessionDto,
} from './dto/schedule.dto';
import { rangeFor, toOccurrenceDto, toSessionDto } from './schedule.mapper';
import { ScheduleService, type ScheduleChange } from './schedule.service';

/** Coordinators schedule weekly drop-ins, add one-off sessions and cancel sessions. */
@ApiTags('coordinator')
@Roles('coordinator')
@Controller()
export class ScheduleController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly sites: SitesService,
  ) {}

  @Get('sites/:siteId/schedules')
  @ApiOkResponse({ type: ScheduleDto, isArray: true })
  async list(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<ScheduleDto[]> {
    await this.sites.get(siteId);
    return this.schedules.listSchedules(siteId);
  }

  @Post('sites/:siteId/schedules/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: OccurrenceDto, isArray: true, description: 'The dates of the next 8 weeks; nothing is saved' })
  async preview(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Body() body: ScheduleInputDto,
    @Query() query: PreviewQueryDto,
  ): Promise<OccurrenceDto[]> {
    const site = await this.sites.get(siteId);
    return (await this.schedules.preview(siteId, body, query.scheduleId)).map((o) => toOccurrenceDto(o, site.timeZone));
  }

  @Post('sites/:siteId/schedules')
  @ApiCreatedResponse({ type: ScheduleChangeDto, description: 'The schedule and the sessions generated for the coming 26 weeks' })
  async create(@Param('siteId', ParseUUIDPipe) siteId: string, @Body() body: ScheduleInputDto): Promise<ScheduleChangeDto> {
    const site = await this.sites.get(siteId);
    return toChangeDto(await this.schedules.create(siteId, body), site.timeZone);
  }

  @Put('schedules/:id')
  @ApiOkResponse({ type: ScheduleChangeDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: ScheduleInputDto): Promise<ScheduleChangeDto> {
    const change = await this.schedules.update(id, body);
    const site = await this.sites.get(change.schedule.siteId);
    return toChangeDto(change, site.timeZone);
  }

  @Get('sites/:siteId/sessions')
  @ApiOkResponse({ type: SessionDto, isArray: true })
  async sessions(@Param('siteId', ParseUUIDPipe) siteId: string, @Query() query: RangeQueryDto): Promise<SessionDto[]> {
    const site = await this.sites.get(siteId);
    return (await this.schedules.sessionsForCoordinator(siteId, rangeFor(query, site))).map((s) => toSessionDto(s, site.timeZone));
  }

  @Post('sites/:siteId/sessions')
  @ApiCreatedResponse({ type: SessionDto, description: 'A one-off extra session' })
  async addOneOff(@Param('siteId', ParseUUIDPipe) siteId: string, @Body() body: OneOffSessionDto): Promise<SessionDto> {
    const site = await this.sites.get(siteId);
    return toSessionDto(await this.schedules.addOneOff(siteId, body), site.timeZone);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelSessionDto): Promise<SessionDto> {
    const row = await this.schedules.cancel(id, body.reason);
    const site = await this.sites.get(row.siteId);
    return toSessionDto(row, site.timeZone);
  }
}

function toChangeDto(change: ScheduleChange, timeZone: string): ScheduleChangeDto {
  return { ...change, needsDecision: change.needsDecision.map((s) => ({ id: s.id, start: toLocalIso(s.start, timeZone) })) };
}
