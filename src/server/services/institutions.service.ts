import { sql } from 'kysely';
import { caseScopeOf } from '#domain/access/case-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { ageGroups, canManageInstitutionIn, canReadInstitutions, checkChildCounts, childLegalStatuses, type AgeGroup, type ChildLegalStatus, type InstitutionGovernanceLevel, type InstitutionOwnership, type InstitutionStatus, type InstitutionSubordination, type InstitutionType } from '#domain/institutions/institutions.ts';
import { checkMilestone, isMilestoneOverdue, progressPercent, type MilestoneStatus, type TargetProfile, type TransformationPlanStatus } from '#domain/institutions/transformation.ts';
import type { AdmissionRequest, AdmissionView, ChildCountRequest, ChildCountView, InstitutionCreateRequest, InstitutionSummary, InstitutionUpdateRequest, InstitutionView, TransformationPlanRequest, TransformationPlanView } from '#contracts/institutions.contract.ts';
import { caseVisibleTo } from '../db/repositories/cases.repository.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';

/**
 * The register of residential institutions and their transformation (SPEC §6). The register, the children counts,
 * the plans and the admissions are organisational, aggregate data (no persons): every staff role reads them
 * nationally; the administrator and the oblast coordinator of the institution's oblast keep them, audited.
 */

function requireReader(actor: RequestActor): void {
  if (!canReadInstitutions(actor)) throw new DomainError('forbidden', 'You may not look up institutions');
}

/** The oblasts of the actor's oblast-coordinator organisations (the organisation's territory, walked up to the oblast). */
export async function coordinatorOblastIds(trx: Tx, actor: RequestActor): Promise<string[]> {
  const orgIds = actor.grants.filter((g) => g.role === 'oblast_coordinator').map((g) => g.organisationId);
  if (orgIds.length === 0) return [];
  const rows = await trx
    .selectFrom('organisations as o')
    .innerJoin('territories as t', 't.id', 'o.territory_id')
    .leftJoin('territories as p1', 'p1.id', 't.parent_id')
    .leftJoin('territories as p2', 'p2.id', 'p1.parent_id')
    .select(['t.id as t', 't.level as tl', 'p1.id as p1', 'p1.level as p1l', 'p2.id as p2', 'p2.level as p2l'])
    .where('o.id', 'in', orgIds)
    .execute();
  return rows.map((r) => (r.tl === 'oblast' ? r.t : r.p1l === 'oblast' ? r.p1 : r.p2l === 'oblast' ? r.p2 : null)).filter((x): x is string => x !== null);
}

async function loadSummaries(trx: Tx, actor: RequestActor, ids: readonly string[]): Promise<InstitutionSummary[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('institutions as i')
    .innerJoin('territories as ob', 'ob.id', 'i.oblast_id')
    .leftJoin('territories as h', 'h.id', 'i.hromada_id')
    .selectAll('i')
    .select(['ob.name_uk as oblastUk', 'ob.name_en as oblastEn', 'h.name_uk as hromadaUk', 'h.name_en as hromadaEn'])
    .select((eb) => [
      eb.selectFrom('institution_child_counts as c').select('c.as_of').whereRef('c.institution_id', '=', 'i.id').orderBy('c.as_of', 'desc').limit(1).as('latestAsOf'),
      eb.selectFrom('institution_child_counts as c').select('c.total').whereRef('c.institution_id', '=', 'i.id').orderBy('c.as_of', 'desc').limit(1).as('latestTotal'),
    ])
    .where('i.id', 'in', ids)
    .execute();
  const oblasts = await coordinatorOblastIds(trx, actor);
  return rows.map((r) => {
    const manage = canManageInstitutionIn(actor, oblasts, r.oblast_id);
    return {
      id: r.id,
      nameUk: r.name_uk,
      nameEn: r.name_en,
      type: r.type as InstitutionType,
      subordination: r.subordination as InstitutionSubordination,
      ownership: r.ownership as InstitutionOwnership,
      governanceLevel: r.governance_level as InstitutionGovernanceLevel,
      capacity: r.capacity,
      status: r.status as InstitutionStatus,
      oblast: { id: r.oblast_id, nameUk: r.oblastUk, nameEn: r.oblastEn },
      hromada: r.hromada_id ? { id: r.hromada_id, nameUk: r.hromadaUk ?? '', nameEn: r.hromadaEn ?? '' } : null,
      address: r.address,
      edrpou: r.edrpou,
      notes: r.notes,
      latestCount: r.latestAsOf !== null && r.latestTotal !== null ? { asOf: r.latestAsOf, total: r.latestTotal } : null,
      version: r.version,
      allowedActions: manage ? ['edit' as const, 'record' as const] : [],
    };
  });
}

/**
 * Searches the register by oblast, hromada, type and a part of the name; Ukrainian alphabetical order, keyset
 * pagination on (name, id). Name matching and ordering run here so that they do not depend on the database locale.
 */
export async function listInstitutions(deps: Deps, actor: RequestActor, query: { oblastId?: string | undefined; hromadaId?: string | undefined; type?: InstitutionType | undefined; q?: string | undefined; limit: number; cursor?: string | undefined }) {
  requireReader(actor);
  const pos = decodeCursor(query.cursor, ['name', 'id'] as const);
  let q = deps.db.selectFrom('institutions').select(['id', 'name_uk', 'name_en']);
  if (query.oblastId) q = q.where('oblast_id', '=', query.oblastId);
  if (query.hromadaId) q = q.where('hromada_id', '=', query.hromadaId);
  if (query.type) q = q.where('type', '=', query.type);
  const needle = query.q?.toLocaleLowerCase('uk') ?? '';
  const compare = (a: { nameUk: string; id: string }, b: { nameUk: string; id: string }) => a.nameUk.localeCompare(b.nameUk, 'uk') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const all = (await q.execute())
    .filter((r) => !needle || [r.name_uk, r.name_en].some((s) => s.toLocaleLowerCase('uk').includes(needle)))
    .map((r) => ({ id: r.id, nameUk: r.name_uk }))
    .sort(compare);
  const after = pos?.name && pos.id ? { nameUk: pos.name, id: pos.id } : null;
  const rest = after ? all.filter((p) => compare(p, after) > 0) : all;
  const page = rest.slice(0, query.limit);
  const byId = new Map((await loadSummaries(deps.db, actor, page.map((p) => p.id))).map((s) => [s.id, s]));
  const items = page.map((p) => byId.get(p.id)).filter((s): s is InstitutionSummary => s !== undefined);
  const last = page[page.length - 1];
  return { items, nextCursor: rest.length > query.limit && last ? encodeCursor({ name: last.nameUk, id: last.id }) : null };
}

async function loadPlan(trx: Tx, institutionId: string, today: string): Promise<TransformationPlanView | null> {
  const plan = await trx.selectFrom('institution_transformation_plans').selectAll().where('institution_id', '=', institutionId).executeTakeFirst();
  if (!plan) return null;
  const ms = await trx.selectFrom('institution_plan_milestones').selectAll().where('plan_id', '=', plan.id).orderBy('due_date').orderBy('created_at').execute();
  const milestones = ms.map((m) => {
    const facts = { status: m.status as MilestoneStatus, dueDate: m.due_date, doneDate: m.done_date };
    return { id: m.id, title: m.title, dueDate: m.due_date, responsible: m.responsible, status: facts.status, doneDate: m.done_date, overdue: isMilestoneOverdue(facts, today), version: m.version };
  });
  return {
    id: plan.id,
    targetProfile: plan.target_profile as TargetProfile,
    status: plan.status as TransformationPlanStatus,
    approvedOn: plan.approved_on,
    approvedBy: plan.approved_by,
    resourcesRedirected: plan.resources_redirected,
    notes: plan.notes,
    milestones,
    progressPercent: progressPercent(milestones),
    overdueCount: milestones.filter((m) => m.overdue).length,
    version: plan.version,
  };
}

async function loadView(trx: Tx, actor: RequestActor, id: string, today: string): Promise<InstitutionView> {
  const [summary] = await loadSummaries(trx, actor, [id]);
  if (!summary) throw new DomainError('not_found', 'Not found');
  const counts = await trx.selectFrom('institution_child_counts').selectAll().where('institution_id', '=', id).orderBy('as_of', 'desc').execute();
  const admissions = await trx.selectFrom('institution_admissions').selectAll().where('institution_id', '=', id).orderBy('admitted_on', 'desc').orderBy('created_at', 'desc').limit(200).execute();
  return {
    ...summary,
    counts: counts.map((c): ChildCountView => ({
      id: c.id,
      asOf: c.as_of,
      total: c.total,
      byAge: { under_1: c.age_under_1, '1_2': c.age_1_2, '3_5': c.age_3_5, '6_10': c.age_6_10, '11_14': c.age_11_14, '15_17': c.age_15_17 },
      byStatus: { orphans: c.orphans, deprived_of_care: c.deprived_of_care, parents_statement: c.parents_statement, other_status: c.other_status },
      withDisability: c.with_disability,
    })),
    plan: await loadPlan(trx, id, today),
    admissions: admissions.map((a): AdmissionView => ({ id: a.id, admittedOn: a.admitted_on, ageGroup: a.age_group as AgeGroup, reason: a.reason as AdmissionView['reason'], gatekeepingConsulted: a.gatekeeping_consulted, firstTime: a.first_time, children: a.children })),
  };
}

/** One institution with its counts history, transformation plan and admissions. */
export async function getInstitution(deps: Deps, actor: RequestActor, id: string): Promise<InstitutionView> {
  requireReader(actor);
  return loadView(deps.db, actor, id, todayInKyiv(deps.now()));
}

/** The oblast exists and the hromada, if any, lies in it. */
async function checkPlace(trx: Tx, oblastId: string, hromadaId: string | null): Promise<void> {
  const oblast = await trx.selectFrom('territories').select('id').where('id', '=', oblastId).where('level', '=', 'oblast').executeTakeFirst();
  if (!oblast) throw new DomainError('oblast_not_found', 'Choose an oblast', { oblastId });
  if (hromadaId === null) return;
  const h = await trx
    .selectFrom('territories as h')
    .innerJoin('territories as r', 'r.id', 'h.parent_id')
    .select('r.parent_id')
    .where('h.id', '=', hromadaId)
    .where('h.level', '=', 'hromada')
    .executeTakeFirst();
  if (!h) throw new DomainError('hromada_not_found', 'Choose a hromada', { hromadaId });
  if (h.parent_id !== oblastId) throw new DomainError('hromada_not_in_oblast', 'The hromada is not in this oblast', { hromadaId, oblastId });
}

async function requireManager(trx: Tx, actor: RequestActor, oblastId: string): Promise<void> {
  if (!canManageInstitutionIn(actor, await coordinatorOblastIds(trx, actor), oblastId)) throw new DomainError('forbidden', 'Only the system administrator or the oblast coordinator of this oblast keeps its institutions');
}

function rowValues(input: Omit<InstitutionUpdateRequest, 'version'>) {
  return { name_uk: input.nameUk, name_en: input.nameEn, type: input.type, subordination: input.subordination, ownership: input.ownership, governance_level: input.governanceLevel, capacity: input.capacity, status: input.status, oblast_id: input.oblastId, hromada_id: input.hromadaId, address: input.address, edrpou: input.edrpou, notes: input.notes };
}

/** Registers an institution (SPEC §6). */
export async function createInstitution(deps: Deps, actor: RequestActor, input: InstitutionCreateRequest): Promise<InstitutionView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await requireManager(trx, actor, input.oblastId);
    await checkPlace(trx, input.oblastId, input.hromadaId);
    const row = await trx.insertInto('institutions').values({ ...rowValues(input), created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'institution', entityId: row.id, details: { oblastId: input.oblastId, hromadaId: input.hromadaId, type: input.type, capacity: input.capacity } }, now);
    return loadView(trx, actor, row.id, todayInKyiv(now));
  });
}

async function lockInstitution(trx: Tx, id: string) {
  const row = await trx.selectFrom('institutions').select(['id', 'oblast_id', 'version', 'status', 'capacity']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

/** Edits an institution; the coordinator must keep both the old and the new oblast. */
export async function updateInstitution(deps: Deps, actor: RequestActor, id: string, input: InstitutionUpdateRequest): Promise<InstitutionView> {
  requireReader(actor);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockInstitution(trx, id);
    await requireManager(trx, actor, row.oblast_id);
    await requireManager(trx, actor, input.oblastId);
    assertCurrentVersion(row.version, input.version, 'institution');
    await checkPlace(trx, input.oblastId, input.hromadaId);
    await trx.updateTable('institutions').set({ ...rowValues(input), updated_by: actor.userId, version: row.version + 1, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'institution', entityId: id, details: { version: row.version + 1, statusBefore: row.status, status: input.status, capacityBefore: row.capacity, capacity: input.capacity } }, now);
    return loadView(trx, actor, id, todayInKyiv(now));
  });
}

/** Records the children living there on a date (aggregate counts); one count per date. */
export async function recordChildCount(deps: Deps, actor: RequestActor, id: string, input: ChildCountRequest): Promise<InstitutionView> {
  requireReader(actor);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockInstitution(trx, id);
    await requireManager(trx, actor, row.oblast_id);
    const byAge = Object.fromEntries(ageGroups.map((a) => [a, input.byAge[a]])) as Record<AgeGroup, number>;
    const byStatus = Object.fromEntries(childLegalStatuses.map((s) => [s, input.byStatus[s]])) as Record<ChildLegalStatus, number>;
    checkChildCounts({ total: input.total, byAge, byStatus, withDisability: input.withDisability }, input.asOf, today);
    const existing = await trx.selectFrom('institution_child_counts').select('id').where('institution_id', '=', id).where('as_of', '=', input.asOf).executeTakeFirst();
    if (existing) throw new DomainError('institution_count_exists', 'Children are already counted on this date', { asOf: input.asOf });
    const c = await trx
      .insertInto('institution_child_counts')
      .values({
        institution_id: id,
        as_of: input.asOf,
        total: input.total,
        age_under_1: byAge.under_1,
        age_1_2: byAge['1_2'],
        age_3_5: byAge['3_5'],
        age_6_10: byAge['6_10'],
        age_11_14: byAge['11_14'],
        age_15_17: byAge['15_17'],
        orphans: byStatus.orphans,
        deprived_of_care: byStatus.deprived_of_care,
        parents_statement: byStatus.parents_statement,
        other_status: byStatus.other_status,
        with_disability: input.withDisability,
        recorded_by: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'institution_child_count', entityId: c.id, details: { institutionId: id, asOf: input.asOf, total: input.total } }, now);
    return loadView(trx, actor, id, today);
  });
}

/**
 * Creates or changes the transformation plan with its milestones (001 §6.xi). Creating sends no version; a change
 * sends the plan's version (409 when stale). Milestones with an id are kept and updated, new ones are added, the
 * ones left out are removed.
 */
export async function saveTransformationPlan(deps: Deps, actor: RequestActor, id: string, input: TransformationPlanRequest): Promise<InstitutionView> {
  requireReader(actor);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const inst = await lockInstitution(trx, id);
    await requireManager(trx, actor, inst.oblast_id);
    for (const m of input.milestones) checkMilestone({ status: m.status, dueDate: m.dueDate, doneDate: m.doneDate }, today);
    const values = { target_profile: input.targetProfile, status: input.status, approved_on: input.approvedOn, approved_by: input.approvedBy, resources_redirected: input.resourcesRedirected, notes: input.notes, updated_by: actor.userId, updated_at: now };
    const plan = await trx.selectFrom('institution_transformation_plans').select(['id', 'version', 'status']).where('institution_id', '=', id).forUpdate().executeTakeFirst();
    let planId: string;
    if (!plan) {
      if (input.version !== undefined) throw new DomainError('version_conflict', 'The plan was removed or never existed', { currentVersion: 0 });
      planId = (await trx.insertInto('institution_transformation_plans').values({ institution_id: id, ...values, created_by: actor.userId, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      if (input.version === undefined) throw new DomainError('version_conflict', 'The institution already has a plan', { currentVersion: plan.version });
      assertCurrentVersion(plan.version, input.version, 'transformation plan');
      planId = plan.id;
      await trx.updateTable('institution_transformation_plans').set({ ...values, version: plan.version + 1 }).where('id', '=', planId).execute();
    }
    const current = await trx.selectFrom('institution_plan_milestones').select(['id', 'version']).where('plan_id', '=', planId).execute();
    const kept = new Set(input.milestones.map((m) => m.id).filter((x): x is string => x !== undefined));
    const unknown = [...kept].find((k) => !current.some((c) => c.id === k));
    if (unknown) throw new DomainError('milestone_not_found', 'The milestone was removed by someone else', { milestoneId: unknown });
    const removed = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
    if (removed.length > 0) await trx.deleteFrom('institution_plan_milestones').where('id', 'in', removed).execute();
    for (const m of input.milestones) {
      const v = { title: m.title, due_date: m.dueDate, responsible: m.responsible, status: m.status, done_date: m.doneDate, updated_at: now };
      const before = m.id ? current.find((c) => c.id === m.id) : undefined;
      if (before) await trx.updateTable('institution_plan_milestones').set({ ...v, version: before.version + 1 }).where('id', '=', before.id).execute();
      else await trx.insertInto('institution_plan_milestones').values({ plan_id: planId, ...v, created_at: now }).execute();
    }
    await appendAudit(trx, { actor, action: plan ? 'update' : 'create', entity: 'institution_transformation_plan', entityId: planId, details: { institutionId: id, status: input.status, targetProfile: input.targetProfile, milestones: input.milestones.map((m) => m.status) } }, now);
    return loadView(trx, actor, id, today);
  });
}

/** Records an admission of children (no persons): date, age band, reason, gatekeeping consulted, first time or not. */
export async function recordAdmission(deps: Deps, actor: RequestActor, id: string, input: AdmissionRequest): Promise<InstitutionView> {
  requireReader(actor);
  const now = deps.now();
  const today = todayInKyiv(now);
  if (input.admittedOn > today) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'admittedOn' });
  return deps.db.transaction().execute(async (trx) => {
    const inst = await lockInstitution(trx, id);
    await requireManager(trx, actor, inst.oblast_id);
    const a = await trx
      .insertInto('institution_admissions')
      .values({ institution_id: id, admitted_on: input.admittedOn, age_group: input.ageGroup, reason: input.reason, gatekeeping_consulted: input.gatekeepingConsulted, first_time: input.firstTime, children: input.children, recorded_by: actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'institution_admission', entityId: a.id, details: { institutionId: id, admittedOn: input.admittedOn, firstTime: input.firstTime, children: input.children } }, now);
    return loadView(trx, actor, id, today);
  });
}

/**
 * First-time admissions per month and place (SG4.4, "back door" admissions): children admitted for the first time,
 * summed per month, oblast and hromada of the institution, with how many went through gatekeeping. Aggregates only.
 */
export async function monthlyFirstTimeAdmissions(deps: Deps, actor: RequestActor, query: { oblastId?: string | undefined; hromadaId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  requireReader(actor);
  if (query.from && query.to && query.from > query.to) throw new DomainError('invalid_period', 'The period ends before it starts', { path: 'to' });
  const month = sql<string>`to_char(a.admitted_on, 'YYYY-MM')`;
  let q = deps.db
    .selectFrom('institution_admissions as a')
    .innerJoin('institutions as i', 'i.id', 'a.institution_id')
    .innerJoin('territories as ob', 'ob.id', 'i.oblast_id')
    .leftJoin('territories as h', 'h.id', 'i.hromada_id')
    .select([month.as('month'), 'i.oblast_id', 'ob.name_uk as oblastUk', 'ob.name_en as oblastEn', 'i.hromada_id', 'h.name_uk as hromadaUk', 'h.name_en as hromadaEn'])
    .select([sql<number>`sum(a.children)::int`.as('children'), sql<number>`coalesce(sum(a.children) FILTER (WHERE a.gatekeeping_consulted), 0)::int`.as('withGatekeeping')])
    .where('a.first_time', '=', true)
    .groupBy([month, 'i.oblast_id', 'ob.name_uk', 'ob.name_en', 'i.hromada_id', 'h.name_uk', 'h.name_en']);
  if (query.oblastId) q = q.where('i.oblast_id', '=', query.oblastId);
  if (query.hromadaId) q = q.where('i.hromada_id', '=', query.hromadaId);
  if (query.from) q = q.where(month, '>=', query.from);
  if (query.to) q = q.where(month, '<=', query.to);
  const rows = await q.execute();
  const items = rows
    .map((r) => ({ month: r.month, oblast: { id: r.oblast_id, nameUk: r.oblastUk, nameEn: r.oblastEn }, hromada: r.hromada_id ? { id: r.hromada_id, nameUk: r.hromadaUk ?? '', nameEn: r.hromadaEn ?? '' } : null, children: Number(r.children), withGatekeeping: Number(r.withGatekeeping) }))
    .sort((a, b) => b.month.localeCompare(a.month) || a.oblast.nameUk.localeCompare(b.oblast.nameUk, 'uk') || (a.hromada?.nameUk ?? '').localeCompare(b.hromada?.nameUk ?? '', 'uk'));
  return { items };
}

/**
 * Children of cases placed in the institution (institutional care episodes linked to it), limited to the cases the
 * actor may see (the case scope in SQL); personal data, so the read is audited.
 */
export async function listInstitutionChildren(deps: Deps, actor: RequestActor, id: string) {
  requireReader(actor);
  const today = todayInKyiv(deps.now());
  return deps.db.transaction().execute(async (trx) => {
    const inst = await trx.selectFrom('institutions').select('id').where('id', '=', id).executeTakeFirst();
    if (!inst) throw new DomainError('not_found', 'Not found');
    const rows = await trx
      .selectFrom('care_episodes as e')
      .innerJoin('cases', 'cases.id', 'e.case_id')
      .innerJoin('persons as p', 'p.id', 'e.person_id')
      .select(['e.id as episodeId', 'cases.id as caseId', 'p.id as personId', 'p.surname', 'p.given_name', 'p.patronymic', 'p.birth_date', 'e.start_date', 'e.end_date'])
      .where('e.institution_id', '=', id)
      .where(caseVisibleTo(caseScopeOf(actor), today))
      .execute();
    const items = rows
      .map((r) => ({ episodeId: r.episodeId, caseId: r.caseId, personId: r.personId, surname: r.surname, givenName: r.given_name, patronymic: r.patronymic, birthDate: r.birth_date, startDate: r.start_date, endDate: r.end_date }))
      .sort((a, b) => a.surname.localeCompare(b.surname, 'uk') || a.givenName.localeCompare(b.givenName, 'uk'));
    await appendAudit(trx, { actor, action: 'list', entity: 'institution_children', entityId: id, details: { episodes: items.map((i) => i.episodeId) } }, deps.now());
    return { items };
  });
}

/**
 * Links an institutional care episode of a case to the institution of the register (or unlinks it with null): by
 * whoever may record care episodes on the case. Other episode types are refused.
 */
export async function linkEpisodeInstitution(deps: Deps, actor: RequestActor, episodeId: string, input: { caseId: string; institutionId: string | null; version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, input.caseId, 'needs_assessment.edit');
    const ep = await trx.selectFrom('care_episodes').select(['id', 'care_type', 'case_id', 'version', 'institution_id']).where('id', '=', episodeId).forUpdate().executeTakeFirst();
    if (!ep || ep.case_id !== input.caseId) throw new DomainError('not_found', 'Not found');
    if (ep.care_type !== 'institution') throw new DomainError('episode_not_institutional', 'Only an institutional care episode names an institution');
    assertCurrentVersion(ep.version, input.version, 'care episode');
    if (input.institutionId !== null) {
      const inst = await trx.selectFrom('institutions').select('id').where('id', '=', input.institutionId).executeTakeFirst();
      if (!inst) throw new DomainError('institution_not_found', 'The institution is not in the register', { institutionId: input.institutionId });
    }
    await trx.updateTable('care_episodes').set({ institution_id: input.institutionId, version: ep.version + 1, updated_at: now }).where('id', '=', episodeId).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'care_episode', entityId: episodeId, details: { caseId: input.caseId, institutionBefore: ep.institution_id, institutionId: input.institutionId } }, now);
    return { episodeId, institutionId: input.institutionId, version: ep.version + 1 };
  });
}
