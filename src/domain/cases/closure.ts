import { domainsBelowThreshold, type BenchmarkConfig, type BenchmarkRecord } from './benchmarks.ts';
import { compareGoalResults, type GoalResult } from './review.ts';

/**
 * Case closure (SPEC §2.14; 000 §3.10). Closure needs recorded criteria — goals met, benchmarks at or above the agreed
 * threshold, safe stable family care, support in place — the child's and the family's views and a supervisor's
 * approval, and produces the Order 1005 "report on results of social support" (Order of the Ministry of Social Policy
 * No. 1005 of 13.07.2018: services provided, results achieved fully/partially/not, the status at the start and the end
 * of support per criterion, recommendations). Ukrainian law has no closure step (000 §3.10 "There are no policies,
 * laws, or orders that explicitly mention case closure"); the criteria follow the report's recommendations.
 */
export const closureCriteria = ['goalsMet', 'benchmarksAtThreshold', 'safeStableCare', 'supportInPlace'] as const;
/** One closure criterion the specialist confirms. */
export type ClosureCriterion = (typeof closureCriteria)[number];
/** Each criterion confirmed or not, with a note. */
export type ClosureCriteria = Record<ClosureCriterion, { met: boolean; note: string }>;

/**
 * The criteria of the Order 1005 report whose status is described at the start and at the end of support: the child's
 * needs, the state of the parents or caregivers, and the family and environment factors (as in the needs-assessment act).
 */
export const reportCriteria = ['child_needs', 'parents_caregivers', 'family_environment'] as const;
/** One criterion of the report. */
export type ReportCriterion = (typeof reportCriteria)[number];

/** The results report of Order 1005. */
export type ClosureReport = {
  servicesProvided: Array<{ serviceCode: string | null; description: string }>;
  statusByCriterion: Array<{ criterion: ReportCriterion; atStart: string; atEnd: string; note: string }>;
  recommendations: string;
};

/** Why the case cannot be closed yet; each blocker names what to fix. */
export type ClosureBlocker =
  | { code: 'plan_goals_missing' }
  | { code: 'goal_results_missing'; goalKeys: string[] }
  | { code: 'goals_not_met'; goalKeys: string[] }
  | { code: 'goal_comment_missing'; goalKeys: string[] }
  | { code: 'benchmarks_missing'; children: string[] }
  | { code: 'benchmarks_below_threshold'; domains: string[]; children: Array<{ childPersonId: string; domains: string[] }> }
  | { code: 'criteria_missing'; criteria: ClosureCriterion[] }
  | { code: 'child_views_missing' }
  | { code: 'family_views_missing' }
  | { code: 'report_incomplete'; fields: string[] };

/** Everything the closure rule reads. */
export type ClosureInput = {
  /** Goal keys of the agreed plan. */
  planGoalKeys: readonly string[];
  goalResults: readonly GoalResult[];
  /** The latest benchmark record per child of the case (at closure: the closure record), null when none. */
  benchmarks: ReadonlyArray<{ childPersonId: string; record: BenchmarkRecord | null }>;
  config: BenchmarkConfig;
  criteria: ClosureCriteria;
  childViews: { views: string; notHeardReason: string };
  familyViews: string;
  report: ClosureReport;
};

function reportGaps(report: ClosureReport): string[] {
  const fields: string[] = [];
  if (report.servicesProvided.length === 0 || report.servicesProvided.some((s) => !s.description.trim() && s.serviceCode === null)) fields.push('servicesProvided');
  for (const c of reportCriteria) {
    const row = report.statusByCriterion.find((r) => r.criterion === c);
    if (!row || !row.atStart.trim() || !row.atEnd.trim()) fields.push(`statusByCriterion.${c}`);
  }
  if (!report.recommendations.trim()) fields.push('recommendations');
  return fields;
}

/**
 * Every reason the case may not be closed, empty when it may be proposed for the supervisor's approval.
 * Benchmarks are the safeguard against premature closure (SPEC §2.6): a domain below the threshold for any child
 * refuses closure whatever the specialist ticked. A goal counts as met when fully achieved, or partially achieved with
 * a comment saying why the rest needs no case management; a goal not achieved refuses closure.
 */
export function closureBlockers(input: ClosureInput): ClosureBlocker[] {
  const blockers: ClosureBlocker[] = [];
  if (input.planGoalKeys.length === 0) blockers.push({ code: 'plan_goals_missing' });
  const { missing } = compareGoalResults(input.planGoalKeys, input.goalResults);
  if (missing.length > 0) blockers.push({ code: 'goal_results_missing', goalKeys: missing });
  const judged = input.goalResults.filter((r) => input.planGoalKeys.includes(r.goalKey));
  const notMet = judged.filter((r) => r.achievement === 'not_achieved').map((r) => r.goalKey);
  if (notMet.length > 0) blockers.push({ code: 'goals_not_met', goalKeys: notMet });
  const unexplained = judged.filter((r) => r.achievement === 'partially' && !r.comment.trim()).map((r) => r.goalKey);
  if (unexplained.length > 0) blockers.push({ code: 'goal_comment_missing', goalKeys: unexplained });

  const unscored = input.benchmarks.filter((b) => b.record === null).map((b) => b.childPersonId);
  if (unscored.length > 0 || input.benchmarks.length === 0) blockers.push({ code: 'benchmarks_missing', children: unscored });
  const below = input.benchmarks.flatMap((b) => (b.record ? [{ childPersonId: b.childPersonId, domains: domainsBelowThreshold(b.record, input.config) }] : [])).filter((b) => b.domains.length > 0);
  if (below.length > 0) {
    const domains = input.config.domains.map((d) => d.code).filter((code) => below.some((b) => b.domains.includes(code)));
    blockers.push({ code: 'benchmarks_below_threshold', domains, children: below });
  }

  const unconfirmed = closureCriteria.filter((c) => !input.criteria[c].met);
  if (unconfirmed.length > 0) blockers.push({ code: 'criteria_missing', criteria: unconfirmed });
  if (!input.childViews.views.trim() && !input.childViews.notHeardReason.trim()) blockers.push({ code: 'child_views_missing' });
  if (!input.familyViews.trim()) blockers.push({ code: 'family_views_missing' });
  const fields = reportGaps(input.report);
  if (fields.length > 0) blockers.push({ code: 'report_incomplete', fields });
  return blockers;
}
