import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { CalendarService } from './calendar.service';

@ApiTags('public')
@Public()
@Controller('public')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('sites/:slug/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar feed of the site’s sessions (cancelled ones as STATUS:CANCELLED)' })
  siteFeed(@Param('slug') slug: string): Promise<string> {
    return this.calendars.siteFeed(slug);
  }

  @Get('sites/:slug/poster')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Printable A4 poster: the next 8 weeks, address, drop-in note and a QR code to the booking page' })
  poster(@Param('slug') slug: string): Promise<string> {
    return this.calendars.poster(slug);
  }
}
