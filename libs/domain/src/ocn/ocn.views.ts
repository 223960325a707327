import type { CriterionDecision, EvidenceKind, ModuleProgress, OcnModule } from './ocn.types';

/** Body of POST/PUT /api/ocn/modules: criteria keep their id when edited, new ones have none. */
export interface OcnModuleInput {
  title: string;
  level: 1 | 2 | 3;
  credits: number;
  outcomes: { text: string; criteria: { id?: string; text: string }[] }[];
}

export interface EvidenceInput {
  kind: EvidenceKind;
  criterionIds: string[];
  /** Reflection, witness statement or observation checklist text; a note for the other kinds. */
  text: string;
  /** For 'hours': the helper's approved hours entries. */
  hoursEntryIds: string[];
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  criterionIds: string[];
  text: string;
  hours: { id: string; date: string; minutes: number; activity: string }[];
  statistics: Record<string, number> | null;
  authorName: string;
  createdAt: string;
}

export interface AssessmentView {
  decisions: Record<string, CriterionDecision>;
  /** Who assessed: the quality assurer must be someone else. */
  assessorId: string | null;
  assessorName: string | null;
  assessedAt: string | null;
  qualityAssurerName: string | null;
  qualityAssuredAt: string | null;
  creditsAwarded: number;
}

/** One helper's portfolio for one module. */
export interface PortfolioView {
  helper: { id: string; name: string };
  module: OcnModule;
  evidence: EvidenceView[];
  assessment: AssessmentView;
  progress: ModuleProgress;
}

/** A helper's modules with progress (their own page, or a coordinator looking at them). */
export interface ModuleSummaryView {
  module: { id: string; title: string; level: number; credits: number };
  progress: ModuleProgress;
  creditsAwarded: number;
  qualityAssured: boolean;
}
