/** An assessment criterion, numbered under its learning outcome (1.1, 1.2 …). */
export interface OcnCriterion {
  id: string;
  number: string;
  text: string;
}

export interface OcnOutcome {
  number: number;
  text: string;
  criteria: OcnCriterion[];
}

export interface OcnModule {
  id: string;
  title: string;
  level: 1 | 2 | 3;
  credits: number;
  outcomes: OcnOutcome[];
}

export const EVIDENCE_KINDS = ['hours', 'visit-statistics', 'reflection', 'witness-statement', 'observation'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Evidence {
  id: string;
  kind: EvidenceKind;
  criterionIds: string[];
}

export type CriterionDecision = { met: boolean; comment: string | null };

/** An assessor's judgement of one helper's work against a module, and the quality assurer's confirmation. */
export interface Assessment {
  decisions: Readonly<Record<string, CriterionDecision>>;
  assessorId: string | null;
  assessedAt: Date | null;
  qualityAssurerId: string | null;
  qualityAssuredAt: Date | null;
}

export interface ModuleProgress {
  criteriaWithEvidence: number;
  criteriaTotal: number;
  approvedHours: number;
  notionalHours: number;
  criteriaMet: number;
}
