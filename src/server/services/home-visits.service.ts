import { sql } from 'kysely';
import { recordEditRefusal } from '#domain/cases/case-notes.ts';
import { becameDone, checkHomeVisit, type ChildSeenAlone, type VisitPlace } from '#domain/cases/home-visits.ts';
import { homeVisitDeadlineKey } from '#domain/cases/monitoring.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { HomeVisitRequest, HomeVisitUpdateRequest, HomeVisitView } from '#contracts/home-visits.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { addCaseEvent, listCaseMembers } from '../db/repositories/cases.repository.ts';
import { isoOf, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { presentOpenDeadline, syncVisitDeadline } from './monitoring.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type CaseRow = Awaited<ReturnType<typeof loadCaseFor>>;

function visitQuery(trx: Tx, caseId: string) {
  return trx.selectFrom('home_visits as v').selectAll('v').where('v.case_id', '=', caseId);
}

type VisitRow = Awaited<ReturnType<ReturnType<typeof visitQuery>['execute']>>[number];

/** A done visit may be corrected by whoever recorded it as done, within 24 hours; a planned one by any contributor. */
function mayEditVisit(actor: RequestActor, row: VisitRow, now: Date): boolean {
  if (row.done_recorded_at === null || row.done_recorded_by === null) return true;
  return recordEditRefusal({ authorId: row.done_recorded_by, recordedAt: new Date(row.done_recorded_at) }, actor.userId, now) === null;
}

async function present(trx: Tx, actor: RequestActor, caseId: string, rows: VisitRow[], mayContribute: boolean, now: Date): Promise<HomeVisitView[]> {
  const userIds = rows.flatMap((r) => [...r.visitor_user_ids, r.recorded_by, ...(r.done_recorded_by ? [r.done_recorded_by] : [])]);
  const names = await userNamesById(trx, userIds);
  const members = await listCaseMembers(trx, [caseId]);
  const personName = (id: string) => {
    const m = members.find((x) => x.personId === id);
    return m ? formatFullName({ surname: m.surname, givenName: m.given_name, patronymic: m.patronymic }) : '';
  };
  const ref = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    version: r.version,
    status: r.done_date === null ? ('planned' as const) : ('done' as const),
    plannedDate: r.planned_date,
    doneDate: r.done_date,
    place: r.place as VisitPlace,
    address: r.address,
    visitors: r.visitor_user_ids.map(ref),
    otherVisitors: r.other_visitors,
    personsMet: r.persons_met_ids.map((personId) => ({ personId, name: personName(personId) })),
    othersMet: r.others_met,
    childSeenAlone: r.child_seen_alone as ChildSeenAlone | null,
    childSeenAloneReason: r.child_seen_alone_reason,
    observations: r.observations,
    safetyConcerns: r.safety_concerns,
    safetyConcernsText: r.safety_concerns_text,
    nextVisitProposed: r.next_visit_proposed,
    recordedBy: ref(r.recorded_by),
    doneRecordedBy: r.done_recorded_by ? ref(r.done_recorded_by) : null,
    createdAt: isoOf(r.created_at),
    updatedAt: isoOf(r.updated_at),
    allowedActions: mayContribute && mayEditVisit(actor, r, now) ? ['edit' as const] : [],
  }));
}

/**
 * Checks a visit as sent: visitors are active users, persons met are members of the case, and the domain rules of a
 * visit record hold. A done visit that names no visitor is taken as made by the one recording it.
 */
async function prepare(trx: Tx, actor: RequestActor, caseId: string, input: HomeVisitRequest, today: string): Promise<HomeVisitRequest> {
  const visitorUserIds = input.doneDate !== null && input.visitorUserIds.length === 0 && input.otherVisitors === '' ? [actor.userId] : [...new Set(input.visitorUserIds)];
  if (visitorUserIds.length > 0) {
    const found = await trx.selectFrom('users').select('id').where('id', 'in', visitorUserIds).where('is_active', '=', true).execute();
    const missing = visitorUserIds.find((u) => !found.some((f) => f.id === u));
    if (missing) throw new DomainError('user_not_found', 'A visitor was not found among the users', { userId: missing });
  }
  const personsMetIds = [...new Set(input.personsMetIds)];
  const members = await listCaseMembers(trx, [caseId]);
  const stranger = personsMetIds.find((p) => !members.some((m) => m.personId === p));
  if (stranger) throw new DomainError('person_not_in_case', 'The person is not a member of this case', { personId: stranger });
  checkHomeVisit({ ...input, visitorCount: visitorUserIds.length + (input.otherVisitors === '' ? 0 : 1) }, today);
  return { ...input, visitorUserIds, personsMetIds };
}

function columnsOf(v: HomeVisitRequest) {
  return {
    planned_date: v.plannedDate,
    done_date: v.doneDate,
    place: v.place,
    address: v.address,
    visitor_user_ids: v.visitorUserIds,
    other_visitors: v.otherVisitors,
    persons_met_ids: v.personsMetIds,
    others_met: v.othersMet,
    child_seen_alone: v.childSeenAlone,
    child_seen_alone_reason: v.childSeenAloneReason,
    observations: v.observations,
    safety_concerns: v.safetyConcerns,
    safety_concerns_text: v.safetyConcernsText,
    next_visit_proposed: v.nextVisitProposed,
  };
}

async function saved(trx: Tx, actor: RequestActor, caseRow: CaseRow, visitId: string, now: Date) {
  const row = await visitQuery(trx, caseRow.id).where('v.id', '=', visitId).executeTakeFirstOrThrow();
  const [visit] = await present(trx, actor, caseRow.id, [row], true, now);
  return { visit: visit as HomeVisitView, nextVisit: await presentOpenDeadline(trx, caseRow.id, homeVisitDeadlineKey, todayInKyiv(now)) };
}

/** Visits of a case, latest first, keyset-paginated, with the next-visit deadline; one audit row per page (SPEC §11). */
export async function listHomeVisits(deps: Deps, actor: RequestActor, caseId: string, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['on', 'at', 'id'] as const);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    let q = visitQuery(trx, caseId);
    if (pos?.on && pos.at && pos.id) q = q.where(sql<boolean>`(coalesce(v.done_date, v.planned_date), v.created_at, v.id) < (${pos.on}::date, ${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy(sql`coalesce(v.done_date, v.planned_date)`, 'desc').orderBy('v.created_at', 'desc').orderBy('v.id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const mayContribute = mayOnCase(actor, 'case.contribute', caseRow);
    await appendAudit(trx, { actor, action: 'list', entity: 'home_visit', entityId: '', details: { caseId, ids: page.map((r) => r.id) } }, now);
    const last = page[page.length - 1];
    return {
      items: await present(trx, actor, caseId, page, mayContribute, now),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ on: last.done_date ?? last.planned_date, at: isoOf(last.created_at), id: last.id }) : null,
      nextVisit: await presentOpenDeadline(trx, caseId, homeVisitDeadlineKey, today),
      allowedActions: mayContribute ? ['create' as const] : [],
    };
  });
}

/**
 * Plans a visit or records one that took place (SPEC §2.10). Either way the case's next-visit deadline is set or
 * refreshed by the monitoring schedule (SPEC §2.12); a visit done meets the open deadline and starts the next interval.
 */
export async function recordHomeVisit(deps: Deps, actor: RequestActor, caseId: string, input: HomeVisitRequest) {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    const v = await prepare(trx, actor, caseId, input, today);
    const done = v.doneDate !== null;
    const row = await trx
      .insertInto('home_visits')
      .values({
        case_id: caseId,
        ...columnsOf(v),
        recorded_by: actor.userId,
        done_recorded_by: done ? actor.userId : null,
        done_recorded_at: done ? now : null,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncVisitDeadline(trx, caseRow, done ? v.doneDate : null);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: done ? 'home_visit_recorded' : 'home_visit_planned', data: { visitId: row.id, date: v.doneDate ?? v.plannedDate, place: v.place, safetyConcerns: v.safetyConcerns }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'home_visit', entityId: row.id, details: { caseId, done } }, now);
    return saved(trx, actor, caseRow, row.id, now);
  });
}

/**
 * Completes a planned visit or corrects a record; a done visit only by whoever recorded it, within 24 hours. The
 * version it was based on must be current (409 otherwise). The next-visit deadline follows.
 */
export async function updateHomeVisit(deps: Deps, actor: RequestActor, caseId: string, visitId: string, input: HomeVisitUpdateRequest) {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    const row = await visitQuery(trx, caseId).where('v.id', '=', visitId).executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    if (row.done_recorded_by !== null && row.done_recorded_at !== null) {
      const refusal = recordEditRefusal({ authorId: row.done_recorded_by, recordedAt: new Date(row.done_recorded_at) }, actor.userId, now);
      if (refusal === 'not_author') throw new DomainError('forbidden', 'Only whoever recorded the visit may correct it', { reason: 'not_author' });
      if (refusal === 'edit_window_closed') throw new DomainError('edit_window_closed', 'A visit record can be corrected only within 24 hours; add a note instead');
      if (input.doneDate === null) throw new DomainError('home_visit_incomplete', 'A visit that took place stays recorded as done', { problems: ['doneDate'] });
    }
    assertCurrentVersion(row.version, input.version, 'visit');
    const v = await prepare(trx, actor, caseId, input, today);
    const nowDone = becameDone({ doneDate: row.done_date }, { doneDate: v.doneDate });
    const res = await trx
      .updateTable('home_visits')
      .set({
        ...columnsOf(v),
        ...(nowDone ? { done_recorded_by: actor.userId, done_recorded_at: now } : {}),
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', visitId)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'home_visits', visitId, 'visit');
    await syncVisitDeadline(trx, caseRow, nowDone ? v.doneDate : null);
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: nowDone ? 'home_visit_recorded' : 'home_visit_updated', data: { visitId, date: v.doneDate ?? v.plannedDate, place: v.place, safetyConcerns: v.safetyConcerns }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'home_visit', entityId: visitId, details: { caseId, done: v.doneDate !== null, version: row.version + 1 } }, now);
    return saved(trx, actor, caseRow, visitId, now);
  });
}
