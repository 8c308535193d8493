import { allowedCaregiverActions, canOnCaregiver, canRegisterCaregiverIn, caregiverReachOf, readablePlaces, type CaregiverAction, type CaregiverReach } from '#domain/access/caregiver-policy.ts';
import { allowedNextStages, checkAvailability, checkStageMove, supportStatus, type CaregiverStage, type CaregiverType, type DeregistrationReason, type HouseholdRole } from '#domain/caregivers/caregivers.ts';
import { mayDecide, whoDecidesInstead, type DecidingAuthority } from '#domain/caregivers/powers.ts';
import type { HromadaKind } from '#domain/organisations/roles.ts';
import { DomainError } from '#domain/errors.ts';
import type { CaregiverCreateRequest, CaregiverListItem, CaregiverUpdateRequest, CaregiverView, StageMoveRequest, SupportEventRequest } from '#contracts/caregivers.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';

/** A hromada with the rayon and oblast above it. */
export type TerritoryPlace = { hromadaId: string; rayonId: string | null; oblastId: string | null; kind: HromadaKind | null; nameUk: string; nameEn: string };

/** The places of hromadas: their rayon, oblast and kind (the territory tree). */
export async function placesOf(trx: Tx, hromadaIds: readonly string[]): Promise<Map<string, TerritoryPlace>> {
  const ids = [...new Set(hromadaIds)];
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('territories as h')
    .leftJoin('territories as r', 'r.id', 'h.parent_id')
    .select(['h.id', 'h.name_uk', 'h.name_en', 'h.hromada_kind', 'r.id as rayonId', 'r.level as rayonLevel', 'r.parent_id as oblastId'])
    .where('h.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => {
      const isRayon = r.rayonLevel === 'rayon';
      return [r.id, { hromadaId: r.id, rayonId: isRayon ? r.rayonId : null, oblastId: isRayon ? r.oblastId : (r.rayonId ?? null), kind: r.hromada_kind as HromadaKind | null, nameUk: r.name_uk, nameEn: r.name_en }];
    }),
  );
}

/** The actor's reach over the register: hromadas of their grants, and the rayon of rayon-level bodies. */
export async function reachOf(trx: Tx, actor: RequestActor): Promise<CaregiverReach> {
  const orgIds = actor.grants.filter((g) => g.hromadaId === null).map((g) => g.organisationId);
  const rayons = new Map<string, string>();
  if (orgIds.length > 0) {
    const rows = await trx.selectFrom('organisations as o').innerJoin('territories as t', 't.id', 'o.territory_id').select(['o.id', 't.id as territoryId']).where('o.id', 'in', orgIds).where('t.level', '=', 'rayon').execute();
    for (const r of rows) rayons.set(r.id, r.territoryId);
  }
  return caregiverReachOf(actor, rayons);
}

/** The authorities the actor takes decisions for on a caregiver kept in the place (their hromada's body, or the rayon's). */
export function authoritiesFor(reach: CaregiverReach, place: TerritoryPlace): DecidingAuthority[] {
  const out: DecidingAuthority[] = [];
  if (reach.childAffairs.has(place.hromadaId) && place.kind) out.push({ level: 'hromada', hromadaKind: place.kind });
  if (place.rayonId !== null && reach.childAffairs.has(place.rayonId)) out.push({ level: 'rayon' });
  return out;
}

/** Refuses a decision the authority may not take, naming who decides instead (SPEC §5.3). */
export function requirePower(authorities: readonly DecidingAuthority[], type: CaregiverType, decision: 'approval' | 'placement'): void {
  if (authorities.some((a) => mayDecide(a, type))) return;
  throw new DomainError('power_not_held', 'Only an urban hromada or a rayon administration decides on this type of caregiver', { caregiverType: type, decision, decidesInstead: whoDecidesInstead(type) });
}

type CaregiverRow = Awaited<ReturnType<typeof loadRows>>[number];

async function loadRows(trx: Tx, where: { ids?: readonly string[]; places?: readonly string[]; type?: string | undefined; stage?: string | undefined; hromadaId?: string | undefined }) {
  let q = trx.selectFrom('caregivers').selectAll();
  if (where.ids) q = q.where('id', 'in', where.ids.length > 0 ? [...where.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (where.type) q = q.where('caregiver_type', '=', where.type);
  if (where.stage) q = q.where('stage', '=', where.stage);
  if (where.hromadaId) q = q.where('hromada_id', '=', where.hromadaId);
  return q.execute();
}

/** Children placed now per caregiver (placements whose care episode is still open), with the earliest start. */
export async function placedNowOf(trx: Tx, caregiverIds: readonly string[]): Promise<Map<string, { count: number; since: string }>> {
  if (caregiverIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('caregiver_placements as p')
    .innerJoin('care_episodes as e', 'e.id', 'p.care_episode_id')
    .select(['p.caregiver_id', 'p.start_date'])
    .where('p.caregiver_id', 'in', [...caregiverIds])
    .where('e.end_date', 'is', null)
    .execute();
  const out = new Map<string, { count: number; since: string }>();
  for (const r of rows) {
    const cur = out.get(r.caregiver_id);
    out.set(r.caregiver_id, { count: (cur?.count ?? 0) + 1, since: cur && cur.since < r.start_date ? cur.since : r.start_date });
  }
  return out;
}

async function lastSupport(trx: Tx, ids: readonly string[]): Promise<Map<string, { check_in?: string; training?: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('caregiver_support_events').select(['caregiver_id', 'kind', (eb) => eb.fn.max('event_date').as('last')]).where('caregiver_id', 'in', [...ids]).groupBy(['caregiver_id', 'kind']).execute();
  const out = new Map<string, { check_in?: string; training?: string }>();
  for (const r of rows) out.set(r.caregiver_id, { ...out.get(r.caregiver_id), [r.kind]: String(r.last) });
  return out;
}

/** List items of caregiver rows. */
export async function toListItems(trx: Tx, rows: readonly CaregiverRow[], today: string): Promise<CaregiverListItem[]> {
  const ids = rows.map((r) => r.id);
  const [places, placed, support] = await Promise.all([placesOf(trx, rows.map((r) => r.hromada_id)), placedNowOf(trx, ids), lastSupport(trx, ids)]);
  return rows.map((r) => {
    const p = places.get(r.hromada_id);
    const now = placed.get(r.id);
    const s = support.get(r.id);
    return {
      id: r.id,
      caregiverType: r.caregiver_type as CaregiverType,
      name: r.name,
      hromada: { id: r.hromada_id, nameUk: p?.nameUk ?? '', nameEn: p?.nameEn ?? '' },
      stage: r.stage as CaregiverStage,
      stageDate: r.stage_date,
      capacity: r.capacity,
      placedNow: now?.count ?? 0,
      ageFrom: r.age_from,
      ageTo: r.age_to,
      siblingsAccepted: r.siblings_accepted,
      disabilitySpecialisation: r.disability_specialisation,
      support: supportStatus({ stage: r.stage as CaregiverStage, approvedOn: r.approved_on, placedSince: now?.since ?? null, lastCheckIn: s?.check_in ?? null, lastTraining: s?.training ?? null }, today),
    };
  });
}

async function present(trx: Tx, actor: RequestActor, reach: CaregiverReach, row: CaregiverRow, today: string): Promise<CaregiverView> {
  const [item] = await toListItems(trx, [row], today);
  if (!item) throw new DomainError('not_found', 'Not found');
  const place = (await placesOf(trx, [row.hromada_id])).get(row.hromada_id);
  const members = await trx.selectFrom('caregiver_members').selectAll().where('caregiver_id', '=', row.id).orderBy('created_at').orderBy('id').execute();
  const stages = await trx.selectFrom('caregiver_stage_moves').selectAll().where('caregiver_id', '=', row.id).orderBy('moved_on').orderBy('created_at').execute();
  const events = await trx.selectFrom('caregiver_support_events').selectAll().where('caregiver_id', '=', row.id).orderBy('event_date', 'desc').orderBy('created_at', 'desc').execute();
  const placements = await trx.selectFrom('caregiver_placements as p').innerJoin('care_episodes as e', 'e.id', 'p.care_episode_id').select(['p.id', 'p.case_id', 'p.start_date', 'p.decision_reference', 'e.end_date']).where('p.caregiver_id', '=', row.id).orderBy('p.start_date', 'desc').execute();
  const names = await userNamesById(trx, [...stages.map((s) => s.recorded_by), ...events.map((e) => e.recorded_by), ...(row.assigned_worker_id ? [row.assigned_worker_id] : [])]);
  const placeRef = { hromadaId: row.hromada_id, rayonId: place?.rayonId ?? null };
  const allowed = allowedCaregiverActions(reach, placeRef);
  return {
    ...item,
    address: row.address,
    phone: row.phone,
    notes: row.notes,
    approvedOn: row.approved_on,
    decisionReference: row.decision_reference,
    decidingAuthority: row.deciding_authority,
    agreementReference: row.agreement_reference,
    deregistrationReason: row.deregistration_reason as DeregistrationReason | null,
    assignedWorker: row.assigned_worker_id ? { id: row.assigned_worker_id, name: names.get(row.assigned_worker_id) ?? '' } : null,
    members: members.map((m) => ({ id: m.id, role: m.role as HouseholdRole, surname: m.surname, givenName: m.given_name, patronymic: m.patronymic, birthDate: m.birth_date })),
    stages: stages.map((s) => ({ id: s.id, fromStage: s.from_stage as CaregiverStage | null, toStage: s.to_stage as CaregiverStage, date: s.moved_on, decisionReference: s.decision_reference, decidingAuthority: s.deciding_authority, agreementReference: s.agreement_reference, deregistrationReason: s.deregistration_reason as DeregistrationReason | null, notes: s.notes, recordedBy: names.get(s.recorded_by) ?? '' })),
    supportEvents: events.map((e) => ({ id: e.id, kind: e.kind as 'check_in' | 'training', date: e.event_date, hours: e.hours === null ? null : Number(e.hours), notes: e.notes, recordedBy: names.get(e.recorded_by) ?? '' })),
    placements: placements.map((p) => ({ id: p.id, caseId: p.case_id, startDate: p.start_date, current: p.end_date === null, decisionReference: p.decision_reference })),
    nextStages: allowed.includes('caregiver.move_stage') ? [...allowedNextStages(row.stage as CaregiverStage)] : [],
    mayApprove: place ? authoritiesFor(reach, place).some((a) => mayDecide(a, row.caregiver_type as CaregiverType)) : false,
    version: row.version,
    allowedActions: allowed,
  };
}

/** Loads a caregiver for an action, locking it for writes; 404 when out of reach, 403 when seen but not allowed. */
async function loadFor(trx: Tx, actor: RequestActor, id: string, action: CaregiverAction, lock = false) {
  let q = trx.selectFrom('caregivers').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  const reach = await reachOf(trx, actor);
  const place = (await placesOf(trx, [row.hromada_id])).get(row.hromada_id);
  const placeRef = { hromadaId: row.hromada_id, rayonId: place?.rayonId ?? null };
  if (!canOnCaregiver(reach, 'caregiver.view', placeRef)) throw new DomainError('not_found', 'Not found');
  if (!canOnCaregiver(reach, action, placeRef)) throw new DomainError('forbidden', 'You may not do this with this caregiver');
  return { row, reach, place: place as TerritoryPlace };
}

/** The register (SPEC §5): caregivers of the hromadas and rayons the actor works for, by type, stage and hromada; ordered by name. Audited (names are personal data). */
export async function listCaregivers(deps: Deps, actor: RequestActor, query: { caregiverType?: CaregiverType | undefined; stage?: CaregiverStage | undefined; hromadaId?: string | undefined }) {
  const today = todayInKyiv(deps.now());
  return deps.db.transaction().execute(async (trx) => {
    const reach = await reachOf(trx, actor);
    const places = readablePlaces(reach);
    if (places.length === 0) throw new DomainError('forbidden', 'You may not see the register of caregivers');
    // Readable hromadas: those granted directly and those in a granted rayon.
    const hromadas = await trx.selectFrom('territories').select('id').where('level', '=', 'hromada').where((eb) => eb.or([eb('id', 'in', places), eb('parent_id', 'in', places)])).execute();
    const ids = hromadas.map((h) => h.id);
    let rows = (await loadRows(trx, { type: query.caregiverType, stage: query.stage, hromadaId: query.hromadaId })).filter((r) => ids.includes(r.hromada_id));
    rows = rows.sort((a, b) => a.name.localeCompare(b.name, 'uk') || (a.id < b.id ? -1 : 1));
    const items = await toListItems(trx, rows, today);
    await appendAudit(trx, { actor, action: 'list', entity: 'caregiver', entityId: '', details: { ...query, ids: rows.map((r) => r.id) } }, deps.now());
    return { items };
  });
}

/** One caregiver with stages, household, support and placements. Audited. */
export async function getCaregiver(deps: Deps, actor: RequestActor, id: string): Promise<CaregiverView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { row, reach } = await loadFor(trx, actor, id, 'caregiver.view');
    await appendAudit(trx, { actor, action: 'read', entity: 'caregiver', entityId: id }, now);
    return present(trx, actor, reach, row, todayInKyiv(now));
  });
}

async function writeMembers(trx: Tx, caregiverId: string, members: CaregiverCreateRequest['members'], now: Date): Promise<void> {
  await trx.deleteFrom('caregiver_members').where('caregiver_id', '=', caregiverId).execute();
  await trx.insertInto('caregiver_members').values(members.map((m) => ({ caregiver_id: caregiverId, role: m.role, surname: m.surname, given_name: m.givenName, patronymic: m.patronymic, birth_date: m.birthDate, created_at: now }))).execute();
}

function requireApplicant(members: CaregiverCreateRequest['members']): void {
  if (!members.some((m) => m.role === 'applicant')) throw new DomainError('caregiver_applicant_required', 'The household names the applicant');
}

/** Registers a statement of intent (SPEC §5.2): Child Affairs of the hromada or of its rayon. */
export async function createCaregiver(deps: Deps, actor: RequestActor, input: CaregiverCreateRequest): Promise<CaregiverView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const place = (await placesOf(trx, [input.hromadaId])).get(input.hromadaId);
    if (!place || place.kind === null) throw new DomainError('hromada_not_found', 'Choose a hromada', { hromadaId: input.hromadaId });
    const reach = await reachOf(trx, actor);
    if (!canRegisterCaregiverIn(reach, { hromadaId: place.hromadaId, rayonId: place.rayonId })) throw new DomainError('forbidden', 'Only the Child Affairs Service of the hromada or rayon registers caregivers');
    if (input.intentDate > today) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'intentDate' });
    requireApplicant(input.members);
    const grant = actor.grants.find((g) => g.role === 'child_affairs_specialist' && (g.hromadaId === place.hromadaId || g.hromadaId === null)) ?? actor.grants[0];
    const row = await trx
      .insertInto('caregivers')
      .values({ caregiver_type: input.caregiverType, name: input.name, address: input.address, phone: input.phone, notes: input.notes, hromada_id: input.hromadaId, organisation_id: grant?.organisationId ?? '', stage: 'intent', stage_date: input.intentDate, capacity: 0, age_from: 0, age_to: 17, created_by: actor.userId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeMembers(trx, row.id, input.members, now);
    await trx.insertInto('caregiver_stage_moves').values({ caregiver_id: row.id, from_stage: null, to_stage: 'intent', moved_on: input.intentDate, recorded_by: actor.userId, created_at: now }).execute();
    await appendAudit(trx, { actor, action: 'create', entity: 'caregiver', entityId: row.id, details: { caregiverType: input.caregiverType, hromadaId: input.hromadaId } }, now);
    const created = await trx.selectFrom('caregivers').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    return present(trx, actor, reach, created, today);
  });
}

/** Edits details, household, availability and the assigned worker (Child Affairs). */
export async function updateCaregiver(deps: Deps, actor: RequestActor, id: string, input: CaregiverUpdateRequest): Promise<CaregiverView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { row, reach } = await loadFor(trx, actor, id, 'caregiver.edit', true);
    assertCurrentVersion(row.version, input.version, 'caregiver');
    requireApplicant(input.members);
    checkAvailability(row.caregiver_type as CaregiverType, input);
    const placed = (await placedNowOf(trx, [id])).get(id)?.count ?? 0;
    if (input.capacity < placed) throw new DomainError('caregiver_capacity_below_placed', 'Fewer places than children placed now', { placedNow: placed });
    if (input.assignedWorkerId !== null) {
      const worker = await trx.selectFrom('users').select('id').where('id', '=', input.assignedWorkerId).where('is_active', '=', true).executeTakeFirst();
      if (!worker) throw new DomainError('user_not_found', 'The worker was not found');
    }
    await trx
      .updateTable('caregivers')
      .set({ name: input.name, address: input.address, phone: input.phone, notes: input.notes, capacity: input.capacity, age_from: input.ageFrom, age_to: input.ageTo, siblings_accepted: input.siblingsAccepted, disability_specialisation: input.disabilitySpecialisation, assigned_worker_id: input.assignedWorkerId, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await writeMembers(trx, id, input.members, now);
    await appendAudit(trx, { actor, action: 'update', entity: 'caregiver', entityId: id, details: { version: row.version + 1, capacity: input.capacity, ageFrom: input.ageFrom, ageTo: input.ageTo, assignedWorkerId: input.assignedWorkerId } }, now);
    const updated = await trx.selectFrom('caregivers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return present(trx, actor, reach, updated, todayInKyiv(now));
  });
}

/** Moves a caregiver to the next stage with its date; approval checks the powers of SPEC §5.3. */
export async function moveCaregiverStage(deps: Deps, actor: RequestActor, id: string, input: StageMoveRequest): Promise<CaregiverView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, reach, place } = await loadFor(trx, actor, id, 'caregiver.move_stage', true);
    assertCurrentVersion(row.version, input.version, 'caregiver');
    const from = row.stage as CaregiverStage;
    const placedNow = (await placedNowOf(trx, [id])).get(id)?.count ?? 0;
    checkStageMove({ from, to: input.to, date: input.date, previousDate: row.stage_date, decisionReference: input.decisionReference, decidingAuthority: input.decidingAuthority, agreementReference: input.agreementReference, deregistrationReason: input.deregistrationReason, placedNow }, today);
    const approving = from === 'home_assessment' && input.to === 'approved';
    if (approving) requirePower(authoritiesFor(reach, place), row.caregiver_type as CaregiverType, 'approval');
    if (input.to === 'available' && row.capacity === 0) throw new DomainError('caregiver_capacity_required', 'Record the number of places before making the caregiver available');
    await trx
      .updateTable('caregivers')
      .set({
        stage: input.to,
        stage_date: input.date,
        ...(approving ? { approved_on: input.date, decision_reference: input.decisionReference, deciding_authority: input.decidingAuthority, agreement_reference: input.agreementReference } : {}),
        deregistration_reason: input.to === 'deregistered' ? input.deregistrationReason : null,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await trx.insertInto('caregiver_stage_moves').values({ caregiver_id: id, from_stage: from, to_stage: input.to, moved_on: input.date, decision_reference: input.decisionReference, deciding_authority: input.decidingAuthority, agreement_reference: input.agreementReference, deregistration_reason: input.deregistrationReason, notes: input.notes, recorded_by: actor.userId, created_at: now }).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'caregiver', entityId: id, details: { from, to: input.to, date: input.date, decisionReference: input.decisionReference } }, now);
    const updated = await trx.selectFrom('caregivers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return present(trx, actor, reach, updated, today);
  });
}

/** Records a check-in or an in-service training (Child Affairs or the Centre's workers). */
export async function addSupportEvent(deps: Deps, actor: RequestActor, id: string, input: SupportEventRequest): Promise<CaregiverView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, reach } = await loadFor(trx, actor, id, 'caregiver.support', true);
    if (input.date > today) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'date' });
    if (input.kind === 'training' && input.hours === null) throw new DomainError('caregiver_training_hours_required', 'Training needs its hours');
    const hours = input.kind === 'training' ? input.hours : null;
    await trx.insertInto('caregiver_support_events').values({ caregiver_id: id, kind: input.kind, event_date: input.date, hours, notes: input.notes, recorded_by: actor.userId, created_at: now }).execute();
    await trx.updateTable('caregivers').set({ version: row.version + 1, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'create', entity: 'caregiver_support', entityId: id, details: { kind: input.kind, date: input.date } }, now);
    const updated = await trx.selectFrom('caregivers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return present(trx, actor, reach, updated, today);
  });
}
