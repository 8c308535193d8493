import { canOnCase } from '#domain/access/case-policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { ApprovalDecisionRequest, ApprovalView } from '#contracts/approvals.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { caseAccessFacts } from '../lib/case-access.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { addCaseEvent, findCaseWithAccessFacts, listCaseMembers } from '../db/repositories/cases.repository.ts';
import { fullName, lockCaseRow } from '../db/repositories/reviews-closure.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { applyClosureDecision } from './closure.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

function approvalQuery(trx: Tx) {
  return trx
    .selectFrom('approvals as a')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .innerJoin('users as cm', 'cm.id', 'c.case_manager_id')
    .innerJoin('users as r', 'r.id', 'a.requested_by')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .selectAll('a')
    .select([
      'c.number',
      'c.step',
      'c.status as caseStatus',
      'c.registered_on',
      'c.case_manager_id',
      'cm.supervisor_id as caseManagerSupervisorId',
      'cm.surname as cmSurname',
      'cm.given_name as cmGivenName',
      'cm.patronymic as cmPatronymic',
      'r.surname as rSurname',
      'r.given_name as rGivenName',
      'r.patronymic as rPatronymic',
      'd.surname as dSurname',
      'd.given_name as dGivenName',
      'd.patronymic as dPatronymic',
    ]);
}

type ApprovalRow = Awaited<ReturnType<ReturnType<typeof approvalQuery>['execute']>>[number];

async function present(trx: Tx, actor: RequestActor, rows: ApprovalRow[]): Promise<ApprovalView[]> {
  const members = await listCaseMembers(trx, [...new Set(rows.map((r) => r.case_id))]);
  return rows.map((a) => {
    const child = members.find((m) => m.case_id === a.case_id && m.role === 'child') ?? members.find((m) => m.case_id === a.case_id);
    const facts = caseAccessFacts({ hromada_id: a.hromada_id, organisation_id: a.organisation_id, case_manager_id: a.case_manager_id, caseManagerSupervisorId: a.caseManagerSupervisorId, status: a.caseStatus });
    const mayDecide = a.status === 'pending' && a.requested_by !== actor.userId && canOnCase(actor, 'approval.decide', facts).allowed;
    return {
      id: a.id,
      kind: a.kind as ApprovalView['kind'],
      case: {
        id: a.case_id,
        number: a.number,
        title: child ? `${child.surname} ${child.given_name}` : '',
        step: a.step,
        status: a.caseStatus as 'open' | 'closed',
        registeredOn: a.registered_on,
        caseManager: { id: a.case_manager_id, name: fullName(a.cmSurname, a.cmGivenName, a.cmPatronymic) },
      },
      subjectId: a.subject_id,
      requestedBy: { id: a.requested_by, name: fullName(a.rSurname, a.rGivenName, a.rPatronymic) },
      requestedAt: new Date(a.requested_at).toISOString(),
      status: a.status as ApprovalView['status'],
      decidedBy: a.decided_by ? { id: a.decided_by, name: fullName(a.dSurname, a.dGivenName, a.dPatronymic) } : null,
      decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null,
      comment: a.comment,
      version: a.version,
      allowedActions: mayDecide ? ['decide' as const] : [],
    };
  });
}

/**
 * The supervisor's queue: approvals of cases whose case manager they supervise (`users.supervisor_id`, scoped in SQL);
 * or, with `scope: 'mine'`, the requests the user made themselves (the case manager reads the supervisor's answer).
 * Pending items of the queue come oldest first, everything else newest first; keyset-paginated on (requested_at, id).
 * Anyone else gets an empty queue. The list is audited.
 */
export async function listApprovals(
  deps: Deps,
  actor: RequestActor,
  q: { scope?: 'queue' | 'mine'; status: 'pending' | 'approved' | 'returned' | 'all'; limit: number; cursor?: string | undefined },
) {
  const scope = q.scope ?? 'queue';
  const ascending = scope === 'queue' && q.status === 'pending';
  const pos = decodeCursor(q.cursor, ['at', 'id'] as const);
  return deps.db.transaction().execute(async (trx) => {
    let query = approvalQuery(trx);
    if (q.status !== 'all') query = query.where('a.status', '=', q.status);
    query =
      scope === 'mine'
        ? query.where('a.requested_by', '=', actor.userId)
        : query.where((eb) => eb('c.case_manager_id', 'in', eb.selectFrom('users').select('users.id').where('users.supervisor_id', '=', actor.userId)));
    if (pos && pos.at && pos.id) {
      const at = new Date(pos.at);
      const id = pos.id;
      if (Number.isNaN(at.getTime())) throw new DomainError('invalid_cursor', 'The page cursor is not valid');
      const cmp = ascending ? '>' : '<';
      query = query.where((eb) => eb.or([eb('a.requested_at', cmp, at), eb.and([eb('a.requested_at', '=', at), eb('a.id', cmp, id)])]));
    }
    const dir = ascending ? 'asc' : 'desc';
    const rows = await query.orderBy('a.requested_at', dir).orderBy('a.id', dir).limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    await appendAudit(trx, { actor, action: 'list', entity: 'approval', entityId: '', details: { scope, status: q.status, ids: page.map((r) => r.id) } }, deps.now());
    const last = page[page.length - 1];
    return { items: await present(trx, actor, page), nextCursor: rows.length > q.limit && last ? encodeCursor({ at: new Date(last.requested_at).toISOString(), id: last.id }) : null };
  });
}

/** Asks the supervisor to approve an agreed plan version (closure approvals are created by the closure request). */
export async function requestPlanApproval(deps: Deps, actor: RequestActor, input: { caseId: string; subjectId: string }): Promise<ApprovalView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, input.caseId, 'needs_assessment.edit');
    await lockCaseRow(trx, caseRow.id);
    const plan = await trx.selectFrom('case_plans').select(['id', 'status', 'version_no']).where('id', '=', input.subjectId).where('case_id', '=', caseRow.id).executeTakeFirst();
    if (!plan) throw new DomainError('not_found', 'Not found');
    if (plan.status !== 'agreed') throw new DomainError('plan_not_agreed', 'Only the plan version agreed with the family is sent for approval', { status: plan.status });
    const pending = await trx.selectFrom('approvals').select('id').where('kind', '=', 'plan').where('subject_id', '=', plan.id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw new DomainError('approval_pending', 'This plan is already waiting for the supervisor', { approvalId: pending.id });
    const created = await trx
      .insertInto('approvals')
      .values({ kind: 'plan', case_id: caseRow.id, subject_id: plan.id, requested_by: actor.userId, requested_at: now, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: 'plan_approval_requested', data: { approvalId: created.id, planId: plan.id, versionNo: plan.version_no }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'approval', entityId: created.id, details: { caseId: caseRow.id, kind: 'plan', subjectId: plan.id } }, now);
    return (await present(trx, actor, await approvalQuery(trx).where('a.id', '=', created.id).execute()))[0] as ApprovalView;
  });
}

/**
 * The supervisor's decision (issue item 11): the case manager's supervisor, or another supervisor of the same Centre,
 * approves or returns with a comment; nobody decides their own request; a stale version answers 409. Approving a closure
 * closes the case (see `applyClosureDecision`); a plan approval is recorded on the timeline.
 */
export async function decideApproval(deps: Deps, actor: RequestActor, approvalId: string, input: ApprovalDecisionRequest): Promise<ApprovalView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('approvals').select(['id', 'case_id', 'status']).where('id', '=', approvalId).executeTakeFirst();
    if (!found) throw new DomainError('not_found', 'Not found');
    const scoped = await findCaseWithAccessFacts(trx, found.case_id);
    if (!scoped) throw new DomainError('not_found', 'Not found');
    const may = canOnCase(actor, 'approval.decide', caseAccessFacts(scoped));
    if (!may.allowed && may.outcome === 'hidden') throw new DomainError('not_found', 'Not found');
    // A decider asking again after the case closed hears that it is decided rather than that the case is closed.
    if (found.status !== 'pending' && (may.allowed || may.reason === 'case_closed')) throw new DomainError('approval_already_decided', 'This request has already been decided', { status: found.status });
    if (!may.allowed) throw new DomainError('forbidden', 'You may not decide this request', { reason: may.reason });
    await lockCaseRow(trx, found.case_id);
    // Re-read under the lock: the case and the approval as they are now.
    const caseRow = await findCaseWithAccessFacts(trx, found.case_id);
    const approval = await trx.selectFrom('approvals').selectAll().where('id', '=', approvalId).executeTakeFirst();
    if (!caseRow || !approval) throw new DomainError('not_found', 'Not found');
    if (approval.status !== 'pending') throw new DomainError('approval_already_decided', 'This request has already been decided', { status: approval.status });
    assertCurrentVersion(approval.version, input.version, 'request');
    if (approval.requested_by === actor.userId) throw new DomainError('forbidden', 'Nobody approves their own request', { reason: 'own_request' });
    if (input.decision === 'return' && !input.comment.trim()) throw new DomainError('approval_comment_required', 'Say what needs to change when returning a request');
    if (approval.kind === 'plan' && input.decision === 'approve') {
      // A revision agreed since the request replaces the version asked about; that one can only be returned.
      const plan = await trx.selectFrom('case_plans').select('status').where('id', '=', approval.subject_id).executeTakeFirst();
      if (plan?.status !== 'agreed') throw new DomainError('plan_not_agreed', 'The plan version asked about is no longer the one in force', { status: plan?.status ?? null });
    }
    const res = await trx
      .updateTable('approvals')
      .set({ status: input.decision === 'approve' ? 'approved' : 'returned', decided_by: actor.userId, decided_at: now, comment: input.comment, version: approval.version + 1, updated_at: now })
      .where('id', '=', approvalId)
      .where('version', '=', approval.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'approvals', approvalId, 'request');
    if (approval.kind === 'closure') {
      await applyClosureDecision(trx, actor, caseRow, approval.subject_id, { decision: input.decision, comment: input.comment }, now);
    } else {
      await addCaseEvent(trx, { caseId: caseRow.id, actorId: actor.userId, kind: input.decision === 'approve' ? 'plan_approved' : 'plan_approval_returned', data: { approvalId, planId: approval.subject_id, comment: input.comment }, at: now });
    }
    await appendAudit(trx, { actor, action: 'update', entity: 'approval', entityId: approvalId, details: { caseId: caseRow.id, kind: approval.kind, decision: input.decision } }, now);
    return (await present(trx, actor, await approvalQuery(trx).where('a.id', '=', approvalId).execute()))[0] as ApprovalView;
  });
}
