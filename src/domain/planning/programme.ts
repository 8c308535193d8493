/**
 * The targeted social programme of a hromada (SPEC §8; 002 Stage 2): SMART goals, measures and indicators of cost,
 * output, efficiency and quality with a baseline, a target and the values actually reached per period (monitoring).
 */

/** Kinds of indicator named by 002: costs, products (outputs), efficiency and quality of services. */
export const indicatorTypes = ['cost', 'output', 'efficiency', 'quality'] as const;
/** One kind. */
export type IndicatorType = (typeof indicatorTypes)[number];

/** Programme lifecycle. */
export const programmeStatuses = ['draft', 'approved', 'completed'] as const;
/** One status. */
export type ProgrammeStatus = (typeof programmeStatuses)[number];

/** An indicator as monitoring sees it. */
export type IndicatorFacts = { baseline: number; target: number; values: ReadonlyArray<{ period: string; actual: number }> };

/** Monitoring of one indicator: the latest actual value, how far from the baseline to the target it has come, achieved or not. */
export type IndicatorProgress = { latestPeriod: string | null; latest: number | null; progressPercent: number | null; achieved: boolean };

/**
 * Progress from baseline to target (a falling target, such as cost per recipient, counts downwards). The latest
 * period is the greatest period label (labels are `YYYY` or `YYYY-Qn`, which sort as text).
 */
export function indicatorProgress(i: IndicatorFacts): IndicatorProgress {
  const latest = [...i.values].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)).at(-1);
  if (!latest) return { latestPeriod: null, latest: null, progressPercent: null, achieved: false };
  const span = i.target - i.baseline;
  const achieved = span >= 0 ? latest.actual >= i.target : latest.actual <= i.target;
  const progressPercent = span === 0 ? (achieved ? 100 : 0) : Math.round(((latest.actual - i.baseline) / span) * 1000) / 10;
  return { latestPeriod: latest.period, latest: latest.actual, progressPercent, achieved };
}

/** The SMART criteria a goal is checked against. */
export const smartCriteria = ['specific', 'measurable', 'achievable', 'relevant', 'time_bound'] as const;
/** One criterion. */
export type SmartCriterion = (typeof smartCriteria)[number];

/** What is known of a goal for the SMART check. */
export type GoalFacts = { title: string; targetGroup: string; rationale: string; dueYear: number | null; measures: number; indicatorsWithTarget: number };

/**
 * The SMART criteria a goal does not yet show: specific — a statement and a target group; measurable — at least one
 * indicator with a target; achievable — at least one measure with resources; relevant — the need it answers
 * (rationale); time-bound — a due year within the programme's period.
 */
export function smartGaps(g: GoalFacts, period: { fromYear: number; toYear: number }): SmartCriterion[] {
  const gaps: SmartCriterion[] = [];
  if (g.title.trim().length < 10 || g.targetGroup.trim() === '') gaps.push('specific');
  if (g.indicatorsWithTarget === 0) gaps.push('measurable');
  if (g.measures === 0) gaps.push('achievable');
  if (g.rationale.trim() === '') gaps.push('relevant');
  if (g.dueYear === null || g.dueYear < period.fromYear || g.dueYear > period.toYear) gaps.push('time_bound');
  return gaps;
}

/** A programme covers one to three years (the yearly plan and the three-year horizon of SPEC §8). */
export function checkProgrammePeriod(fromYear: number, toYear: number): 'period_invalid' | null {
  return toYear < fromYear || toYear - fromYear > 2 ? 'period_invalid' : null;
}
