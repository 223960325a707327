import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiGoneResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Language } from '@digihjalpen/domain';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { clientNetwork } from '../auth/client-address';
import { ApiErrorDto } from '../../common/api-error.dto';
import { RequestLanguage } from '../../common/language';
import { RateLimit } from '../../common/rate-limit';
import { Public } from '../auth/access.decorator';
import { bookingCalendar } from './booking-mail';
import { toBookingCreatedDto, toBookingDto, toBookingNeedsDto } from './bookings.mapper';
import { BookingsService } from './bookings.service';
import { BookingCreatedDto, BookingDto, BookingNeedsDto, BookingRequestDto, ConfirmContactDto, MoveBookingDto, SlotTakenDto } from './dto/booking.dto';

/**
 * Booking without an account. The manage token in the path is the only key to a booking: a wrong
 * or revoked one is a 404 that says nothing about whether a booking exists. A link ends (410
 * BOOKING_LINK_ENDED on every route under it) at once when the booking is cancelled and
 * MANAGE_LINK_HOURS after its session. Messages follow ?lang= or Accept-Language.
 */
@ApiTags('public')
@Public()
@Controller('public/bookings')
export class BookingsController {
  constructor(
    private readonly bookings: BookingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @RateLimit('booking')
  @ApiBody({ type: BookingRequestDto })
  @ApiCreatedResponse({ type: BookingCreatedDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING with a message per field, or BOOKING_REFUSED' })
  @ApiConflictResponse({ type: SlotTakenDto, description: 'SLOT_FULL or SLOT_NOT_BOOKABLE with the nearest free times; TOO_MANY_BOOKINGS' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'Too many bookings from this network; CONTACTLESS_DAY_FULL: the day has its bookings without e-mail or phone' })
  async create(@Body() body: unknown, @RequestLanguage() lang: Language, @Req() req: Request): Promise<BookingCreatedDto> {
    const { booking, manageToken } = await this.bookings.book(body, lang, undefined, undefined, clientNetwork(req, this.config.network));
    return toBookingCreatedDto(booking, manageToken, this.bookings.manageUrl(booking));
  }

  @Get(':token')
  @RateLimit('manage')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: BookingDto, description: 'The contact details masked, the needs counted' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'BOOKING_LINK_ENDED' })
  async get(@Param('token') token: string, @RequestLanguage() lang: Language): Promise<BookingDto> {
    return toBookingDto(await this.bookings.get(token, lang), token);
  }

  @Get(':token/needs')
  @RateLimit('manage')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: BookingNeedsDto, description: 'What the person wants help with; the web asks only when the person clicks to see it' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'BOOKING_LINK_ENDED' })
  async needs(@Param('token') token: string, @RequestLanguage() lang: Language): Promise<BookingNeedsDto> {
    return toBookingNeedsDto(await this.bookings.get(token, lang));
  }

  @Post(':token/confirm-contact')
  @HttpCode(204)
  @RateLimit('manage')
  @ApiBody({ type: ConfirmContactDto })
  @ApiNoContentResponse({ description: 'The contact the proof was sent to is confirmed: the booking counts toward its limit from any network' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_BOOKING: the body is not { proof }' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'A wrong token or a wrong proof (the same answer)' })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'BOOKING_LINK_ENDED' })
  async confirmContact(@Param('token') token: string, @Body() body: unknown, @RequestLanguage() lang: Language): Promise<void> {
    await this.bookings.confirmContact(token, body, lang);
  }

  @Delete(':token')
  @HttpCode(204)
  @RateLimit('manage')
  @ApiNoContentResponse({ description: 'Cancelled (also when another request cancelled it a moment before); the seat is free again' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'BOOKING_LINK_ENDED: cancelled earlier, or the session is over' })
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
  @ApiGoneResponse({ type: ApiErrorDto, description: 'BOOKING_LINK_ENDED' })
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
  @ApiGoneResponse({ type: ApiErrorDto, description: 'BOOKING_LINK_ENDED' })
  async calendar(@Param('token') token: string, @RequestLanguage() lang: Language): Promise<string> {
    const booking = await this.bookings.get(token, lang);
    return bookingCalendar(booking, this.bookings.manageUrl(booking));
  }
}
