import { DomainError } from '../errors.ts';
import { addDays, addMonths, diffInDays, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { addWorkingDays, nextWorkingDayOnOrAfter, type CalendarConfig } from '../calendar/working-calendar.ts';

/** How a deadline's amount is counted. */
export type DeadlineUnit = 'working_days' | 'calendar_days' | 'months' | 'same_day';

/** One configurable deadline: a key, an optional case type it is specific to, an amount and the source it comes from. */
export type DeadlineRule = {
  key: string;
  caseType: string | null;
  amount: number;
  unit: DeadlineUnit;
  sourceUk: string;
  sourceEn: string;
};

/** Where a deadline stands relative to today. */
export type DeadlineStatus = 'overdue' | 'due_today' | 'due_soon' | 'upcoming';

/** Calendar days before the due date from which a deadline counts as due soon. */
export const dueSoonWithinDays = 3;

/** Shipped deadline table (SPEC §2.15); deployments may replace or override rows per case type. */
export const defaultDeadlineRules: readonly DeadlineRule[] = [
  {
    // Resolution 585, Procedure p. 12: the child's safety is assessed immediately.
    key: 'safety_assessment',
    caseType: null,
    amount: 0,
    unit: 'same_day',
    sourceUk: 'Порядок забезпечення соціального захисту дітей, які перебувають у складних життєвих обставинах (постанова КМУ № 585), п. 12 — невідкладно',
    sourceEn: 'Procedure for the social protection of children in difficult life circumstances (Cabinet of Ministers Resolution No. 585), para. 12 — immediately',
  },
  {
    // Law on Social Services art. 20: needs assessment within 5 working days (7 under Resolution 587 — override per case type).
    key: 'needs_assessment',
    caseType: null,
    amount: 5,
    unit: 'working_days',
    sourceUk: 'Закон України «Про соціальні послуги», ст. 20 — 5 робочих днів',
    sourceEn: 'Law of Ukraine "On Social Services", art. 20 — 5 working days',
  },
  {
    // Resolution 585: entities implementing the individual plan report to the Child Affairs Service quarterly.
    key: 'plan_report',
    caseType: null,
    amount: 3,
    unit: 'months',
    sourceUk: 'Постанова КМУ № 585 — щокварталу',
    sourceEn: 'Cabinet of Ministers Resolution No. 585 — quarterly',
  },
  {
    key: 'review_complex',
    caseType: null,
    amount: 3,
    unit: 'months',
    sourceUk: 'Налаштування Родини за замовчуванням — складні та екстрені випадки',
    sourceEn: 'Rodyna default — complex and emergency cases',
  },
  {
    key: 'review_other',
    caseType: null,
    amount: 6,
    unit: 'months',
    sourceUk: 'Налаштування Родини за замовчуванням',
    sourceEn: 'Rodyna default',
  },
  {
    key: 'post_closure_follow_up',
    caseType: null,
    amount: 3,
    unit: 'months',
    sourceUk: 'Налаштування Родини за замовчуванням — перший контроль після закриття',
    sourceEn: 'Rodyna default — first follow-up after closure',
  },
];

/** The rule for `key`, preferring one specific to `caseType` over the general one (caseType null); throws `deadline_rule_not_found`. */
export function pickRule(rules: readonly DeadlineRule[], key: string, caseType: string | null): DeadlineRule {
  const specific = caseType === null ? undefined : rules.find((r) => r.key === key && r.caseType === caseType);
  const rule = specific ?? rules.find((r) => r.key === key && r.caseType === null);
  if (!rule) {
    throw new DomainError('deadline_rule_not_found', `No deadline rule for key "${key}"${caseType === null ? '' : ` and case type "${caseType}"`}`, {
      key,
      caseType,
    });
  }
  return rule;
}

/**
 * Due date of a rule counted from `start`. Working days: the start day is not counted. Calendar days and
 * months: if the last day is not a working day, the deadline ends on the next working day (Civil Code of
 * Ukraine art. 254 part 5); a month term ends on the same day number, or the month's last day if it has
 * none (Civil Code art. 254 part 2). Same day: the start date itself, even on a day off.
 */
export function computeDueDate(rule: DeadlineRule, start: IsoDate, calendarConfig: CalendarConfig): IsoDate {
  parseIsoDate(start);
  if (!Number.isSafeInteger(rule.amount) || rule.amount < 0) {
    throw new DomainError('invalid_deadline_rule', `Deadline rule "${rule.key}" needs a non-negative whole amount, got ${rule.amount}`, {
      key: rule.key,
      amount: rule.amount,
    });
  }
  switch (rule.unit) {
    case 'same_day':
      return start;
    case 'working_days':
      return addWorkingDays(start, rule.amount, calendarConfig);
    case 'calendar_days':
      return nextWorkingDayOnOrAfter(addDays(start, rule.amount), calendarConfig);
    case 'months':
      return nextWorkingDayOnOrAfter(addMonths(start, rule.amount), calendarConfig);
  }
}

/** Status of a deadline on `today`: overdue after the due date, due_today on it, due_soon within 3 calendar days before it, else upcoming. */
export function deadlineStatus(due: IsoDate, today: IsoDate): DeadlineStatus {
  const daysLeft = diffInDays(due, today);
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return 'due_today';
  if (daysLeft <= dueSoonWithinDays) return 'due_soon';
  return 'upcoming';
}
