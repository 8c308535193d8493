import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.ts';
import { canManageInstitutionIn, canReadInstitutions, checkChildCounts, countProblems, type ChildCounts } from './institutions.ts';
import { checkMilestone, isMilestoneOverdue, progressPercent } from './transformation.ts';

const counts = (over: Partial<ChildCounts> = {}): ChildCounts => ({
  total: 10,
  byAge: { under_1: 0, '1_2': 0, '3_5': 2, '6_10': 3, '11_14': 3, '15_17': 2 },
  byStatus: { orphans: 2, deprived_of_care: 3, parents_statement: 5, other_status: 0 },
  withDisability: 4,
  ...over,
});

const actor = (role: Actor['grants'][number]['role']): Actor => ({ userId: 'u', grants: [{ role, organisationId: 'o', organisationType: 'oblast_administration', hromadaId: null }] });

describe('children counts (SPEC §6, §10.3)', () => {
  it.each([
    ['consistent', counts(), []],
    ['ages do not add up', counts({ total: 11, byStatus: { orphans: 3, deprived_of_care: 3, parents_statement: 5, other_status: 0 } }), ['age_sum_mismatch']],
    ['statuses do not add up', counts({ byStatus: { orphans: 1, deprived_of_care: 3, parents_statement: 5, other_status: 0 } }), ['status_sum_mismatch']],
    ['more with disability than children', counts({ withDisability: 11 }), ['disability_exceeds_total']],
  ])('%s', (_, c, expected) => {
    expect(countProblems(c)).toEqual(expected);
  });

  it('refuses inconsistent counts and a future date', () => {
    expect(() => checkChildCounts(counts({ withDisability: 12 }), '2026-11-01', '2026-11-20')).toThrow(expect.objectContaining({ code: 'institution_counts_inconsistent' }));
    expect(() => checkChildCounts(counts(), '2026-11-21', '2026-11-20')).toThrow(expect.objectContaining({ code: 'date_in_future' }));
    expect(() => checkChildCounts(counts(), '2026-11-20', '2026-11-20')).not.toThrow();
  });
});

describe('who reads and keeps the register', () => {
  it.each([
    ['national_analyst', true],
    ['community_planner', true],
    ['case_manager', true],
    ['reporter', false],
    ['provider_worker', false],
  ] as const)('%s reads: %s', (role, expected) => {
    expect(canReadInstitutions(actor(role))).toBe(expected);
  });

  it('the administrator anywhere, the oblast coordinator only in their oblast, nobody else', () => {
    expect(canManageInstitutionIn(actor('system_admin'), [], 'kyiv')).toBe(true);
    expect(canManageInstitutionIn(actor('oblast_coordinator'), ['kyiv'], 'kyiv')).toBe(true);
    expect(canManageInstitutionIn(actor('oblast_coordinator'), ['kyiv'], 'lviv')).toBe(false);
    expect(canManageInstitutionIn(actor('national_analyst'), ['kyiv'], 'kyiv')).toBe(false);
  });
});

describe('transformation plan progress (001 §6.xi)', () => {
  it.each([
    [[], 0],
    [['done', 'planned'], 50],
    [['done', 'done', 'delayed'], 67],
    [['done'], 100],
  ] as const)('%j → %d%%', (statuses, expected) => {
    expect(progressPercent(statuses.map((status) => ({ status })))).toBe(expected);
  });

  it('a milestone not done after its due date is overdue', () => {
    expect(isMilestoneOverdue({ status: 'planned', dueDate: '2026-11-19', doneDate: null }, '2026-11-20')).toBe(true);
    expect(isMilestoneOverdue({ status: 'planned', dueDate: '2026-11-20', doneDate: null }, '2026-11-20')).toBe(false);
    expect(isMilestoneOverdue({ status: 'done', dueDate: '2026-10-01', doneDate: '2026-10-05' }, '2026-11-20')).toBe(false);
  });

  it('a done date exactly when done, not in the future', () => {
    expect(() => checkMilestone({ status: 'done', dueDate: '2026-12-01', doneDate: null }, '2026-11-20')).toThrow(expect.objectContaining({ code: 'milestone_done_date_required' }));
    expect(() => checkMilestone({ status: 'planned', dueDate: '2026-12-01', doneDate: '2026-11-01' }, '2026-11-20')).toThrow(expect.objectContaining({ code: 'milestone_done_date_not_done' }));
    expect(() => checkMilestone({ status: 'done', dueDate: '2026-12-01', doneDate: '2026-11-21' }, '2026-11-20')).toThrow(expect.objectContaining({ code: 'date_in_future' }));
    expect(() => checkMilestone({ status: 'done', dueDate: '2026-12-01', doneDate: '2026-11-20' }, '2026-11-20')).not.toThrow();
  });
});
