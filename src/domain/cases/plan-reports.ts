import type { IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';
import { compareQuarters, isQuarter, quarterOf, type Quarter } from './monitoring.ts';

/**
 * The quarterly report on the implementation of the individual plan (CMU Resolution No. 585 of 01.06.2020: the
 * entities implementing the plan report its status to the Child Affairs Service quarterly or on request; when the
 * plan cannot be implemented or more protection is needed, its adjustment goes to the Commission on Protection of
 * Child Rights). SPEC §2.12.
 */
export const measureStatuses = ['done', 'in_progress', 'not_started', 'impossible'] as const;
/** Where one measure of the plan stands. */
export type MeasureStatus = (typeof measureStatuses)[number];

/** The plan as a whole: being implemented, partly, or not. */
export const overallStatuses = ['on_track', 'partly_on_track', 'not_implemented'] as const;
/** One overall status. */
export type OverallStatus = (typeof overallStatuses)[number];

/** Why the case goes to the commission (Resolution 585: the plan cannot be implemented, or more protection is needed). */
export const commissionGrounds = ['plan_cannot_be_implemented', 'more_protection_needed'] as const;
/** One ground. */
export type CommissionGround = (typeof commissionGrounds)[number];

/** The status of one measure, by the stable key of the plan measure. */
export type MeasureReport = { measureKey: string; status: MeasureStatus; comment: string };

/** A report as submitted. */
export type PlanReportDraft = {
  period: Quarter;
  measures: readonly MeasureReport[];
  needsCommission: boolean;
  commissionGround: CommissionGround | null;
};

/** What a report is checked against: the agreed plan's measures, when it was agreed, and today. */
export type PlanReportContext = { planMeasureKeys: readonly string[]; planAgreedOn: IsoDate; today: IsoDate };

/** A part of a report that is wrong; `keys` names the measures concerned. */
export type PlanReportProblem = { path: 'period' | 'measures.missing' | 'measures.unknown' | 'measures.duplicate' | 'measures.comment' | 'commissionGround'; keys?: string[] };

/**
 * What is wrong with a report: a quarter not yet begun or before the plan was agreed; a measure of the agreed plan
 * without a status, or a status for a measure that is not in it; an impossible measure without the reason why; the
 * commission asked for without a ground, or a ground without asking.
 */
export function findPlanReportProblems(r: PlanReportDraft, ctx: PlanReportContext): PlanReportProblem[] {
  const problems: PlanReportProblem[] = [];
  if (!isQuarter(r.period) || compareQuarters(r.period, quarterOf(ctx.today)) > 0 || compareQuarters(r.period, quarterOf(ctx.planAgreedOn)) < 0) problems.push({ path: 'period' });
  const keys = r.measures.map((m) => m.measureKey);
  const seen = new Set<string>();
  const duplicate = [...new Set(keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false))))];
  const missing = ctx.planMeasureKeys.filter((k) => !keys.includes(k));
  const unknown = [...new Set(keys.filter((k) => !ctx.planMeasureKeys.includes(k)))];
  const uncommented = r.measures.filter((m) => m.status === 'impossible' && m.comment.trim() === '').map((m) => m.measureKey);
  if (missing.length > 0) problems.push({ path: 'measures.missing', keys: missing });
  if (unknown.length > 0) problems.push({ path: 'measures.unknown', keys: unknown });
  if (duplicate.length > 0) problems.push({ path: 'measures.duplicate', keys: duplicate });
  if (uncommented.length > 0) problems.push({ path: 'measures.comment', keys: uncommented });
  if (r.needsCommission !== (r.commissionGround !== null)) problems.push({ path: 'commissionGround' });
  return problems;
}

/** Throws `plan_report_invalid` with the problems when the report cannot be submitted. */
export function checkPlanReport(r: PlanReportDraft, ctx: PlanReportContext): void {
  const problems = findPlanReportProblems(r, ctx);
  if (problems.length > 0) throw new DomainError('plan_report_invalid', 'The report cannot be submitted as it is', { problems });
}

/** Whether the report suggests the commission even if not asked for: some measure of the plan cannot be carried out. */
export function suggestsCommission(measures: readonly Pick<MeasureReport, 'status'>[]): boolean {
  return measures.some((m) => m.status === 'impossible');
}

