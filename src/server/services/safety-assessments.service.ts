import { assertSafetyAssessmentCompletable, findSafetyAssessmentGaps, flagsCaseUrgent, type CaregiverEntry, type SafetyLevel } from '#domain/cases/safety-assessment.ts';
import { DomainError } from '#domain/errors.ts';
import type { SafetyAssessmentContent, SafetyAssessmentView } from '#contracts/safety-assessments.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent, addOrCoalesceCaseEvent, refreshNextDueDate } from '../db/repositories/cases.repository.ts';
import { isoOf, personRefsById, requireCaseChild, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type CaseRow = Awaited<ReturnType<typeof loadCaseFor>>;

async function findAssessment(trx: Tx, caseId: string, assessmentId: string) {
  const row = await trx.selectFrom('safety_assessments').selectAll().where('id', '=', assessmentId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

type AssessmentRow = Awaited<ReturnType<typeof findAssessment>>;

/** Presents acts with their actions, children and authors in a few queries. */
async function present(trx: Tx, actor: RequestActor, caseRow: CaseRow, rows: AssessmentRow[]): Promise<SafetyAssessmentView[]> {
  const ids = rows.map((r) => r.id);
  const actions = ids.length === 0 ? [] : await trx.selectFrom('safety_actions').selectAll().where('assessment_id', 'in', ids).orderBy('taken_at').orderBy('created_at').execute();
  const names = await userNamesById(trx, [...rows.map((r) => r.assessed_by), ...actions.map((a) => a.recorded_by)]);
  const children = await personRefsById(trx, rows.map((r) => r.child_person_id));
  const mayEdit = mayOnCase(actor, 'needs_assessment.edit', caseRow);
  return rows.map((r) => {
    const own = actions.filter((a) => a.assessment_id === r.id);
    const level = r.safety_level as SafetyLevel | null;
    const child = children.get(r.child_person_id);
    if (!child) throw new Error(`person ${r.child_person_id} missing`);
    const draft = r.status === 'draft';
    return {
      id: r.id,
      caseId: r.case_id,
      version: r.version,
      status: r.status as 'draft' | 'completed',
      child,
      childStatus: r.child_status as SafetyAssessmentView['childStatus'],
      documentType: r.document_type as SafetyAssessmentView['documentType'],
      documentNumber: r.document_number,
      contacts: r.contacts,
      caregivers: r.caregivers as CaregiverEntry[],
      level,
      threats: r.threats,
      participants: r.participants as SafetyAssessmentView['participants'],
      assessedAt: isoOf(r.assessed_at),
      assessedBy: { id: r.assessed_by, name: names.get(r.assessed_by) ?? '' },
      actions: own.map((a) => ({
        id: a.id,
        actionType: a.action_type as SafetyAssessmentView['actions'][number]['actionType'],
        description: a.description,
        takenAt: isoOf(a.taken_at),
        takenByName: a.taken_by_name,
        takenByOrganisation: a.taken_by_organisation,
        takenByUserId: a.taken_by_user_id,
        recordedBy: { id: a.recorded_by, name: names.get(a.recorded_by) ?? '' },
        createdAt: isoOf(a.created_at),
      })),
      missing: findSafetyAssessmentGaps({ level, actionCount: own.length }),
      completedAt: r.completed_at ? isoOf(r.completed_at) : null,
      createdAt: isoOf(r.created_at),
      updatedAt: isoOf(r.updated_at),
      allowedActions: draft && mayEdit ? ['update', 'complete', 'add_action'] : [],
    };
  });
}

async function presentOne(trx: Tx, actor: RequestActor, caseRow: CaseRow, assessmentId: string): Promise<SafetyAssessmentView> {
  const [view] = await present(trx, actor, caseRow, [await findAssessment(trx, caseRow.id, assessmentId)]);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

function contentColumns(c: SafetyAssessmentContent) {
  return {
    child_status: c.childStatus,
    document_type: c.documentType,
    document_number: c.documentNumber,
    contacts: c.contacts,
    caregivers: JSON.stringify(c.caregivers),
    safety_level: c.level,
    threats: c.threats,
    participants: [...new Set(c.participants)],
  };
}

/** The safety-assessment acts of a case, newest first (one audit row for the list). */
export async function listSafetyAssessments(deps: Deps, actor: RequestActor, caseId: string): Promise<{ items: SafetyAssessmentView[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const rows = await trx.selectFrom('safety_assessments').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    const items = await present(trx, actor, caseRow, rows);
    await appendAudit(trx, { actor, action: 'list', entity: 'safety_assessment', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, deps.now());
    return { items };
  });
}

/** Starts a safety-assessment act for a child of the case (Resolution 585 Annex 10); one draft per child at a time. */
export async function createSafetyAssessment(deps: Deps, actor: RequestActor, caseId: string, input: SafetyAssessmentContent & { childPersonId: string }): Promise<SafetyAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await requireCaseChild(trx, caseId, input.childPersonId);
    const draft = await trx.selectFrom('safety_assessments').select('id').where('case_id', '=', caseId).where('child_person_id', '=', input.childPersonId).where('status', '=', 'draft').executeTakeFirst();
    if (draft) throw new DomainError('safety_assessment_draft_exists', 'This child already has a draft safety assessment', { assessmentId: draft.id });
    const created = await trx
      .insertInto('safety_assessments')
      .values({
        case_id: caseId,
        child_person_id: input.childPersonId,
        ...contentColumns(input),
        assessed_at: input.assessedAt ?? now,
        assessed_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'safety_assessment_started', data: { assessmentId: created.id, childPersonId: input.childPersonId }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'safety_assessment', entityId: created.id, details: { caseId, childPersonId: input.childPersonId } }, now);
    return presentOne(trx, actor, caseRow, created.id);
  });
}

async function loadDraftAt(trx: Tx, caseId: string, assessmentId: string, version: number) {
  const row = await findAssessment(trx, caseId, assessmentId);
  if (row.status !== 'draft') throw new DomainError('safety_assessment_completed', 'The safety assessment is completed and can no longer be changed');
  assertCurrentVersion(row.version, version, 'safety assessment');
  return row;
}

/** Saves the draft act; the version it was based on must be current (no lost updates). */
export async function saveSafetyAssessment(deps: Deps, actor: RequestActor, caseId: string, assessmentId: string, input: SafetyAssessmentContent & { version: number }): Promise<SafetyAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await loadDraftAt(trx, caseId, assessmentId, input.version);
    const res = await trx
      .updateTable('safety_assessments')
      .set({ ...contentColumns(input), ...(input.assessedAt ? { assessed_at: input.assessedAt } : {}), version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'safety_assessments', row.id, 'safety assessment');
    await addOrCoalesceCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'safety_assessment_saved', at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'safety_assessment', entityId: row.id, details: { caseId } }, now);
    return presentOne(trx, actor, caseRow, row.id);
  });
}

/** Records an immediate action taken on a draft act, and by whom (Resolution 585 §9–11). Actions are appended, never edited. */
export async function addSafetyAction(
  deps: Deps,
  actor: RequestActor,
  caseId: string,
  assessmentId: string,
  input: { actionType: SafetyAssessmentView['actions'][number]['actionType']; description: string; takenAt: string; takenByName: string; takenByOrganisation: string; takenByUserId: string | null },
): Promise<SafetyAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await findAssessment(trx, caseId, assessmentId);
    if (row.status !== 'draft') throw new DomainError('safety_assessment_completed', 'The safety assessment is completed and can no longer be changed');
    if (input.takenByUserId) {
      const user = await trx.selectFrom('users').select('id').where('id', '=', input.takenByUserId).executeTakeFirst();
      if (!user) throw new DomainError('user_not_found', 'The user who took the action was not found', { userId: input.takenByUserId });
    }
    const created = await trx
      .insertInto('safety_actions')
      .values({
        assessment_id: row.id,
        case_id: caseId,
        action_type: input.actionType,
        description: input.description,
        taken_at: input.takenAt,
        taken_by_name: input.takenByName,
        taken_by_organisation: input.takenByOrganisation,
        taken_by_user_id: input.takenByUserId,
        recorded_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('safety_assessments').set({ updated_at: now }).where('id', '=', row.id).execute();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'safety_action_recorded', data: { assessmentId: row.id, actionId: created.id, actionType: input.actionType }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'safety_action', entityId: created.id, details: { caseId, assessmentId: row.id } }, now);
    return presentOne(trx, actor, caseRow, row.id);
  });
}

/**
 * Completes the act: a level is set and an unsafe child has at least one immediate action (domain rule). An unsafe
 * result makes the case urgent; the case's same-day safety-assessment deadline (Resolution 585 §12) is met.
 */
export async function completeSafetyAssessment(deps: Deps, actor: RequestActor, caseId: string, assessmentId: string, input: { version: number }): Promise<SafetyAssessmentView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await loadDraftAt(trx, caseId, assessmentId, input.version);
    const actionCount = await trx.selectFrom('safety_actions').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', row.id).executeTakeFirstOrThrow();
    const level = row.safety_level as SafetyLevel | null;
    assertSafetyAssessmentCompletable({ level, actionCount: Number(actionCount.n) });
    const assessed = level as SafetyLevel;
    const res = await trx
      .updateTable('safety_assessments')
      .set({ status: 'completed', completed_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'safety_assessments', row.id, 'safety assessment');
    const flagUrgent = flagsCaseUrgent(assessed) && !caseRow.urgent;
    if (flagUrgent) await trx.updateTable('cases').set({ urgent: true, version: caseRow.version + 1, updated_at: now }).where('id', '=', caseId).execute();
    await trx.updateTable('case_deadlines').set({ met_on: todayInKyiv(now) }).where('case_id', '=', caseId).where('key', '=', 'safety_assessment').where('met_on', 'is', null).execute();
    await refreshNextDueDate(trx, caseId);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'safety_assessment_completed', data: { assessmentId: row.id, childPersonId: row.child_person_id, level: assessed, urgentFlagged: flagUrgent }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'safety_assessment', entityId: row.id, details: { caseId, completed: true, level: assessed } }, now);
    return presentOne(trx, actor, caseRow, row.id);
  });
}
