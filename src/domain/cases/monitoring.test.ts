import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../calendar/working-calendar.ts';
import { defaultDeadlineRules, pickRule, type DeadlineRule } from '../deadlines/deadline-rules.ts';
import { DomainError } from '../errors.ts';
import type { Complexity } from './case-types.ts';
import {
  compareQuarters,
  defaultMonitoringRules,
  isQuarter,
  nextQuarter,
  nextVisitDue,
  planReportDue,
  quarterEnd,
  quarterOf,
  quarterStart,
  reportPeriodDue,
  visitRuleKeyFor,
  visitRuleKeys,
  type VisitRuleKey,
} from './monitoring.ts';
import type { CaseStep } from './workflow.ts';

const rules: DeadlineRule[] = [...defaultDeadlineRules, ...defaultMonitoringRules];
const calendar = defaultCalendarConfig;

describe('visit schedule (SPEC §2.12; Rodyna default)', () => {
  it.each<[string, CaseStep, Complexity | null, string | null, VisitRuleKey]>([
    ['being reunified, simple case', 'reunification', 'simple', null, 'home_visit_intensive'],
    ['monitoring, reunified 7 weeks ago', 'monitoring', 'simple', '2026-10-01', 'home_visit_intensive'],
    ['monitoring, reunified exactly 3 months ago', 'monitoring', 'simple', '2026-08-20', 'home_visit_simple'],
    ['monitoring, reunified long ago, moderate', 'monitoring', 'moderate', '2026-01-10', 'home_visit_moderate'],
    ['reunification recorded after the visit counted from', 'monitoring', 'complex', '2026-12-01', 'home_visit_complex'],
    ['emergency case', 'implementation', 'emergency', null, 'home_visit_intensive'],
    ['complex case', 'implementation', 'complex', null, 'home_visit_complex'],
    ['moderate case', 'implementation', 'moderate', null, 'home_visit_moderate'],
    ['simple case', 'monitoring', 'simple', null, 'home_visit_simple'],
    ['not assessed yet', 'child_assessment', null, null, 'home_visit_moderate'],
  ])('%s → %s', (_name, step, complexity, reunifiedOn, expected) => {
    expect(visitRuleKeyFor({ step, complexity, reunifiedOn }, '2026-11-20')).toBe(expected);
  });

  it.each<[Complexity | null, string]>([
    // From Friday 20 November 2026: a week, a fortnight; a month lands on Sunday 20 December → Monday 21 (Civil Code art. 254).
    ['emergency', '2026-11-27'],
    ['complex', '2026-12-04'],
    ['moderate', '2026-12-21'],
    ['simple', '2027-01-20'],
    [null, '2026-12-21'],
  ])('next visit after a visit on 2026-11-20, complexity %s → %s', (complexity, due) => {
    const next = nextVisitDue({ from: '2026-11-20', step: 'implementation', complexity, reunifiedOn: null, caseType: 'prevention', rules, calendar });
    expect(next.dueDate).toBe(due);
    expect(next.rule.sourceUk).toContain('Родини');
  });

  it('takes the interval lengths from the deadline table, with a case-type override', () => {
    const custom: DeadlineRule[] = [...rules, { key: 'home_visit_simple', caseType: 'care_leaver', amount: 3, unit: 'months', sourceUk: 'тест', sourceEn: 'test' }];
    expect(nextVisitDue({ from: '2026-11-20', step: 'monitoring', complexity: 'simple', reunifiedOn: null, caseType: 'care_leaver', rules: custom, calendar }).dueDate).toBe('2027-02-22');
    expect(nextVisitDue({ from: '2026-11-20', step: 'monitoring', complexity: 'simple', reunifiedOn: null, caseType: 'prevention', rules: custom, calendar }).dueDate).toBe('2027-01-20');
  });

  it('takes another schedule table, and refuses one that leaves a case without a row', () => {
    const weeklyForAll = [{ step: null, complexity: null, withinMonthsOfReunification: null, ruleKey: 'home_visit_intensive' as const }];
    expect(visitRuleKeyFor({ step: 'monitoring', complexity: 'simple', reunifiedOn: null }, '2026-11-20', weeklyForAll)).toBe('home_visit_intensive');
    expect(() => visitRuleKeyFor({ step: 'monitoring', complexity: 'simple', reunifiedOn: null }, '2026-11-20', [])).toThrow(DomainError);
  });

  it('ships one rule per visit interval and the report grace period, citing their source', () => {
    for (const key of [...visitRuleKeys, 'plan_report_grace']) {
      const rule = pickRule(defaultMonitoringRules, key, null);
      expect(rule.sourceUk.length, key).toBeGreaterThan(0);
      expect(rule.sourceEn.length, key).toBeGreaterThan(0);
    }
    expect(pickRule(defaultMonitoringRules, 'plan_report_grace', null).sourceUk).toContain('585');
  });
});

describe('quarters and the quarterly plan report (CMU Resolution No. 585)', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-11-20', '2026-Q4'],
  ])('%s is in %s', (date, q) => {
    expect(quarterOf(date)).toBe(q);
  });

  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31', '2026-Q2'],
    ['2026-Q2', '2026-04-01', '2026-06-30', '2026-Q3'],
    ['2026-Q3', '2026-07-01', '2026-09-30', '2026-Q4'],
    ['2026-Q4', '2026-10-01', '2026-12-31', '2027-Q1'],
  ])('%s runs %s … %s, then %s', (q, start, end, next) => {
    expect(quarterStart(q)).toBe(start);
    expect(quarterEnd(q)).toBe(end);
    expect(nextQuarter(q)).toBe(next);
    expect(compareQuarters(q, next)).toBeLessThan(0);
  });

  it.each([
    ['2026-Q4', '2027-01-11'], // 31 Dec + 10 days = Sunday 10 Jan → Monday
    ['2026-Q3', '2026-10-12'], // 30 Sep + 10 days = Saturday 10 Oct → Monday
    ['2027-Q1', '2027-04-12'],
  ])('the report for %s is due %s', (period, due) => {
    const r = planReportDue({ period, caseType: 'prevention', rules, calendar });
    expect(r.dueDate).toBe(due);
    expect(r.sourceUk).toContain(period);
    expect(r.sourceUk).toContain('585');
  });

  it.each<[string, string[], string]>([
    ['nothing reported: the quarter of the agreement', [], '2026-Q3'],
    ['that one reported → the next', ['2026-Q3'], '2026-Q4'],
    ['a later one reported, an earlier one missing → the missing one', ['2026-Q4'], '2026-Q3'],
    ['all reported → the one after', ['2026-Q3', '2026-Q4'], '2027-Q1'],
  ])('report due: %s', (_name, reported, expected) => {
    expect(reportPeriodDue('2026-08-01', reported)).toBe(expected);
  });

  it('validates quarters', () => {
    expect(isQuarter('2026-Q4')).toBe(true);
    expect(isQuarter('2026-Q5')).toBe(false);
    expect(isQuarter('2026-4')).toBe(false);
    expect(() => quarterEnd('2026-Q0')).toThrow(DomainError);
  });
});
