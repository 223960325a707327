import { OcnErrorCode } from './ocn.errors';
import { assertCanQualityAssure, assertCompleteAssessment, creditsAwarded, moduleProgress, notionalHours, unmetCriteria } from './ocn.rules';
import type { Assessment, OcnModule } from './ocn.types';

const aModule: OcnModule = {
  id: 'm',
  title: 'Digital vägledning för andra',
  level: 2,
  credits: 3,
  outcomes: [
    { number: 1, text: 'Kunna vägleda', criteria: [{ id: 'c11', number: '1.1', text: 'a' }, { id: 'c12', number: '1.2', text: 'b' }] },
    { number: 2, text: 'Kunna hänvisa', criteria: [{ id: 'c21', number: '2.1', text: 'c' }] },
  ],
};
const allMet = { c11: { met: true, comment: null }, c12: { met: true, comment: null }, c21: { met: true, comment: 'Bra' } };
const assessment = (overrides: Partial<Assessment> = {}): Assessment => ({
  decisions: allMet,
  assessorId: 'anna',
  assessedAt: new Date('2027-05-01T10:00:00Z'),
  qualityAssurerId: null,
  qualityAssuredAt: null,
  ...overrides,
});
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('notional hours', () => {
  it('are ten per credit', () => expect(notionalHours(aModule)).toBe(30));
});

describe('moduleProgress', () => {
  it('counts criteria with evidence and approved hours against notional hours', () => {
    const evidence = [
      { id: 'e1', kind: 'hours' as const, criterionIds: ['c11'] },
      { id: 'e2', kind: 'reflection' as const, criterionIds: ['c11', 'c21'] },
    ];
    expect(moduleProgress(aModule, evidence, 750, { c11: { met: true, comment: null } })).toEqual({ criteriaWithEvidence: 2, criteriaTotal: 3, criteriaMet: 1, approvedHours: 12.5, notionalHours: 30 });
  });
});

describe('creditsAwarded', () => {
  it('gives the credits when every criterion is met and someone else quality-assured it', () => {
    expect(creditsAwarded(aModule, assessment({ qualityAssurerId: 'bo', qualityAssuredAt: new Date() }))).toBe(3);
  });
  it('gives nothing when one criterion is not yet met, however many hours', () => {
    expect(creditsAwarded(aModule, assessment({ decisions: { ...allMet, c12: { met: false, comment: 'Inte än' } }, qualityAssurerId: 'bo' }))).toBe(0);
    expect(unmetCriteria(aModule, { ...allMet, c12: { met: false, comment: null } })).toEqual(['1.2']);
  });
  it('gives nothing before quality assurance', () => expect(creditsAwarded(aModule, assessment())).toBe(0));
});

describe('assertCompleteAssessment', () => {
  it('asks for a decision on every criterion', () => {
    expect(codeOf(() => assertCompleteAssessment(aModule, { c11: { met: true, comment: null } }))).toBe(OcnErrorCode.InvalidModule);
    expect(codeOf(() => assertCompleteAssessment(aModule, allMet))).toBeUndefined();
  });
});

describe('assertCanQualityAssure', () => {
  it('refuses the assessor quality-assuring their own assessment', () => {
    expect(codeOf(() => assertCanQualityAssure(aModule, assessment(), 'anna'))).toBe(OcnErrorCode.SameAssessorAndAssurer);
  });
  it('refuses an assessment where a criterion is not met', () => {
    expect(codeOf(() => assertCanQualityAssure(aModule, assessment({ decisions: { ...allMet, c21: { met: false, comment: null } } }), 'bo'))).toBe(OcnErrorCode.NotAllCriteriaMet);
  });
  it('refuses before assessment and after sign-off', () => {
    expect(codeOf(() => assertCanQualityAssure(aModule, assessment({ assessorId: null, assessedAt: null }), 'bo'))).toBe(OcnErrorCode.NotAssessed);
    expect(codeOf(() => assertCanQualityAssure(aModule, assessment({ qualityAssurerId: 'cia' }), 'bo'))).toBe(OcnErrorCode.AlreadySignedOff);
  });
  it('lets a second person confirm a complete assessment', () => expect(codeOf(() => assertCanQualityAssure(aModule, assessment(), 'bo'))).toBeUndefined());
});
