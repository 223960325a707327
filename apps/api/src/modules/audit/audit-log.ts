import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AUDIT_GROUPS, auditActionLabel, InsightsError, isAuditGroup, localDateOf, PAGE_SIZES, parsePeriod, type AuditPage } from '@digihjalpen/domain';
import { DataSource } from 'typeorm';
import { currentTime } from '../../common/clock';

const PAGE_SIZE = PAGE_SIZES.audit;

export interface AuditQuery {
  from?: string;
  to?: string;
  group?: string;
  page?: string;
}

/** Reads the audit log: newest first, a page at a time, by period and group (logins, exports, erasures …). */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(query: AuditQuery, now = currentTime()): Promise<AuditPage> {
    const period = parsePeriod(query, localDateOf(now, 'Europe/Stockholm'));
    const group = query.group ? (isAuditGroup(query.group) ? AUDIT_GROUPS.find((g) => g.key === query.group) : undefined) : null;
    if (group === undefined) throw InsightsError.invalidRange({ group: 'Välj en grupp i listan.' }, 'Filtret behöver rättas.');
    const page = Number(query.page ?? 1);
    const params = [period.from, period.to, group?.actions ?? [], group?.entities ?? [], group !== null];
    const where = `a.at >= ($1::date::timestamp AT TIME ZONE 'Europe/Stockholm') AND a.at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')
      AND (NOT $5 OR a.action LIKE ANY($3::text[]) OR a.entity = ANY($4::text[]))`;
    const [rows, [count]] = await Promise.all([
      this.db.query(
        `SELECT a.id::text, a.at, a.action, a.entity, a.entity_id, a.details, u.name AS actor_name, u.role AS actor_role
           FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
          WHERE ${where} ORDER BY a.at DESC, a.id DESC LIMIT ${PAGE_SIZE} OFFSET $6`,
        [...params, (page - 1) * PAGE_SIZE],
      ) as Promise<{ id: string; at: Date; action: string; entity: string; entity_id: string | null; details: Record<string, unknown>; actor_name: string | null; actor_role: string | null }[]>,
      this.db.query(`SELECT count(*)::int AS n FROM audit_log a WHERE ${where}`, params) as Promise<{ n: number }[]>,
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorName: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        actionLabel: auditActionLabel(r.action, r.entity),
        entity: r.entity,
        entityId: r.entity_id,
        details: r.details,
      })),
      page,
      pageSize: PAGE_SIZE,
      total: count?.n ?? 0,
    };
  }
}
