import { canOnCase } from '#domain/access/case-policy.ts';
import type { Complexity } from '#domain/cases/case-types.ts';
import { completionPercent, findMissingParts, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { availableTransitions, type CaseStep } from '#domain/cases/workflow.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent, addOrCoalesceCaseEvent, findCaseWithAccessFacts, listCaseMembers, refreshNextDueDate } from '../db/repositories/cases.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor, moveCase } from './cases.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

async function household(trx: Tx, caseId: string) {
  const members = await listCaseMembers(trx, [caseId]);
  return members.map((m) => ({ personId: m.personId, role: m.role as 'child' | 'adult' }));
}

async function latestAssessment(trx: Tx, caseId: string) {
  const row = await trx
    .selectFrom('needs_assessments as a')
    .innerJoin('users as u', 'u.id', 'a.assessed_by')
    .selectAll('a')
    .select(['u.surname', 'u.given_name', 'u.patronymic'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.created_at', 'desc')
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

/** Only persons of the case may appear in the act; a foreign id would leak or corrupt data. */
function checkPersonsBelong(content: NeedsAssessmentContent, members: Array<{ personId: string }>): void {
  const ids = new Set(members.map((m) => m.personId));
  const used = [...content.members, ...content.children, ...content.adults].map((x) => x.personId);
  const stranger = used.find((id) => !ids.has(id));
  if (stranger) throw new DomainError('person_not_in_case', 'The act names a person who is not a member of this case', { personId: stranger });
}

async function view(trx: Tx, actor: RequestActor, caseId: string) {
  const row = await latestAssessment(trx, caseId);
  const facts = await findCaseWithAccessFacts(trx, caseId);
  const members = await household(trx, caseId);
  const content = row.content as NeedsAssessmentContent;
  const canEdit =
    row.status === 'draft' &&
    !!facts &&
    canOnCase(actor, 'needs_assessment.edit', { hromadaId: facts.hromada_id, organisationId: facts.organisation_id, caseManagerId: facts.case_manager_id, caseManagerSupervisorId: facts.caseManagerSupervisorId, status: facts.status === 'closed' ? 'closed' : 'open' }).allowed;
  return {
    id: row.id,
    caseId,
    version: row.version,
    status: row.status as 'draft' | 'completed',
    content,
    percent: completionPercent(content, members),
    missing: findMissingParts(content, members),
    assessedBy: { id: row.assessed_by, name: formatFullName({ surname: row.surname, givenName: row.given_name, patronymic: row.patronymic }) },
    dueDate: row.due_date,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    canEdit,
  };
}

/** The needs-assessment act of a case (read audited). */
export async function getNeedsAssessment(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'case.view');
    const result = await view(trx, actor, caseId);
    await appendAudit(trx, { actor, action: 'read', entity: 'needs_assessment', entityId: result.id, details: { caseId } }, deps.now());
    return result;
  });
}

/** Saves a draft of the act; the version it was based on must be current (no lost updates). */
export async function saveNeedsAssessment(deps: Deps, actor: RequestActor, caseId: string, input: { version: number; content: NeedsAssessmentContent }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await latestAssessment(trx, caseId);
    if (row.status !== 'draft') throw new DomainError('needs_assessment_completed', 'The assessment is completed and can no longer be changed');
    assertCurrentVersion(row.version, input.version, 'assessment');
    checkPersonsBelong(input.content, await household(trx, caseId));
    const res = await trx
      .updateTable('needs_assessments')
      .set({ content: JSON.stringify(input.content), complexity: input.content.conclusion.complexity, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'needs_assessments', row.id, 'assessment');
    await addOrCoalesceCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'needs_assessment_saved', at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'needs_assessment', entityId: row.id, details: { caseId } }, now);
    return view(trx, actor, caseId);
  });
}

/**
 * Completes the act: every section filled (domain `findMissingParts`), the case takes the concluded complexity,
 * the deadline is met, and the case moves on from the assessment step.
 */
export async function completeNeedsAssessment(deps: Deps, actor: RequestActor, caseId: string, input: { version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.complete');
    const row = await latestAssessment(trx, caseId);
    if (row.status !== 'draft') throw new DomainError('needs_assessment_completed', 'The assessment is already completed');
    assertCurrentVersion(row.version, input.version, 'assessment');
    const content = row.content as NeedsAssessmentContent;
    const missing = findMissingParts(content, await household(trx, caseId));
    if (missing.length > 0) throw new DomainError('needs_assessment_incomplete', 'Some parts of the act are not filled', { missing });
    const complexity = content.conclusion.complexity as Complexity;
    await trx.updateTable('needs_assessments').set({ status: 'completed', complexity, completed_at: now, version: row.version + 1, updated_at: now }).where('id', '=', row.id).execute();
    await trx.updateTable('case_deadlines').set({ met_on: todayInKyiv(now) }).where('case_id', '=', caseId).where('key', '=', 'needs_assessment').where('met_on', 'is', null).execute();
    await trx.updateTable('cases').set({ complexity, version: caseRow.version + 1, updated_at: now }).where('id', '=', caseId).execute();
    await refreshNextDueDate(trx, caseId);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'needs_assessment_completed', data: { complexity }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'needs_assessment', entityId: row.id, details: { caseId, completed: true, complexity } }, now);
    // The assessment step is done: move the case on (Law "On Social Services" art. 18, step 2 → 3).
    if (caseRow.step === 'child_assessment') {
      const next = availableTransitions(caseRow.case_type as never, caseRow.step as CaseStep).forward;
      if (next) await moveCase(trx, actor, { id: caseId, case_type: caseRow.case_type, step: caseRow.step, version: caseRow.version + 1 }, { to: next, reason: null }, now);
    }
    return view(trx, actor, caseId);
  });
}
