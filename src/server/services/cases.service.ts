import { allowedCaseActions, canOnCase, caseScopeOf, relationToCase, type CaseAccessFacts, type CaseAction, type CaseTeamAction } from '#domain/access/case-policy.ts';
import type { CaseType, Complexity } from '#domain/cases/case-types.ts';
import { completionPercent, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { applyTransition, availableTransitions, forwardBlockedBy, legalStepsByStep, stepsByCaseType, type CaseStep } from '#domain/cases/workflow.ts';
import { deadlineStatus } from '#domain/deadlines/deadline-rules.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { CaseDetail } from '#contracts/cases.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import {
  addCaseEvent,
  findCaseWithAccessFacts,
  listCaseDeadlines,
  listCaseMembers,
  listVisibleCases,
} from '../db/repositories/cases.repository.ts';
import { appendAudit } from './audit.service.ts';
import { emergencyAccessUntil } from './emergency-access.service.ts';
import { presentNotification } from './intake.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseWithAccessFacts>>>;

function accessFacts(row: CaseRow): CaseAccessFacts {
  return { caseId: row.id, hromadaId: row.hromada_id, organisationId: row.organisation_id, caseManagerId: row.case_manager_id, caseManagerSupervisorId: row.caseManagerSupervisorId, status: row.status === 'closed' ? 'closed' : 'open', teamMemberIds: row.teamUserIds };
}

/**
 * Loads a case and checks the policy; a case outside the user's scope answers exactly like a missing one (404).
 * Used by every service that touches a case or its parts.
 */
export async function loadCaseFor(trx: Tx, actor: RequestActor, caseId: string, action: CaseAction | CaseTeamAction, today?: string): Promise<CaseRow> {
  const row = await findCaseWithAccessFacts(trx, caseId, today);
  if (!row) throw new DomainError('not_found', 'Not found');
  const decision = canOnCase(actor, action, accessFacts(row));
  if (!decision.allowed) {
    if (decision.outcome === 'hidden') throw new DomainError('not_found', 'Not found');
    throw new DomainError('forbidden', 'You may not do this on this case', { reason: decision.reason });
  }
  return row;
}

type DeadlineRow = { key: string; due_date: string; source_uk: string; source_en: string; met_on: string | null };

function presentDeadline(d: DeadlineRow, today: string) {
  return { key: d.key, dueDate: d.due_date, status: d.met_on ? ('met' as const) : deadlineStatus(d.due_date, today), sourceUk: d.source_uk, sourceEn: d.source_en, metOn: d.met_on };
}

/** The worklist's name for a case: its first child (or first member), with how many more children. */
function caseTitle(members: ReadonlyArray<{ role: string; surname: string; given_name: string }>): string {
  const children = members.filter((m) => m.role === 'child');
  const first = children[0] ?? members[0];
  if (!first) return '';
  const name = `${first.surname} ${first.given_name}`;
  return children.length > 1 ? `${name} +${children.length - 1}` : name;
}

/** The worklist: cases in the user's scope, overdue and soonest deadlines first (SPEC §2.15, UX principle 1). */
export async function listCases(deps: Deps, actor: RequestActor, opts: { status: 'open' | 'closed'; limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['due', 'id'] as const);
  const today = todayInKyiv(deps.now());
  // One statement for the page, one for its audit entry (committed before the answer leaves: no read goes unrecorded).
  const rows = await listVisibleCases(deps.db, caseScopeOf(actor), { status: opts.status, limit: opts.limit, after: pos && pos.id ? { due: pos.due, id: pos.id } : null, today });
  const page = rows.slice(0, opts.limit);
  await appendAudit(deps.db, { actor, action: 'list', entity: 'case', entityId: '', details: { ids: page.map((r) => r.id) } }, deps.now());
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      number: r.number,
      caseType: r.case_type as CaseType,
      step: r.step as CaseStep,
      status: r.status as 'open' | 'closed',
      complexity: r.complexity as Complexity | null,
      urgent: r.urgent,
      title: caseTitle(r.members),
      hromadaName: r.hromadaName,
      caseManagerName: formatFullName({ surname: r.cmSurname, givenName: r.cmGivenName, patronymic: r.cmPatronymic }),
      nextDeadline: r.nextDeadline ? presentDeadline(r.nextDeadline, today) : null,
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ due: last.next_due_date, id: last.id }) : null,
  };
}

/** The case page: members, intake, assessment, deadlines, timeline, and what the user may do. Every read is audited. */
export async function getCase(deps: Deps, actor: RequestActor, caseId: string): Promise<CaseDetail> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    const members = await listCaseMembers(trx, [caseId]);
    const deadlines = await listCaseDeadlines(trx, [caseId]);
    const notification = await trx
      .selectFrom('notifications as n')
      .innerJoin('territories as h', 'h.id', 'n.hromada_id')
      .innerJoin('users as r', 'r.id', 'n.received_by')
      .selectAll('n')
      .select(['h.name_uk as hromadaName', 'r.surname as rSurname', 'r.given_name as rGivenName', 'r.patronymic as rPatronymic'])
      .where('n.case_id', '=', caseId)
      .executeTakeFirst();
    const assessment = await trx.selectFrom('needs_assessments').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').executeTakeFirst();
    const events = await trx
      .selectFrom('case_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.kind', 'e.data', 'u.surname', 'u.given_name', 'u.patronymic'])
      .where('e.case_id', '=', caseId)
      .orderBy('e.at', 'desc')
      .orderBy('e.seq', 'desc')
      .limit(500)
      .execute();
    // A read under a break-the-glass access is audited with that relation noted (SPEC §11).
    const emergency = relationToCase(actor, accessFacts(row)) === 'emergency';
    const emergencyUntil = emergency ? await emergencyAccessUntil(trx, actor.userId, caseId, now) : null;
    await appendAudit(trx, { actor, action: 'read', entity: 'case', entityId: caseId, ...(emergency ? { details: { relation: 'emergency' } } : {}) }, now);

    const caseType = row.case_type as CaseType;
    const step = row.step as CaseStep;
    const steps = stepsByCaseType[caseType];
    const current = steps.indexOf(step);
    const household = members.map((m) => ({ personId: m.personId, role: m.role as 'child' | 'adult' }));
    const facts = accessFacts(row);
    return {
      id: row.id,
      number: row.number,
      title: caseTitle(members),
      version: row.version,
      caseType,
      step,
      steps: steps.map((s, i) => ({ step: s, legalSteps: [...legalStepsByStep[s]], state: i < current ? 'done' : i === current ? 'current' : 'todo' })),
      legalSteps: [...legalStepsByStep[step]],
      status: facts.status,
      complexity: row.complexity as Complexity | null,
      urgent: row.urgent,
      hromada: { id: row.hromada_id, name: row.hromadaName },
      organisation: { id: row.organisation_id, name: row.organisationName },
      caseManager: { id: row.case_manager_id, name: formatFullName({ surname: row.cmSurname, givenName: row.cmGivenName, patronymic: row.cmPatronymic }) },
      registeredOn: row.registered_on,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      deadlines: deadlines.map((d) => presentDeadline(d, today)),
      members: members.map((m) => ({
        personId: m.personId,
        surname: m.surname,
        givenName: m.given_name,
        patronymic: m.patronymic,
        birthDate: m.birth_date,
        sex: m.sex as 'female' | 'male',
        disability: m.disability,
        latinName: m.latin_name,
        role: m.role as 'child' | 'adult',
        relationship: m.relationship,
      })),
      notification: notification ? presentNotification(notification, formatFullName({ surname: notification.rSurname, givenName: notification.rGivenName, patronymic: notification.rPatronymic }), notification.hromadaName) : null,
      needsAssessment: assessment
        ? { id: assessment.id, status: assessment.status as 'draft' | 'completed', completedAt: assessment.completed_at ? assessment.completed_at.toISOString() : null, percent: completionPercent(assessment.content as NeedsAssessmentContent, household) }
        : null,
      timeline: events.map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        kind: e.kind,
        actorName: e.surname ? formatFullName({ surname: e.surname, givenName: e.given_name ?? '', patronymic: e.patronymic ?? '' }) : '',
        data: e.data,
      })),
      availableTransitions: { ...availableTransitions(caseType, step), forwardBlockedBy: forwardBlockedBy(caseType, step, await loadWorkflowFacts(trx, caseId)) },
      allowedActions: allowedCaseActions(actor, facts),
      accessMode: emergency ? 'emergency' : 'normal',
      emergencyUntil: emergencyUntil ? emergencyUntil.toISOString() : null,
    };
  });
}

/** Facts the workflow guards read, from the case's records. */
export async function loadWorkflowFacts(trx: Tx, caseId: string) {
  const completed = await trx.selectFrom('needs_assessments').select('id').where('case_id', '=', caseId).where('status', '=', 'completed').executeTakeFirst();
  // SPEC §2.8: a plan version agreed by the family (the agreed one stays in force while a revision is drafted).
  const agreedPlan = await trx.selectFrom('case_plans').select('id').where('case_id', '=', caseId).where('status', '=', 'agreed').executeTakeFirst();
  // SPEC §2.14: the latest closure request approved by the supervisor, and not undone by a reopening since.
  const closure = await trx
    .selectFrom('closure_requests as r')
    .leftJoin('case_reopenings as o', 'o.closure_request_id', 'r.id')
    .select(['r.status', 'o.id as reopeningId'])
    .where('r.case_id', '=', caseId)
    .orderBy('r.seq', 'desc')
    .executeTakeFirst();
  return { needsAssessmentCompleted: !!completed, planAgreedByFamily: !!agreedPlan, closureApprovedBySupervisor: closure?.status === 'approved' && !closure.reopeningId };
}

/** Moves a case to another step through the workflow table; stale versions answer 409. */
export async function transitionCase(deps: Deps, actor: RequestActor, caseId: string, input: { to: CaseStep; reason?: string | undefined; version: number }): Promise<CaseDetail> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadCaseFor(trx, actor, caseId, 'case.transition');
    assertCurrentVersion(row.version, input.version, 'case');
    await moveCase(trx, actor, row, { to: input.to, reason: input.reason ?? null }, now);
  });
  return getCase(deps, actor, caseId);
}

/** Applies a transition to a loaded case and records it: the row, the history table, the timeline and the audit trail. */
export async function moveCase(trx: Tx, actor: RequestActor, row: { id: string; case_type: string; step: string; version: number }, req: { to: CaseStep; reason: string | null }, now: Date): Promise<void> {
  const facts = await loadWorkflowFacts(trx, row.id);
  const result = applyTransition({ caseType: row.case_type as CaseType, from: row.step as CaseStep, to: req.to, reason: req.reason }, facts);
  const updated = await trx
    .updateTable('cases')
    .set({ step: result.to, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'cases', row.id, 'case');
  await trx.insertInto('case_transitions').values({ case_id: row.id, from_step: row.step, to_step: result.to, direction: result.direction, reason: req.reason ?? '', actor_id: actor.userId, at: now }).execute();
  await addCaseEvent(trx, { caseId: row.id, actorId: actor.userId, kind: 'step_changed', data: { from: row.step, to: result.to, direction: result.direction, reason: req.reason ?? '' }, at: now });
  await appendAudit(trx, { actor, action: 'update', entity: 'case', entityId: row.id, details: { step: { from: row.step, to: result.to } } }, now);
}
