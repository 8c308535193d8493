import { randomUUID } from 'node:crypto';
import { canOnCase, type CaseAccessFacts } from '#domain/access/case-policy.ts';
import { defaultBenchmarkConfig } from '#domain/cases/benchmarks.ts';
import {
  canAgreePlan,
  comparePlanVersions,
  copyPlanForRevision,
  findPlanGaps,
  validatePlanContent,
  type MeasureType,
  type PlanContent,
  type PlanGoal,
  type PlanStatus,
  type ResponsibleKind,
} from '#domain/cases/case-plan.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { PlanSaveRequest, PlanView } from '#contracts/case-plans.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent, listCaseMembers } from '../db/repositories/cases.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { syncPlanReportDeadline } from './monitoring.service.ts';
import { activeServiceCodes } from './service-catalogue.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type CaseRow = Awaited<ReturnType<typeof loadCaseFor>>;

function accessFacts(row: CaseRow): CaseAccessFacts {
  return { caseId: row.id, hromadaId: row.hromada_id, organisationId: row.organisation_id, caseManagerId: row.case_manager_id, caseManagerSupervisorId: row.caseManagerSupervisorId, status: row.status === 'closed' ? 'closed' : 'open' };
}

/** The case manager's and supervisor's edit right on the case covers the plan (case policy). */
function mayEdit(actor: RequestActor, row: CaseRow): boolean {
  return canOnCase(actor, 'needs_assessment.edit', accessFacts(row)).allowed;
}

/** Serialises plan changes on one case (the draft and agreed-version indexes would otherwise answer a race with a 500). */
async function lockCase(trx: Tx, caseId: string): Promise<void> {
  await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
}

async function planRows(trx: Tx, caseId: string) {
  return trx
    .selectFrom('case_plans as p')
    .innerJoin('users as c', 'c.id', 'p.created_by')
    .leftJoin('users as r', 'r.id', 'p.agreement_recorded_by')
    .selectAll('p')
    .select(['c.surname as cSurname', 'c.given_name as cGivenName', 'c.patronymic as cPatronymic', 'r.surname as rSurname', 'r.given_name as rGivenName', 'r.patronymic as rPatronymic'])
    .where('p.case_id', '=', caseId)
    .orderBy('p.version_no', 'desc')
    .execute();
}

type PlanRow = Awaited<ReturnType<typeof planRows>>[number];

async function loadPlan(trx: Tx, caseId: string, where: { id: string } | { versionNo: number }): Promise<PlanRow> {
  const row = (await planRows(trx, caseId)).find((p) => ('id' in where ? p.id === where.id : p.version_no === where.versionNo));
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

/** Goals and measures of a plan version, in their order. */
async function loadGoals(trx: Tx, planId: string): Promise<PlanGoal[]> {
  const goals = await trx.selectFrom('plan_goals').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const measures = await trx.selectFrom('plan_measures').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  return goals.map((g) => ({
    key: g.key,
    domain: g.domain,
    text: g.goal,
    measures: measures
      .filter((m) => m.goal_id === g.id)
      .map((m) => ({
        key: m.key,
        action: m.action,
        measureType: m.measure_type as MeasureType,
        responsible: m.responsible_kind ? { kind: m.responsible_kind as ResponsibleKind, personId: m.responsible_person_id, userId: m.responsible_user_id, name: m.responsible_name } : null,
        deadline: m.deadline,
        expectedResult: m.expected_result,
        serviceCode: m.service_code,
      })),
  }));
}

function contentOf(row: PlanRow, goals: PlanGoal[]): PlanContent {
  return {
    childViews: row.child_views,
    childViewsNotHeardReason: row.child_views_not_heard_reason,
    familyParticipation: row.family_participation,
    familyConferenceHeld: row.family_conference_held,
    familyConferenceDate: row.family_conference_date,
    goals,
  };
}

async function writeGoals(trx: Tx, plan: { id: string; hromadaId: string; organisationId: string }, goals: PlanGoal[]): Promise<void> {
  for (const [gi, g] of goals.entries()) {
    const goal = await trx
      .insertInto('plan_goals')
      .values({ plan_id: plan.id, key: g.key, domain: g.domain, goal: g.text, position: gi, hromada_id: plan.hromadaId, organisation_id: plan.organisationId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (g.measures.length === 0) continue;
    await trx
      .insertInto('plan_measures')
      .values(
        g.measures.map((m, mi) => ({
          plan_id: plan.id,
          goal_id: goal.id,
          key: m.key,
          position: mi,
          action: m.action,
          measure_type: m.measureType,
          responsible_kind: m.responsible?.kind ?? null,
          responsible_person_id: m.responsible?.personId ?? null,
          responsible_user_id: m.responsible?.userId ?? null,
          responsible_name: m.responsible?.name ?? '',
          deadline: m.deadline,
          expected_result: m.expectedResult,
          service_code: m.serviceCode,
          hromada_id: plan.hromadaId,
          organisation_id: plan.organisationId,
        })),
      )
      .execute();
  }
}

function name(surname: string | null, givenName: string | null, patronymic: string | null): string {
  return formatFullName({ surname: surname ?? '', givenName: givenName ?? '', patronymic: patronymic ?? '' });
}

/** The latest supervisor approval asked for this version, if any. */
async function latestApproval(trx: Tx, planId: string): Promise<PlanView['approval']> {
  const a = await trx
    .selectFrom('approvals as a')
    .innerJoin('users as r', 'r.id', 'a.requested_by')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .select(['a.id', 'a.status', 'a.requested_at', 'a.requested_by', 'a.decided_by', 'a.decided_at', 'a.comment', 'r.surname as rSurname', 'r.given_name as rGivenName', 'r.patronymic as rPatronymic', 'd.surname as dSurname', 'd.given_name as dGivenName', 'd.patronymic as dPatronymic'])
    .where('a.kind', '=', 'plan')
    .where('a.subject_id', '=', planId)
    .orderBy('a.requested_at', 'desc')
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
  if (!a) return null;
  return {
    id: a.id,
    status: a.status as NonNullable<PlanView['approval']>['status'],
    requestedAt: new Date(a.requested_at).toISOString(),
    requestedBy: { id: a.requested_by, name: name(a.rSurname, a.rGivenName, a.rPatronymic) },
    decidedBy: a.decided_by ? { id: a.decided_by, name: name(a.dSurname, a.dGivenName, a.dPatronymic) } : null,
    decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null,
    comment: a.comment,
  };
}

async function present(trx: Tx, actor: RequestActor, caseRow: CaseRow, row: PlanRow): Promise<PlanView> {
  const goals = await loadGoals(trx, row.id);
  const content = contentOf(row, goals);
  const status = row.status as PlanStatus;
  const latest = await trx.selectFrom('case_plans').select(({ fn }) => fn.max('version_no').as('n')).where('case_id', '=', caseRow.id).executeTakeFirst();
  const edit = mayEdit(actor, caseRow);
  const allowedActions: PlanView['allowedActions'] = [];
  if (edit && status === 'draft') allowedActions.push('edit', 'agree');
  if (edit && status !== 'draft' && Number(latest?.n) === row.version_no) allowedActions.push('revise');
  const approval = await latestApproval(trx, row.id);
  // The version in force goes to the supervisor once at a time; after a return it may be sent again (approvals.service).
  if (edit && status === 'agreed' && approval?.status !== 'pending' && approval?.status !== 'approved') allowedActions.push('request_approval');
  return {
    id: row.id,
    caseId: row.case_id,
    versionNo: row.version_no,
    status,
    version: row.version,
    copiedFromId: row.copied_from_id,
    ...content,
    agreement: {
      agreed: row.family_agreed,
      agreedOn: row.family_agreement_date,
      signedBy: row.family_signed_by,
      agreedAt: row.agreed_at ? new Date(row.agreed_at).toISOString() : null,
      recordedBy: row.agreement_recorded_by ? { id: row.agreement_recorded_by, name: name(row.rSurname, row.rGivenName, row.rPatronymic) } : null,
    },
    missing: status === 'draft' ? findPlanGaps({ ...content, agreedOn: null, signedBy: '' }).filter((g) => !g.path.startsWith('agreement.')) : [],
    createdBy: { id: row.created_by, name: name(row.cSurname, row.cGivenName, row.cPatronymic) },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    approval,
    allowedActions,
  };
}

/** Every version of the case's plan, newest first (read audited). */
export async function listPlans(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const rows = await planRows(trx, caseId);
    const counts = rows.length
      ? await trx
          .selectFrom('plan_goals as g')
          .leftJoin('plan_measures as m', 'm.goal_id', 'g.id')
          .select(({ fn }) => ['g.plan_id', fn.count<number>('g.id').distinct().as('goals'), fn.count<number>('m.id').as('measures')])
          .where('g.plan_id', 'in', rows.map((r) => r.id))
          .groupBy('g.plan_id')
          .execute()
      : [];
    await appendAudit(trx, { actor, action: 'list', entity: 'case_plan', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, deps.now());
    const hasDraft = rows.some((r) => r.status === 'draft');
    return {
      items: rows.map((r) => {
        const c = counts.find((x) => x.plan_id === r.id);
        return {
          id: r.id,
          versionNo: r.version_no,
          status: r.status as PlanStatus,
          goalCount: Number(c?.goals ?? 0),
          measureCount: Number(c?.measures ?? 0),
          agreedOn: r.family_agreement_date,
          createdByName: name(r.cSurname, r.cGivenName, r.cPatronymic),
          createdAt: new Date(r.created_at).toISOString(),
        };
      }),
      allowedActions: mayEdit(actor, caseRow) && !hasDraft ? ['create' as const] : [],
    };
  });
}

/** One version of the plan (read audited). */
export async function getPlan(deps: Deps, actor: RequestActor, caseId: string, planId: string): Promise<PlanView> {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const row = await loadPlan(trx, caseId, { id: planId });
    await appendAudit(trx, { actor, action: 'read', entity: 'case_plan', entityId: planId, details: { caseId } }, deps.now());
    return present(trx, actor, caseRow, row);
  });
}

/**
 * Starts a new draft version: the first one empty, a later one copied from the latest version with its goals and
 * measures (SPEC §2.8: every revision keeps the previous version). Only one draft at a time.
 */
export async function createPlanVersion(deps: Deps, actor: RequestActor, caseId: string): Promise<PlanView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await lockCase(trx, caseId);
    const rows = await planRows(trx, caseId);
    const draft = rows.find((r) => r.status === 'draft');
    if (draft) throw new DomainError('plan_draft_exists', 'A draft version of the plan is already open', { planId: draft.id });
    const latest = rows[0];
    const content: PlanContent = latest
      ? copyPlanForRevision(contentOf(latest, await loadGoals(trx, latest.id)))
      : { childViews: '', childViewsNotHeardReason: '', familyParticipation: '', familyConferenceHeld: false, familyConferenceDate: null, goals: [] };
    const versionNo = (latest?.version_no ?? 0) + 1;
    const created = await trx
      .insertInto('case_plans')
      .values({
        case_id: caseId,
        version_no: versionNo,
        copied_from_id: latest?.id ?? null,
        child_views: content.childViews,
        child_views_not_heard_reason: content.childViewsNotHeardReason,
        family_participation: content.familyParticipation,
        family_conference_held: content.familyConferenceHeld,
        family_conference_date: content.familyConferenceDate,
        created_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeGoals(trx, { id: created.id, hromadaId: caseRow.hromada_id, organisationId: caseRow.organisation_id }, content.goals);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'plan_version_created', data: { planId: created.id, versionNo, copiedFromId: latest?.id ?? null }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'case_plan', entityId: created.id, details: { caseId, versionNo, copiedFromId: latest?.id ?? null } }, now);
    return present(trx, actor, caseRow, await loadPlan(trx, caseId, { id: created.id }));
  });
}

/** Saves a draft version; agreed versions are never edited, and the version it was based on must be current (409 otherwise). */
export async function savePlan(deps: Deps, actor: RequestActor, caseId: string, planId: string, input: PlanSaveRequest): Promise<PlanView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await loadPlan(trx, caseId, { id: planId });
    if (row.status !== 'draft') throw new DomainError('plan_not_draft', 'Only a draft version can be changed; start a new version to revise an agreed plan');
    assertCurrentVersion(row.version, input.version, 'plan');
    const content: PlanContent = {
      childViews: input.childViews,
      childViewsNotHeardReason: input.childViewsNotHeardReason,
      familyParticipation: input.familyParticipation,
      familyConferenceHeld: input.familyConferenceHeld,
      familyConferenceDate: input.familyConferenceDate,
      goals: input.goals.map((g) => ({
        key: g.key ?? randomUUID(),
        domain: g.domain,
        text: g.text,
        measures: g.measures.map((m) => ({ ...m, key: m.key ?? randomUUID(), responsible: m.responsible ? { ...m.responsible } : null })),
      })),
    };
    const previous = await loadGoals(trx, planId);
    const inUse = previous.flatMap((g) => g.measures.map((m) => m.serviceCode)).filter((c): c is string => c !== null);
    const members = await listCaseMembers(trx, [caseId]);
    validatePlanContent(content, {
      domainCodes: defaultBenchmarkConfig.domains.map((d) => d.code),
      memberPersonIds: members.map((m) => m.personId),
      serviceCodes: [...new Set([...(await activeServiceCodes(trx)), ...inUse])],
    });
    const userIds = [...new Set(content.goals.flatMap((g) => g.measures.map((m) => m.responsible?.userId ?? null)).filter((u): u is string => u !== null))];
    if (userIds.length > 0) {
      const found = await trx.selectFrom('users').select('id').where('id', 'in', userIds).where('is_active', '=', true).execute();
      const missing = userIds.find((u) => !found.some((f) => f.id === u));
      if (missing) throw new DomainError('user_not_found', 'The responsible specialist was not found', { userId: missing });
    }
    const res = await trx
      .updateTable('case_plans')
      .set({
        child_views: content.childViews,
        child_views_not_heard_reason: content.childViewsNotHeardReason,
        family_participation: content.familyParticipation,
        family_conference_held: content.familyConferenceHeld,
        family_conference_date: content.familyConferenceDate,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', planId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'case_plans', planId, 'plan');
    await trx.deleteFrom('plan_goals').where('plan_id', '=', planId).execute();
    await writeGoals(trx, { id: planId, hromadaId: row.hromada_id, organisationId: row.organisation_id }, content.goals);
    await appendAudit(trx, { actor, action: 'update', entity: 'case_plan', entityId: planId, details: { caseId, versionNo: row.version_no } }, now);
    return present(trx, actor, caseRow, await loadPlan(trx, caseId, { id: planId }));
  });
}

/**
 * Records the family's agreement with a draft version (Order 1005 plan form; SPEC §2.8): the plan must be complete
 * (domain `canAgreePlan`), the version becomes the agreed one and the previously agreed version is superseded.
 * The workflow guard `planAgreedByFamily` then lets the case move on to implementation.
 */
export async function agreePlan(deps: Deps, actor: RequestActor, caseId: string, planId: string, input: { version: number; agreedOn: string; signedBy: string }): Promise<PlanView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await lockCase(trx, caseId);
    const row = await loadPlan(trx, caseId, { id: planId });
    if (row.status !== 'draft') throw new DomainError('plan_not_draft', 'This version is already agreed');
    assertCurrentVersion(row.version, input.version, 'plan');
    const content = contentOf(row, await loadGoals(trx, planId));
    const check = canAgreePlan({ ...content, agreedOn: input.agreedOn, signedBy: input.signedBy }, todayInKyiv(now));
    if (!check.ok) throw new DomainError('plan_incomplete', 'Some parts of the plan are not filled', { missing: check.missing });
    const previous = await trx.selectFrom('case_plans').select(['id', 'version']).where('case_id', '=', caseId).where('status', '=', 'agreed').executeTakeFirst();
    if (previous) await trx.updateTable('case_plans').set({ status: 'superseded', version: previous.version + 1, updated_at: now }).where('id', '=', previous.id).execute();
    const res = await trx
      .updateTable('case_plans')
      .set({ status: 'agreed', family_agreed: true, family_agreement_date: input.agreedOn, family_signed_by: input.signedBy, agreed_at: now, agreement_recorded_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', planId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'case_plans', planId, 'plan');
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'plan_agreed', data: { planId, versionNo: row.version_no, agreedOn: input.agreedOn, supersededPlanId: previous?.id ?? null }, at: now });
    // Resolution 585: from now on the plan's implementation is reported quarterly (monitoring.service).
    await syncPlanReportDeadline(trx, caseRow, null);
    await appendAudit(trx, { actor, action: 'update', entity: 'case_plan', entityId: planId, details: { caseId, versionNo: row.version_no, agreed: true, supersededPlanId: previous?.id ?? null } }, now);
    return present(trx, actor, caseRow, await loadPlan(trx, caseId, { id: planId }));
  });
}

/** Compares two versions by number (SPEC §2.8: earlier versions stay readable and comparable; read audited). */
export async function comparePlans(deps: Deps, actor: RequestActor, caseId: string, q: { from: number; to: number }) {
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'case.view');
    const from = await loadPlan(trx, caseId, { versionNo: q.from });
    const to = await loadPlan(trx, caseId, { versionNo: q.to });
    const diff = comparePlanVersions(contentOf(from, await loadGoals(trx, from.id)), contentOf(to, await loadGoals(trx, to.id)));
    await appendAudit(trx, { actor, action: 'read', entity: 'case_plan', entityId: to.id, details: { caseId, comparedWith: from.id } }, deps.now());
    return {
      from: { id: from.id, versionNo: from.version_no, status: from.status as PlanStatus },
      to: { id: to.id, versionNo: to.version_no, status: to.status as PlanStatus },
      ...diff,
    };
  });
}
