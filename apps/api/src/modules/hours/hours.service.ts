import { Injectable } from '@nestjs/common';
import {
  assertCanDecide,
  assertHoursFitTheDay,
  HoursError,
  localDateOf,
  PAGE_SIZES,
  parseHoursInput,
  type AuthUser,
  type HoursEntryView,
  type Page,
  type MonthlyReportView,
  type MyHoursView,
  type OrganisationView,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { toCsv } from '../../common/csv';
import { heading, renderPdf } from '../../common/pdf';
import { AuditService } from '../audit/audit.service';
import { HoursRepository } from './hours.repository';

const ZONE = 'Europe/Stockholm';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

function monthRange(month: string): { from: string; to: string } {
  if (!MONTH.test(month)) throw HoursError.invalid({ month: 'Skriv månaden som ÅÅÅÅ-MM.' });
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

@Injectable()
export class HoursService {
  constructor(
    private readonly repo: HoursRepository,
    private readonly audit: AuditService,
  ) {}

  currentMonth(now = currentTime()): string {
    return localDateOf(now, ZONE).slice(0, 7);
  }

  async mine(helper: AuthUser, month: string): Promise<MyHoursView> {
    const { from, to } = monthRange(month);
    const entries = await this.repo.ofHelper(helper.id, from, to);
    const sum = (status: string) => entries.filter((e) => e.status === status).reduce((n, e) => n + e.minutes, 0);
    return { month, entries, monthApprovedMinutes: sum('approved'), monthPendingMinutes: sum('pending'), totalApprovedMinutes: await this.repo.approvedMinutes(helper.id) };
  }

  async add(helper: AuthUser, body: unknown, now = currentTime()): Promise<HoursEntryView> {
    const input = parseHoursInput(body, localDateOf(now, ZONE));
    const id = await this.repo.transaction(async (tx) => {
      await this.repo.lockHelper(tx, helper.id);
      assertHoursFitTheDay(input, await this.repo.sameDay(tx, helper.id, input.date));
      const created = await this.repo.insert(tx, helper.id, input);
      await this.audit.record({ actorId: helper.id, action: 'create', entity: 'hours_entry', entityId: created, details: { date: input.date, minutes: input.minutes, activity: input.activity } }, tx);
      return created;
    });
    const entry = await this.repo.find(id);
    if (!entry) throw HoursError.notFound();
    return entry;
  }

  pending(page = 1): Promise<Page<HoursEntryView>> {
    return this.repo.pending(page, PAGE_SIZES.pendingHours);
  }

  /** Approves or rejects several entries at once: all or none, each audited. */
  async decide(by: AuthUser, ids: string[], decision: 'approved' | 'rejected', reason: string | null, now = currentTime()): Promise<number> {
    const unique = [...new Set(ids)];
    return this.repo.transaction(async (tx) => {
      const entries = await this.repo.lockEntries(tx, unique);
      if (entries.length !== unique.length) throw HoursError.notFound();
      for (const entry of entries) {
        assertCanDecide(entry, by.id, decision, reason);
        await this.repo.decide(tx, entry.id, decision, by.id, now, decision === 'rejected' ? (reason?.trim() ?? null) : null);
        await this.audit.record({ actorId: by.id, action: decision === 'approved' ? 'approve' : 'reject', entity: 'hours_entry', entityId: entry.id, details: { reason } }, tx);
      }
      return entries.length;
    });
  }

  /** A helper's hours as CSV (their own, or any helper's for a coordinator); audited. */
  async csv(by: AuthUser, helperId: string): Promise<string> {
    const entries = await this.repo.ofHelper(helperId);
    await this.audit.record({ actorId: by.id, action: 'export', entity: 'hours_entry', entityId: helperId, details: { rows: entries.length } });
    const rows = entries.map((e) => [e.date, e.activity, e.minutes, hours(e.minutes), e.status, e.flagged ? 'ja' : '', e.decidedBy ?? '', e.reflection ?? '']);
    return toCsv(['datum', 'aktivitet', 'minuter', 'timmar', 'status', 'kontrollera', 'beslut av', 'reflektion'], rows);
  }

  organisations(): Promise<OrganisationView[]> {
    return this.repo.organisations();
  }

  async saveOrganisation(by: AuthUser, input: Omit<OrganisationView, 'id'>, id?: string): Promise<OrganisationView> {
    if (id && !(await this.repo.organisation(id))) throw HoursError.organisationNotFound();
    const saved = await this.repo.saveOrganisation({ ...input, name: input.name.trim(), id });
    if (!saved) throw HoursError.invalid({ name: 'Det finns redan en organisation med det namnet.' });
    await this.audit.record({ actorId: by.id, action: id ? 'update' : 'create', entity: 'organisation', entityId: saved.id, details: { ...input } });
    return saved;
  }

  async setOrganisation(by: AuthUser, helperId: string, organisationId: string | null): Promise<void> {
    if (organisationId && !(await this.repo.organisation(organisationId))) throw HoursError.organisationNotFound();
    if (!(await this.repo.setOrganisation(helperId, organisationId))) throw HoursError.invalid({ helperId: 'Välj en digivärd.' });
    await this.audit.record({ actorId: by.id, action: 'update', entity: 'app_user', entityId: helperId, details: { organisationId } });
  }

  async monthlyReport(organisationId: string, month: string): Promise<MonthlyReportView> {
    const organisation = await this.repo.organisation(organisationId);
    if (!organisation) throw HoursError.organisationNotFound();
    const { from, to } = monthRange(month);
    const perHelper = await this.repo.approvedByHelper(organisationId, from, to);
    const total = perHelper.reduce((n, h) => n + h.minutes, 0);
    const fee = (minutes: number) => (organisation.hourlyRate === null ? null : Math.round((minutes / 60) * organisation.hourlyRate * 100) / 100);
    return {
      organisation,
      month,
      // Organisations paid directly see the total only: no figures per person.
      helpers: organisation.feeRecipient === 'person' ? perHelper.map((h) => ({ helperId: h.helperId, name: h.name, approvedMinutes: h.minutes, fee: fee(h.minutes) })) : null,
      totalApprovedMinutes: total,
      totalFee: fee(total),
    };
  }

  async monthlyReportCsv(by: AuthUser, organisationId: string, month: string): Promise<string> {
    const report = await this.monthlyReport(organisationId, month);
    await this.audit.record({ actorId: by.id, action: 'export', entity: 'organisation_report', entityId: organisationId, details: { month, format: 'csv' } });
    const rows = (report.helpers ?? []).map((h) => [h.name, hours(h.approvedMinutes), h.fee ?? '']);
    return toCsv(['digivärd', 'godkända timmar', 'arvode (kr)'], [...rows, ['Totalt', hours(report.totalApprovedMinutes), report.totalFee ?? '']]);
  }

  async monthlyReportPdf(by: AuthUser, organisationId: string, month: string): Promise<Buffer> {
    const report = await this.monthlyReport(organisationId, month);
    await this.audit.record({ actorId: by.id, action: 'export', entity: 'organisation_report', entityId: organisationId, details: { month, format: 'pdf' } });
    const who = report.organisation.feeRecipient === 'person' ? 'Arvodet betalas till varje digivärd.' : 'Arvodet betalas till organisationen.';
    return renderPdf({ title: `Timmar ${month} – ${report.organisation.name}` }, (doc) => {
      heading(doc, `Godkända timmar ${month}`, 18);
      doc.text(report.organisation.name).text(who);
      if (report.organisation.hourlyRate !== null) doc.text(`Timarvode: ${report.organisation.hourlyRate} kr`);
      heading(doc, 'Timmar');
      for (const h of report.helpers ?? []) doc.text(`${h.name}: ${hours(h.approvedMinutes)} h${h.fee !== null ? `, ${h.fee} kr` : ''}`);
      doc.moveDown(0.5).font('Helvetica-Bold').text(`Totalt: ${hours(report.totalApprovedMinutes)} h${report.totalFee !== null ? `, ${report.totalFee} kr` : ''}`);
    });
  }
}
