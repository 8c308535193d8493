import { describe, expect, it } from 'vitest';
import { checkProgrammePeriod, indicatorProgress, smartGaps } from './programme.ts';
import { compareWithSystem, serviceGaps, suppress } from './needs.ts';
import { activityTotals, planTotals } from './oblast-plan.ts';

describe('indicator monitoring', () => {
  it('measures progress from baseline to target and the latest period', () => {
    expect(indicatorProgress({ baseline: 10, target: 30, values: [{ period: '2027', actual: 25 }, { period: '2026', actual: 15 }] })).toEqual({ latestPeriod: '2027', latest: 25, progressPercent: 75, achieved: false });
    expect(indicatorProgress({ baseline: 10, target: 30, values: [{ period: '2026', actual: 31 }] }).achieved).toBe(true);
  });
  it('counts a falling target downwards', () => {
    expect(indicatorProgress({ baseline: 300, target: 200, values: [{ period: '2026', actual: 250 }] })).toMatchObject({ progressPercent: 50, achieved: false });
    expect(indicatorProgress({ baseline: 300, target: 200, values: [{ period: '2026', actual: 190 }] }).achieved).toBe(true);
  });
  it('has no progress without values', () => {
    expect(indicatorProgress({ baseline: 0, target: 5, values: [] })).toEqual({ latestPeriod: null, latest: null, progressPercent: null, achieved: false });
  });
});

describe('SMART check and period', () => {
  const period = { fromYear: 2026, toYear: 2028 };
  it('a complete goal has no gaps', () => {
    expect(smartGaps({ title: 'Зменшити кількість влаштувань дітей', targetGroup: 'сім’ї з дітьми у СЖО', rationale: 'оцінка потреб 2026', dueYear: 2027, measures: 1, indicatorsWithTarget: 1 }, period)).toEqual([]);
  });
  it('names every missing criterion', () => {
    expect(smartGaps({ title: 'Ціль', targetGroup: '', rationale: '', dueYear: 2030, measures: 0, indicatorsWithTarget: 0 }, period)).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'time_bound']);
  });
  it('a programme spans one to three years', () => {
    expect(checkProgrammePeriod(2026, 2028)).toBeNull();
    expect(checkProgrammePeriod(2026, 2029)).toBe('period_invalid');
    expect(checkProgrammePeriod(2027, 2026)).toBe('period_invalid');
  });
});

describe('needs assessment rules', () => {
  it('puts entered figures next to the system count with the difference', () => {
    const system = new Map([['cases_active', 12], ['child_factor:domestic_violence', 3]]);
    expect(compareWithSystem(system, [
      { groupKey: 'cases_active', value: 15, sourceName: 'ССД' },
      { groupKey: 'unmet_need:x', value: 2, sourceName: 'опитування' },
      { groupKey: null, value: 400, sourceName: 'ПФУ' },
    ])).toEqual([
      { groupKey: 'cases_active', systemCount: 12, entered: 15, sourceName: 'ССД', difference: 3 },
      { groupKey: 'unmet_need:x', systemCount: 0, entered: 2, sourceName: 'опитування', difference: 2 },
    ]);
  });
  it('suppresses 1–4 in the public summary', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, null, null, 5, 12]);
  });
  it('finds service gaps', () => {
    const gaps = serviceGaps([
      { serviceCode: 'a', providers: 0, capacity: null, demand: 3, unmet: 0 },
      { serviceCode: 'b', providers: 1, capacity: 10, demand: 4, unmet: 0 },
      { serviceCode: 'c', providers: 1, capacity: 2, demand: 5, unmet: 1 },
      { serviceCode: 'd', providers: 0, capacity: null, demand: 0, unmet: 0 },
    ]);
    expect(gaps.map((g) => [g.serviceCode, g.reasons])).toEqual([['a', ['no_provider']], ['c', ['unmet_need', 'capacity_below_demand']]]);
  });
});

describe('oblast plan totals', () => {
  const acts = [
    { pillar: 'strengthen_families' as const, component: 'case_management' as const, years: [{ year: 2026, cost: 1000, secured: 400 }, { year: 2027, cost: 500, secured: 600 }] },
    { pillar: 'family_based_care' as const, component: 'none' as const, years: [{ year: 2026, cost: 250.5, secured: 0 }] },
  ];
  it('gap per year is never negative', () => {
    expect(activityTotals(acts[0]!)).toEqual({ cost: 1500, secured: 1000, gap: 600 });
  });
  it('totals per year and per pillar', () => {
    const t = planTotals(acts, [2026, 2027]);
    expect(t.byYear).toEqual([{ year: 2026, cost: 1250.5, secured: 400, gap: 850.5 }, { year: 2027, cost: 500, secured: 600, gap: 0 }]);
    expect(t.byPillar.map((p) => [p.pillar, p.cost, p.gap])).toEqual([['strengthen_families', 1500, 600], ['family_based_care', 250.5, 250.5], ['reintegration_transformation', 0, 0]]);
    expect(t.total).toEqual({ cost: 1750.5, secured: 1000, gap: 850.5 });
  });
});
