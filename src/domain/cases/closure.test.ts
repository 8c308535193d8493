import { describe, expect, it } from 'vitest';
import { defaultBenchmarkConfig as config, type BenchmarkRecord } from './benchmarks.ts';
import { closureBlockers, closureCriteria, reportCriteria, type ClosureInput } from './closure.ts';

const record = (score: number, overrides: Record<string, number> = {}): BenchmarkRecord => ({
  occasion: 'closure',
  date: '2027-05-20',
  scores: config.domains.map((d) => ({ domain: d.code, score: overrides[d.code] ?? score, strengths: 'є', needs: '' })),
});

const ready: ClosureInput = {
  planGoalKeys: ['g1', 'g2'],
  goalResults: [
    { goalKey: 'g1', achievement: 'fully', comment: '' },
    { goalKey: 'g2', achievement: 'fully', comment: '' },
  ],
  benchmarks: [{ childPersonId: 'c1', record: record(3) }],
  config,
  criteria: Object.fromEntries(closureCriteria.map((c) => [c, { met: true, note: '' }])) as ClosureInput['criteria'],
  childViews: { views: 'Мені добре вдома', notHeardReason: '' },
  familyViews: 'Сім’я впорається сама',
  report: {
    servicesProvided: [{ serviceCode: 'basic_social_support', description: '' }],
    statusByCriterion: reportCriteria.map((criterion) => ({ criterion, atStart: 'було', atEnd: 'стало', note: '' })),
    recommendations: 'Відвідувати гурток',
  },
};

describe('closure rule (SPEC §2.14: benchmarks are the safeguard against premature closure)', () => {
  it.each<[string, Partial<ClosureInput>, unknown[]]>([
    ['everything in place', {}, []],
    ['benchmarks at the threshold for every domain', { benchmarks: [{ childPersonId: 'c1', record: record(3) }] }, []],
    [
      'a domain below the threshold refuses closure, naming it',
      { benchmarks: [{ childPersonId: 'c1', record: record(4, { safety: 2, economic_housing: 1 }) }] },
      [{ code: 'benchmarks_below_threshold', domains: ['safety', 'economic_housing'], children: [{ childPersonId: 'c1', domains: ['safety', 'economic_housing'] }] }],
    ],
    [
      'domains named once across children, in configuration order',
      { benchmarks: [{ childPersonId: 'c1', record: record(3, { health: 2 }) }, { childPersonId: 'c2', record: record(3, { safety: 1, health: 2 }) }] },
      [{ code: 'benchmarks_below_threshold', domains: ['safety', 'health'], children: [{ childPersonId: 'c1', domains: ['health'] }, { childPersonId: 'c2', domains: ['safety', 'health'] }] }],
    ],
    ['a child without benchmarks', { benchmarks: [{ childPersonId: 'c1', record: null }] }, [{ code: 'benchmarks_missing', children: ['c1'] }]],
    ['no benchmarks at all', { benchmarks: [] }, [{ code: 'benchmarks_missing', children: [] }]],
    ['a plan without goals', { planGoalKeys: [], goalResults: [] }, [{ code: 'plan_goals_missing' }]],
    ['a goal not judged', { goalResults: [{ goalKey: 'g1', achievement: 'fully', comment: '' }] }, [{ code: 'goal_results_missing', goalKeys: ['g2'] }]],
    ['a goal not achieved', { goalResults: [{ goalKey: 'g1', achievement: 'fully', comment: '' }, { goalKey: 'g2', achievement: 'not_achieved', comment: 'ні' }] }, [{ code: 'goals_not_met', goalKeys: ['g2'] }]],
    ['a goal partly achieved without a comment', { goalResults: [{ goalKey: 'g1', achievement: 'partially', comment: ' ' }, { goalKey: 'g2', achievement: 'fully', comment: '' }] }, [{ code: 'goal_comment_missing', goalKeys: ['g1'] }]],
    ['a goal partly achieved with a comment', { goalResults: [{ goalKey: 'g1', achievement: 'partially', comment: 'Решту забезпечує школа' }, { goalKey: 'g2', achievement: 'fully', comment: '' }] }, []],
    ['a criterion not confirmed', { criteria: { ...ready.criteria, safeStableCare: { met: false, note: '' }, supportInPlace: { met: false, note: '' } } }, [{ code: 'criteria_missing', criteria: ['safeStableCare', 'supportInPlace'] }]],
    ['the child not heard without a reason', { childViews: { views: '', notHeardReason: '' } }, [{ code: 'child_views_missing' }]],
    ['the child not heard with a reason', { childViews: { views: '', notHeardReason: 'Дитині 2 роки' } }, []],
    ['no family views', { familyViews: ' ' }, [{ code: 'family_views_missing' }]],
    [
      'an incomplete report',
      { report: { servicesProvided: [], statusByCriterion: [{ criterion: 'child_needs', atStart: 'а', atEnd: '' }].map((r) => ({ ...r, note: '' })) as ClosureInput['report']['statusByCriterion'], recommendations: '' } },
      [{ code: 'report_incomplete', fields: ['servicesProvided', 'statusByCriterion.child_needs', 'statusByCriterion.parents_caregivers', 'statusByCriterion.family_environment', 'recommendations'] }],
    ],
  ])('%s', (_name, change, blockers) => {
    expect(closureBlockers({ ...ready, ...change })).toEqual(blockers);
  });

  it('refuses below the threshold even when the specialist ticked every criterion', () => {
    const codes = closureBlockers({ ...ready, benchmarks: [{ childPersonId: 'c1', record: record(2) }] }).map((b) => b.code);
    expect(codes).toEqual(['benchmarks_below_threshold']);
  });
});
