import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { ApiErrorDto } from '../../common/api-error.dto';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { ClosuresService } from './closures.service';
import { ClosureCreatedDto, ClosureDto, ClosureInputDto, ClosurePreviewDto, HolidayDto, HolidaySessionDto } from './dto/closures.dto';

/** Coordinators close a site (or every site) for some days, and open a site on a public holiday. */
@ApiTags('coordinator')
@Roles('coordinator')
@Controller()
export class ClosuresController {
  constructor(private readonly closures: ClosuresService) {}

  @Get('closures')
  @ApiOkResponse({ type: ClosureDto, isArray: true, description: 'Closures not lifted, first day first (past ones too)' })
  list(): Promise<ClosureDto[]> {
    return this.closures.list();
  }

  @Post('closures/preview')
  @HttpCode(200)
  @ApiBody({ type: ClosureInputDto })
  @ApiOkResponse({ type: ClosurePreviewDto, description: 'What the closure would cancel; nothing is saved' })
  preview(@Body() body: unknown): Promise<ClosurePreviewDto> {
    return this.closures.preview(body);
  }

  @Post('closures')
  @ApiBody({ type: ClosureInputDto })
  @ApiCreatedResponse({ type: ClosureCreatedDto, description: 'Closed: the planned sessions in the range are cancelled and every booked person told once' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'CLOSURE_EXISTS' })
  close(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<ClosureCreatedDto> {
    return this.closures.close(user, body);
  }

  @Delete('closures/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Lifted; the schedules plan their sessions on those days again (bookings stay cancelled)' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'CLOSURE_STARTED: its first day has come' })
  lift(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.closures.lift(user, id);
  }

  @Get('closures/holiday-sessions')
  @ApiOkResponse({ type: HolidaySessionDto, isArray: true, description: 'Sessions on closing holidays that people booked or helpers took: to cancel, or open the day' })
  holidaySessions(): Promise<HolidaySessionDto[]> {
    return this.closures.holidaySessions();
  }

  @Get('sites/:siteId/holidays')
  @ApiOkResponse({ type: HolidayDto, isArray: true, description: 'The days the site’s holidays close it in the coming year' })
  holidays(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<HolidayDto[]> {
    return this.closures.holidays(siteId);
  }

  @Put('sites/:siteId/opened-dates/:date')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The site is open that holiday: its sessions are made' })
  open(@CurrentUser() user: AuthUser, @Param('siteId', ParseUUIDPipe) siteId: string, @Param('date') date: string): Promise<void> {
    return this.closures.open(user, siteId, date);
  }

  @Delete('sites/:siteId/opened-dates/:date')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Closed again that holiday: unbooked sessions are removed, booked ones listed in holiday-sessions' })
  unopen(@CurrentUser() user: AuthUser, @Param('siteId', ParseUUIDPipe) siteId: string, @Param('date') date: string): Promise<void> {
    return this.closures.unopen(user, siteId, date);
  }
}
