import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { assertFamilyAssessmentCompletable, checkAttemptDate, checkRelativeVerification, findFamilyAssessmentGaps, type FamilyAssessmentFacts, type FamilyAssessmentGap, type RelativeVerification } from './family-tracing.ts';

const today = '2026-11-20';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('checkRelativeVerification (000 §3.3 item 2)', () => {
  it.each<[string, RelativeVerification, string | null]>([
    ['not verified', { verified: false, verifiedOn: null, verificationMethod: null }, null],
    ['verified with date and way', { verified: true, verifiedOn: '2026-11-19', verificationMethod: 'documents' }, null],
    ['verified today', { verified: true, verifiedOn: today, verificationMethod: 'interview' }, null],
    ['verified without a date', { verified: true, verifiedOn: null, verificationMethod: 'documents' }, 'relative_verification_incomplete'],
    ['verified without a way', { verified: true, verifiedOn: '2026-11-19', verificationMethod: null }, 'relative_verification_incomplete'],
    ['a date but not verified', { verified: false, verifiedOn: '2026-11-19', verificationMethod: null }, 'relative_not_verified'],
    ['a way but not verified', { verified: false, verifiedOn: null, verificationMethod: 'community' }, 'relative_not_verified'],
    ['verified tomorrow', { verified: true, verifiedOn: '2026-11-21', verificationMethod: 'documents' }, 'date_in_future'],
  ])('%s → %s', (_name, v, code) => {
    expect(codeOf(() => checkRelativeVerification(v, today))).toBe(code);
  });

  it('names the missing fields', () => {
    try {
      checkRelativeVerification({ verified: true, verifiedOn: null, verificationMethod: null }, today);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).details).toEqual({ missing: ['verifiedOn', 'verificationMethod'] });
    }
  });
});

describe('checkAttemptDate', () => {
  it.each<[string, string | null]>([
    ['2026-11-01', null],
    [today, null],
    ['2026-11-21', 'date_in_future'],
  ])('%s → %s', (date, code) => {
    expect(codeOf(() => checkAttemptDate(date, today))).toBe(code);
  });
});

const complete: FamilyAssessmentFacts = {
  riskFactors: 'Батько зловживає алкоголем',
  protectiveFactors: 'Бабуся поруч',
  strengths: 'Мати працює',
  separationView: 'Через втрату житла',
  readiness: 'partly_ready',
  capacity: 'able_with_support',
  socioEconomic: 'Низький дохід',
  apartFromChild: false,
  place: '',
  childViews: 'Хоче додому',
  childViewsNotHeardReason: '',
};

describe('findFamilyAssessmentGaps (000 §3.4; SPEC §1 child participation)', () => {
  it.each<[string, Partial<FamilyAssessmentFacts>, FamilyAssessmentGap[]]>([
    ['complete', {}, []],
    ['no risk factors', { riskFactors: '  ' }, ['riskFactors']],
    ['no protective factors', { protectiveFactors: '' }, ['protectiveFactors']],
    ['no strengths', { strengths: '' }, ['strengths']],
    ['no view of the separation', { separationView: '' }, ['separationView']],
    ['no readiness', { readiness: null }, ['readiness']],
    ['no capacity', { capacity: null }, ['capacity']],
    ['no socio-economic situation', { socioEconomic: '' }, ['socioEconomic']],
    ['apart from the child without a place', { apartFromChild: true }, ['place']],
    ['apart from the child with a place', { apartFromChild: true, place: 'Львів' }, []],
    ['child not heard, no reason', { childViews: '' }, ['childViews']],
    ['child not heard, with a reason', { childViews: '', childViewsNotHeardReason: 'Дитині 1 рік' }, []],
    ['empty', { riskFactors: '', protectiveFactors: '', strengths: '', separationView: '', readiness: null, capacity: null, socioEconomic: '', childViews: '' }, ['riskFactors', 'protectiveFactors', 'strengths', 'separationView', 'readiness', 'capacity', 'socioEconomic', 'childViews']],
  ])('%s → %j', (_name, change, gaps) => {
    expect(findFamilyAssessmentGaps({ ...complete, ...change })).toEqual(gaps);
  });

  it('assertFamilyAssessmentCompletable throws family_assessment_incomplete', () => {
    expect(codeOf(() => assertFamilyAssessmentCompletable({ ...complete, readiness: null }))).toBe('family_assessment_incomplete');
    expect(codeOf(() => assertFamilyAssessmentCompletable(complete))).toBeNull();
  });
});
