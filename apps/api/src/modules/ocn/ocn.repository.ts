import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Assessment, CriterionDecision, EvidenceInput, EvidenceView, OcnModule, OcnModuleInput } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';

export interface StoredAssessment extends Assessment {
  id: string | null;
  assessorName: string | null;
  qualityAssurerName: string | null;
}

@Injectable()
export class OcnRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Modules with their outcomes and criteria, in number order: one query. */
  async modules(id?: string, tx: EntityManager = this.db.manager): Promise<OcnModule[]> {
    const rows: OcnModule[] = await tx.query(
      `SELECT m.id, m.title, m.level, m.credits,
              coalesce((SELECT json_agg(json_build_object('number', o.number, 'text', o.text, 'criteria',
                         coalesce((SELECT json_agg(json_build_object('id', c.id, 'number', c.number, 'text', c.text)
                                           ORDER BY string_to_array(c.number, '.')::int[])
                                     FROM ocn_criterion c WHERE c.outcome_id = o.id), '[]'))
                         ORDER BY o.number)
                  FROM ocn_outcome o WHERE o.module_id = m.id), '[]') AS outcomes
         FROM ocn_module m WHERE ($1::uuid IS NULL OR m.id = $1) ORDER BY m.level, m.title`,
      [id ?? null],
    );
    return rows;
  }

  /**
   * Writes a module: outcomes are renumbered in order, criteria keep their id (evidence and decisions
   * point at them), new criteria are added, and criteria left out are removed — which the database
   * refuses (foreign keys) for one that has evidence or a decision.
   */
  async saveModule(tx: EntityManager, input: OcnModuleInput, id?: string): Promise<string> {
    let moduleId = id;
    if (moduleId) await tx.query(`UPDATE ocn_module SET title = $2, level = $3, credits = $4, updated_at = $5 WHERE id = $1`, [moduleId, input.title, input.level, input.credits, currentTime()]);
    else moduleId = ((await tx.query(`INSERT INTO ocn_module (title, level, credits) VALUES ($1, $2, $3) RETURNING id`, [input.title, input.level, input.credits])) as { id: string }[])[0]?.id;
    if (!moduleId) throw new Error('module not saved');
    const kept = input.outcomes.flatMap((o) => o.criteria.map((c) => c.id).filter((c): c is string => !!c));
    // Numbers are unique per outcome: park the kept criteria on temporary numbers before renumbering.
    await tx.query(`UPDATE ocn_criterion c SET number = 'x' || left(c.id::text, 7) FROM ocn_outcome o WHERE o.id = c.outcome_id AND o.module_id = $1`, [moduleId]);
    await tx.query(`UPDATE ocn_outcome SET number = -number - 100 WHERE module_id = $1`, [moduleId]);
    await tx.query(`DELETE FROM ocn_criterion c USING ocn_outcome o WHERE o.id = c.outcome_id AND o.module_id = $1 AND NOT (c.id = ANY($2::uuid[]))`, [moduleId, kept]);
    const outcomeIds: string[] = [];
    for (const [i, outcome] of input.outcomes.entries()) {
      const [row] = (await tx.query(`INSERT INTO ocn_outcome (module_id, number, text) VALUES ($1, $2, $3) RETURNING id`, [moduleId, i + 1, outcome.text])) as { id: string }[];
      outcomeIds.push(row?.id ?? '');
      for (const [j, criterion] of outcome.criteria.entries()) {
        const number = `${i + 1}.${j + 1}`;
        if (criterion.id) await tx.query(`UPDATE ocn_criterion SET outcome_id = $2, number = $3, text = $4 WHERE id = $1`, [criterion.id, row?.id, number, criterion.text]);
        else await tx.query(`INSERT INTO ocn_criterion (outcome_id, number, text) VALUES ($1, $2, $3)`, [row?.id, number, criterion.text]);
      }
    }
    await tx.query(`DELETE FROM ocn_outcome WHERE module_id = $1 AND NOT (id = ANY($2::uuid[]))`, [moduleId, outcomeIds]);
    return moduleId;
  }

  async lockModule(tx: EntityManager, id: string): Promise<boolean> {
    return ((await tx.query(`SELECT 1 FROM ocn_module WHERE id = $1 FOR UPDATE`, [id])) as unknown[]).length === 1;
  }

  async hasSignOff(moduleId: string, tx: EntityManager): Promise<boolean> {
    return ((await tx.query(`SELECT 1 FROM assessment WHERE module_id = $1 AND quality_assurer_id IS NOT NULL LIMIT 1`, [moduleId])) as unknown[]).length === 1;
  }

  /** Ids of criteria of the module that have evidence or a decision. */
  async criteriaInUse(moduleId: string, tx: EntityManager = this.db.manager): Promise<Set<string>> {
    const rows: { id: string }[] = await tx.query(
      `SELECT c.id FROM ocn_criterion c JOIN ocn_outcome o ON o.id = c.outcome_id
        WHERE o.module_id = $1 AND (EXISTS (SELECT 1 FROM evidence_criterion ec WHERE ec.criterion_id = c.id)
                                   OR EXISTS (SELECT 1 FROM assessment_decision d WHERE d.criterion_id = c.id))`,
      [moduleId],
    );
    return new Set(rows.map((r) => r.id));
  }

  async helper(id: string): Promise<{ id: string; name: string } | null> {
    const rows: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM app_user WHERE id = $1 AND role = 'helper'`, [id]);
    return rows[0] ?? null;
  }

  async evidence(helperId: string, moduleId: string): Promise<EvidenceView[]> {
    const rows: (Omit<EvidenceView, 'createdAt'> & { createdAt: Date })[] = await this.db.query(
      `SELECT e.id, e.kind, e.text, e.statistics, a.name AS "authorName", e.created_at AS "createdAt",
              coalesce((SELECT array_agg(ec.criterion_id ORDER BY ec.criterion_id) FROM evidence_criterion ec WHERE ec.evidence_id = e.id), '{}') AS "criterionIds",
              coalesce((SELECT json_agg(json_build_object('id', h.id, 'date', to_char(h.date, 'YYYY-MM-DD'), 'minutes', h.minutes, 'activity', h.activity) ORDER BY h.date)
                          FROM hours_entry h WHERE h.id = ANY(e.hours_entry_ids) AND h.helper_id = e.helper_id AND h.status = 'approved'), '[]') AS hours
         FROM evidence e JOIN app_user a ON a.id = e.author_id
        WHERE e.helper_id = $1 AND e.module_id = $2 ORDER BY e.created_at`,
      [helperId, moduleId],
    );
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  async insertEvidence(helperId: string, moduleId: string, input: EvidenceInput, statistics: Record<string, number> | null, authorId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Shares the module's lock with catalogue edits: a criterion cannot disappear under new evidence.
      await tx.query(`SELECT 1 FROM ocn_module WHERE id = $1 FOR SHARE`, [moduleId]);
      const [row] = (await tx.query(
        `INSERT INTO evidence (helper_id, module_id, kind, text, hours_entry_ids, statistics, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [helperId, moduleId, input.kind, input.text, input.hoursEntryIds, statistics === null ? null : JSON.stringify(statistics), authorId],
      )) as { id: string }[];
      await tx.query(`INSERT INTO evidence_criterion (evidence_id, criterion_id) SELECT $1, unnest($2::uuid[])`, [row?.id, input.criterionIds]);
    });
  }

  /** How many of these hours entries are the helper's own and approved. */
  async ownApprovedHours(helperId: string, ids: string[]): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM hours_entry WHERE helper_id = $1 AND status = 'approved' AND id = ANY($2::uuid[])`, [helperId, ids]);
    return (row as { n: number }).n;
  }

  /** Counts per category of the visits the helper logged: their own work, never the help-seekers' data. */
  async visitStatistics(helperId: string): Promise<Record<string, number>> {
    const rows: { category: string; n: number }[] = await this.db.query(
      `SELECT c AS category, count(*)::int AS n FROM visit v, unnest(v.categories) AS c WHERE v.helper_id = $1 GROUP BY c ORDER BY c`,
      [helperId],
    );
    return Object.fromEntries(rows.map((r) => [r.category, r.n]));
  }

  async assessment(helperId: string, moduleId: string, tx: EntityManager = this.db.manager, lock = false): Promise<StoredAssessment> {
    const rows: { id: string; assessor_id: string | null; assessed_at: Date | null; qa_id: string | null; qa_at: Date | null; assessor: string | null; qa: string | null }[] = await tx.query(
      `SELECT a.id, a.assessor_id, a.assessed_at, a.quality_assurer_id AS qa_id, a.quality_assured_at AS qa_at, s.name AS assessor, q.name AS qa
         FROM assessment a LEFT JOIN app_user s ON s.id = a.assessor_id LEFT JOIN app_user q ON q.id = a.quality_assurer_id
        WHERE a.helper_id = $1 AND a.module_id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [helperId, moduleId],
    );
    const r = rows[0];
    if (!r) return { id: null, decisions: {}, assessorId: null, assessedAt: null, qualityAssurerId: null, qualityAssuredAt: null, assessorName: null, qualityAssurerName: null };
    const decisions: { criterion_id: string; met: boolean; comment: string | null }[] = await tx.query(`SELECT criterion_id, met, comment FROM assessment_decision WHERE assessment_id = $1`, [r.id]);
    return {
      id: r.id,
      decisions: Object.fromEntries(decisions.map((d) => [d.criterion_id, { met: d.met, comment: d.comment }])),
      assessorId: r.assessor_id,
      assessedAt: r.assessed_at,
      qualityAssurerId: r.qa_id,
      qualityAssuredAt: r.qa_at,
      assessorName: r.assessor,
      qualityAssurerName: r.qa,
    };
  }

  async saveAssessment(tx: EntityManager, helperId: string, moduleId: string, assessorId: string, at: Date, decisions: Readonly<Record<string, CriterionDecision>>): Promise<void> {
    await tx.query(`SELECT 1 FROM ocn_module WHERE id = $1 FOR SHARE`, [moduleId]);
    const [row] = (await tx.query(
      `INSERT INTO assessment (helper_id, module_id, assessor_id, assessed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (helper_id, module_id) DO UPDATE SET assessor_id = excluded.assessor_id, assessed_at = excluded.assessed_at
       RETURNING id`,
      [helperId, moduleId, assessorId, at],
    )) as { id: string }[];
    await tx.query(`DELETE FROM assessment_decision WHERE assessment_id = $1`, [row?.id]);
    for (const [criterionId, d] of Object.entries(decisions)) {
      await tx.query(`INSERT INTO assessment_decision (assessment_id, criterion_id, met, comment) VALUES ($1, $2, $3, $4)`, [row?.id, criterionId, d.met, d.comment]);
    }
  }

  async qualityAssure(tx: EntityManager, assessmentId: string, by: string, at: Date): Promise<void> {
    await tx.query(`UPDATE assessment SET quality_assurer_id = $2, quality_assured_at = $3 WHERE id = $1`, [assessmentId, by, at]);
  }
}
