import type { FollowUpOutcome, FollowUpSelection, FollowUpStatus } from '#domain/cases/follow-up.ts';
import { pickRule } from '#domain/deadlines/deadline-rules.ts';
import { DomainError } from '#domain/errors.ts';
import type { FollowUpRecordRequest, FollowUpView } from '#contracts/closure.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { loadCaseForLifecycle, mayOnCaseLifecycle } from '../lib/case-lifecycle-access.ts';
import { addCaseEvent, refreshNextDueDate } from '../db/repositories/cases.repository.ts';
import { fullName, lockCaseRow } from '../db/repositories/reviews-closure.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadDeadlineRules } from './calendar.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { applyReopening } from './closure.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

async function loadVisits(trx: Tx, caseId: string, visitId?: string): Promise<FollowUpView[]> {
  let q = trx
    .selectFrom('follow_up_visits as v')
    .innerJoin('users as s', 's.id', 'v.scheduled_by')
    .leftJoin('users as d', 'd.id', 'v.done_by')
    .selectAll('v')
    .select(['s.surname', 's.given_name', 's.patronymic', 'd.surname as dSurname', 'd.given_name as dGivenName', 'd.patronymic as dPatronymic'])
    .where('v.case_id', '=', caseId);
  if (visitId) q = q.where('v.id', '=', visitId);
  const rows = await q.orderBy('v.due_date').orderBy('v.created_at').execute();
  return rows.map((v) => ({
    id: v.id,
    caseId: v.case_id,
    closureRequestId: v.closure_request_id,
    dueDate: v.due_date,
    selection: v.selection as FollowUpSelection,
    status: v.status as FollowUpStatus,
    doneOn: v.done_on,
    doneBy: v.done_by ? { id: v.done_by, name: fullName(v.dSurname, v.dGivenName, v.dPatronymic) } : null,
    outcome: v.outcome as FollowUpOutcome | null,
    notes: v.notes,
    cancelledOn: v.cancelled_on,
    scheduledBy: { id: v.scheduled_by, name: fullName(v.surname, v.given_name, v.patronymic) },
    version: v.version,
    createdAt: new Date(v.created_at).toISOString(),
  }));
}

/** Post-closure follow-up visits of the case in due-date order (read audited; readable on a closed case). */
export async function listFollowUps(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const items = await loadVisits(trx, caseId);
    await appendAudit(trx, { actor, action: 'list', entity: 'follow_up_visit', entityId: '', details: { caseId, ids: items.map((i) => i.id) } }, deps.now());
    const may = caseRow.status === 'closed' && mayOnCaseLifecycle(actor, 'case.follow_up', caseRow);
    return { items, allowedActions: may ? (['schedule', 'record'] as const).slice() : [] };
  });
}

/** Adds a follow-up visit by hand to a closed case, with its deadline on the worklist. */
export async function scheduleFollowUp(deps: Deps, actor: RequestActor, caseId: string, input: { dueDate: string }): Promise<FollowUpView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseForLifecycle(trx, actor, caseId, 'case.follow_up');
    await lockCaseRow(trx, caseId);
    if (caseRow.status !== 'closed') throw new DomainError('case_not_closed', 'Follow-up visits are planned for closed cases');
    if (input.dueDate < today) throw new DomainError('follow_up_date_in_past', 'A visit is planned for today or later', { dueDate: input.dueDate });
    const closure = await trx.selectFrom('closure_requests').select('id').where('case_id', '=', caseId).where('status', '=', 'approved').orderBy('seq', 'desc').executeTakeFirst();
    const created = await trx
      .insertInto('follow_up_visits')
      .values({ case_id: caseId, closure_request_id: closure?.id ?? null, due_date: input.dueDate, selection: 'scheduled', scheduled_by: actor.userId, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rule = pickRule(await loadDeadlineRules(trx), 'post_closure_follow_up', caseRow.case_type);
    await trx.insertInto('case_deadlines').values({ case_id: caseId, key: 'post_closure_follow_up', due_date: input.dueDate, source_uk: rule.sourceUk, source_en: rule.sourceEn }).execute();
    await refreshNextDueDate(trx, caseId);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'follow_up_scheduled', data: { visitId: created.id, dueDate: input.dueDate, selection: 'scheduled' }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'follow_up_visit', entityId: created.id, details: { caseId, dueDate: input.dueDate } }, now);
    const [view] = await loadVisits(trx, caseId, created.id);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

/**
 * Records a planned follow-up visit on a closed case (SPEC §2.14): when, by whom, what was found. Concerns and a
 * reopening need notes; the outcome `case_reopened` reopens the case in the same transaction with the notes as the reason.
 */
export async function recordFollowUp(deps: Deps, actor: RequestActor, caseId: string, visitId: string, input: FollowUpRecordRequest): Promise<FollowUpView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseForLifecycle(trx, actor, caseId, 'case.follow_up');
    await lockCaseRow(trx, caseId);
    const visit = await trx.selectFrom('follow_up_visits').selectAll().where('id', '=', visitId).where('case_id', '=', caseId).executeTakeFirst();
    if (!visit) throw new DomainError('not_found', 'Not found');
    if (visit.status !== 'planned') throw new DomainError('follow_up_not_planned', 'This visit is already recorded or was cancelled', { status: visit.status });
    assertCurrentVersion(visit.version, input.version, 'visit');
    if (caseRow.status !== 'closed' || !caseRow.closed_on) throw new DomainError('case_not_closed', 'Follow-up visits are recorded on closed cases');
    if (input.doneOn > today || input.doneOn < caseRow.closed_on) throw new DomainError('follow_up_date_out_of_range', 'The visit date must lie between the closure and today', { doneOn: input.doneOn, closedOn: caseRow.closed_on, today });
    if (input.outcome !== 'family_care_stable' && !input.notes.trim()) throw new DomainError('follow_up_notes_required', 'Describe the concerns found', { outcome: input.outcome });
    const res = await trx
      .updateTable('follow_up_visits')
      .set({ status: 'done', done_on: input.doneOn, done_by: actor.userId, outcome: input.outcome, notes: input.notes, version: visit.version + 1, updated_at: now })
      .where('id', '=', visitId)
      .where('version', '=', visit.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'follow_up_visits', visitId, 'visit');
    const deadline = await trx.selectFrom('case_deadlines').select('id').where('case_id', '=', caseId).where('key', '=', 'post_closure_follow_up').where('due_date', '=', visit.due_date).where('met_on', 'is', null).executeTakeFirst();
    if (deadline) await trx.updateTable('case_deadlines').set({ met_on: input.doneOn }).where('id', '=', deadline.id).execute();
    await refreshNextDueDate(trx, caseId);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'follow_up_recorded', data: { visitId, doneOn: input.doneOn, outcome: input.outcome, selection: visit.selection }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'follow_up_visit', entityId: visitId, details: { caseId, outcome: input.outcome } }, now);
    if (input.outcome === 'case_reopened') await applyReopening(trx, actor, caseRow, { reason: input.notes, followUpVisitId: visitId }, now);
    const [view] = await loadVisits(trx, caseId, visitId);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}
