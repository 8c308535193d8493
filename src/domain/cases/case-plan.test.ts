import { describe, expect, it } from 'vitest';
import { defaultBenchmarkConfig } from './benchmarks.ts';
import { canAgreePlan, comparePlanVersions, copyPlanForRevision, findPlanGaps, validatePlanContent, type PlanAgreement, type PlanContent, type PlanMeasure } from './case-plan.ts';

const mother = '00000000-0000-4000-8000-00000000000a';
const ctx = { domainCodes: defaultBenchmarkConfig.domains.map((d) => d.code), memberPersonIds: [mother], serviceCodes: ['basic_counselling'] };

const measure = (key: string, overrides: Partial<PlanMeasure> = {}): PlanMeasure => ({
  key,
  action: 'Оформити допомогу',
  measureType: 'documents_for_state_aid',
  responsible: { kind: 'family_member', personId: mother, userId: null, name: '' },
  deadline: '2026-12-20',
  expectedResult: 'Допомогу призначено',
  serviceCode: null,
  ...overrides,
});

const complete = (): PlanContent & PlanAgreement => ({
  childViews: 'Хоче залишитися вдома',
  childViewsNotHeardReason: '',
  familyParticipation: 'Мати брала участь',
  familyConferenceHeld: true,
  familyConferenceDate: '2026-11-25',
  goals: [
    { key: 'g1', domain: 'economic_housing', text: 'Стабільний дохід', measures: [measure('m1'), measure('m2', { measureType: 'employment', action: 'Стати на облік у центрі зайнятості' })] },
    { key: 'g2', domain: 'education_development', text: 'Відвідування школи', measures: [measure('m3', { responsible: { kind: 'agency', personId: null, userId: null, name: 'Ліцей № 1' }, serviceCode: 'basic_counselling' })] },
  ],
  agreedOn: '2026-11-26',
  signedBy: 'Тестенко О. П.',
});

describe('plan agreement rules (Order 1005 plan form; SPEC §2.8)', () => {
  const cases: Array<[string, (p: PlanContent & PlanAgreement) => PlanContent & PlanAgreement, string[]]> = [
    ['a complete plan', (p) => p, []],
    ['no goals', (p) => ({ ...p, goals: [] }), ['goals']],
    ['a goal without text', (p) => ({ ...p, goals: [{ ...p.goals[0]!, text: ' ' }] }), ['goal.text']],
    ['a goal without measures', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [] }] }), ['goal.measures']],
    ['a measure without responsible', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: null })] }] }), ['measure.responsible']],
    ['a family member without person', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: { kind: 'family_member', personId: null, userId: null, name: 'мати' } })] }] }), ['measure.responsible']],
    ['an agency without name', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: { kind: 'agency', personId: null, userId: null, name: '' } })] }] }), ['measure.responsible']],
    ['a specialist by name', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: { kind: 'specialist', personId: null, userId: null, name: 'Психолог ЦНСП' } })] }] }), []],
    ['a measure without deadline and result', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { deadline: null, expectedResult: '' })] }] }), ['measure.deadline', 'measure.expectedResult']],
    ['a measure without action', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { action: '' })] }] }), ['measure.action']],
    ['no child views and no reason', (p) => ({ ...p, childViews: '', childViewsNotHeardReason: '' }), ['childViews']],
    ['the reason the child was not heard', (p) => ({ ...p, childViews: '', childViewsNotHeardReason: 'Дитині 1 рік' }), []],
    ['no agreement date or signature', (p) => ({ ...p, agreedOn: null, signedBy: '' }), ['agreement.date', 'agreement.signedBy']],
    ['an agreement dated in the future', (p) => ({ ...p, agreedOn: '2026-12-01' }), ['agreement.dateInFuture']],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    const result = canAgreePlan(change(complete()), '2026-11-30');
    expect(result.missing.map((m) => m.path)).toEqual(expected);
    expect(result.ok).toBe(expected.length === 0);
  });

  it('points at the goal and measure that miss something', () => {
    const p = complete();
    const gaps = findPlanGaps({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m9', { deadline: null })] }] });
    expect(gaps).toEqual([{ path: 'measure.deadline', goalKey: 'g1', measureKey: 'm9' }]);
  });
});

describe('plan references', () => {
  const cases: Array<[string, (p: PlanContent) => PlanContent, string | null]> = [
    ['a valid plan', (p) => p, null],
    ['an unknown domain', (p) => ({ ...p, goals: [{ ...p.goals[0]!, domain: 'astrology' }] }), 'plan_unknown_domain'],
    ['a duplicate goal key', (p) => ({ ...p, goals: [p.goals[0]!, { ...p.goals[1]!, key: 'g1' }] }), 'plan_duplicate_key'],
    ['a duplicate measure key', (p) => ({ ...p, goals: [p.goals[0]!, { ...p.goals[1]!, measures: [measure('m1')] }] }), 'plan_duplicate_key'],
    ['a service not in the catalogue', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { serviceCode: 'magic' })] }] }), 'service_not_in_catalogue'],
    ['a stranger as family member', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: { kind: 'family_member', personId: '00000000-0000-4000-8000-0000000000ff', userId: null, name: '' } })] }] }), 'person_not_in_case'],
    ['a person id on an agency', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: { kind: 'agency', personId: mother, userId: null, name: 'x' } })] }] }), 'plan_responsible_mismatch'],
    ['a user id on a family member', (p) => ({ ...p, goals: [{ ...p.goals[0]!, measures: [measure('m1', { responsible: { kind: 'family_member', personId: mother, userId: mother, name: '' } })] }] }), 'plan_responsible_mismatch'],
    ['a conference date without a conference', (p) => ({ ...p, familyConferenceHeld: false }), 'plan_conference_date_without_meeting'],
  ];
  it.each(cases)('%s', (_name, change, code) => {
    const run = () => validatePlanContent(change(complete()), ctx);
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });
});

describe('plan versions (SPEC §2.8: every revision keeps the previous version)', () => {
  it('copies goals and measures with their keys but not the conference', () => {
    const copy = copyPlanForRevision(complete());
    expect(copy.goals).toEqual(complete().goals);
    expect(copy.familyConferenceHeld).toBe(false);
    expect(copy.familyConferenceDate).toBeNull();
    expect('agreedOn' in copy).toBe(false);
  });

  it('finds nothing between equal versions', () => {
    expect(comparePlanVersions(complete(), copyPlanForRevision(complete()))).toEqual({
      fields: ['familyConferenceHeld', 'familyConferenceDate'],
      goals: { added: [], removed: [], changed: [] },
      measures: { added: [], removed: [], changed: [] },
    });
  });

  it('lists added, removed and changed goals and measures', () => {
    const a = complete();
    const b: PlanContent = {
      ...a,
      childViews: 'Хоче ходити на гурток',
      goals: [
        { ...a.goals[0]!, text: 'Стабільний дохід і житло', measures: [measure('m1', { deadline: '2027-01-15' }), measure('m4', { action: 'Ремонт даху', measureType: 'housing_repair' })] },
        { key: 'g3', domain: 'health', text: 'Медичний огляд', measures: [measure('m5', { action: 'Огляд педіатра' })] },
      ],
    };
    const d = comparePlanVersions(a, b);
    expect(d.fields).toEqual(['childViews']);
    expect(d.goals.added.map((g) => g.key)).toEqual(['g3']);
    expect(d.goals.removed.map((g) => g.key)).toEqual(['g2']);
    expect(d.goals.changed).toEqual([{ key: 'g1', fields: ['text'], before: { key: 'g1', domain: 'economic_housing', text: 'Стабільний дохід' }, after: { key: 'g1', domain: 'economic_housing', text: 'Стабільний дохід і житло' } }]);
    expect(d.measures.added.map((m) => m.key).sort()).toEqual(['m4', 'm5']);
    expect(d.measures.removed.map((m) => m.key).sort()).toEqual(['m2', 'm3']);
    expect(d.measures.changed).toEqual([expect.objectContaining({ key: 'm1', fields: ['deadline'] })]);
  });

  it('reports a measure moved to another goal as changed', () => {
    const a = complete();
    const b: PlanContent = { ...a, goals: [{ ...a.goals[0]!, measures: [a.goals[0]!.measures[0]!] }, { ...a.goals[1]!, measures: [...a.goals[1]!.measures, a.goals[0]!.measures[1]!] }] };
    expect(comparePlanVersions(a, b).measures.changed).toEqual([expect.objectContaining({ key: 'm2', fields: ['goalKey'] })]);
  });
});
