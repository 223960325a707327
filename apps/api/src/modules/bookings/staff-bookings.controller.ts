import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { ApiErrorDto } from '../../common/api-error.dto';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { toBookingCreatedDto } from './bookings.mapper';
import { BookingsService } from './bookings.service';
import { BookingCreatedDto, SlotTakenDto, StaffBookingRequestDto } from './dto/booking.dto';
import { StaffBookingDetailDto, StaffBookingPageDto, StaffBookingQueryDto, StaffCancelDto, StaffMoveDto, SuspiciousRunCancelledDto } from './dto/staff-booking.dto';
import { StaffBookingsService } from './staff-bookings.service';

const SCOPE = 'Coordinators: every site; library staff: their own site (403 OTHER_SITE); helpers: sessions they have a shift on today (403 NOT_ON_SHIFT_TODAY)';

/**
 * Bookings for staff: book for someone who phones or comes to the desk, find, see, cancel and move one
 * booking. Messages in Swedish; the person hears about changes in their own language.
 */
@ApiTags('bookings')
@Controller('staff/bookings')
export class StaffBookingsController {
  constructor(
    private readonly bookings: BookingsService,
    private readonly staff: StaffBookingsService,
  ) {}

  @Post()
  @Roles('coordinator', 'partner', 'library-staff', 'helper')
  @ApiBody({ type: StaffBookingRequestDto })
  @ApiCreatedResponse({ type: BookingCreatedDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING with a Swedish message per field' })
  @ApiConflictResponse({ type: SlotTakenDto, description: 'SLOT_FULL or SLOT_NOT_BOOKABLE with the nearest free times; TOO_MANY_BOOKINGS' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: `${SCOPE}; partners anywhere` })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_REQUESTS with Retry-After: STAFF_BOOKINGS_PER_HOUR per account, PARTNER_BOOKINGS_PER_WEEK per partner organisation (Swedish message naming the limit)' })
  async create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<BookingCreatedDto> {
    const { booking, manageToken } = await this.bookings.book(body, 'sv', undefined, user);
    return toBookingCreatedDto(booking, manageToken, this.bookings.manageUrl(booking));
  }

  @Get()
  @Roles('coordinator', 'library-staff', 'helper')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: StaffBookingPageDto, description: 'Bookings found by reference, name or phone, and/or a site, a day, a session or only flagged ones; 50 a page, by time' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING_SEARCH' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: SCOPE })
  // The query is checked by the domain's parser (one validator per input), so it is not a class here.
  @ApiQuery({ type: StaffBookingQueryDto })
  list(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>): Promise<StaffBookingPageDto> {
    return this.staff.list(user, query);
  }

  @Get(':id')
  @Roles('coordinator', 'library-staff', 'helper')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: StaffBookingDetailDto, description: 'The booking, with counts of how it went at the same contact’s other bookings' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: SCOPE })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StaffBookingDetailDto> {
    return this.staff.get(user, id);
  }

  @Post(':id/cancel')
  @Roles('coordinator', 'library-staff', 'helper')
  @HttpCode(200)
  @ApiBody({ type: StaffCancelDto })
  @ApiOkResponse({ type: StaffBookingDetailDto, description: 'Cancelled; the seat is free and the person is told why, in their language' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING_CHANGE: the reason is missing' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'BOOKING_STARTED or BOOKING_CANCELLED' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: SCOPE })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<StaffBookingDetailDto> {
    return this.staff.cancel(user, id, body);
  }

  @Post(':id/cancel-run')
  @Roles('coordinator', 'library-staff', 'helper')
  @HttpCode(200)
  @ApiBody({ type: StaffCancelDto })
  @ApiOkResponse({
    type: SuspiciousRunCancelledDto,
    description: 'Every booking of this booking’s suspicious run that the caller may change is cancelled; the seats are free and each person with an e-mail is told why',
  })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING_CHANGE: the reason is missing' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'BOOKING_NOT_FLAGGED' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: `${SCOPE} (for the booking asked about; of the rest only those in scope are cancelled)` })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  cancelRun(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<SuspiciousRunCancelledDto> {
    return this.staff.cancelRun(user, id, body);
  }

  @Post(':id/move')
  @Roles('coordinator', 'library-staff', 'helper')
  @HttpCode(200)
  @ApiBody({ type: StaffMoveDto })
  @ApiOkResponse({ type: StaffBookingDetailDto, description: 'Moved; the person is told the new time and why, in their language' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING_CHANGE: the reason or the new time is missing' })
  @ApiConflictResponse({ type: SlotTakenDto, description: 'SLOT_FULL / SLOT_NOT_BOOKABLE with free times; BOOKING_STARTED; BOOKING_CANCELLED' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: `${SCOPE}; also for the new time's site` })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  move(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<StaffBookingDetailDto> {
    return this.staff.move(user, id, body);
  }
}
