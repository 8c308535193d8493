import { checkEpisodeEnd, checkInstitutionDetails, isFamilyBased, planNewEpisode, type CareType, type InstitutionSubordination, type InstitutionType } from '#domain/cases/care-episodes.ts';
import { DomainError } from '#domain/errors.ts';
import type { CareEpisodeView } from '#contracts/care-episodes.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { findCaseMemberRole, isoOf, requireCaseChild, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type CaseRow = Awaited<ReturnType<typeof loadCaseFor>>;

/** A new episode as entered. */
export type CareEpisodeInput = {
  personId: string;
  careType: CareType;
  institutionType: InstitutionType | null;
  institutionSubordination: InstitutionSubordination | null;
  institutionName: string;
  startDate: string;
  endDate: string | null;
  reason: string;
  decidingAuthority: string;
  decisionNumber: string;
  decisionDate: string | null;
};

async function episodesOf(trx: Tx, personId: string) {
  return trx.selectFrom('care_episodes').selectAll().where('person_id', '=', personId).orderBy('start_date').orderBy('created_at').execute();
}

type EpisodeRow = Awaited<ReturnType<typeof episodesOf>>[number];

async function present(trx: Tx, actor: RequestActor, caseRow: CaseRow, rows: EpisodeRow[]): Promise<CareEpisodeView[]> {
  const names = await userNamesById(trx, rows.map((r) => r.recorded_by));
  const mayEdit = mayOnCase(actor, 'needs_assessment.edit', caseRow);
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    version: r.version,
    careType: r.care_type as CareType,
    familyBased: isFamilyBased(r.care_type as CareType),
    institutionType: r.institution_type as InstitutionType | null,
    institutionSubordination: r.institution_subordination as InstitutionSubordination | null,
    institutionName: r.institution_name,
    startDate: r.start_date,
    endDate: r.end_date,
    reason: r.reason,
    endReason: r.end_reason,
    decidingAuthority: r.deciding_authority,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    caseId: r.case_id,
    recordedBy: { id: r.recorded_by, name: names.get(r.recorded_by) ?? '' },
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    allowedActions: r.end_date === null && mayEdit ? ['end' as const] : [],
  }));
}

async function presentOne(trx: Tx, actor: RequestActor, caseRow: CaseRow, id: string): Promise<CareEpisodeView> {
  const row = await trx.selectFrom('care_episodes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [view] = await present(trx, actor, caseRow, [row]);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

/** Serialises changes to one child's history so that two concurrent placements cannot overlap. */
async function lockPerson(trx: Tx, personId: string): Promise<void> {
  await trx.selectFrom('persons').select('id').where('id', '=', personId).forUpdate().executeTakeFirst();
}

/**
 * The care-arrangement history of a person, oldest first (SPEC §2.11). It is seen through a case the user may see
 * and the person belongs to; anything else answers 404 like a missing record. The whole history is shown, also
 * episodes recorded under other cases: it is the child's history, not the case's. One audit row per request.
 */
export async function listCareEpisodes(deps: Deps, actor: RequestActor, personId: string, caseId: string): Promise<{ items: CareEpisodeView[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    if (!(await findCaseMemberRole(trx, caseId, personId))) throw new DomainError('not_found', 'Not found');
    const rows = await episodesOf(trx, personId);
    const items = await present(trx, actor, caseRow, rows);
    await appendAudit(trx, { actor, action: 'list', entity: 'care_episode', entityId: '', details: { caseId, personId, ids: rows.map((r) => r.id) } }, deps.now());
    return { items };
  });
}

/**
 * Inserts a care episode of a case's child inside the caller's transaction, after the caller has checked access:
 * ends the child's current episode the day before (domain `planNewEpisode`), refuses any other overlap, and records
 * the timeline events and audit rows. Also used by the panels when an adopted decision places the child (SPEC §3).
 */
export async function insertCareEpisode(trx: Tx, actor: RequestActor, caseRow: { id: string; hromada_id: string; organisation_id: string }, input: CareEpisodeInput, now: Date, today: string): Promise<{ row: { id: string }; closed: EpisodeRow | undefined }> {
  const caseId = caseRow.id;
  await lockPerson(trx, input.personId);
  const existing = await episodesOf(trx, input.personId);
  const plan = planNewEpisode(
    existing.map((e) => ({ id: e.id, startDate: e.start_date, endDate: e.end_date })),
    { startDate: input.startDate, endDate: input.endDate },
    today,
  );
  const closed = plan.close ? existing.find((e) => e.id === plan.close?.id) : undefined;
  if (plan.close && closed) {
    await trx.updateTable('care_episodes').set({ end_date: plan.close.endDate, version: closed.version + 1, updated_at: now }).where('id', '=', closed.id).execute();
  }
  const row = await trx
    .insertInto('care_episodes')
    .values({
      person_id: input.personId,
      care_type: input.careType,
      institution_type: input.institutionType,
      institution_subordination: input.institutionSubordination,
      institution_name: input.institutionName,
      start_date: input.startDate,
      end_date: input.endDate,
      reason: input.reason,
      deciding_authority: input.decidingAuthority,
      decision_number: input.decisionNumber,
      decision_date: input.decisionDate,
      case_id: caseId,
      recorded_by: actor.userId,
      hromada_id: caseRow.hromada_id,
      organisation_id: caseRow.organisation_id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (plan.close && closed) {
    // The ended episode's own case hears of it; an episode without a case is told on this one.
    await addCaseEvent(trx, { caseId: closed.case_id ?? caseId, actorId: actor.userId, kind: 'care_episode_ended', data: { episodeId: closed.id, personId: input.personId, endDate: plan.close.endDate, endedByEpisodeId: row.id }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'care_episode', entityId: closed.id, details: { caseId, endDate: plan.close.endDate, endedByEpisodeId: row.id } }, now);
  }
  await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'care_episode_started', data: { episodeId: row.id, personId: input.personId, careType: input.careType, startDate: input.startDate, familyBased: isFamilyBased(input.careType) }, at: now });
  await appendAudit(trx, { actor, action: 'create', entity: 'care_episode', entityId: row.id, details: { caseId, personId: input.personId, careType: input.careType } }, now);
  return { row, closed };
}

/**
 * Records a care arrangement of a child of the case. A new current episode ends the child's current one the day
 * before it starts (domain `planNewEpisode`); any other overlap is refused.
 */
export async function startCareEpisode(deps: Deps, actor: RequestActor, caseId: string, input: CareEpisodeInput): Promise<{ episode: CareEpisodeView; ended: CareEpisodeView | null }> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    await requireCaseChild(trx, caseId, input.personId);
    checkInstitutionDetails(input);
    const { row, closed } = await insertCareEpisode(trx, actor, caseRow, input, now, today);
    return { episode: await presentOne(trx, actor, caseRow, row.id), ended: closed ? await presentOne(trx, actor, caseRow, closed.id) : null };
  });
}

/** Ends a child's current episode on a date; the version it was based on must be current. */
export async function endCareEpisode(deps: Deps, actor: RequestActor, caseId: string, episodeId: string, input: { version: number; endDate: string; endReason: string }): Promise<CareEpisodeView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const row = await trx.selectFrom('care_episodes').selectAll().where('id', '=', episodeId).executeTakeFirst();
    // Reached through the case: the episode must be of a child of this case.
    if (!row || (await findCaseMemberRole(trx, caseId, row.person_id)) !== 'child') throw new DomainError('not_found', 'Not found');
    assertCurrentVersion(row.version, input.version, 'episode');
    checkEpisodeEnd({ id: row.id, startDate: row.start_date, endDate: row.end_date }, input.endDate, todayInKyiv(now));
    const res = await trx
      .updateTable('care_episodes')
      .set({ end_date: input.endDate, end_reason: input.endReason, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'care_episodes', row.id, 'episode');
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'care_episode_ended', data: { episodeId: row.id, personId: row.person_id, endDate: input.endDate }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'care_episode', entityId: row.id, details: { caseId, endDate: input.endDate } }, now);
    return presentOne(trx, actor, caseRow, row.id);
  });
}
