import { Injectable, type OnModuleInit } from '@nestjs/common';
import { localDateOf, previousWeek, type AuthUser, type DashboardView, type UnderstaffedSession } from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { AuthRepository } from '../auth/auth.repository';
import { JobQueue } from '../jobs/job-queue';
import { MailService } from '../notifications/mail.service';
import { InsightsService } from './insights.service';

export const WEEKLY_SUMMARY_QUEUE = 'weekly-summary';
export const WEEKLY_SUMMARY_MAIL_QUEUE = 'weekly-summary-mail';

interface SummaryMailJob {
  email: string;
  name: string;
}

const DAY_MS = 86_400_000;
const ZONE = 'Europe/Stockholm';

/**
 * The Monday e-mail coordinators can ask for: last week's numbers and the coming week's sessions that
 * lack helpers. The cron job (one run per Monday across all API instances) queues one mail per
 * coordinator; each mail is retried on its own if the mail server is away.
 */
@Injectable()
export class WeeklySummary implements OnModuleInit {
  constructor(
    private readonly insights: InsightsService,
    private readonly users: AuthRepository,
    private readonly jobs: JobQueue,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: WEEKLY_SUMMARY_QUEUE, cron: '0 7 * * 1', retryLimit: 2, handle: async () => void (await this.queueMails()) });
    this.jobs.define<SummaryMailJob>({ name: WEEKLY_SUMMARY_MAIL_QUEUE, retryLimit: 5, handle: (job) => this.send(job) });
  }

  async setting(user: AuthUser): Promise<{ enabled: boolean }> {
    return { enabled: await this.users.weeklySummary(user.id) };
  }

  async choose(user: AuthUser, enabled: boolean): Promise<{ enabled: boolean }> {
    await this.users.setWeeklySummary(user.id, enabled);
    return { enabled };
  }

  async queueMails(): Promise<number> {
    const recipients = await this.users.weeklySummaryRecipients();
    for (const r of recipients) await this.jobs.send<SummaryMailJob>(WEEKLY_SUMMARY_MAIL_QUEUE, { email: r.email, name: r.name });
    return recipients.length;
  }

  async send(to: SummaryMailJob, now = currentTime()): Promise<void> {
    const lastWeek = previousWeek(localDateOf(now, ZONE));
    const [week, capacity] = await Promise.all([this.insights.dashboard(lastWeek, now), this.insights.capacity(now)]);
    const gaps = capacity.understaffed.filter((s) => Date.parse(s.start) < now.getTime() + 7 * DAY_MS);
    await this.mail.send({ to: to.email, subject: `Digihjälpen – veckan som gick (${lastWeek.from})`, text: summaryText(to.name, week, gaps) });
  }
}

const TIME = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const HOURS = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const percent = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 100)} %`);

export function summaryText(name: string, week: DashboardView, gaps: UnderstaffedSession[]): string {
  const t = week.totals;
  const top = week.categories.slice(0, 3).map((c) => `${c.label} (${c.count ?? 0})`);
  return [
    `Hej ${name}!`,
    '',
    `Så gick veckan ${week.from} – ${week.to}:`,
    `- Besök: ${t.visits ?? 0}`,
    `- Bokningar: ${t.bookings ?? 0}, varav ${t.attended ?? 0} kom och ${t.noShows ?? 0} inte kom`,
    `- Bokade platser: ${percent(t.utilisation)}`,
    `- Godkända timmar för digivärdar: ${HOURS.format(t.helperMinutes / 60)}`,
    top.length ? `- Vanligast: ${top.join(', ')}` : '- Inga besök loggades.',
    '',
    gaps.length ? 'De här träffarna den kommande veckan saknar digivärdar:' : 'Alla träffar den kommande veckan har de digivärdar som behövs.',
    ...gaps.map((g) => `- ${g.siteName}, ${TIME.format(new Date(g.start))}: ${g.helpers} av ${g.helpersNeeded}`),
    '',
    'Mer statistik finns under Statistik i Digihjälpen. Du kan stänga av det här mejlet där.',
  ].join('\n');
}
