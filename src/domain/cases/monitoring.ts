import { addDays, addMonths, compareIsoDates, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { CalendarConfig } from '../calendar/working-calendar.ts';
import { computeDueDate, pickRule, type DeadlineRule } from '../deadlines/deadline-rules.ts';
import { DomainError } from '../errors.ts';
import type { Complexity } from './case-types.ts';
import type { CaseStep } from './workflow.ts';

/**
 * Monitoring (SPEC §2.12; 000 §3.8): visits are scheduled with a frequency that depends on the case's stage and
 * complexity — intensive right after reunification, easing as stability grows — and the entities implementing the
 * individual plan report its status to the Child Affairs Service quarterly (CMU Resolution No. 585 of 01.06.2020).
 *
 * The law fixes no visit frequency, so the intervals are Rodyna's default, configurable twice over: which interval
 * applies is the schedule table below (first matching row wins), and how long each interval is lives in the
 * deadline table (`deadline_rules`, keys `home_visit_*`, overridable per case type), shipped by migration 0005.
 */

/** Deadline-rule keys of the visit intervals. */
export const visitRuleKeys = ['home_visit_intensive', 'home_visit_complex', 'home_visit_moderate', 'home_visit_simple'] as const;
/** One visit-interval rule key. */
export type VisitRuleKey = (typeof visitRuleKeys)[number];

/** The key of the case deadline for the next home visit. */
export const homeVisitDeadlineKey = 'home_visit';
/** The key of the case deadline for the quarterly plan-implementation report. */
export const planReportDeadlineKey = 'plan_report';
/** The deadline-rule key of the days allowed after a quarter ends to submit its report. */
export const planReportGraceRuleKey = 'plan_report_grace';

/** One row of the visit schedule; a null condition matches anything. */
export type VisitScheduleRow = {
  step: CaseStep | null;
  complexity: Complexity | 'not_assessed' | null;
  /** Matches only while the child returned home (or was placed) less than this many months before the last visit. */
  withinMonthsOfReunification: number | null;
  ruleKey: VisitRuleKey;
};

/**
 * Rodyna's default schedule: weekly while the child is being reunified or placed and for three months after, and
 * for emergency cases; fortnightly for complex, monthly for moderate (and not yet assessed), every two months for
 * simple cases (000 §3.8: "monitoring is more intensive immediately following placement … the frequency may decrease").
 */
export const defaultVisitSchedule: readonly VisitScheduleRow[] = [
  { step: 'reunification', complexity: null, withinMonthsOfReunification: null, ruleKey: 'home_visit_intensive' },
  { step: null, complexity: null, withinMonthsOfReunification: 3, ruleKey: 'home_visit_intensive' },
  { step: null, complexity: 'emergency', withinMonthsOfReunification: null, ruleKey: 'home_visit_intensive' },
  { step: null, complexity: 'complex', withinMonthsOfReunification: null, ruleKey: 'home_visit_complex' },
  { step: null, complexity: 'moderate', withinMonthsOfReunification: null, ruleKey: 'home_visit_moderate' },
  { step: null, complexity: 'simple', withinMonthsOfReunification: null, ruleKey: 'home_visit_simple' },
  { step: null, complexity: 'not_assessed', withinMonthsOfReunification: null, ruleKey: 'home_visit_moderate' },
];

/** Shipped lengths of the visit intervals and the report grace period (Rodyna defaults; inserted by migration 0005). */
export const defaultMonitoringRules: readonly DeadlineRule[] = [
  {
    key: 'home_visit_intensive',
    caseType: null,
    amount: 7,
    unit: 'calendar_days',
    sourceUk: 'Графік моніторингу Родини за замовчуванням — щотижня (після повернення дитини в сім\'ю, екстрені випадки)',
    sourceEn: 'Rodyna default monitoring schedule — weekly (after reunification, emergency cases)',
  },
  {
    key: 'home_visit_complex',
    caseType: null,
    amount: 14,
    unit: 'calendar_days',
    sourceUk: 'Графік моніторингу Родини за замовчуванням — раз на два тижні (складні випадки)',
    sourceEn: 'Rodyna default monitoring schedule — fortnightly (complex cases)',
  },
  {
    key: 'home_visit_moderate',
    caseType: null,
    amount: 1,
    unit: 'months',
    sourceUk: 'Графік моніторингу Родини за замовчуванням — щомісяця (випадки середньої складності)',
    sourceEn: 'Rodyna default monitoring schedule — monthly (moderate cases)',
  },
  {
    key: 'home_visit_simple',
    caseType: null,
    amount: 2,
    unit: 'months',
    sourceUk: 'Графік моніторингу Родини за замовчуванням — раз на два місяці (прості випадки)',
    sourceEn: 'Rodyna default monitoring schedule — every two months (simple cases)',
  },
  {
    // CMU Resolution No. 585 requires a quarterly report but sets no day; Rodyna allows 10 calendar days after the quarter.
    key: 'plan_report_grace',
    caseType: null,
    amount: 10,
    unit: 'calendar_days',
    sourceUk: 'Постанова КМУ № 585 — звіт про виконання індивідуального плану щокварталу; строк подання — 10 днів після кварталу (налаштування Родини)',
    sourceEn: 'CMU Resolution No. 585 — quarterly report on the individual plan; due 10 days after the quarter (Rodyna default)',
  },
];

/** What the schedule reads of a case. */
export type VisitScheduleFacts = {
  step: CaseStep;
  complexity: Complexity | null;
  /** When the child returned home or was placed (the case left the reunification step), if it did. */
  reunifiedOn: IsoDate | null;
};

function rowMatches(row: VisitScheduleRow, facts: VisitScheduleFacts, from: IsoDate): boolean {
  if (row.step !== null && row.step !== facts.step) return false;
  if (row.complexity !== null && row.complexity !== (facts.complexity ?? 'not_assessed')) return false;
  if (row.withinMonthsOfReunification !== null) {
    if (facts.reunifiedOn === null) return false;
    if (compareIsoDates(facts.reunifiedOn, from) > 0) return false;
    if (compareIsoDates(from, addMonths(facts.reunifiedOn, row.withinMonthsOfReunification)) >= 0) return false;
  }
  return true;
}

/** The visit-interval rule key for a case counted from `from`: the first schedule row that matches; throws `visit_schedule_incomplete` if none does. */
export function visitRuleKeyFor(facts: VisitScheduleFacts, from: IsoDate, schedule: readonly VisitScheduleRow[] = defaultVisitSchedule): VisitRuleKey {
  const row = schedule.find((r) => rowMatches(r, facts, from));
  if (!row) throw new DomainError('visit_schedule_incomplete', 'No row of the visit schedule applies to this case', { step: facts.step, complexity: facts.complexity });
  return row.ruleKey;
}

/** The next visit's due date counted from the last visit (or the registration date when there was none). */
export function nextVisitDue(
  input: VisitScheduleFacts & { from: IsoDate; caseType: string; rules: readonly DeadlineRule[]; calendar: CalendarConfig; schedule?: readonly VisitScheduleRow[] },
): { ruleKey: VisitRuleKey; dueDate: IsoDate; rule: DeadlineRule } {
  const ruleKey = visitRuleKeyFor(input, input.from, input.schedule);
  const rule = pickRule(input.rules, ruleKey, input.caseType);
  return { ruleKey, dueDate: computeDueDate(rule, input.from, input.calendar), rule };
}

/** A calendar quarter written `YYYY-Qn`. */
export type Quarter = string;

const quarterPattern = /^(\d{4})-Q([1-4])$/;

/** Whether a string is a quarter `YYYY-Qn`. */
export function isQuarter(s: string): boolean {
  return quarterPattern.test(s);
}

function partsOf(q: Quarter): { year: number; n: number } {
  const m = quarterPattern.exec(q);
  if (!m) throw new DomainError('invalid_quarter', `Not a quarter: "${q}" (expected YYYY-Qn)`, { period: q });
  return { year: Number(m[1]), n: Number(m[2]) };
}

/** The quarter a date falls in. */
export function quarterOf(date: IsoDate): Quarter {
  const { year, month } = parseIsoDate(date);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The first day of a quarter. */
export function quarterStart(q: Quarter): IsoDate {
  const { year, n } = partsOf(q);
  return `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last day of a quarter. */
export function quarterEnd(q: Quarter): IsoDate {
  return addDays(quarterStart(nextQuarter(q)), -1);
}

/** The quarter after `q`. */
export function nextQuarter(q: Quarter): Quarter {
  const { year, n } = partsOf(q);
  return n === 4 ? `${year + 1}-Q1` : `${year}-Q${n + 1}`;
}

/** Orders quarters: negative when `a` is earlier. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  const x = partsOf(a);
  const y = partsOf(b);
  return x.year - y.year || x.n - y.n;
}

/**
 * When the plan-implementation report for a quarter is due: the end of the quarter plus the configured grace period
 * (CMU Resolution No. 585: reports to the Child Affairs Service quarterly). The source names the quarter.
 */
export function planReportDue(input: { period: Quarter; caseType: string; rules: readonly DeadlineRule[]; calendar: CalendarConfig }): { dueDate: IsoDate; sourceUk: string; sourceEn: string } {
  const grace = pickRule(input.rules, planReportGraceRuleKey, input.caseType);
  return {
    dueDate: computeDueDate(grace, quarterEnd(input.period), input.calendar),
    sourceUk: `Звіт за ${input.period}: ${grace.sourceUk}`,
    sourceEn: `Report for ${input.period}: ${grace.sourceEn}`,
  };
}

/**
 * The quarter whose report is due next: the earliest quarter without a report, from the quarter the plan was first
 * agreed in. A quarter left unreported stays due (and overdue) until its report comes.
 */
export function reportPeriodDue(planAgreedOn: IsoDate, reportedPeriods: readonly Quarter[]): Quarter {
  let q = quarterOf(planAgreedOn);
  while (reportedPeriods.includes(q)) q = nextQuarter(q);
  return q;
}
