import { planReportDeadlineKey } from '#domain/cases/monitoring.ts';
import { checkPlanReport, suggestsCommission, type CommissionGround, type MeasureStatus, type OverallStatus } from '#domain/cases/plan-reports.ts';
import { DomainError } from '#domain/errors.ts';
import type { PlanReportRequest, PlanReportView } from '#contracts/plan-reports.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { isoOf, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { presentOpenDeadline, syncPlanReportDeadline } from './monitoring.service.ts';

function reportQuery(trx: Tx, caseId: string) {
  return trx
    .selectFrom('plan_reports as r')
    .innerJoin('case_plans as p', 'p.id', 'r.plan_id')
    .selectAll('r')
    .select('p.version_no as planVersionNo')
    .where('r.case_id', '=', caseId);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['execute']>>[number];

async function present(trx: Tx, rows: ReportRow[]): Promise<PlanReportView[]> {
  const names = await userNamesById(trx, rows.map((r) => r.submitted_by));
  const planIds = [...new Set(rows.map((r) => r.plan_id))];
  const measures = planIds.length ? await trx.selectFrom('plan_measures').select(['plan_id', 'key', 'action']).where('plan_id', 'in', planIds).execute() : [];
  return rows.map((r) => {
    const statuses = r.measure_statuses;
    return {
      id: r.id,
      caseId: r.case_id,
      planId: r.plan_id,
      planVersionNo: r.planVersionNo,
      period: r.period,
      measures: statuses.map((m) => ({ measureKey: m.measureKey, action: measures.find((x) => x.plan_id === r.plan_id && x.key === m.measureKey)?.action ?? '', status: m.status as MeasureStatus, comment: m.comment })),
      overallStatus: r.overall_status as OverallStatus,
      overallComment: r.overall_comment,
      needsCommission: r.needs_commission,
      commissionGround: r.commission_ground as CommissionGround | null,
      commissionSuggested: suggestsCommission(statuses.map((m) => ({ status: m.status as MeasureStatus }))),
      submittedBy: { id: r.submitted_by, name: names.get(r.submitted_by) ?? '' },
      submittedAt: isoOf(r.submitted_at),
    };
  });
}

/** The agreed plan version of the case, with when a plan was first agreed (reporting starts then). */
async function agreedPlan(trx: Tx, caseId: string) {
  const plans = await trx.selectFrom('case_plans').select(['id', 'status', 'family_agreement_date']).where('case_id', '=', caseId).where('status', 'in', ['agreed', 'superseded']).execute();
  const current = plans.find((p) => p.status === 'agreed');
  const firstAgreedOn = plans.map((p) => p.family_agreement_date).filter((d): d is string => d !== null).sort()[0];
  return current && firstAgreedOn ? { id: current.id, firstAgreedOn } : null;
}

/** Quarterly plan reports of a case, newest quarter first, with the next report due; read audited. */
export async function listPlanReports(deps: Deps, actor: RequestActor, caseId: string) {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    const rows = await reportQuery(trx, caseId).orderBy('r.period', 'desc').execute();
    const plan = await agreedPlan(trx, caseId);
    await appendAudit(trx, { actor, action: 'list', entity: 'plan_report', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, now);
    return {
      items: await present(trx, rows),
      nextReport: await presentOpenDeadline(trx, caseId, planReportDeadlineKey, today),
      needsCommission: rows[0]?.needs_commission ?? false,
      allowedActions: plan && mayOnCase(actor, 'case.contribute', caseRow) ? ['create' as const] : [],
    };
  });
}

/**
 * Submits the quarterly report on the individual plan to the Child Affairs Service (CMU Resolution No. 585): a status
 * for every measure of the agreed plan version; one per quarter. When the plan cannot be implemented or more
 * protection is needed, the report flags the case for the Commission on Protection of Child Rights (timeline event
 * and `needsCommission`). The next quarter's report deadline follows.
 */
export async function submitPlanReport(deps: Deps, actor: RequestActor, caseId: string, input: PlanReportRequest): Promise<PlanReportView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    const plan = await agreedPlan(trx, caseId);
    if (!plan) throw new DomainError('no_agreed_plan', 'The case has no plan agreed with the family to report on');
    const measures = await trx.selectFrom('plan_measures').select('key').where('plan_id', '=', plan.id).execute();
    checkPlanReport(input, { planMeasureKeys: measures.map((m) => m.key), planAgreedOn: plan.firstAgreedOn, today });
    const existing = await trx.selectFrom('plan_reports').select('id').where('case_id', '=', caseId).where('period', '=', input.period).executeTakeFirst();
    if (existing) throw new DomainError('plan_report_exists', 'The report for this quarter has already been submitted', { reportId: existing.id, period: input.period });
    const row = await trx
      .insertInto('plan_reports')
      .values({
        case_id: caseId,
        plan_id: plan.id,
        period: input.period,
        measure_statuses: JSON.stringify(input.measures),
        overall_status: input.overallStatus,
        overall_comment: input.overallComment,
        needs_commission: input.needsCommission,
        commission_ground: input.commissionGround,
        submitted_by: actor.userId,
        submitted_at: now,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncPlanReportDeadline(trx, caseRow, today);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'plan_report_submitted', data: { reportId: row.id, period: input.period, overallStatus: input.overallStatus }, at: now });
    if (input.needsCommission) {
      await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'plan_report_commission_needed', data: { reportId: row.id, period: input.period, ground: input.commissionGround }, at: now });
    }
    await appendAudit(trx, { actor, action: 'create', entity: 'plan_report', entityId: row.id, details: { caseId, period: input.period, needsCommission: input.needsCommission } }, now);
    const [view] = await present(trx, [await reportQuery(trx, caseId).where('r.id', '=', row.id).executeTakeFirstOrThrow()]);
    return view as PlanReportView;
  });
}
