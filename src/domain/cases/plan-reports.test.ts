import { describe, expect, it } from 'vitest';
import { findPlanReportProblems, suggestsCommission, type PlanReportDraft } from './plan-reports.ts';

const today = '2026-11-20';

describe('quarterly plan report (CMU Resolution No. 585)', () => {
  const ctx = { planMeasureKeys: ['m1', 'm2'], planAgreedOn: '2026-08-10', today };
  const base: PlanReportDraft = {
    period: '2026-Q4',
    measures: [
      { measureKey: 'm1', status: 'done', comment: '' },
      { measureKey: 'm2', status: 'in_progress', comment: '' },
    ],
    needsCommission: false,
    commissionGround: null,
  };
  it.each<[string, PlanReportDraft, Array<{ path: string; keys?: string[] }>]>([
    ['complete', base, []],
    ['the quarter the plan was agreed in', { ...base, period: '2026-Q3' }, []],
    ['a quarter not yet begun', { ...base, period: '2027-Q1' }, [{ path: 'period' }]],
    ['a quarter before the plan', { ...base, period: '2026-Q2' }, [{ path: 'period' }]],
    ['a measure left out', { ...base, measures: [base.measures[0]!] }, [{ path: 'measures.missing', keys: ['m2'] }]],
    ['a measure not in the plan, twice', { ...base, measures: [...base.measures, { measureKey: 'x', status: 'done', comment: '' }, { measureKey: 'x', status: 'done', comment: '' }] }, [{ path: 'measures.unknown', keys: ['x'] }, { path: 'measures.duplicate', keys: ['x'] }]],
    ['impossible without a reason', { ...base, measures: [base.measures[0]!, { measureKey: 'm2', status: 'impossible', comment: '' }] }, [{ path: 'measures.comment', keys: ['m2'] }]],
    ['the commission without a ground', { ...base, needsCommission: true }, [{ path: 'commissionGround' }]],
    ['a ground without the commission', { ...base, commissionGround: 'more_protection_needed' }, [{ path: 'commissionGround' }]],
    ['the commission with a ground', { ...base, needsCommission: true, commissionGround: 'plan_cannot_be_implemented' }, []],
  ])('%s', (_name, report, problems) => {
    expect(findPlanReportProblems(report, ctx)).toEqual(problems);
  });

  it('suggests the commission when a measure cannot be carried out', () => {
    expect(suggestsCommission(base.measures)).toBe(false);
    expect(suggestsCommission([{ status: 'impossible' }])).toBe(true);
  });
});
