import { Inject, Injectable } from '@nestjs/common';
import { horizonEnd, localDateOf, SESSION_HORIZON_WEEKS, type Site } from '@digihjalpen/domain';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { SessionRow } from '../schedule/schedule.repository';
import { ScheduleService } from '../schedule/schedule.service';
import { SitesService } from '../sites/sites.service';
import { buildCalendar, type CalendarEvent } from './ical';
import { renderPoster } from './poster';
import { currentTime } from '../../common/clock';

const PAST_WEEKS = 4;
const POSTER_WEEKS = 8;

@Injectable()
export class CalendarService {
  constructor(
    private readonly sites: SitesService,
    private readonly schedules: ScheduleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The public feed of a site: its sessions from four weeks back to the horizon, cancellations included. */
  async siteFeed(slug: string, now = currentTime()): Promise<string> {
    const site = await this.sites.getActiveBySlug(slug);
    const today = localDateOf(now, site.timeZone);
    const from = DateTime.fromISO(today, { zone: site.timeZone }).minus({ weeks: PAST_WEEKS }).toJSDate();
    const to = DateTime.fromISO(horizonEnd(today, SESSION_HORIZON_WEEKS), { zone: site.timeZone }).toJSDate();
    const sessions = await this.schedules.sessionsOf(site, { from, to });
    return buildCalendar({ name: `Digihjälpen – ${site.name}`, timeZone: site.timeZone, events: sessions.map((s) => this.sessionEvent(s, site)) });
  }

  /** The printable A4 poster for the library's notice board (next 8 weeks). */
  async poster(slug: string, now = currentTime()): Promise<string> {
    const site = await this.sites.getActiveBySlug(slug);
    const today = localDateOf(now, site.timeZone);
    const from = DateTime.fromISO(today, { zone: site.timeZone }).toJSDate();
    const to = DateTime.fromISO(horizonEnd(today, POSTER_WEEKS), { zone: site.timeZone }).toJSDate();
    const bookingUrl = `${this.config.publicUrl}/bibliotek/${site.slug}`;
    const qrSvg = await QRCode.toString(bookingUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return renderPoster({ site, sessions: await this.schedules.sessionsOf(site, { from, to }), bookingUrl, qrSvg });
  }

  sessionEvent(session: SessionRow, site: Site): CalendarEvent {
    const lines = [
      session.status === 'cancelled' ? `INSTÄLLT: ${session.cancelReason ?? ''}` : '',
      'Digital hjälp på biblioteket: BankID, e-post, 1177, ansökningar och mobilen.',
      session.dropIn ? 'Du kan komma utan att boka.' : 'Boka en tid innan du kommer.',
      site.directions,
    ];
    return {
      uid: `session-${session.id}@digihjalpen`,
      start: session.start,
      end: session.end,
      sequence: session.sequence,
      cancelled: session.status === 'cancelled',
      summary: `${session.status === 'cancelled' ? 'INSTÄLLT – ' : ''}Digihjälpen på ${site.name}`,
      location: `${site.name}, ${site.address}`,
      description: lines.filter(Boolean).join('\n'),
      url: `${this.config.publicUrl}/bibliotek/${site.slug}`,
      updatedAt: session.updatedAt,
    };
  }
}
