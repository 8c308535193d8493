import type { CaseStep } from '#domain/cases/workflow.ts';
import type { Complexity } from '#domain/cases/case-types.ts';
import { domainsBelowThreshold } from '#domain/cases/benchmarks.ts';
import { closureBlockers, type ClosureCriteria, type ClosureReport } from '#domain/cases/closure.ts';
import { defaultFollowUpPolicy, planFollowUps, validateFollowUpPolicy, type FollowUpPolicy } from '#domain/cases/follow-up.ts';
import { nextReviewDue } from '#domain/cases/review.ts';
import { DomainError } from '#domain/errors.ts';
import { closureReport, type ClosureRequestBody, type ClosureRequestView } from '#contracts/closure.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { loadCaseForLifecycle, mayOnCaseLifecycle, type LoadedCase } from '../lib/case-lifecycle-access.ts';
import { addCaseEvent, findCaseWithAccessFacts, refreshNextDueDate } from '../db/repositories/cases.repository.ts';
import { findAgreedPlan, fullName, listCaseChildren, lockCaseRow, replaceOpenDeadline } from '../db/repositories/reviews-closure.repository.ts';
import { appendAudit } from './audit.service.ts';
import { asDomainRecord, benchmarkConfig, checkChildBenchmarks, insertBenchmarkRecord, loadBenchmarkRecords } from './benchmarks.service.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';
import { loadCaseFor, moveCase } from './cases.service.ts';
import { checkGoalKeys, loadGoalResults } from './reviews.service.ts';
import { checkServiceCodes } from './service-catalogue.service.ts';

/** Version of the JSONB results report's schema (`closureReport` in the contract). */
const reportSchemaVersion = 1;

/** The follow-up policy in force: `app_settings` key `follow_up_policy` when set, else the Rodyna default (20 % random visits). */
export async function loadFollowUpPolicy(trx: Tx): Promise<FollowUpPolicy> {
  const row = await trx.selectFrom('app_settings').select('value').where('key', '=', 'follow_up_policy').executeTakeFirst();
  if (!row) return defaultFollowUpPolicy;
  const policy = { ...defaultFollowUpPolicy, ...(row.value as Partial<FollowUpPolicy>) };
  validateFollowUpPolicy(policy);
  return policy;
}

function closureQuery(trx: Tx) {
  return trx
    .selectFrom('closure_requests as r')
    .innerJoin('users as u', 'u.id', 'r.requested_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .innerJoin('case_plans as p', 'p.id', 'r.plan_id')
    .leftJoin('approvals as a', (j) => j.onRef('a.subject_id', '=', 'r.id').on('a.kind', '=', 'closure'))
    .selectAll('r')
    .select(['u.surname', 'u.given_name', 'u.patronymic', 'd.surname as dSurname', 'd.given_name as dGivenName', 'd.patronymic as dPatronymic', 'p.version_no', 'a.id as approvalId']);
}

async function loadClosureRequests(trx: Tx, caseId: string, ids?: string[]): Promise<ClosureRequestView[]> {
  let q = closureQuery(trx).where('r.case_id', '=', caseId);
  if (ids) q = q.where('r.id', 'in', ids);
  const rows = await q.orderBy('r.seq', 'desc').execute();
  const requestIds = rows.map((r) => r.id);
  const results = await loadGoalResults(trx, { closureRequestIds: requestIds });
  const records = requestIds.length ? await trx.selectFrom('benchmark_records').select(['id', 'closure_request_id']).where('closure_request_id', 'in', requestIds).orderBy('created_at').execute() : [];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    plan: { id: r.plan_id, versionNo: r.version_no },
    criteria: {
      goalsMet: { met: r.goals_met, note: r.goals_met_note },
      benchmarksAtThreshold: { met: r.benchmarks_at_threshold, note: r.benchmarks_note },
      safeStableCare: { met: r.safe_stable_care, note: r.safe_stable_care_note },
      supportInPlace: { met: r.support_in_place, note: r.support_in_place_note },
    },
    childViews: r.child_views,
    childViewsNotHeardReason: r.child_views_not_heard_reason,
    familyViews: r.family_views,
    goalResults: results.filter((g) => g.parentId === r.id).map(({ parentId: _p, ...g }) => g),
    benchmarkRecordIds: records.filter((b) => b.closure_request_id === r.id).map((b) => b.id),
    report: closureReport.parse(r.report),
    status: r.status as ClosureRequestView['status'],
    requestedBy: { id: r.requested_by, name: fullName(r.surname, r.given_name, r.patronymic) },
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedBy: r.decided_by ? { id: r.decided_by, name: fullName(r.dSurname, r.dGivenName, r.dPatronymic) } : null,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionComment: r.decision_comment,
    approvalId: r.approvalId,
    version: r.version,
  }));
}

async function loadReopenings(trx: Tx, caseId: string) {
  const rows = await trx
    .selectFrom('case_reopenings as o')
    .innerJoin('users as u', 'u.id', 'o.reopened_by')
    .selectAll('o')
    .select(['u.surname', 'u.given_name', 'u.patronymic'])
    .where('o.case_id', '=', caseId)
    .orderBy('o.reopened_at', 'desc')
    .execute();
  return rows.map((o) => ({
    id: o.id,
    caseId: o.case_id,
    reopenedOn: o.reopened_on,
    reason: o.reason,
    previousClosedOn: o.previous_closed_on,
    followUpVisitId: o.follow_up_visit_id,
    reopenedBy: { id: o.reopened_by, name: fullName(o.surname, o.given_name, o.patronymic) },
  }));
}

/** Closure requests of the case with their decisions, its reopenings, and the domains still below the threshold (read audited). */
export async function listClosureRequests(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const items = await loadClosureRequests(trx, caseId);
    const reopenings = await loadReopenings(trx, caseId);
    const records = await loadBenchmarkRecords(trx, caseId);
    const config = benchmarkConfig();
    const belowThreshold = (await listCaseChildren(trx, caseId)).map((c) => {
      const latest = records.filter((r) => r.child.personId === c.personId).at(-1);
      return { childPersonId: c.personId, domains: domainsBelowThreshold(latest ? asDomainRecord(latest) : null, config) };
    });
    await appendAudit(trx, { actor, action: 'list', entity: 'closure_request', entityId: '', details: { caseId, ids: items.map((i) => i.id) } }, deps.now());
    const allowedActions: Array<'request' | 'reopen'> = [];
    if (mayOnCase(actor, 'needs_assessment.edit', caseRow) && caseRow.step === 'case_review' && !items.some((i) => i.status === 'pending')) allowedActions.push('request');
    if (caseRow.status === 'closed' && mayOnCaseLifecycle(actor, 'case.reopen', caseRow)) allowedActions.push('reopen');
    return { items, reopenings, closedOn: caseRow.closed_on, belowThreshold, allowedActions };
  });
}

/**
 * Proposes closure (SPEC §2.14). The case must be at the case-review step with no request pending. The closure rule
 * (domain `closureBlockers`) refuses with every blocker — notably any benchmark domain below the threshold — as
 * `422 closure_blocked` with `details.blockers`; nothing is saved then. Otherwise the request, its goal judgements and
 * the closure benchmark records are saved and an approval goes to the case manager's supervisor.
 */
export async function requestClosure(deps: Deps, actor: RequestActor, caseId: string, input: ClosureRequestBody): Promise<ClosureRequestView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await lockCaseRow(trx, caseId);
    if (caseRow.step !== 'case_review') throw new DomainError('closure_wrong_step', 'Closure is proposed from the case-review step', { step: caseRow.step });
    const pending = await trx.selectFrom('closure_requests').select('id').where('case_id', '=', caseId).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw new DomainError('closure_request_pending', 'A closure request is already waiting for the supervisor', { closureRequestId: pending.id });
    const plan = await findAgreedPlan(trx, caseId);
    const planGoalKeys = plan?.goals.map((g) => g.key) ?? [];
    checkGoalKeys(planGoalKeys, input.goalResults);
    const children = await listCaseChildren(trx, caseId);
    checkChildBenchmarks(input.benchmarks, children.map((c) => c.personId), 'closure', today);
    await checkServiceCodes(trx, input.report.servicesProvided.flatMap((s) => (s.serviceCode === null ? [] : [s.serviceCode])));
    const criteria: ClosureCriteria = input.criteria;
    const report: ClosureReport = input.report;
    const blockers = closureBlockers({
      planGoalKeys,
      goalResults: input.goalResults,
      benchmarks: children.map((c) => {
        const b = input.benchmarks.find((x) => x.childPersonId === c.personId);
        return { childPersonId: c.personId, record: b ? { occasion: 'closure', date: today, scores: b.scores } : null };
      }),
      config: benchmarkConfig(),
      criteria,
      childViews: { views: input.childViews, notHeardReason: input.childViewsNotHeardReason },
      familyViews: input.familyViews,
      report,
    });
    if (blockers.length > 0 || !plan) throw new DomainError('closure_blocked', 'The case cannot be closed yet', { blockers });

    const created = await trx
      .insertInto('closure_requests')
      .values({
        case_id: caseId,
        plan_id: plan.id,
        goals_met: criteria.goalsMet.met,
        goals_met_note: criteria.goalsMet.note,
        benchmarks_at_threshold: criteria.benchmarksAtThreshold.met,
        benchmarks_note: criteria.benchmarksAtThreshold.note,
        safe_stable_care: criteria.safeStableCare.met,
        safe_stable_care_note: criteria.safeStableCare.note,
        support_in_place: criteria.supportInPlace.met,
        support_in_place_note: criteria.supportInPlace.note,
        child_views: input.childViews,
        child_views_not_heard_reason: input.childViewsNotHeardReason,
        family_views: input.familyViews,
        report: JSON.stringify(report),
        report_schema_version: reportSchemaVersion,
        requested_by: actor.userId,
        requested_at: now,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('goal_achievements')
      .values(input.goalResults.map((g) => ({ case_id: caseId, closure_request_id: created.id, plan_id: plan.id, goal_key: g.goalKey, achievement: g.achievement, comment: g.comment, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now })))
      .execute();
    const recordIds: string[] = [];
    for (const b of input.benchmarks) {
      recordIds.push(await insertBenchmarkRecord(trx, caseRow, { childPersonId: b.childPersonId, occasion: 'closure', recordedOn: today, scores: b.scores, closureRequestId: created.id, recordedBy: actor.userId, now }));
    }
    const approval = await trx
      .insertInto('approvals')
      .values({ kind: 'closure', case_id: caseId, subject_id: created.id, requested_by: actor.userId, requested_at: now, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'closure_requested', data: { closureRequestId: created.id, approvalId: approval.id }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'closure_request', entityId: created.id, details: { caseId, approvalId: approval.id, benchmarkRecordIds: recordIds } }, now);
    const [view] = await loadClosureRequests(trx, caseId, [created.id]);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

/**
 * Applies the supervisor's decision on a closure request inside the approval's transaction. Approval closes the case:
 * the request is approved (so the workflow guard `closureApprovedBySupervisor` passes), the case moves to the closure
 * step through the workflow, becomes closed on today's Kyiv date, every open deadline ends, and the follow-up visits
 * are planned (the scheduled one, and the random one when the deterministic pick selects the case). Returning records
 * the comment; the case manager sees it on the request and on the timeline.
 */
export async function applyClosureDecision(trx: Tx, actor: RequestActor, caseRow: LoadedCase, closureRequestId: string, decision: { decision: 'approve' | 'return'; comment: string }, now: Date): Promise<void> {
  const today = todayInKyiv(now);
  const request = await trx.selectFrom('closure_requests').select(['id', 'status', 'version']).where('id', '=', closureRequestId).where('case_id', '=', caseRow.id).executeTakeFirst();
  if (!request) throw new DomainError('not_found', 'Not found');
  if (request.status !== 'pending') throw new DomainError('approval_already_decided', 'This request has already been decided');
  if (decision.decision === 'approve' && caseRow.step !== 'case_review') throw new DomainError('closure_wrong_step', 'The case has left the case-review step since closure was proposed', { step: caseRow.step });
  await trx
    .updateTable('closure_requests')
    .set({ status: decision.decision === 'approve' ? 'approved' : 'returned', decided_by: actor.userId, decided_at: now, decision_comment: decision.comment, version: request.version + 1, updated_at: now })
    .where('id', '=', request.id)
    .execute();
  if (decision.decision === 'return') {
    await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: 'closure_returned', data: { closureRequestId: request.id, comment: decision.comment }, at: now });
    return;
  }
  await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: 'closure_approved', data: { closureRequestId: request.id, comment: decision.comment }, at: now });
  await moveCase(trx, actor, caseRow, { to: 'closure', reason: null }, now);
  await trx.updateTable('cases').set({ status: 'closed', closed_on: today, updated_at: now }).where('id', '=', caseRow.id).execute();
  // Nothing stays due on a closed case but its follow-up visits.
  await trx.updateTable('case_deadlines').set({ met_on: today }).where('case_id', '=', caseRow.id).where('met_on', 'is', null).execute();
  const visits = planFollowUps({ caseId: caseRow.id, caseType: caseRow.case_type, closedOn: today, rules: await loadDeadlineRules(trx), calendar: await loadCalendarConfig(trx), policy: await loadFollowUpPolicy(trx) });
  await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: 'case_closed', data: { closedOn: today, closureRequestId: request.id }, at: now });
  for (const v of visits) {
    const created = await trx
      .insertInto('follow_up_visits')
      .values({ case_id: caseRow.id, closure_request_id: request.id, due_date: v.dueDate, selection: v.selection, scheduled_by: actor.userId, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('case_deadlines').values({ case_id: caseRow.id, key: 'post_closure_follow_up', due_date: v.dueDate, source_uk: v.rule.sourceUk, source_en: v.rule.sourceEn }).execute();
    await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: 'follow_up_scheduled', data: { visitId: created.id, dueDate: v.dueDate, selection: v.selection }, at: now });
  }
  await refreshNextDueDate(trx, caseRow.id);
  await appendAudit(trx, { actor, action: 'update', entity: 'case', entityId: caseRow.id, details: { status: { from: 'open', to: 'closed' }, closedOn: today, closureRequestId: request.id, followUps: visits.map((v) => ({ dueDate: v.dueDate, selection: v.selection })) } }, now);
}

/**
 * Reopens a closed case inside the caller's transaction (SPEC §2.14: a reopened case keeps its history): the reopening
 * is recorded with the closure it undoes, the case is open again and goes back through the workflow to the case-review
 * step (the worker then re-scores, re-plans or re-assesses from there), planned follow-up visits are cancelled and the
 * review cycle restarts from today.
 */
export async function applyReopening(trx: Tx, actor: RequestActor, caseRow: LoadedCase, input: { reason: string; followUpVisitId: string | null }, now: Date) {
  const today = todayInKyiv(now);
  if (caseRow.status !== 'closed' || !caseRow.closed_on) throw new DomainError('case_not_closed', 'Only a closed case can be reopened');
  const closure = await trx.selectFrom('closure_requests').select('id').where('case_id', '=', caseRow.id).where('status', '=', 'approved').orderBy('seq', 'desc').executeTakeFirst();
  const reopening = await trx
    .insertInto('case_reopenings')
    .values({ case_id: caseRow.id, reopened_on: today, reopened_at: now, reason: input.reason, previous_closed_on: caseRow.closed_on, closure_request_id: closure?.id ?? null, follow_up_visit_id: input.followUpVisitId, reopened_by: actor.userId, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('cases').set({ status: 'open', closed_on: null, updated_at: now }).where('id', '=', caseRow.id).execute();
  const reviewStep: CaseStep = 'case_review';
  if (caseRow.step !== reviewStep) await moveCase(trx, actor, caseRow, { to: reviewStep, reason: input.reason }, now);
  const cancelled = await trx
    .updateTable('follow_up_visits')
    .set((eb) => ({ status: 'cancelled', cancelled_on: today, version: eb('version', '+', 1), updated_at: now }))
    .where('case_id', '=', caseRow.id)
    .where('status', '=', 'planned')
    .returning('id')
    .execute();
  // The follow-up deadlines belonged to the closure that is undone; the visits keep the history.
  await trx.deleteFrom('case_deadlines').where('case_id', '=', caseRow.id).where('key', '=', 'post_closure_follow_up').where('met_on', 'is', null).execute();
  const next = nextReviewDue({ complexity: caseRow.complexity as Complexity | null, caseType: caseRow.case_type, from: today, rules: await loadDeadlineRules(trx), calendar: await loadCalendarConfig(trx) });
  await replaceOpenDeadline(trx, caseRow.id, 'case_review', today, next);
  await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: 'case_reopened', data: { reopeningId: reopening.id, reason: input.reason, previousClosedOn: caseRow.closed_on, followUpVisitId: input.followUpVisitId, cancelledVisitIds: cancelled.map((c) => c.id) }, at: now });
  await appendAudit(trx, { actor, action: 'update', entity: 'case', entityId: caseRow.id, details: { status: { from: 'closed', to: 'open' }, reopeningId: reopening.id, closureRequestId: closure?.id ?? null } }, now);
  return reopening.id;
}

/** POST /cases/{id}/reopening: reopens a closed case (case manager or their supervisor). */
export async function reopenCase(deps: Deps, actor: RequestActor, caseId: string, input: { reason: string }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseForLifecycle(trx, actor, caseId, 'case.reopen');
    await lockCaseRow(trx, caseId);
    const id = await applyReopening(trx, actor, caseRow, { reason: input.reason, followUpVisitId: null }, now);
    const reopening = (await loadReopenings(trx, caseId)).find((r) => r.id === id);
    const after = await findCaseWithAccessFacts(trx, caseId);
    if (!reopening || !after) throw new DomainError('not_found', 'Not found');
    return { reopening, case: { status: after.status as 'open' | 'closed', step: after.step, version: after.version } };
  });
}
