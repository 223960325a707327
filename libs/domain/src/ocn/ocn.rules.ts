import { OcnError } from './ocn.errors';
import type { Assessment, CriterionDecision, Evidence, ModuleProgress, OcnModule } from './ocn.types';

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
