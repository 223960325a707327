import type { AssessmentView, EvidenceView, ModuleSummaryView, OcnCriterion, OcnOutcome } from '@digihjalpen/domain';

/** Where a module stands, in words: not assessed, how many criteria are met, or signed off with credits. */
export function moduleStatus(summary: Pick<ModuleSummaryView, 'progress' | 'creditsAwarded' | 'qualityAssured'>): string {
  const { criteriaMet, criteriaTotal } = summary.progress;
  if (summary.qualityAssured) return summary.creditsAwarded > 0 ? `Klar: ${summary.creditsAwarded} poäng` : 'Kvalitetssäkrad';
  if (criteriaMet === criteriaTotal && criteriaTotal > 0) return 'Alla kriterier uppfyllda, väntar på kvalitetssäkring';
  if (criteriaMet > 0) return `${criteriaMet} av ${criteriaTotal} kriterier uppfyllda`;
  return 'Inte bedömd än';
}

/** The assessment of a portfolio in words. */
export function assessmentStatus(assessment: AssessmentView, credits: number): string {
  if (assessment.qualityAssurerName) return assessment.creditsAwarded > 0 ? `Klar: ${credits} poäng` : 'Kvalitetssäkrad';
  if (assessment.assessorName) return 'Bedömd, väntar på kvalitetssäkring';
  return 'Inte bedömd än';
}

export interface CriterionRow {
  criterion: OcnCriterion;
  evidence: EvidenceView[];
}

export interface OutcomeRow {
  outcome: OcnOutcome;
  criteria: CriterionRow[];
}

/** The module's outcomes and criteria, each criterion with the evidence linked to it. */
export function criteriaWithEvidence(outcomes: readonly OcnOutcome[], evidence: readonly EvidenceView[]): OutcomeRow[] {
  return outcomes.map((outcome) => ({
    outcome,
    criteria: outcome.criteria.map((criterion) => ({ criterion, evidence: evidence.filter((e) => e.criterionIds.includes(criterion.id)) })),
  }));
}
