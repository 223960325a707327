import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import {
  assertCanLogVisit,
  CATEGORY_LABELS,
  localDateOf,
  PAGE_SIZES,
  pageOffset,
  parseVisitInput,
  VISIT_CATEGORIES,
  VisitError,
  type AuthUser,
  type VisitCategoryView,
  type VisitFilter,
  type VisitPage,
  type VisitView,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { csvRows, toCsv } from '../../common/csv';
import { AuditService } from '../audit/audit.service';
import { VisitsRepository } from './visits.repository';

const CSV_MAX_ROWS = 100_000;
const DAY_MS = 86_400_000;

@Injectable()
export class VisitsService {
  constructor(
    private readonly repo: VisitsRepository,
    private readonly audit: AuditService,
  ) {}

  async categories(): Promise<VisitCategoryView[]> {
    const builtin = VISIT_CATEGORIES.map((key) => ({ key, label: CATEGORY_LABELS.sv[key], builtin: true }));
    return [...builtin, ...(await this.repo.customCategories())];
  }

  async addCategory(by: AuthUser, label: string): Promise<VisitCategoryView> {
    const text = label.trim();
    const slug = text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40);
    if (!text || !slug) throw VisitError.invalid({ label: 'Skriv ett namn på kategorin, med bokstäver eller siffror.' });
    const existing = await this.categories();
    if (existing.some((c) => c.label.toLowerCase() === text.toLowerCase())) throw VisitError.invalid({ label: 'Den kategorin finns redan.' });
    const key = `custom-${slug}`;
    if (!(await this.repo.addCategory(key, text, by.id))) throw VisitError.invalid({ label: 'Den kategorin finns redan.' });
    await this.audit.record({ actorId: by.id, action: 'create', entity: 'visit_category', entityId: key, details: { label: text } });
    return { key, label: text, builtin: false };
  }

  /**
   * Logs a visit for a helper on the session. Idempotent on the browser's client id: the same visit
   * sent again (a retry, the offline queue) returns the stored one with `created: false`.
   */
  async log(helper: AuthUser, body: unknown, now = currentTime()): Promise<{ visit: VisitView; created: boolean }> {
    const input = parseVisitInput(body, await this.categoryKeys());
    const earlier = await this.repo.findByClientId(input.clientId);
    if (earlier) return this.sameHelper(earlier, helper);
    const session = await this.repo.sessionForVisit(input.sessionId, helper.id);
    if (!session) throw VisitError.invalid({ sessionId: 'Träffen finns inte.' });
    assertCanLogVisit(session, session.onShift, now);
    if (input.bookingId && !(await this.repo.bookingInSession(input.bookingId, session.id))) {
      throw VisitError.invalid({ bookingId: 'Bokningen hör inte till den här träffen.' });
    }
    const id = await this.repo.insert(input, helper.id, session.siteId, localDateOf(session.start, session.timeZone));
    if (!id) {
      // Two copies of the same visit arrived at once: the other one was stored first.
      const stored = await this.repo.findByClientId(input.clientId);
      if (!stored) throw VisitError.notFound();
      return this.sameHelper(stored, helper);
    }
    const visit = await this.repo.findById(id);
    if (!visit) throw VisitError.notFound();
    return { visit, created: true };
  }

  mine(helper: AuthUser, sessionId: string | null): Promise<VisitView[]> {
    return this.repo.visibleTo(helper.id, sessionId);
  }

  async page(filter: VisitFilter, page: number): Promise<VisitPage> {
    checkRange(filter);
    const found = await this.repo.page(filter, PAGE_SIZES.visits, pageOffset(page, PAGE_SIZES.visits));
    return { ...found, page, pageSize: PAGE_SIZES.visits };
  }

  async update(by: AuthUser, id: string, body: unknown): Promise<VisitView> {
    const before = await this.repo.findById(id);
    if (!before) throw VisitError.notFound();
    const raw = typeof body === 'object' && body !== null ? body : {};
    const input = parseVisitInput({ ...raw, clientId: before.clientId, sessionId: before.sessionId, bookingId: before.bookingId }, await this.categoryKeys());
    return this.repo.transaction(async (tx) => {
      await this.repo.update(tx, id, input);
      const after = await this.repo.findById(id, tx);
      if (!after) throw VisitError.notFound();
      await this.audit.record({ actorId: by.id, action: 'update', entity: 'visit', entityId: id, details: { before: auditable(before), after: auditable(after) } }, tx);
      return after;
    });
  }

  async delete(by: AuthUser, id: string): Promise<void> {
    const before = await this.repo.findById(id);
    if (!before) throw VisitError.notFound();
    await this.repo.transaction(async (tx) => {
      await this.repo.delete(tx, id);
      await this.audit.record({ actorId: by.id, action: 'delete', entity: 'visit', entityId: id, details: { before: auditable(before) } }, tx);
    });
  }

  /**
   * The filtered log as CSV for Swedish spreadsheets (semicolons, UTF-8 with BOM), at most 100,000 visits,
   * written 5,000 at a time: a year of the national log held ~400 MB in one process. The export is audited
   * (with the number of rows it will have) before the first byte is sent.
   */
  async csv(by: AuthUser, filter: VisitFilter): Promise<Readable> {
    checkRange(filter);
    const rows = Math.min(await this.repo.count(filter), CSV_MAX_ROWS);
    const labels = new Map((await this.categories()).map((c) => [c.key, c.label]));
    await this.audit.record({ actorId: by.id, action: 'export', entity: 'visit', details: { filter: { ...filter }, rows } });
    const header = ['datum', 'plats', 'digivärd', 'kategorier', 'samhällsinformation', 'enhet', 'språk', 'minuter', 'utfall', 'hänvisad till', 'kom via', 'återkommande', 'anteckning'];
    const line = (v: VisitView) => [
      v.date,
      v.siteName,
      v.helperName,
      v.categories.map((c) => labels.get(c) ?? c).join(', '),
      v.civicInformation ? 'ja' : 'nej',
      v.device,
      v.language,
      v.durationMinutes,
      v.outcome,
      v.referredTo ?? '',
      v.cameVia,
      v.returning,
      v.note ?? '',
    ];
    const chunks = this.repo.allInChunks(filter, rows);
    return Readable.from(
      (async function* () {
        yield toCsv(header, []);
        for await (const visits of chunks) yield csvRows(visits.map(line));
      })(),
    );
  }

  private async categoryKeys(): Promise<Set<string>> {
    return new Set((await this.categories()).map((c) => c.key));
  }

  private sameHelper(visit: VisitView, helper: AuthUser): { visit: VisitView; created: boolean } {
    if (visit.helperId !== helper.id) throw VisitError.clientIdTaken();
    return { visit, created: false };
  }
}

/** What an audit entry keeps of a visit (no helper name; ids suffice). */
function auditable(v: VisitView): Record<string, unknown> {
  const { helperName: _name, siteName: _site, ...rest } = v;
  return rest;
}

/** Reversed ranges and ranges over five years are refused. */
function checkRange(filter: VisitFilter): void {
  if (filter.from && filter.to) {
    if (filter.from > filter.to) throw VisitError.invalid({ to: 'Slutdatumet är före startdatumet.' });
    if (Date.parse(filter.to) - Date.parse(filter.from) > 5 * 366 * DAY_MS) throw VisitError.invalid({ to: 'Välj högst fem år åt gången.' });
  }
}
