import type { EvidenceView, HoursEntryView, ModuleSummaryView, MyHoursView, OcnModule, PortfolioView } from '@digihjalpen/domain';

/** Test data for hours and OCN validation, in the API's shapes. */

export const HELPER_ID = '30000000-0000-4000-8000-000000000001';
export const MODULE_ID = '0c000000-0000-4000-8000-000000000001';

let sequence = 0;
const uuid = (prefix: string) => `${prefix}-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function anHoursEntry(overrides: Partial<HoursEntryView> = {}): HoursEntryView {
  return {
    id: uuid('60000000'),
    helperId: HELPER_ID,
    helperName: 'Yusuf Ahmadi',
    organisationName: 'Fontänhuset',
    date: '2030-03-05',
    minutes: 90,
    activity: 'training',
    status: 'pending',
    reflection: null,
    flagged: false,
    rejectReason: null,
    decidedBy: null,
    decidedAt: null,
    ...overrides,
  };
}

export function myHours(overrides: Partial<MyHoursView> = {}): MyHoursView {
  return { month: '2030-03', entries: [], monthApprovedMinutes: 0, monthPendingMinutes: 0, totalApprovedMinutes: 0, ...overrides };
}

/** "Digital vägledning för andra" shortened: two outcomes, three criteria (1.1, 1.2, 2.1), level 2, 3 credits. */
export function aModule(overrides: Partial<OcnModule> = {}): OcnModule {
  return {
    id: MODULE_ID,
    title: 'Digital vägledning för andra',
    level: 2,
    credits: 3,
    outcomes: [
      {
        number: 1,
        text: 'Kunna hjälpa en annan person att använda digitala tjänster',
        criteria: [
          { id: 'c1000000-0000-4000-8000-000000000011', number: '1.1', text: 'Ta reda på vad personen behöver hjälp med.' },
          { id: 'c1000000-0000-4000-8000-000000000012', number: '1.2', text: 'Visa steg för steg hur man gör.' },
        ],
      },
      {
        number: 2,
        text: 'Kunna hänvisa vidare',
        criteria: [{ id: 'c1000000-0000-4000-8000-000000000021', number: '2.1', text: 'Berätta var personen kan få hjälp.' }],
      },
    ],
    ...overrides,
  };
}

export const [C11, C12, C21] = ['c1000000-0000-4000-8000-000000000011', 'c1000000-0000-4000-8000-000000000012', 'c1000000-0000-4000-8000-000000000021'];

export function anEvidence(overrides: Partial<EvidenceView> = {}): EvidenceView {
  return {
    id: uuid('e0000000'),
    kind: 'reflection',
    criterionIds: [C11],
    text: 'Jag frågade först vad personen ville göra.',
    hours: [],
    statistics: null,
    authorName: 'Yusuf Ahmadi',
    createdAt: '2030-03-06T09:00:00.000Z',
    ...overrides,
  };
}

/** Not assessed, no evidence, 12,5 approved hours. */
export function aPortfolio(overrides: Partial<PortfolioView> = {}): PortfolioView {
  const module = overrides.module ?? aModule();
  const evidence = overrides.evidence ?? [];
  const criteria = module.outcomes.flatMap((o) => o.criteria);
  const decisions = overrides.assessment?.decisions ?? {};
  return {
    helper: { id: HELPER_ID, name: 'Yusuf Ahmadi' },
    module,
    evidence,
    assessment: { decisions: {}, assessorId: null, assessorName: null, assessedAt: null, qualityAssurerName: null, qualityAssuredAt: null, creditsAwarded: 0 },
    progress: {
      criteriaWithEvidence: criteria.filter((c) => evidence.some((e) => e.criterionIds.includes(c.id))).length,
      criteriaTotal: criteria.length,
      criteriaMet: criteria.filter((c) => decisions[c.id]?.met).length,
      approvedHours: 12.5,
      notionalHours: module.credits * 10,
    },
    ...overrides,
  };
}

export function aSummary(overrides: Partial<ModuleSummaryView> = {}): ModuleSummaryView {
  return {
    module: { id: MODULE_ID, title: 'Digital vägledning för andra', level: 2, credits: 3 },
    progress: { criteriaWithEvidence: 4, criteriaTotal: 8, criteriaMet: 0, approvedHours: 12.5, notionalHours: 30 },
    creditsAwarded: 0,
    qualityAssured: false,
    ...overrides,
  };
}
