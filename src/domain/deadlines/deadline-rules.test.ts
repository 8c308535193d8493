import { describe, it, expect } from 'vitest';
import { DomainError } from '../errors.ts';
import { defaultCalendarConfig, type CalendarConfig } from '../calendar/working-calendar.ts';
import { computeDueDate, deadlineStatus, defaultDeadlineRules, pickRule, type DeadlineRule, type DeadlineStatus } from './deadline-rules.ts';

const peacetime: CalendarConfig = { regimes: [] };

/** A rule with the given unit and amount, for table tests. */
function rule(unit: DeadlineRule['unit'], amount: number): DeadlineRule {
  return { key: 'test', caseType: null, amount, unit, sourceUk: 'тест', sourceEn: 'test' };
}

describe('defaultDeadlineRules', () => {
  it.each([
    ['safety_assessment', 0, 'same_day'],
    ['needs_assessment', 5, 'working_days'],
    ['plan_report', 3, 'months'],
    ['review_complex', 3, 'months'],
    ['review_other', 6, 'months'],
    ['post_closure_follow_up', 3, 'months'],
  ] as const)('%s: %i %s', (key, amount, unit) => {
    const found = pickRule(defaultDeadlineRules, key, null);
    expect(found.amount).toBe(amount);
    expect(found.unit).toBe(unit);
    expect(found.sourceUk.length).toBeGreaterThan(0);
    expect(found.sourceEn.length).toBeGreaterThan(0);
  });

  it('has one general rule per key', () => {
    const keys = defaultDeadlineRules.filter((r) => r.caseType === null).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cites the Law on Social Services for the needs assessment', () => {
    expect(pickRule(defaultDeadlineRules, 'needs_assessment', null).sourceUk).toContain('Про соціальні послуги');
  });
});

describe('pickRule', () => {
  const rules: DeadlineRule[] = [
    ...defaultDeadlineRules,
    { key: 'needs_assessment', caseType: 'returning_child', amount: 7, unit: 'working_days', sourceUk: 'Постанова КМУ № 587', sourceEn: 'Resolution No. 587' },
  ];

  it.each([
    ['returning_child', 7],
    ['prevention', 5],
    [null, 5],
  ] as const)('case type %s → %i working days', (caseType, amount) => {
    expect(pickRule(rules, 'needs_assessment', caseType).amount).toBe(amount);
  });

  it('prefers the specific rule whatever the order of the table', () => {
    expect(pickRule([...rules].reverse(), 'needs_assessment', 'returning_child').amount).toBe(7);
  });

  it('throws deadline_rule_not_found for an unknown key', () => {
    expect(() => pickRule(rules, 'no_such_deadline', null)).toThrow(DomainError);
    try {
      pickRule(rules, 'no_such_deadline', 'prevention');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('deadline_rule_not_found');
      expect((error as DomainError).details).toEqual({ key: 'no_such_deadline', caseType: 'prevention' });
    }
  });

  it('throws when only a rule for another case type exists', () => {
    const onlySpecific: DeadlineRule[] = [{ ...rule('months', 1), key: 'x', caseType: 'care_leaver' }];
    expect(() => pickRule(onlySpecific, 'x', 'prevention')).toThrow(DomainError);
    expect(pickRule(onlySpecific, 'x', 'care_leaver').amount).toBe(1);
  });
});

describe('computeDueDate', () => {
  it.each<[string, DeadlineRule, string, CalendarConfig, string]>([
    // Registration on Friday 2026-11-20: needs assessment within 5 working days.
    ['needs assessment', pickRule(defaultDeadlineRules, 'needs_assessment', null), '2026-11-20', defaultCalendarConfig, '2026-11-27'],
    ['safety assessment on the same day', pickRule(defaultDeadlineRules, 'safety_assessment', null), '2026-11-20', defaultCalendarConfig, '2026-11-20'],
    ['safety assessment on a Sunday stays on Sunday', pickRule(defaultDeadlineRules, 'safety_assessment', null), '2026-11-22', defaultCalendarConfig, '2026-11-22'],
    ['plan report after a quarter', pickRule(defaultDeadlineRules, 'plan_report', null), '2026-11-20', defaultCalendarConfig, '2027-02-22'],
    ['review of a complex case', pickRule(defaultDeadlineRules, 'review_complex', null), '2026-01-15', defaultCalendarConfig, '2026-04-15'],
    ['review of another case', pickRule(defaultDeadlineRules, 'review_other', null), '2026-01-15', defaultCalendarConfig, '2026-07-15'],
    ['post-closure follow-up', pickRule(defaultDeadlineRules, 'post_closure_follow_up', null), '2026-03-10', defaultCalendarConfig, '2026-06-10'],
    // Month terms end on the same day number or the last day of a shorter month (Civil Code art. 254 part 2) ...
    ['3 months from 30 November', rule('months', 3), '2026-11-30', defaultCalendarConfig, '2027-03-01'],
    ['1 month from 31 March', rule('months', 1), '2026-03-31', defaultCalendarConfig, '2026-04-30'],
    // ... and move to the next working day when they end on a day off (Civil Code art. 254 part 5).
    ['10 calendar days ending on Monday', rule('calendar_days', 10), '2026-11-20', defaultCalendarConfig, '2026-11-30'],
    ['8 calendar days ending on Saturday', rule('calendar_days', 8), '2026-11-20', defaultCalendarConfig, '2026-11-30'],
    ['calendar days ending on a peacetime holiday', rule('calendar_days', 7), '2026-12-25', { regimes: [{ regime: 'martial_law', from: '2022-02-24', to: '2026-12-31' }] }, '2027-01-04'],
    ['calendar days ending on a holiday under martial law', rule('calendar_days', 7), '2025-12-25', defaultCalendarConfig, '2026-01-01'],
    ['working days across peacetime May holidays', rule('working_days', 5), '2021-04-29', peacetime, '2021-05-11'],
    ['zero working days', rule('working_days', 0), '2026-11-21', defaultCalendarConfig, '2026-11-21'],
  ])('%s: %s from %s → %s', (_label, r, start, config, expected) => {
    expect(computeDueDate(r, start, config)).toBe(expected);
  });

  it('uses the per-case-type override', () => {
    const rules: DeadlineRule[] = [...defaultDeadlineRules, { ...rule('working_days', 7), key: 'needs_assessment', caseType: 'returning_child' }];
    expect(computeDueDate(pickRule(rules, 'needs_assessment', 'returning_child'), '2026-11-20', defaultCalendarConfig)).toBe('2026-12-01');
    expect(computeDueDate(pickRule(rules, 'needs_assessment', 'prevention'), '2026-11-20', defaultCalendarConfig)).toBe('2026-11-27');
  });

  it.each([-1, 1.5, Number.NaN])('rejects amount %s', (amount) => {
    expect(() => computeDueDate(rule('working_days', amount), '2026-11-20', defaultCalendarConfig)).toThrow(DomainError);
  });

  it('rejects an invalid start date', () => {
    expect(() => computeDueDate(rule('same_day', 0), '2026-02-30', defaultCalendarConfig)).toThrow(DomainError);
  });
});

describe('deadlineStatus', () => {
  it.each<[string, string, DeadlineStatus]>([
    ['2026-11-27', '2026-12-27', 'overdue'],
    ['2026-11-27', '2026-11-28', 'overdue'],
    ['2026-11-27', '2026-11-27', 'due_today'],
    ['2026-11-27', '2026-11-26', 'due_soon'],
    ['2026-11-27', '2026-11-24', 'due_soon'],
    ['2026-11-27', '2026-11-23', 'upcoming'],
    ['2026-11-27', '2026-01-01', 'upcoming'],
    ['2027-01-01', '2026-12-30', 'due_soon'],
  ])('due %s, today %s → %s', (due, today, expected) => {
    expect(deadlineStatus(due, today)).toBe(expected);
  });
});
