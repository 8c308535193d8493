import { z } from 'zod';
import { commissionGrounds, measureStatuses, overallStatuses } from '#domain/cases/plan-reports.ts';
import { deadlineView } from './cases.contract.ts';
import { text, uuid } from './common.contract.ts';

/** A calendar quarter `YYYY-Qn`. */
export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'Expected a quarter such as 2026-Q4');

/**
 * POST /api/v1/cases/{id}/plan-reports — the quarterly report on the implementation of the individual plan to the
 * Child Affairs Service (CMU Resolution No. 585): a status for every measure of the agreed plan, the plan overall,
 * and whether the case must go to the Commission on Protection of Child Rights. One per quarter; not edited.
 */
export const planReportRequest = z.object({
  period: quarter,
  measures: z.array(z.object({ measureKey: uuid, status: z.enum(measureStatuses), comment: text(2000).default('') })).max(300),
  overallStatus: z.enum(overallStatuses),
  overallComment: text(4000).default(''),
  needsCommission: z.boolean().default(false),
  commissionGround: z.enum(commissionGrounds).nullable().default(null),
});
/** A report as sent. */
export type PlanReportRequest = z.infer<typeof planReportRequest>;

/** One report. */
export const planReportView = z.object({
  id: z.string(),
  caseId: z.string(),
  planId: z.string(),
  planVersionNo: z.number().int(),
  period: quarter,
  measures: z.array(z.object({ measureKey: z.string(), action: z.string(), status: z.enum(measureStatuses), comment: z.string() })),
  overallStatus: z.enum(overallStatuses),
  overallComment: z.string(),
  /** The case must go to the commission (Resolution 585) — flagged on the case timeline. */
  needsCommission: z.boolean(),
  commissionGround: z.enum(commissionGrounds).nullable(),
  /** Some measure cannot be carried out: the commission may be needed even if not asked for. */
  commissionSuggested: z.boolean(),
  submittedBy: z.object({ id: z.string(), name: z.string() }),
  submittedAt: z.string(),
});
/** One report. */
export type PlanReportView = z.infer<typeof planReportView>;

/** GET /api/v1/cases/{id}/plan-reports — newest quarter first, with the next report due and whether the latest flags the commission. */
export const planReportsList = z.object({
  items: z.array(planReportView),
  /** The case's open `plan_report` deadline (none while no plan is agreed). */
  nextReport: deadlineView.nullable(),
  /** The latest report asks for the commission. */
  needsCommission: z.boolean(),
  allowedActions: z.array(z.enum(['create'])),
});
