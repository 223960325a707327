import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { isUnderstaffed, toLocalIso, type AuthUser } from '@digihjalpen/domain';
import { HelperListedDto } from '../auth/dto/auth.dto';
import { CurrentUser, Public, Roles } from '../auth/access.decorator';
import { AssignShiftDto, FeedUrlDto, HelperPageDto, OpenShiftsQueryDto, StaffingDto, StaffingPageDto, StaffingQueryDto, WeeksQueryDto } from './dto/staffing.dto';
import { ApiErrorDto } from '../../common/api-error.dto';
import { SearchPageQueryDto } from '../../common/paging.dto';
import type { StaffingRow } from './helpers.repository';
import { HelpersService } from './helpers.service';
import { Audited } from '../audit/audited';

function toStaffingDto(s: StaffingRow): StaffingDto {
  return {
    sessionId: s.sessionId,
    siteId: s.siteId,
    siteName: s.siteName,
    siteSlug: s.siteSlug,
    timeZone: s.timeZone,
    start: toLocalIso(s.start, s.timeZone),
    end: toLocalIso(s.end, s.timeZone),
    status: s.status,
    helpersNeeded: s.helpersNeeded,
    helpers: s.helpers,
    understaffed: isUnderstaffed({ ...s, helpers: s.helpers.length }),
  };
}

/** Staffing: coordinators assign helpers and see gaps; helpers take open shifts. */
@ApiTags('staffing')
@Controller()
export class HelpersController {
  constructor(private readonly helpers: HelpersService) {}

  @Get('helpers')
  @Roles('coordinator')
  @ApiOkResponse({ type: HelperPageDto, description: 'Helpers by name, 50 a page; `q` searches names and e-mail addresses' })
  list(@Query() query: SearchPageQueryDto): Promise<HelperPageDto> {
    return this.helpers.listHelpers(query);
  }

  @Get('helpers/:id')
  @Roles('coordinator')
  @ApiOkResponse({ type: HelperListedDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  helper(@Param('id', ParseUUIDPipe) id: string): Promise<HelperListedDto> {
    return this.helpers.helper(id);
  }

  @Get('staffing')
  @Roles('coordinator')
  @ApiOkResponse({ type: StaffingPageDto, description: 'The coming sessions (at `sites`, comma-separated ids, or every site) by start time, 200 a page, with who is on shift; understaffed ones flagged' })
  async staffing(@Query() query: StaffingQueryDto): Promise<StaffingPageDto> {
    const page = await this.helpers.staffing(query);
    return { ...page, items: page.items.map(toStaffingDto) };
  }

  @Post('sessions/:id/shifts')
  @Audited('shift.assigned', 'session', { param: 'id' })
  @Roles('coordinator')
  @HttpCode(204)
  @ApiNoContentResponse()
  assign(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignShiftDto): Promise<void> {
    return this.helpers.assign(user, id, body.helperId);
  }

  @Get('shifts/open')
  @Roles('helper')
  @ApiOkResponse({ type: StaffingPageDto, description: 'Sessions that still need helpers (not already mine), by start time, 50 a page' })
  async open(@CurrentUser() user: AuthUser, @Query() query: OpenShiftsQueryDto): Promise<StaffingPageDto> {
    const page = await this.helpers.openShifts(user, query.weeks ?? 4, query.page ?? 1);
    return { ...page, items: page.items.map(toStaffingDto) };
  }

  @Get('shifts/mine')
  @Roles('helper')
  @ApiOkResponse({ type: StaffingDto, isArray: true })
  async mine(@CurrentUser() user: AuthUser, @Query() query: WeeksQueryDto): Promise<StaffingDto[]> {
    return (await this.helpers.myShifts(user, query.weeks ?? 4)).map(toStaffingDto);
  }

  @Post('sessions/:id/shifts/me')
  @Audited('shift.taken', 'session', { param: 'id' })
  @Roles('helper')
  @HttpCode(204)
  @ApiNoContentResponse()
  signUp(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.helpers.signUp(user, id);
  }

  @Delete('sessions/:id/shifts/me')
  @Audited('shift.left', 'session', { param: 'id' })
  @Roles('helper')
  @HttpCode(204)
  @ApiNoContentResponse()
  leave(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.helpers.leave(id, user.id);
  }

  // Declared after the /me routes: Express matches in order, and 'me' is not a helper id.
  @Delete('sessions/:id/shifts/:helperId')
  @Audited('shift.removed', 'session', { param: 'id' })
  @Roles('coordinator')
  @HttpCode(204)
  @ApiNoContentResponse()
  unassign(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('helperId', ParseUUIDPipe) helperId: string): Promise<void> {
    return this.helpers.remove(user, id, helperId);
  }

  @Post('me/calendar-feed')
  @Roles('helper', 'coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: FeedUrlDto })
  async regenerateFeed(@CurrentUser() user: AuthUser): Promise<FeedUrlDto> {
    return { url: await this.helpers.regenerateFeed(user) };
  }

  @Get('public/calendars/:token/shifts.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'A helper’s shifts as an iCalendar feed; the token is the secret' })
  feed(@Param('token') token: string): Promise<string> {
    return this.helpers.shiftFeed(token);
  }
}
