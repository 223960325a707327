import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Language } from '@digihjalpen/domain';
import { ApiErrorDto } from '../../common/api-error.dto';
import { RequestLanguage } from '../../common/language';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorator';
import { bookingCalendar } from './booking-mail';
import { toBookingCreatedDto, toBookingDto } from './bookings.mapper';
import { BookingsService } from './bookings.service';
import { BookingCreatedDto, BookingDto, BookingRequestDto, MoveBookingDto, SlotTakenDto } from './dto/booking.dto';

/**
 * Booking without an account. The manage token in the path is the only key to a booking: a wrong
 * or revoked one is a 404 that says nothing about whether a booking exists. Messages follow
 * ?lang= or Accept-Language.
 */
@ApiTags('public')
@Public()
@Controller('public/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  @RateLimit('booking')
  @ApiBody({ type: BookingRequestDto })
  @ApiCreatedResponse({ type: BookingCreatedDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING with a message per field, or BOOKING_REFUSED' })
  @ApiConflictResponse({ type: SlotTakenDto, description: 'SLOT_FULL or SLOT_NOT_BOOKABLE with the nearest free times; TOO_MANY_BOOKINGS' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto })
  async create(@Body() body: unknown, @RequestLanguage() lang: Language): Promise<BookingCreatedDto> {
    const { booking, manageToken } = await this.bookings.book(body, lang);
    return toBookingCreatedDto(booking, manageToken, this.bookings.manageUrl(booking));
  }

  @Get(':token')
  @RateLimit('manage')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: BookingDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async get(@Param('token') token: string, @RequestLanguage() lang: Language): Promise<BookingDto> {
    return toBookingDto(await this.bookings.get(token, lang), token);
  }

  @Delete(':token')
  @HttpCode(204)
  @RateLimit('manage')
  @ApiNoContentResponse({ description: 'Cancelled (also when it already was); the seat is free again' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async cancel(@Param('token') token: string, @RequestLanguage() lang: Language): Promise<void> {
    await this.bookings.cancel(token, lang);
  }

  @Post(':token/move')
  @HttpCode(200)
  @RateLimit('manage')
  @ApiBody({ type: MoveBookingDto })
  @ApiOkResponse({ type: BookingDto })
  @ApiConflictResponse({ type: SlotTakenDto, description: 'The new time is taken (with free times), or the booking is cancelled' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'BOOKING_SITE_FIXED: library staff made this booking; it moves only to another time at their library' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async move(@Param('token') token: string, @Body() body: unknown, @RequestLanguage() lang: Language): Promise<BookingDto> {
    return toBookingDto(await this.bookings.move(token, body, lang), token);
  }

  @Get(':token/calendar.ics')
  @RateLimit('manage')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="digihjalpen.ics"')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The booking as a calendar file (METHOD:PUBLISH, the site’s VTIMEZONE, a stable UID)' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async calendar(@Param('token') token: string, @RequestLanguage() lang: Language): Promise<string> {
    const booking = await this.bookings.get(token, lang);
    return bookingCalendar(booking, this.bookings.manageUrl(booking));
  }
}
