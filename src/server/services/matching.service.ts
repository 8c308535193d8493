import type { Kysely, Transaction } from 'kysely';
import { canTakeChildren, type CaregiverStage, type CaregiverType } from '#domain/caregivers/caregivers.ts';
import { ageInYears, matchableTypes, rankCandidates, scoreCandidate, type MatchCandidate, type MatchChild } from '#domain/caregivers/matching.ts';
import { mayDecide, type DecidingAuthority } from '#domain/caregivers/powers.ts';
import { DomainError } from '#domain/errors.ts';
import type { MatchingView, PlacementRequest } from '#contracts/caregivers.contract.ts';
import type { Database } from '../db/schema.ts';
import { addCaseEvent, listCaseMembers } from '../db/repositories/cases.repository.ts';
import { requireCaseChild } from '../db/repositories/safety-tracing.repository.ts';
import { relationToCase } from '#domain/access/case-policy.ts';
import { seesSensitive, sensitiveMatchReasons } from '#domain/privacy/masking.ts';
import { caseAccessFacts, mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { startCareEpisode } from './care-episodes.service.ts';
import { placedNowOf, placesOf, requirePower, toListItems, type TerritoryPlace } from './caregivers.service.ts';
import { loadCaseFor } from './cases.service.ts';

/** The database seen from inside a transaction: services that open their own transaction join this one instead. */
function joined(trx: Transaction<Database>): Kysely<Database> {
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => ({ execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Kysely<Database>;
}

async function childFacts(trx: Tx, caseId: string, childId: string, today: string) {
  await requireCaseChild(trx, caseId, childId);
  const members = await listCaseMembers(trx, [caseId]);
  const child = members.find((m) => m.personId === childId);
  if (!child) throw new DomainError('not_found', 'Not found');
  return { child, siblingGroupSize: members.filter((m) => m.role === 'child').length, ageYears: ageInYears(child.birth_date, today) };
}

function candidateOf(r: { id: string; caregiver_type: string; capacity: number; age_from: number; age_to: number; siblings_accepted: boolean; disability_specialisation: boolean; hromada_id: string }, placedNow: number, place: TerritoryPlace | undefined): MatchCandidate {
  return {
    id: r.id,
    type: r.caregiver_type as CaregiverType,
    capacity: r.capacity,
    placedNow,
    ageFrom: r.age_from,
    ageTo: r.age_to,
    siblingsAccepted: r.siblings_accepted,
    disabilitySpecialisation: r.disability_specialisation,
    place: { hromadaId: r.hromada_id, rayonId: place?.rayonId ?? null, oblastId: place?.oblastId ?? null },
  };
}

function hromadaAuthority(place: TerritoryPlace | undefined): DecidingAuthority {
  return { level: 'hromada', hromadaKind: place?.kind ?? 'rural' };
}

/**
 * Ranks available caregivers for a child of the case (SPEC §5.2, §2.11) with the reasons of each score. The whole
 * national data bank is searched (distance is a reason, not a filter). Seen by whoever sees the case; audited.
 */
export async function matchCaregivers(deps: Deps, actor: RequestActor, caseId: string, childId: string): Promise<MatchingView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const { child, siblingGroupSize, ageYears } = await childFacts(trx, caseId, childId, today);
    const rows = await trx.selectFrom('caregivers').selectAll().where('stage', '=', 'available').where('caregiver_type', 'in', [...matchableTypes]).execute();
    const [places, placed] = await Promise.all([placesOf(trx, [caseRow.hromada_id, ...rows.map((r) => r.hromada_id)]), placedNowOf(trx, rows.map((r) => r.id))]);
    const casePlace = places.get(caseRow.hromada_id);
    const matchChild: MatchChild = { ageYears, disability: child.disability, siblingGroupSize, place: { hromadaId: caseRow.hromada_id, rayonId: casePlace?.rayonId ?? null, oblastId: casePlace?.oblastId ?? null } };
    const ranked = rankCandidates(matchChild, rows.map((r) => candidateOf(r, placed.get(r.id)?.count ?? 0, places.get(r.hromada_id))));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = new Map((await toListItems(trx, ranked.map((m) => byId.get(m.id)).filter((r) => r !== undefined), today)).map((i) => [i.id, i]));
    await appendAudit(trx, { actor, action: 'read', entity: 'caregiver_matching', entityId: caseId, details: { childId, candidates: ranked.map((r) => r.id) } }, now);
    // The child's disability is sensitive (SPEC §11): shown to those on the case, masked for the others who see it.
    const visible = seesSensitive(relationToCase(actor, caseAccessFacts(caseRow)));
    return {
      child: { personId: child.personId, surname: child.surname, givenName: child.given_name, patronymic: child.patronymic, ageYears, disability: visible ? child.disability : null },
      maskedFields: visible ? [] : ['disability'],
      siblingGroupSize,
      hromadaKind: casePlace?.kind ?? null,
      candidates: ranked.flatMap((m) => {
        const caregiver = items.get(m.id);
        return caregiver ? [{ caregiver, score: m.score, freePlaces: m.freePlaces, reasons: visible ? m.reasons : m.reasons.filter((r) => !sensitiveMatchReasons.includes(r.code)), mayDecideHere: mayDecide(hromadaAuthority(casePlace), caregiver.caregiverType) }] : [];
      }),
      allowedActions: mayOnCase(actor, 'needs_assessment.edit', caseRow) ? ['place'] : [],
    };
  });
}

/**
 * Records the placement decision with the chosen caregiver: checks the powers (SPEC §5.3: a rural hromada records a
 * foster-family placement only as the rayon's decision), that the caregiver still has a place, then starts the
 * child's care episode through the care-history service in the same transaction and takes the place.
 */
export async function placeWithCaregiver(deps: Deps, actor: RequestActor, caseId: string, input: PlacementRequest) {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const { child, siblingGroupSize, ageYears } = await childFacts(trx, caseId, input.childId, today);
    const row = await trx.selectFrom('caregivers').selectAll().where('id', '=', input.caregiverId).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    const type = row.caregiver_type as CaregiverType;
    const places = await placesOf(trx, [caseRow.hromada_id, row.hromada_id]);
    const casePlace = places.get(caseRow.hromada_id);
    requirePower([input.decidedBy === 'rayon' ? { level: 'rayon' } : hromadaAuthority(casePlace)], type, 'placement');
    const placedNow = (await placedNowOf(trx, [row.id])).get(row.id)?.count ?? 0;
    if (!matchableTypes.includes(type) || !canTakeChildren(row.stage as CaregiverStage, row.capacity, placedNow)) {
      throw new DomainError('caregiver_not_available', 'The caregiver is not available or has no free place', { stage: row.stage, capacity: row.capacity, placedNow });
    }
    const match = scoreCandidate({ ageYears, disability: child.disability, siblingGroupSize, place: { hromadaId: caseRow.hromada_id, rayonId: casePlace?.rayonId ?? null, oblastId: casePlace?.oblastId ?? null } }, candidateOf(row, placedNow, places.get(row.hromada_id)));
    const { episode } = await startCareEpisode({ ...deps, db: joined(trx as Transaction<Database>) }, actor, caseId, {
      personId: input.childId,
      careType: type,
      institutionType: null,
      institutionSubordination: null,
      institutionName: row.name,
      startDate: input.startDate,
      endDate: null,
      reason: input.reason ? `${row.name}: ${input.reason}` : row.name,
      decidingAuthority: input.decidingAuthority,
      decisionNumber: input.decisionReference,
      decisionDate: input.startDate,
    });
    const placement = await trx
      .insertInto('caregiver_placements')
      .values({ caregiver_id: row.id, case_id: caseId, child_person_id: input.childId, care_episode_id: episode.id, start_date: input.startDate, decision_reference: input.decisionReference, deciding_authority: input.decidingAuthority, decided_by_level: input.decidedBy, score: match.score, reasons: JSON.stringify(match.reasons), recorded_by: actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('caregivers').set({ version: row.version + 1, updated_at: now }).where('id', '=', row.id).execute();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'caregiver_placement_decided', data: { placementId: placement.id, caregiverId: row.id, caregiverType: type, personId: input.childId, episodeId: episode.id, score: match.score }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'caregiver_placement', entityId: placement.id, details: { caseId, caregiverId: row.id, childId: input.childId, episodeId: episode.id, decidedBy: input.decidedBy } }, now);
    return { id: placement.id, caregiverId: row.id, careEpisodeId: episode.id, startDate: input.startDate };
  });
}
