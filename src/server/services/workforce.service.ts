import { hasRole } from '#domain/access/actor.ts';
import { canCheckIn, canEditWorkforceSettings, canManageStaff, canReadWorkforceSettings, canReassignCase, supervisedOrganisations } from '#domain/access/workforce-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { compareUkrainian, formatFullName } from '#domain/persons/person-name.ts';
import { caseloadComplexities, caseloadPercent, capacityStatus, checkWeights, defaultCaseloadWeights, type CaseCounts, type CaseloadComplexity, type CaseloadWeights } from '#domain/workforce/caseload.ts';
import { defaultTravelRule, type TravelRule } from '#domain/workforce/need.ts';
import { isSupervisionOverdue } from '#domain/workforce/supervision.ts';
import { burnoutSignal, minCheckinsForAggregate } from '#domain/workforce/wellbeing.ts';
import type { MyWorkforce, ReassignmentRequest, StaffRegister, StaffRequest, StaffUpdateRequest, StaffView, TrainingRequest, TrainingView, WorkforceSettingsView } from '#contracts/workforce.contract.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';

/**
 * The workforce (SPEC §7): the staff register, system-wide caseload weights, the weighted caseload of workers,
 * reassignment of cases with history, training records and wellbeing check-ins. Names of staff are personal data:
 * every read of the register and every change is audited.
 */

type Settings = { weights: CaseloadWeights; travel: TravelRule; version: number };

/** The caseload weights and travel rule in force (the defaults until the administrator saves their own). */
export async function loadWorkforceSettings(trx: Tx): Promise<Settings> {
  const row = await trx.selectFrom('workforce_settings').selectAll().executeTakeFirst();
  if (!row) return { weights: defaultCaseloadWeights, travel: defaultTravelRule, version: 0 };
  return { weights: { ...defaultCaseloadWeights, ...row.weights }, travel: { remoteThresholdMinutes: row.remote_threshold_minutes, remoteExtraFte: Number(row.remote_extra_fte) }, version: row.version };
}

const settingsView = (s: Settings): WorkforceSettingsView => ({ weights: s.weights, remoteThresholdMinutes: s.travel.remoteThresholdMinutes, remoteExtraFte: s.travel.remoteExtraFte, version: s.version });

export async function getWorkforceSettings(deps: Deps, actor: RequestActor): Promise<WorkforceSettingsView> {
  if (!canReadWorkforceSettings(actor)) throw new DomainError('forbidden', 'You may not read the workforce settings');
  return settingsView(await loadWorkforceSettings(deps.db));
}

/** The administrator sets the caseload weights and the travel rule (optimistic concurrency; version 0 = the defaults). */
export async function saveWorkforceSettings(deps: Deps, actor: RequestActor, body: { weights: CaseloadWeights; remoteThresholdMinutes: number; remoteExtraFte: number; version: number }): Promise<WorkforceSettingsView> {
  if (!canEditWorkforceSettings(actor)) throw new DomainError('forbidden', 'Only the system administrator sets the caseload weights');
  const problems = checkWeights(body.weights);
  if (problems.length > 0) throw new DomainError('caseload_weights_invalid', 'Weights must be between 0.001 and 1', { problems });
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await loadWorkforceSettings(trx);
    assertCurrentVersion(current.version, body.version, 'workforce settings');
    const values = { weights: JSON.stringify(body.weights), remote_threshold_minutes: body.remoteThresholdMinutes, remote_extra_fte: body.remoteExtraFte, updated_by: actor.userId, updated_at: now };
    if (current.version === 0) await trx.insertInto('workforce_settings').values({ ...values, singleton: true, version: 1 }).execute();
    else await trx.updateTable('workforce_settings').set({ ...values, version: current.version + 1 }).where('version', '=', current.version).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'workforce_settings', entityId: '', details: { weights: body.weights, remoteThresholdMinutes: body.remoteThresholdMinutes, remoteExtraFte: body.remoteExtraFte } }, now);
    return settingsView(await loadWorkforceSettings(trx));
  });
}

/** Organisations whose head of service the user is (a current register entry with `is_head`). */
export async function headOfOrganisations(trx: Tx, userId: string, today: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('workforce_staff')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .where('is_head', '=', true)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', today)]))
    .execute();
  return rows.map((r) => r.organisation_id);
}

/** Weighted caseload of each worker, from their open cases by complexity. */
export async function caseloadOf(trx: Tx, userIds: readonly string[], weights: CaseloadWeights): Promise<Map<string, { counts: CaseCounts; percent: number; capacity: 'ok' | 'near' | 'over' }>> {
  const out = new Map<string, { counts: CaseCounts; percent: number; capacity: 'ok' | 'near' | 'over' }>();
  if (userIds.length === 0) return out;
  const rows = await trx
    .selectFrom('cases')
    .select(['case_manager_id', 'complexity', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '=', 'open')
    .where('case_manager_id', 'in', userIds)
    .groupBy(['case_manager_id', 'complexity'])
    .execute();
  const counts = new Map<string, CaseCounts>(userIds.map((id) => [id, {}]));
  for (const r of rows) {
    const c = counts.get(r.case_manager_id);
    if (!c) continue;
    const key = (r.complexity && (caseloadComplexities as readonly string[]).includes(r.complexity) ? r.complexity : 'not_assessed') as CaseloadComplexity;
    c[key] = (c[key] ?? 0) + Number(r.n);
  }
  for (const [id, c] of counts) out.set(id, { counts: c, percent: caseloadPercent(c, weights), capacity: capacityStatus(c, weights) });
  return out;
}

// ---- Staff register -------------------------------------------------------------------------------------------

async function orgsManagedBy(trx: Tx, actor: RequestActor, today: string): Promise<{ ids: string[]; heads: string[] }> {
  const heads = await headOfOrganisations(trx, actor.userId, today);
  if (hasRole(actor, 'system_admin')) {
    const all = await trx.selectFrom('organisations').select('id').where('type', 'in', ['css', 'cas', 'service_provider']).execute();
    return { ids: all.map((o) => o.id), heads };
  }
  return { ids: [...new Set([...supervisedOrganisations(actor), ...heads])], heads };
}

async function requireStaffManager(trx: Tx, actor: RequestActor, organisationId: string, today: string): Promise<void> {
  if (!(await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst())) throw new DomainError('not_found', 'No such organisation');
  const heads = await headOfOrganisations(trx, actor.userId, today);
  if (!canManageStaff(actor, organisationId, heads)) throw new DomainError('forbidden', 'You may not keep the staff register of this organisation');
}

async function loadStaffViews(trx: Tx, where: { organisationId?: string; ids?: string[]; userId?: string }, today: string): Promise<StaffView[]> {
  let q = trx
    .selectFrom('workforce_staff as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('territories as t', 't.id', 's.territory_id')
    .selectAll('s')
    .select(['u.username', 't.name_uk as tUk', 't.name_en as tEn']);
  if (where.organisationId) q = q.where('s.organisation_id', '=', where.organisationId);
  if (where.ids) q = q.where('s.id', 'in', where.ids.length > 0 ? where.ids : ['00000000-0000-4000-8000-000000000000']);
  if (where.userId) q = q.where('s.user_id', '=', where.userId);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const trainings = ids.length ? await trx.selectFrom('workforce_trainings').selectAll().where('staff_id', 'in', ids).orderBy('completed_on', 'desc').execute() : [];
  const userIds = rows.map((r) => r.user_id).filter((x): x is string => x !== null);
  const lastPlanned = await lastPlannedSupervision(trx, userIds, today);
  return rows
    .map((r): StaffView => {
      const active = r.ended_on === null || r.ended_on >= today;
      const last = r.user_id ? (lastPlanned.get(r.user_id) ?? null) : null;
      return {
        id: r.id,
        organisationId: r.organisation_id,
        userId: r.user_id,
        username: r.username ?? null,
        name: formatFullName({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic }),
        surname: r.surname,
        givenName: r.given_name,
        patronymic: r.patronymic,
        position: r.position,
        qualification: r.qualification,
        employment: r.employment as StaffView['employment'],
        fte: Number(r.fte),
        staffKind: r.staff_kind as StaffView['staffKind'],
        isHead: r.is_head,
        territory: r.territory_id ? { id: r.territory_id, nameUk: r.tUk ?? '', nameEn: r.tEn ?? '' } : null,
        startedOn: r.started_on,
        endedOn: r.ended_on,
        active,
        supervisionIntervalDays: r.supervision_interval_days,
        lastPlannedSupervision: last,
        supervisionOverdue: active && r.user_id !== null && isSupervisionOverdue(last, r.started_on, r.supervision_interval_days, today),
        trainings: trainings.filter((t) => t.staff_id === r.id).map(trainingOf),
        version: r.version,
      };
    })
    .sort((a, b) => Number(b.active) - Number(a.active) || compareUkrainian(a.name, b.name));
}

function trainingOf(t: { id: string; kind: string; topic: string; hours: string; completed_on: string; certificate_number: string }): TrainingView {
  return { id: t.id, kind: t.kind as TrainingView['kind'], topic: t.topic, hours: Number(t.hours), completedOn: t.completed_on, certificateNumber: t.certificate_number };
}

/** The staff register of one organisation the actor keeps (the first one when none is asked for). */
export async function getStaffRegister(deps: Deps, actor: RequestActor, query: { organisationId?: string | undefined }): Promise<StaffRegister> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { ids } = await orgsManagedBy(trx, actor, today);
    if (ids.length === 0) throw new DomainError('forbidden', 'You keep no staff register');
    const organisationId = query.organisationId ?? ids[0] ?? null;
    if (organisationId && !ids.includes(organisationId)) await requireStaffManager(trx, actor, organisationId, today);
    const orgs = await trx.selectFrom('organisations').select(['id', 'name_uk', 'name_en']).where('id', 'in', ids).execute();
    const staff = organisationId ? await loadStaffViews(trx, { organisationId }, today) : [];
    await appendAudit(trx, { actor, action: 'list', entity: 'workforce_staff', entityId: organisationId ?? '', details: { ids: staff.map((s) => s.id) } }, now);
    return {
      organisations: orgs.map((o) => ({ id: o.id, nameUk: o.name_uk, nameEn: o.name_en, canManage: true })).sort((a, b) => compareUkrainian(a.nameUk, b.nameUk)),
      organisationId,
      staff,
      totalFte: Math.round(staff.filter((s) => s.active && s.staffKind !== 'volunteer').reduce((a, s) => a + s.fte, 0) * 100) / 100,
    };
  });
}

async function checkStaffFacts(trx: Tx, organisationId: string, body: Omit<StaffRequest, 'organisationId'>): Promise<void> {
  if (body.endedOn !== null && body.endedOn < body.startedOn) throw new DomainError('staff_dates_invalid', 'The end date is before the start date');
  if (body.userId) {
    const grant = await trx.selectFrom('user_roles').select('id').where('user_id', '=', body.userId).where('organisation_id', '=', organisationId).executeTakeFirst();
    if (!grant) throw new DomainError('staff_user_not_in_organisation', 'The user account does not belong to this organisation');
  }
  if (body.territoryId) {
    const t = await trx.selectFrom('territories').select(['level']).where('id', '=', body.territoryId).executeTakeFirst();
    if (!t || (t.level !== 'hromada' && t.level !== 'starostat')) throw new DomainError('staff_territory_invalid', 'The territory covered must be a hromada or a starostat');
  }
}

function staffValues(body: Omit<StaffRequest, 'organisationId'>) {
  return {
    user_id: body.userId,
    surname: body.surname,
    given_name: body.givenName,
    patronymic: body.patronymic,
    position: body.position,
    qualification: body.qualification,
    employment: body.employment,
    fte: body.fte,
    staff_kind: body.staffKind,
    is_head: body.isHead,
    territory_id: body.territoryId,
    started_on: body.startedOn,
    ended_on: body.endedOn,
    supervision_interval_days: body.supervisionIntervalDays,
  };
}

/** Maps unique-index violations of the register to domain errors. */
function uniqueProblem(err: unknown): never {
  const msg = String((err as { message?: string }).message ?? '');
  if (msg.includes('workforce_staff_one_head')) throw new DomainError('staff_head_exists', 'The organisation already has a head of service');
  if (msg.includes('workforce_staff_one_user_entry')) throw new DomainError('staff_user_already_registered', 'The user already has a current entry in this register');
  throw err;
}

export async function createStaff(deps: Deps, actor: RequestActor, body: StaffRequest): Promise<StaffView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  const id = await deps.db
    .transaction()
    .execute(async (trx) => {
      await requireStaffManager(trx, actor, body.organisationId, today);
      await checkStaffFacts(trx, body.organisationId, body);
      const row = await trx.insertInto('workforce_staff').values({ ...staffValues(body), organisation_id: body.organisationId, created_by: actor.userId, updated_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
      await appendAudit(trx, { actor, action: 'create', entity: 'workforce_staff', entityId: row.id, details: { organisationId: body.organisationId, position: body.position, isHead: body.isHead } }, now);
      return row.id;
    })
    .catch(uniqueProblem);
  const [view] = await loadStaffViews(deps.db, { ids: [id] }, today);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

async function loadStaffForManager(trx: Tx, actor: RequestActor, id: string, today: string) {
  const row = await trx.selectFrom('workforce_staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  const heads = await headOfOrganisations(trx, actor.userId, today);
  // The register entry of another organisation looks absent.
  if (!canManageStaff(actor, row.organisation_id, heads)) throw new DomainError('not_found', 'Not found');
  return row;
}

export async function updateStaff(deps: Deps, actor: RequestActor, id: string, body: StaffUpdateRequest): Promise<StaffView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  await deps.db
    .transaction()
    .execute(async (trx) => {
      const row = await loadStaffForManager(trx, actor, id, today);
      assertCurrentVersion(row.version, body.version, 'staff entry');
      await checkStaffFacts(trx, row.organisation_id, body);
      await trx.updateTable('workforce_staff').set({ ...staffValues(body), updated_by: actor.userId, updated_at: now, version: row.version + 1 }).where('id', '=', id).where('version', '=', row.version).execute();
      await appendAudit(trx, { actor, action: 'update', entity: 'workforce_staff', entityId: id, details: { position: body.position, endedOn: body.endedOn, isHead: body.isHead } }, now);
    })
    .catch(uniqueProblem);
  const [view] = await loadStaffViews(deps.db, { ids: [id] }, today);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

/** Records a training of a staff member (kept by the register's keepers). */
export async function addTraining(deps: Deps, actor: RequestActor, staffId: string, body: TrainingRequest): Promise<StaffView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  await deps.db.transaction().execute(async (trx) => {
    await loadStaffForManager(trx, actor, staffId, today);
    if (body.completedOn > today) throw new DomainError('date_in_future', 'The training date is in the future');
    const row = await trx
      .insertInto('workforce_trainings')
      .values({ staff_id: staffId, kind: body.kind, topic: body.topic, hours: body.hours, completed_on: body.completedOn, certificate_number: body.certificateNumber, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'workforce_training', entityId: row.id, details: { staffId, kind: body.kind, hours: body.hours } }, now);
  });
  const [view] = await loadStaffViews(deps.db, { ids: [staffId] }, today);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

// ---- Reassignment ----------------------------------------------------------------------------------------------

async function assignmentHistoryOf(trx: Tx, caseId: string) {
  const rows = await trx
    .selectFrom('case_assignments as a')
    .innerJoin('users as f', 'f.id', 'a.from_user_id')
    .innerJoin('users as t', 't.id', 'a.to_user_id')
    .innerJoin('users as b', 'b.id', 'a.assigned_by')
    .select(['a.id', 'a.reason', 'a.at', 'f.surname as fS', 'f.given_name as fG', 'f.patronymic as fP', 't.surname as tS', 't.given_name as tG', 't.patronymic as tP', 'b.surname as bS', 'b.given_name as bG', 'b.patronymic as bP'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    at: new Date(r.at).toISOString(),
    fromName: formatFullName({ surname: r.fS, givenName: r.fG, patronymic: r.fP }),
    toName: formatFullName({ surname: r.tS, givenName: r.tG, patronymic: r.tP }),
    byName: formatFullName({ surname: r.bS, givenName: r.bG, patronymic: r.bP }),
  }));
}

/** Who managed the case before, with reasons (anyone who reads the case). */
export async function getAssignmentHistory(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'case.view', todayInKyiv(deps.now()));
    return { items: await assignmentHistoryOf(trx, caseId) };
  });
}

/** Case managers of the case's organisation the supervisor can hand the case to, with their weighted caseload. */
export async function listReassignCandidates(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await loadCaseFor(trx, actor, caseId, 'case.manage_team', todayInKyiv(deps.now()));
    if (!canReassignCase(actor, { organisationId: c.organisation_id, caseManagerSupervisorId: c.caseManagerSupervisorId })) throw new DomainError('forbidden', 'Only a supervisor reassigns cases', { reason: 'not_supervisor' });
    const users = await trx
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'u.surname', 'u.given_name', 'u.patronymic'])
      .where('r.organisation_id', '=', c.organisation_id)
      .where('r.role', '=', 'case_manager')
      .where('u.is_active', '=', true)
      .where('u.id', '!=', c.case_manager_id)
      .execute();
    const loads = await caseloadOf(trx, users.map((u) => u.id), (await loadWorkforceSettings(trx)).weights);
    return {
      items: users
        .map((u) => ({ id: u.id, name: formatFullName({ surname: u.surname, givenName: u.given_name, patronymic: u.patronymic }), caseloadPercent: loads.get(u.id)?.percent ?? 0, capacity: loads.get(u.id)?.capacity ?? ('ok' as const) }))
        .sort((a, b) => compareUkrainian(a.name, b.name)),
    };
  });
}

/**
 * The supervisor hands an open case to another case manager of the same organisation, with a reason: the case's
 * manager changes (the new one sees it, the old one no longer does), and the change is kept in the assignment history,
 * on the case timeline and in the audit trail.
 */
export async function reassignCase(deps: Deps, actor: RequestActor, caseId: string, body: ReassignmentRequest) {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const c = await loadCaseFor(trx, actor, caseId, 'case.manage_team', today);
    if (!canReassignCase(actor, { organisationId: c.organisation_id, caseManagerSupervisorId: c.caseManagerSupervisorId })) throw new DomainError('forbidden', 'Only a supervisor reassigns cases', { reason: 'not_supervisor' });
    assertCurrentVersion(c.version, body.version, 'case');
    if (c.status !== 'open') throw new DomainError('case_closed', 'A closed case is not reassigned');
    if (body.toUserId === c.case_manager_id) throw new DomainError('reassign_same_worker', 'The case is already with this worker');
    const target = await trx
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id'])
      .where('u.id', '=', body.toUserId)
      .where('u.is_active', '=', true)
      .where('r.organisation_id', '=', c.organisation_id)
      .where('r.role', '=', 'case_manager')
      .executeTakeFirst();
    if (!target) throw new DomainError('reassign_target_invalid', 'The case can only go to an active case manager of the same organisation');
    const updated = await trx.updateTable('cases').set({ case_manager_id: body.toUserId, version: c.version + 1, updated_at: now }).where('id', '=', caseId).where('version', '=', c.version).returning('version').executeTakeFirst();
    if (!updated) throw new DomainError('version_conflict', 'The case was changed by someone else', { currentVersion: c.version });
    await trx.insertInto('case_assignments').values({ case_id: caseId, from_user_id: c.case_manager_id, to_user_id: body.toUserId, reason: body.reason, assigned_by: actor.userId, at: now }).execute();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'case_reassigned', data: { fromUserId: c.case_manager_id, toUserId: body.toUserId, reason: body.reason }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'case', entityId: caseId, details: { change: 'reassign', fromUserId: c.case_manager_id, toUserId: body.toUserId, reason: body.reason } }, now);
    return { caseId, caseManagerId: body.toUserId, version: updated.version, history: await assignmentHistoryOf(trx, caseId) };
  });
}

// ---- My trainings and wellbeing ----------------------------------------------------------------------------------

/** The worker's own register entries with trainings, and their own check-ins (only they see them per person). */
export async function getMyWorkforce(deps: Deps, actor: RequestActor): Promise<MyWorkforce> {
  const today = todayInKyiv(deps.now());
  const rows = await deps.db
    .selectFrom('workforce_staff as s')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.position', 'o.name_uk', 'o.name_en'])
    .where('s.user_id', '=', actor.userId)
    .execute();
  const trainings = rows.length ? await deps.db.selectFrom('workforce_trainings').selectAll().where('staff_id', 'in', rows.map((r) => r.id)).orderBy('completed_on', 'desc').execute() : [];
  const checkins = await deps.db.selectFrom('wellbeing_checkins').selectAll().where('user_id', '=', actor.userId).orderBy('checked_on', 'desc').orderBy('created_at', 'desc').limit(24).execute();
  void today;
  return {
    staff: rows.map((r) => {
      const mine = trainings.filter((t) => t.staff_id === r.id).map(trainingOf);
      return { id: r.id, organisationNameUk: r.name_uk, organisationNameEn: r.name_en, position: r.position, trainings: mine, trainingHours: Math.round(mine.reduce((a, t) => a + t.hours, 0) * 10) / 10 };
    }),
    checkins: checkins.map((c) => ({ id: c.id, checkedOn: c.checked_on, exhaustion: c.exhaustion, stress: c.stress, support: c.support })),
    canCheckIn: canCheckIn(actor),
  };
}

/** A wellbeing check-in by the worker themself (one a day; a second one the same day replaces the first). */
export async function recordCheckin(deps: Deps, actor: RequestActor, body: { exhaustion: number; stress: number; support: number }): Promise<MyWorkforce> {
  if (!canCheckIn(actor)) throw new DomainError('forbidden', 'Check-ins are for staff who work with families');
  const now = deps.now();
  const today = todayInKyiv(now);
  const organisationId = actor.grants[0]?.organisationId;
  if (!organisationId) throw new DomainError('forbidden', 'No organisation');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('wellbeing_checkins').where('user_id', '=', actor.userId).where('checked_on', '=', today).execute();
    const row = await trx.insertInto('wellbeing_checkins').values({ user_id: actor.userId, organisation_id: organisationId, checked_on: today, ...body }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'wellbeing_checkin', entityId: row.id, details: {} }, now);
  });
  return getMyWorkforce(deps, actor);
}

/** Days of check-ins the team's burnout signal is computed over. */
export const wellbeingWindowDays = 90;

/**
 * The team's burnout signal for a supervisor or head: the check-ins of the organisation's staff (the viewer's own
 * excluded) over the last 90 days, as an aggregate only, and only from three check-ins up; never per person.
 */
export async function getTeamWellbeing(deps: Deps, actor: RequestActor, query: { organisationId?: string | undefined }) {
  const now = deps.now();
  const today = todayInKyiv(now);
  const from = new Date(now.getTime() - wellbeingWindowDays * 86_400_000);
  const periodFrom = todayInKyiv(from);
  return deps.db.transaction().execute(async (trx) => {
    const heads = await headOfOrganisations(trx, actor.userId, today);
    const candidates = [...new Set([...supervisedOrganisations(actor), ...heads])];
    const organisationId = query.organisationId ?? candidates[0];
    if (!organisationId || !(supervisedOrganisations(actor).includes(organisationId) || heads.includes(organisationId))) throw new DomainError('forbidden', 'Only supervisors and the head see the team wellbeing');
    const rows = await trx
      .selectFrom('wellbeing_checkins')
      .select(['exhaustion', 'stress', 'support'])
      .where('organisation_id', '=', organisationId)
      .where('user_id', '!=', actor.userId)
      .where('checked_on', '>=', periodFrom)
      .execute();
    await appendAudit(trx, { actor, action: 'read', entity: 'team_wellbeing', entityId: organisationId, details: { checkins: rows.length } }, now);
    return { periodFrom, signal: burnoutSignal(rows), minCheckins: minCheckinsForAggregate };
  });
}

/** The date of each user's last planned supervision session up to `today` (for the overdue flag). */
export async function lastPlannedSupervision(trx: Tx, userIds: readonly string[], today: string): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  if (userIds.length === 0) return last;
  const rows = await trx
    .selectFrom('supervision_participants as p')
    .innerJoin('supervision_sessions as s', 's.id', 'p.session_id')
    .select(['p.user_id', (eb) => eb.fn.max('s.session_date').as('last')])
    .where('p.user_id', 'in', [...userIds])
    .where('s.timing', '=', 'planned')
    .where('s.session_date', '<=', today)
    .groupBy('p.user_id')
    .execute();
  for (const r of rows) if (r.last) last.set(r.user_id, String(r.last));
  return last;
}
