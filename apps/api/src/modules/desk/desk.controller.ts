import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { DeskService } from './desk.service';
import { AttendanceDto, DeskSessionDto, EquipmentIssueDto, EquipmentQueryDto, SessionReportDraftDto, SessionReportInputDto } from './dto/desk.dto';

/** The helper's desk at the session: today's list, check-ins, shift hours and the end-of-session report. */
@ApiTags('desk')
@Controller()
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  @Get('desk/today')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: DeskSessionDto, isArray: true, description: "Today's sessions I have a shift on, with the booked list" })
  today(@CurrentUser() user: AuthUser): Promise<DeskSessionDto[]> {
    return this.desk.today(user);
  }

  @Post('desk/sessions/:sessionId/check-in')
  @Roles('helper', 'coordinator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'My shift on the session has started' })
  checkIn(@CurrentUser() user: AuthUser, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<void> {
    return this.desk.checkIn(user, sessionId);
  }

  @Post('desk/sessions/:sessionId/check-out')
  @Roles('helper', 'coordinator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'My shift has ended; a pending hours entry is created' })
  checkOut(@CurrentUser() user: AuthUser, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<void> {
    return this.desk.checkOut(user, sessionId);
  }

  @Put('desk/bookings/:bookingId/attendance')
  @Roles('helper', 'coordinator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Checked in, no-show, or undone' })
  attendance(@CurrentUser() user: AuthUser, @Param('bookingId', ParseUUIDPipe) bookingId: string, @Body() body: AttendanceDto): Promise<void> {
    return this.desk.setAttendance(user, bookingId, body.attendance);
  }

  @Get('desk/sessions/:sessionId/report-draft')
  @Roles('helper', 'coordinator')
  @ApiOkResponse({ type: SessionReportDraftDto, description: 'Counts from the log, to confirm' })
  reportDraft(@CurrentUser() user: AuthUser, @Param('sessionId', ParseUUIDPipe) sessionId: string): Promise<SessionReportDraftDto> {
    return this.desk.reportDraft(user, sessionId);
  }

  @Post('desk/sessions/:sessionId/report')
  @Roles('helper', 'coordinator')
  @HttpCode(201)
  @ApiBody({ type: SessionReportInputDto })
  @ApiCreatedResponse({ description: 'Confirmed; equipment problems stay open for the coordinator until fixed' })
  report(@CurrentUser() user: AuthUser, @Param('sessionId', ParseUUIDPipe) sessionId: string, @Body() body: unknown): Promise<void> {
    return this.desk.confirmReport(user, sessionId, body);
  }

  @Get('equipment-issues')
  @Roles('coordinator')
  @ApiOkResponse({ type: EquipmentIssueDto, isArray: true })
  equipment(@Query() query: EquipmentQueryDto): Promise<EquipmentIssueDto[]> {
    return this.desk.equipmentIssues(query.open ?? true);
  }

  @Post('equipment-issues/:id/fixed')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiNoContentResponse()
  fixed(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.desk.markFixed(user, id);
  }
}
