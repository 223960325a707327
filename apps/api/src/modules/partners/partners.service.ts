import { Inject, Injectable } from '@nestjs/common';
import {
  assertPartnerAccess,
  localDateOf,
  OUTCOME_LABELS,
  OUTCOMES,
  parsePartnerInput,
  monthPeriod,
  parseReferralCodeInput,
  PartnerError,
  referralCodeFrom,
  ROUND_TO,
  SiteError,
  SMALL_NUMBER_LIMIT,
  suppressFunnel,
  weekStartOf,
  type AuthUser,
  type FunnelView,
  type PartnerView,
  type ReferralCodeView,
} from '@digihjalpen/domain';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { ScheduleService } from '../schedule/schedule.service';
import { SitesService } from '../sites/sites.service';
import { PartnersRepository, type ReferralCodeRow } from './partners.repository';
import { renderReferralSlip } from './referral-slip';

const SLIP_WEEKS = 4;
const ZONE = 'Europe/Stockholm';

@Injectable()
export class PartnersService {
  constructor(
    private readonly repo: PartnersRepository,
    private readonly sites: SitesService,
    private readonly schedule: ScheduleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<PartnerView[]> {
    return this.repo.list();
  }

  async create(user: AuthUser, body: unknown): Promise<PartnerView> {
    const { name } = parsePartnerInput(body);
    const partner = await this.repo.insert(name);
    await this.audit.record({ actorId: user.id, action: 'partner.created', entity: 'partner', entityId: partner.id, details: { name } });
    return { ...partner, users: 0, activeCodes: 0 };
  }

  async codes(user: AuthUser, partnerId: string): Promise<ReferralCodeView[]> {
    await this.partnerFor(user, partnerId);
    return (await this.repo.codes(partnerId)).map((c) => this.toView(c));
  }

  async createCode(user: AuthUser, partnerId: string, body: unknown): Promise<ReferralCodeView> {
    await this.partnerFor(user, partnerId);
    const input = parseReferralCodeInput(body);
    const site = await this.sites.get(input.siteId).catch((error: unknown) => {
      throw error instanceof SiteError ? PartnerError.invalidCode({ siteId: 'Biblioteket finns inte. Välj ett i listan.' }) : error;
    });
    // 40-bit codes: a clash is rare; draw again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = referralCodeFrom(randomBytes(8));
      if (await this.repo.insertCode({ code, partnerId, siteId: site.id, label: input.label, createdBy: user.id })) {
        await this.audit.record({ actorId: user.id, action: 'referral-code.created', entity: 'referral_code', entityId: null, details: { code, partnerId } });
        return this.toView((await this.repo.code(partnerId, code)) as ReferralCodeRow);
      }
    }
    throw new Error('Could not find a free referral code');
  }

  async revokeCode(user: AuthUser, partnerId: string, code: string): Promise<void> {
    await this.partnerFor(user, partnerId);
    if (!(await this.repo.revokeCode(partnerId, code.toUpperCase()))) throw PartnerError.codeNotFound();
    await this.audit.record({ actorId: user.id, action: 'referral-code.revoked', entity: 'referral_code', entityId: null, details: { code, partnerId } });
  }

  /** The printable slip: code, QR of the booking link, the library and its next times. */
  async slip(user: AuthUser, partnerId: string, code: string, now = currentTime()): Promise<Buffer> {
    const partner = await this.partnerFor(user, partnerId);
    const row = await this.repo.code(partnerId, code.toUpperCase());
    if (!row) throw PartnerError.codeNotFound();
    const site = await this.sites.get(row.siteId);
    const from = now;
    const to = DateTime.fromJSDate(now).plus({ weeks: SLIP_WEEKS }).toJSDate();
    const sessions = (await this.schedule.sessionsOf(site, { from, to })).filter((s) => s.status === 'planned');
    return renderReferralSlip({ code: row.code, url: this.toView(row).url, partnerName: partner.name, site, sessions });
  }

  async funnel(user: AuthUser, partnerId: string, query: { from?: string; to?: string }, now = currentTime()): Promise<FunnelView> {
    const partner = await this.partnerFor(user, partnerId);
    const period = monthPeriod(query, localDateOf(now, ZONE));
    const counts = await this.repo.funnel(partnerId, period, weekStartOf(period.from));
    const byOutcome = new Map(counts.outcomes.map((o) => [o.outcome, o.visits]));
    const shown = suppressFunnel({
      referred: counts.referred,
      booked: counts.booked,
      came: counts.came,
      outcomes: OUTCOMES.map((key) => ({ key, label: OUTCOME_LABELS[key], count: byOutcome.get(key) ?? 0 })),
    });
    return { partnerId, partnerName: partner.name, ...period, suppressedBelow: SMALL_NUMBER_LIMIT, roundedTo: ROUND_TO, ...shown };
  }

  /** Anyone opening a booking page from a code: a counter per code and week, nothing about who. */
  async countOpen(code: string, now = currentTime()): Promise<void> {
    if (!/^[2-9A-Z]{4}-[2-9A-Z]{4}$/i.test(code)) return;
    await this.repo.countOpen(code.toUpperCase(), weekStartOf(localDateOf(now, ZONE)));
  }

  /** The partner, if this user may see it (403 for another partner's id, 404 for one that does not exist). */
  private async partnerFor(user: AuthUser, partnerId: string): Promise<{ id: string; name: string }> {
    assertPartnerAccess(user, partnerId);
    const partner = await this.repo.find(partnerId);
    if (!partner) throw PartnerError.notFound();
    return partner;
  }

  private toView(c: ReferralCodeRow): ReferralCodeView {
    return {
      code: c.code,
      label: c.label,
      siteId: c.siteId,
      site: c.site,
      siteName: c.siteName,
      url: `${this.config.publicUrl}/bibliotek/${c.site}/boka?ref=${c.code}`,
      createdAt: c.createdAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
    };
  }
}
