import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
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
import { toChangeDto, toPreviewDto, toSessionDto } from './schedule.mapper';
import { ScheduleService } from './schedule.service';
import { Audited } from '../audit/audited';

/** Coordinators schedule weekly drop-ins, add one-off sessions and cancel sessions. */
@ApiTags('coordinator')
@Roles('coordinator')
@Controller()
export class ScheduleController {
  constructor(private readonly schedules: ScheduleService) {}

  @Get('sites/:siteId/schedules')
  @ApiOkResponse({ type: ScheduleDto, isArray: true })
  list(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<ScheduleDto[]> {
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
    return toPreviewDto(await this.schedules.preview(siteId, body, query.scheduleId));
  }

  @Post('sites/:siteId/schedules')
  @Audited('schedule.created', 'site', { param: 'siteId' })
  @ApiCreatedResponse({ type: ScheduleChangeDto, description: 'The schedule and the sessions generated for the coming 26 weeks' })
  async create(@Param('siteId', ParseUUIDPipe) siteId: string, @Body() body: ScheduleInputDto): Promise<ScheduleChangeDto> {
    return toChangeDto(await this.schedules.create(siteId, body));
  }

  @Put('schedules/:id')
  @Audited('schedule.updated', 'schedule', { param: 'id' })
  @ApiOkResponse({ type: ScheduleChangeDto })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: ScheduleInputDto): Promise<ScheduleChangeDto> {
    return toChangeDto(await this.schedules.update(id, body));
  }

  @Get('sites/:siteId/sessions')
  @ApiOkResponse({ type: SessionDto, isArray: true })
  async sessions(@Param('siteId', ParseUUIDPipe) siteId: string, @Query() query: RangeQueryDto): Promise<SessionDto[]> {
    return (await this.schedules.sessionsForCoordinator(siteId, query)).map(toSessionDto);
  }

  @Post('sites/:siteId/sessions')
  @Audited('schedule.session-added', 'site', { param: 'siteId' })
  @ApiCreatedResponse({ type: SessionDto, description: 'A one-off extra session' })
  async addOneOff(@Param('siteId', ParseUUIDPipe) siteId: string, @Body() body: OneOffSessionDto): Promise<SessionDto> {
    return toSessionDto(await this.schedules.addOneOff(siteId, body));
  }

  @Post('sessions/:id/cancel')
  @Audited('schedule.session-cancelled', 'session', { param: 'id' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  async cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: CancelSessionDto): Promise<SessionDto> {
    return toSessionDto(await this.schedules.cancel(id, body.reason));
  }
}
