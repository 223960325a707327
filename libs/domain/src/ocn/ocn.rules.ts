import type { EvidenceInput, OcnModuleInput } from './ocn.views';
import { OcnError } from './ocn.errors';
import { EVIDENCE_KINDS, type Assessment, type CriterionDecision, type Evidence, type ModuleProgress, type OcnModule } from './ocn.types';
import { isUuid } from '../shared/ids';

/** 1 credit = 10 notional learning hours (OCN). */
export const NOTIONAL_HOURS_PER_CREDIT = 10;

export function notionalHours(module: Pick<OcnModule, 'credits'>): number {
  return module.credits * NOTIONAL_HOURS_PER_CREDIT;
}

export const criteriaOf = (module: OcnModule) => module.outcomes.flatMap((o) => o.criteria);

/** Progress bars: criteria with at least one piece of evidence, criteria met, and approved against notional hours. */
export function moduleProgress(module: OcnModule, evidence: readonly Evidence[], approvedMinutes: number, decisions: Assessment['decisions'] = {}): ModuleProgress {
  const criteria = criteriaOf(module);
  const evidenced = new Set(evidence.flatMap((e) => e.criterionIds));
  return {
    criteriaWithEvidence: criteria.filter((c) => evidenced.has(c.id)).length,
    criteriaTotal: criteria.length,
    criteriaMet: criteria.filter((c) => decisions[c.id]?.met).length,
    approvedHours: Math.round(approvedMinutes / 6) / 10,
    notionalHours: notionalHours(module),
  };
}

/** The criteria not (yet) met. Credit is all or nothing: logged hours are evidence, never credit. */
export function unmetCriteria(module: OcnModule, decisions: Assessment['decisions']): string[] {
  return criteriaOf(module)
    .filter((c) => !decisions[c.id]?.met)
    .map((c) => c.number);
}

/** Credits awarded: the module's credits when every criterion is met and a different person has quality-assured it; otherwise none. */
export function creditsAwarded(module: OcnModule, assessment: Assessment): number {
  const signedOff = assessment.assessorId !== null && assessment.qualityAssurerId !== null && assessment.qualityAssurerId !== assessment.assessorId;
  return signedOff && unmetCriteria(module, assessment.decisions).length === 0 ? module.credits : 0;
}

/** An assessor records a decision per criterion; every criterion of the module must be decided. */
export function assertCompleteAssessment(module: OcnModule, decisions: Readonly<Record<string, CriterionDecision>>): void {
  const ids = new Set(criteriaOf(module).map((c) => c.id));
  const unknown = Object.keys(decisions).filter((id) => !ids.has(id));
  const missing = criteriaOf(module).filter((c) => !decisions[c.id]);
  if (unknown.length || missing.length) {
    throw OcnError.invalid({ decisions: `Ta ställning till varje kriterium (saknas: ${missing.map((c) => c.number).join(', ') || 'inga'}).` });
  }
}

/**
 * Quality assurance confirms an assessment in which every criterion is met, by someone other than the
 * assessor. Nobody quality-assures work they assessed.
 */
export function assertCanQualityAssure(module: OcnModule, assessment: Assessment, qualityAssurerId: string): void {
  if (!assessment.assessorId || !assessment.assessedAt) throw OcnError.notAssessed();
  if (assessment.qualityAssurerId) throw OcnError.alreadySignedOff();
  if (assessment.assessorId === qualityAssurerId) throw OcnError.sameAssessor();
  const missing = unmetCriteria(module, assessment.decisions);
  if (missing.length) throw OcnError.notAllMet(missing);
}

/** Checks a module of the catalogue as a coordinator writes it. */
export function parseModuleInput(body: unknown): OcnModuleInput {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const title = typeof raw['title'] === 'string' ? raw['title'].trim() : '';
  if (title.length < 3 || title.length > 160) fields['title'] = 'Skriv modulens namn (3–160 tecken).';
  const level = raw['level'];
  if (level !== 1 && level !== 2 && level !== 3) fields['level'] = 'Välj nivå 1, 2 eller 3.';
  const credits = raw['credits'];
  if (typeof credits !== 'number' || !Number.isInteger(credits) || credits < 1 || credits > 60) fields['credits'] = 'Skriv antal poäng som ett heltal mellan 1 och 60.';
  const outcomesRaw = raw['outcomes'];
  const outcomes: OcnModuleInput['outcomes'] = [];
  if (!Array.isArray(outcomesRaw) || outcomesRaw.length === 0 || outcomesRaw.length > 20) fields['outcomes'] = 'Skriv minst ett läranderesultat.';
  else {
    for (const o of outcomesRaw as unknown[]) {
      const outcome = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
      const text = typeof outcome['text'] === 'string' ? outcome['text'].trim() : '';
      const criteriaRaw = outcome['criteria'];
      if (!text || text.length > 500 || !Array.isArray(criteriaRaw) || criteriaRaw.length === 0 || criteriaRaw.length > 20) {
        fields['outcomes'] = 'Varje läranderesultat behöver en text (högst 500 tecken) och minst ett bedömningskriterium.';
        continue;
      }
      const criteria: { id?: string; text: string }[] = [];
      for (const c of criteriaRaw as unknown[]) {
        const criterion = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
        const ctext = typeof criterion['text'] === 'string' ? criterion['text'].trim() : '';
        const id = criterion['id'];
        if (!ctext || ctext.length > 500 || (id !== undefined && id !== null && typeof id !== 'string')) fields['outcomes'] = 'Varje bedömningskriterium behöver en text (högst 500 tecken).';
        else criteria.push(typeof id === 'string' ? { id, text: ctext } : { text: ctext });
      }
      outcomes.push({ text, criteria });
    }
  }
  if (Object.keys(fields).length) throw OcnError.invalid(fields);
  return { title, level: level as 1 | 2 | 3, credits: credits as number, outcomes };
}


/** Checks evidence a helper or coordinator links to criteria of the module. */
export function parseEvidence(body: unknown, criteria: ReadonlySet<string>): EvidenceInput {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !(EVIDENCE_KINDS as readonly string[]).includes(kind)) fields['kind'] = 'Välj vilken sorts bevis det är.';
  const ids = raw['criterionIds'];
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && criteria.has(id))) fields['criterionIds'] = 'Välj de kriterier beviset visar.';
  const text = typeof raw['text'] === 'string' ? raw['text'].trim() : '';
  if (text.length > 4000) fields['text'] = 'Skriv högst 4000 tecken.';
  if ((kind === 'reflection' || kind === 'witness-statement' || kind === 'observation') && !text) fields['text'] = 'Skriv texten.';
  const hours = raw['hoursEntryIds'] ?? [];
  if (!Array.isArray(hours) || !hours.every((h) => isUuid(h))) fields['hoursEntryIds'] = 'Välj timmar i listan.';
  else if (kind !== 'hours' && hours.length > 0) fields['hoursEntryIds'] = 'Timmar kopplas bara som bevis av sorten godkända timmar.';
  if (Object.keys(fields).length) throw OcnError.invalid(fields);
  return { kind: kind as EvidenceInput['kind'], criterionIds: [...new Set(ids as string[])], text, hoursEntryIds: [...new Set(hours as string[])] };
}

/** Checks an assessor's decisions: criterion id → met / not yet, with an optional comment. */
export function parseDecisions(body: unknown): Record<string, CriterionDecision> {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['decisions'] : undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw OcnError.invalid({ decisions: 'Ta ställning till varje kriterium.' });
  const decisions: Record<string, CriterionDecision> = {};
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const d = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const comment = typeof d['comment'] === 'string' ? d['comment'].trim() || null : null;
    if (typeof d['met'] !== 'boolean' || (comment && comment.length > 1000)) throw OcnError.invalid({ decisions: 'Välj uppfyllt eller inte än för varje kriterium (kommentar högst 1000 tecken).' });
    decisions[id] = { met: d['met'], comment };
  }
  return decisions;
}
