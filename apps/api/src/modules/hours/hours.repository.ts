import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pageOffset, type HoursEntry, type HoursEntryView, type HoursInput, type LocalDate, type OrganisationView, type Page } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';

interface RawEntry {
  id: string;
  helper_id: string;
  helper_name: string;
  organisation_name: string | null;
  date: string;
  minutes: number;
  activity: HoursEntryView['activity'];
  status: HoursEntryView['status'];
  reflection: string | null;
  flagged: boolean;
  reject_reason: string | null;
  decider: string | null;
  decided_at: Date | null;
}

const ENTRY_SELECT = `
  SELECT h.id, h.helper_id, u.name AS helper_name, o.name AS organisation_name, to_char(h.date, 'YYYY-MM-DD') AS date, h.minutes, h.activity,
         h.status, h.reflection, h.flagged, h.reject_reason, d.name AS decider, h.decided_at
    FROM hours_entry h JOIN app_user u ON u.id = h.helper_id LEFT JOIN organisation o ON o.id = u.organisation_id
    LEFT JOIN app_user d ON d.id = h.decided_by`;

const toView = (r: RawEntry): HoursEntryView => ({
  id: r.id,
  helperId: r.helper_id,
  helperName: r.helper_name,
  organisationName: r.organisation_name,
  date: r.date,
  minutes: r.minutes,
  activity: r.activity,
  status: r.status,
  reflection: r.reflection,
  flagged: r.flagged,
  rejectReason: r.reject_reason,
  decidedBy: r.decider,
  decidedAt: r.decided_at?.toISOString() ?? null,
});

interface RawOrganisation {
  id: string;
  name: string;
  fee_recipient: OrganisationView['feeRecipient'];
  hourly_rate: string | null;
}
const toOrganisation = (r: RawOrganisation): OrganisationView => ({ id: r.id, name: r.name, feeRecipient: r.fee_recipient, hourlyRate: r.hourly_rate === null ? null : Number(r.hourly_rate) });

@Injectable()
export class HoursRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Serialises one helper's new entries, so two at once cannot both slip past the day's limit. */
  async lockHelper(tx: EntityManager, helperId: string): Promise<void> {
    await tx.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [helperId]);
  }

  async sameDay(tx: EntityManager, helperId: string, date: LocalDate): Promise<HoursEntry[]> {
    const rows: { id: string; minutes: number; activity: HoursEntry['activity']; status: HoursEntry['status'] }[] = await tx.query(
      `SELECT id, minutes, activity, status FROM hours_entry WHERE helper_id = $1 AND date = $2`,
      [helperId, date],
    );
    return rows.map((r) => ({ ...r, helperId, date }));
  }

  async insert(tx: EntityManager, helperId: string, input: HoursInput): Promise<string> {
    const [row] = await tx.query(`INSERT INTO hours_entry (helper_id, date, minutes, activity, reflection) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      helperId,
      input.date,
      input.minutes,
      input.activity,
      input.reflection,
    ]);
    return (row as { id: string }).id;
  }

  async find(id: string, tx: EntityManager = this.db.manager): Promise<HoursEntryView | null> {
    const rows: RawEntry[] = await tx.query(`${ENTRY_SELECT} WHERE h.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async lockEntries(tx: EntityManager, ids: string[]): Promise<HoursEntryView[]> {
    await tx.query(`SELECT 1 FROM hours_entry WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    const rows: RawEntry[] = await tx.query(`${ENTRY_SELECT} WHERE h.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toView);
  }

  async decide(tx: EntityManager, id: string, status: 'approved' | 'rejected', by: string, at: Date, reason: string | null): Promise<void> {
    await tx.query(`UPDATE hours_entry SET status = $2, decided_by = $3, decided_at = $4, reject_reason = $5 WHERE id = $1 AND status = 'pending'`, [id, status, by, at, reason]);
  }

  async ofHelper(helperId: string, from?: LocalDate, to?: LocalDate): Promise<HoursEntryView[]> {
    const rows: RawEntry[] = await this.db.query(
      `${ENTRY_SELECT} WHERE h.helper_id = $1 AND ($2::date IS NULL OR h.date >= $2) AND ($3::date IS NULL OR h.date <= $3) ORDER BY h.date DESC, h.created_at DESC`,
      [helperId, from ?? null, to ?? null],
    );
    return rows.map(toView);
  }

  async approvedMinutes(helperId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT coalesce(sum(minutes), 0)::int AS n FROM hours_entry WHERE helper_id = $1 AND status = 'approved'`, [helperId]);
    return (row as { n: number }).n;
  }

  /** One page of the approval queue: flagged entries first, then the oldest. */
  async pending(page: number, pageSize: number): Promise<Page<HoursEntryView>> {
    const [count] = (await this.db.query(`SELECT count(*)::int AS n FROM hours_entry WHERE status = 'pending'`)) as { n: number }[];
    const rows: RawEntry[] = await this.db.query(
      `${ENTRY_SELECT} WHERE h.status = 'pending' ORDER BY h.flagged DESC, h.date, u.name, h.id LIMIT $1 OFFSET $2`,
      [pageSize, pageOffset(page, pageSize)],
    );
    return { items: rows.map(toView), page, pageSize, total: count?.n ?? 0 };
  }

  async organisations(): Promise<OrganisationView[]> {
    return ((await this.db.query(`SELECT id, name, fee_recipient, hourly_rate FROM organisation ORDER BY name`)) as RawOrganisation[]).map(toOrganisation);
  }

  async organisation(id: string): Promise<OrganisationView | null> {
    const rows: RawOrganisation[] = await this.db.query(`SELECT id, name, fee_recipient, hourly_rate FROM organisation WHERE id = $1`, [id]);
    return rows[0] ? toOrganisation(rows[0]) : null;
  }

  /** Inserts or updates; null when another organisation has the name (also when a rename races another). */
  async saveOrganisation(o: Omit<OrganisationView, 'id'> & { id?: string }): Promise<OrganisationView | null> {
    try {
      return await this.writeOrganisation(o);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') return null;
      throw error;
    }
  }

  private async writeOrganisation(o: Omit<OrganisationView, 'id'> & { id?: string }): Promise<OrganisationView | null> {
    const rows: RawOrganisation[] = o.id
      ? ((await this.db.query(
          `UPDATE organisation SET name = $2, fee_recipient = $3, hourly_rate = $4 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM organisation WHERE name = $2 AND id <> $1)
           RETURNING id, name, fee_recipient, hourly_rate`,
          [o.id, o.name, o.feeRecipient, o.hourlyRate],
        )) as [RawOrganisation[], number])[0]
      : await this.db.query(
          `INSERT INTO organisation (name, fee_recipient, hourly_rate) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id, name, fee_recipient, hourly_rate`,
          [o.name, o.feeRecipient, o.hourlyRate],
        );
    return rows[0] ? toOrganisation(rows[0]) : null;
  }

  async setOrganisation(helperId: string, organisationId: string | null): Promise<boolean> {
    const [rows] = (await this.db.query(`UPDATE app_user SET organisation_id = $2 WHERE id = $1 AND role = 'helper' RETURNING id`, [helperId, organisationId])) as [unknown[], number];
    return rows.length === 1;
  }

  /** Approved minutes per helper of an organisation in a date range (helpers without hours included). */
  async approvedByHelper(organisationId: string, from: LocalDate, to: LocalDate): Promise<{ helperId: string; name: string; minutes: number }[]> {
    const rows: { id: string; name: string; minutes: number }[] = await this.db.query(
      `SELECT u.id, u.name, coalesce(sum(h.minutes) FILTER (WHERE h.status = 'approved' AND h.date BETWEEN $2 AND $3), 0)::int AS minutes
         FROM app_user u LEFT JOIN hours_entry h ON h.helper_id = u.id
        WHERE u.organisation_id = $1 GROUP BY u.id, u.name ORDER BY u.name`,
      [organisationId, from, to],
    );
    return rows.map((r) => ({ helperId: r.id, name: r.name, minutes: r.minutes }));
  }
}
