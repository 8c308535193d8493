import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../calendar/working-calendar.ts';
import { defaultDeadlineRules, type DeadlineRule } from '../deadlines/deadline-rules.ts';
import type { CareType } from './care-episodes.ts';
import type { Complexity } from './case-types.ts';
import { compareGoalResults, findReviewGaps, isTemporaryCare, nextReviewDue, reviewRuleKey, type ReviewContext, type ReviewDraft } from './review.ts';

describe('next review (SPEC §2.15: every 3 months for complex and emergency cases, every 6 for others)', () => {
  it.each<[Complexity | null, 'review_complex' | 'review_other', string, string]>([
    ['complex', 'review_complex', '2026-11-20', '2027-02-22'], // 20 Feb 2027 is a Saturday: next working day
    ['emergency', 'review_complex', '2026-11-23', '2027-02-23'],
    ['moderate', 'review_other', '2026-11-23', '2027-05-24'], // 23 May 2027 is a Sunday
    ['simple', 'review_other', '2027-01-31', '2027-08-02'], // 31 Jul 2027 is a Saturday
    [null, 'review_other', '2026-08-31', '2027-03-01'], // 28 Feb 2027 (month end) is a Sunday
  ])('%s → %s from %s: %s', (complexity, key, from, due) => {
    expect(reviewRuleKey(complexity)).toBe(key);
    const next = nextReviewDue({ complexity, caseType: 'prevention', from, rules: defaultDeadlineRules, calendar: defaultCalendarConfig });
    expect(next.ruleKey).toBe(key);
    expect(next.dueDate).toBe(due);
    expect(next.rule.sourceEn.length).toBeGreaterThan(0);
  });

  it('prefers a rule specific to the case type', () => {
    const rules: DeadlineRule[] = [...defaultDeadlineRules, { key: 'review_other', caseType: 'care_leaver', amount: 12, unit: 'months', sourceUk: 'тест', sourceEn: 'test' }];
    expect(nextReviewDue({ complexity: 'simple', caseType: 'care_leaver', from: '2027-03-01', rules, calendar: defaultCalendarConfig }).dueDate).toBe('2028-03-01');
    expect(nextReviewDue({ complexity: 'simple', caseType: 'prevention', from: '2027-03-01', rules, calendar: defaultCalendarConfig }).dueDate).toBe('2027-09-01');
  });
});

describe('temporary care needs exit/permanency planning (000 §3.9)', () => {
  it.each<[CareType, boolean]>([
    ['foster_family', true],
    ['family_type_home', true],
    ['patronage', true],
    ['institution', true],
    ['own_family', false],
    ['kinship', false],
    ['guardianship', false],
    ['adoption', false],
    ['supported_independent_living', false],
  ])('%s: %s', (type, expected) => {
    expect(isTemporaryCare(type)).toBe(expected);
  });
});

describe('review gaps (SPEC §2.13, §1 child participation)', () => {
  const ctx: ReviewContext = { planGoalKeys: ['g1', 'g2'], childIds: ['c1'], inTemporaryCare: false };
  const full: ReviewDraft = {
    kind: 'periodic_review',
    participants: [],
    childViews: 'Хоче залишитися вдома',
    childViewsNotHeardReason: '',
    goalResults: [{ goalKey: 'g1' }, { goalKey: 'g2' }],
    scoredChildIds: ['c1'],
    permanencyPlanning: '',
  };

  it.each<[string, Partial<ReviewDraft>, Partial<ReviewContext>, unknown[]]>([
    ['a complete periodic review', {}, {}, []],
    ['the child not heard without a reason', { childViews: '' }, {}, [{ path: 'childViews' }]],
    ['the child not heard with a reason', { childViews: '', childViewsNotHeardReason: 'Дитині 1 рік' }, {}, []],
    ['a goal not judged', { goalResults: [{ goalKey: 'g1' }] }, {}, [{ path: 'goalResults', keys: ['g2'] }]],
    ['a periodic review without re-scored benchmarks', { scoredChildIds: [] }, {}, [{ path: 'benchmarks', keys: ['c1'] }]],
    ['a case conference needs participants but not benchmarks', { kind: 'case_conference', scoredChildIds: [] }, {}, [{ path: 'participants' }]],
    ['a case conference with participants', { kind: 'case_conference', scoredChildIds: [], participants: [{ name: 'x' }] }, {}, []],
    ['a child in temporary care without permanency planning', {}, { inTemporaryCare: true }, [{ path: 'permanencyPlanning' }]],
    ['a child in temporary care with permanency planning', { permanencyPlanning: 'Повернення до матері до червня' }, { inTemporaryCare: true }, []],
  ])('%s', (_name, draft, context, gaps) => {
    expect(findReviewGaps({ ...full, ...draft }, { ...ctx, ...context })).toEqual(gaps);
  });

  it('compares judged goals with the plan', () => {
    expect(compareGoalResults(['a', 'b'], [{ goalKey: 'b' }, { goalKey: 'x' }, { goalKey: 'b' }])).toEqual({ missing: ['a'], unknown: ['x'], duplicate: ['b'] });
  });
});
