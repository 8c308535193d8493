import { bodyLevelOf, bodyOrganisationType, canKeepBody, canListBodies, canReadBody, canRecordForBody, mayKeepSomeBody, type BodyAccessFacts, type BodyPlaceFacts } from '#domain/access/panel-policy.ts';
import { bodyKinds } from '#domain/panels/panels.ts';
import type { TerritoryLevel } from '#domain/organisations/roles.ts';
import { DomainError } from '#domain/errors.ts';
import {
  bodyFlags,
  careTypeOf,
  checkDetermination,
  countVotes,
  hasConflictOn,
  hasQuorum,
  isActionOverdue,
  isCurrentMember,
  isGatekeepingPanel,
  isMentoredMeeting,
  worksForProvider,
  type ActionStatus,
  type BodyKind,
  type CareOption,
  type ConsideredOption,
  type MemberRole,
  type MemberSector,
  type Presence,
  type VoteChoice,
} from '#domain/panels/panels.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { InstitutionSubordination, InstitutionType } from '#domain/cases/care-episodes.ts';
import type {
  BodyCreateRequest,
  BodyUpdateRequest,
  ActionItemCreateRequest,
  ActionItemUpdateRequest,
  ActionItemView,
  AttendanceRequest,
  BodyList,
  BodySummary,
  BodyView,
  DeterminationRequest,
  DeterminationView,
  MeetingCreateRequest,
  MeetingView,
  MemberCreateRequest,
  MemberUpdateRequest,
  MemberView,
  SubmissionRequest,
  SubmissionView,
  VotesRequest,
} from '#contracts/panels.contract.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { requireCaseChild, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { appendAudit } from './audit.service.ts';
import { insertCareEpisode } from './care-episodes.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { coordinatorOblastIds } from './institutions.service.ts';

/**
 * Gatekeeping panels and coordination bodies (SPEC §3, §9): bodies and members, meetings with agenda, attendance,
 * quorum and votes, best-interests determinations of case submissions, minutes signed by the chair and the
 * secretary, action items. Access through `panel-policy.ts`; every change of personal data is audited.
 */

type BodyRow = { id: string; kind: string; name_uk: string; name_en: string; territory_id: string; organisation_id: string | null };

const facts = (b: BodyRow): BodyAccessFacts => ({ organisationId: b.organisation_id, territoryId: b.territory_id });

/** The Kyiv calendar day of an instant. */
const dayOf = (at: Date | string): string => todayInKyiv(new Date(at));
const iso = (at: Date | string): string => new Date(at).toISOString();

async function loadBody(trx: Tx, id: string): Promise<BodyRow> {
  const body = await trx.selectFrom('panel_bodies').select(['id', 'kind', 'name_uk', 'name_en', 'territory_id', 'organisation_id']).where('id', '=', id).executeTakeFirst();
  if (!body) throw new DomainError('not_found', 'Not found');
  return body;
}

function requireRead(actor: RequestActor, body: BodyRow): void {
  const d = canReadBody(actor, facts(body));
  if (!d.allowed) throw new DomainError(d.outcome === 'hidden' ? 'not_found' : 'forbidden', 'You may not see this body');
}

function requireRecord(actor: RequestActor, body: BodyRow): void {
  const d = canRecordForBody(actor, facts(body));
  if (!d.allowed) throw new DomainError(d.outcome === 'hidden' ? 'not_found' : 'forbidden', 'Only the secretary of the body keeps its records');
}

async function membersOf(trx: Tx, bodyId: string, day: string): Promise<MemberView[]> {
  const rows = await trx
    .selectFrom('panel_members as m')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .selectAll('m')
    .select('o.type as orgType')
    .where('m.body_id', '=', bodyId)
    .execute();
  const order: Record<string, number> = { chair: 0, secretary: 1, member: 2 };
  return rows
    .map((r) => ({
      id: r.id,
      surname: r.surname,
      givenName: r.given_name,
      patronymic: r.patronymic,
      organisationName: r.organisation_name,
      organisationId: r.organisation_id,
      institutionId: r.institution_id,
      sector: r.sector as MemberSector,
      role: r.role as MemberRole,
      livedExperience: r.lived_experience,
      fromDate: r.from_date,
      toDate: r.to_date,
      userId: r.user_id,
      current: isCurrentMember({ fromDate: r.from_date, toDate: r.to_date }, day),
      conflictOfInterest: worksForProvider({ organisationId: r.organisation_id, organisationType: r.orgType ?? null, institutionId: r.institution_id }),
      version: r.version,
      orgType: r.orgType ?? null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || (order[a.role] ?? 3) - (order[b.role] ?? 3) || a.surname.localeCompare(b.surname, 'uk'))
    .map(({ orgType: _o, ...m }) => m);
}

const nameOf = (m: { surname: string; givenName: string; patronymic: string }) => formatFullName(m);

async function summaries(trx: Tx, actor: RequestActor, bodies: BodyRow[], today: string): Promise<BodySummary[]> {
  if (bodies.length === 0) return [];
  const ids = bodies.map((b) => b.id);
  const keeps = await keptBodyIds(trx, actor, bodies);
  const territories = await trx.selectFrom('territories').select(['id', 'name_uk', 'name_en']).where('id', 'in', bodies.map((b) => b.territory_id)).execute();
  const members = await trx.selectFrom('panel_members').select(['body_id', 'from_date', 'to_date', 'lived_experience']).where('body_id', 'in', ids).execute();
  const meetings = await trx.selectFrom('panel_meetings').select(['body_id', 'scheduled_at']).where('body_id', 'in', ids).execute();
  return bodies.map((b) => {
    const t = territories.find((x) => x.id === b.territory_id);
    const current = members.filter((m) => m.body_id === b.id && isCurrentMember({ fromDate: m.from_date, toDate: m.to_date }, today));
    const days = meetings.filter((m) => m.body_id === b.id).map((m) => dayOf(m.scheduled_at)).sort();
    const held = days.filter((d) => d <= today);
    const edit = keeps.has(b.id);
    const read = edit || canReadBody(actor, facts(b)).allowed;
    return {
      id: b.id,
      kind: b.kind as BodyKind,
      nameUk: b.name_uk,
      nameEn: b.name_en,
      territory: { id: b.territory_id, nameUk: t?.name_uk ?? '', nameEn: t?.name_en ?? '' },
      currentMembers: current.length,
      livedExperienceMembers: current.filter((m) => m.lived_experience).length,
      meetingsHeld: held.length,
      lastMeetingOn: held.at(-1) ?? null,
      ...bodyFlags(b.kind as BodyKind, days, today),
      allowedActions: [...(read ? ['read' as const] : []), ...(canRecordForBody(actor, facts(b)).allowed ? ['record' as const] : []), ...(edit ? ['edit' as const] : [])],
    };
  });
}

/** The bodies, with flags and counts (no persons): for the body's people, CAS, planners, coordinators, analysts. */
export async function listBodies(deps: Deps, actor: RequestActor): Promise<BodyList> {
  if (!canListBodies(actor)) throw new DomainError('forbidden', 'You may not list panels');
  const today = todayInKyiv(deps.now());
  const bodies = await deps.db.selectFrom('panel_bodies').select(['id', 'kind', 'name_uk', 'name_en', 'territory_id', 'organisation_id']).execute();
  const items = await summaries(deps.db, actor, bodies, today);
  return { items: items.sort((a, b) => a.territory.nameUk.localeCompare(b.territory.nameUk, 'uk') || a.nameUk.localeCompare(b.nameUk, 'uk')), places: await placesFor(deps.db, actor) };
}

// ---------------------------------------------------------------------------------------------------------------
// Setting bodies up (SPEC §3, §9): who keeps which body is `canKeepBody`.

type Place = BodyPlaceFacts & { nameUk: string; nameEn: string };

/** Territories (oblast and hromada level) with the oblast each lies in. */
async function placesById(trx: Tx, ids: readonly string[] | 'all'): Promise<Place[]> {
  let q = trx
    .selectFrom('territories as t')
    .leftJoin('territories as p1', 'p1.id', 't.parent_id')
    .leftJoin('territories as p2', 'p2.id', 'p1.parent_id')
    .select(['t.id', 't.level', 't.name_uk', 't.name_en', 'p1.id as p1', 'p1.level as p1l', 'p2.id as p2', 'p2.level as p2l'])
    .where('t.level', 'in', ['oblast', 'hromada']);
  if (ids !== 'all') {
    if (ids.length === 0) return [];
    q = q.where('t.id', 'in', ids);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    kind: 'community_taskforce' as const,
    territoryId: r.id,
    territoryLevel: r.level as TerritoryLevel,
    oblastId: r.level === 'oblast' ? r.id : r.p1l === 'oblast' ? r.p1 : r.p2l === 'oblast' ? r.p2 : null,
    nameUk: r.name_uk,
    nameEn: r.name_en,
  }));
}

/** Ids of the bodies (of those given) the actor may set up and change. */
async function keptBodyIds(trx: Tx, actor: RequestActor, bodies: readonly BodyRow[]): Promise<Set<string>> {
  if (!mayKeepSomeBody(actor) || bodies.length === 0) return new Set();
  const coordinated = await coordinatorOblastIds(trx, actor);
  const places = await placesById(trx, [...new Set(bodies.map((b) => b.territory_id))]);
  return new Set(bodies.filter((b) => places.some((p) => p.territoryId === b.territory_id && canKeepBody(actor, { ...p, kind: b.kind as BodyKind }, coordinated))).map((b) => b.id));
}

/** Where the actor may set up bodies: each place with its kinds and the organisations there that may hold the panel roles. */
async function placesFor(trx: Tx, actor: RequestActor): Promise<BodyList['places']> {
  if (!mayKeepSomeBody(actor)) return [];
  const coordinated = await coordinatorOblastIds(trx, actor);
  const candidates = actor.grants.some((g) => g.role === 'system_admin' || g.role === 'oblast_coordinator') ? await placesById(trx, 'all') : await placesById(trx, actor.grants.map((g) => g.hromadaId).filter((x): x is string => x !== null));
  const out = candidates
    .map((p) => ({ p, kinds: bodyKinds.filter((kind) => canKeepBody(actor, { ...p, kind }, coordinated)) }))
    .filter((x) => x.kinds.length > 0);
  if (out.length === 0) return [];
  const orgs = await trx
    .selectFrom('organisations')
    .select(['id', 'name_uk', 'name_en', 'type', 'territory_id', 'hromada_id'])
    .where('type', 'in', Object.values(bodyOrganisationType))
    .where('is_active', '=', true)
    .execute();
  return out
    .map(({ p, kinds }) => ({
      id: p.territoryId,
      nameUk: p.nameUk,
      nameEn: p.nameEn,
      level: p.territoryLevel as 'oblast' | 'hromada',
      kinds,
      organisations: kinds.flatMap((kind) => orgs.filter((o) => o.type === bodyOrganisationType[kind] && organisationSitsIn(o, p)).map((o) => ({ id: o.id, nameUk: o.name_uk, nameEn: o.name_en, kind }))),
    }))
    .sort((a, b) => (a.level === b.level ? a.nameUk.localeCompare(b.nameUk, 'uk') : a.level === 'oblast' ? -1 : 1));
}

/** Whether an organisation lies in the body's place: in the hromada for hromada bodies, at the oblast for the council. */
function organisationSitsIn(o: { territory_id: string | null; hromada_id: string | null }, p: Pick<Place, 'territoryId' | 'territoryLevel'>): boolean {
  return p.territoryLevel === 'hromada' ? o.hromada_id === p.territoryId || o.territory_id === p.territoryId : o.territory_id === p.territoryId;
}

/** Checks the place and organisation of a body as requested; refuses (403) a place the actor may not keep. */
async function checkBodyPlace(trx: Tx, actor: RequestActor, input: BodyCreateRequest): Promise<void> {
  const [place] = await placesById(trx, [input.territoryId]);
  if (!place) throw new DomainError('territory_not_found', 'No such oblast or hromada', { path: 'territoryId' });
  if (place.territoryLevel !== bodyLevelOf(input.kind)) throw new DomainError('panel_body_level_invalid', 'This kind of body sits at another level of the territory tree', { path: 'territoryId', level: bodyLevelOf(input.kind) });
  if (!canKeepBody(actor, { ...place, kind: input.kind }, await coordinatorOblastIds(trx, actor))) throw new DomainError('forbidden', 'You may not set up this kind of body in this place');
  if (input.organisationId) {
    const o = await trx.selectFrom('organisations').select(['type', 'territory_id', 'hromada_id']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!o) throw new DomainError('organisation_not_found', 'No such organisation', { path: 'organisationId' });
    if (o.type !== bodyOrganisationType[input.kind] || !organisationSitsIn(o, place)) throw new DomainError('panel_body_organisation_invalid', 'The organisation does not fit this body or its place', { path: 'organisationId' });
  }
}

const bodyValues = (input: BodyCreateRequest) => ({ kind: input.kind, name_uk: input.nameUk, name_en: input.nameEn, territory_id: input.territoryId, organisation_id: input.organisationId });

/** Sets up a body (see `canKeepBody`), audited. */
export async function createBody(deps: Deps, actor: RequestActor, input: BodyCreateRequest): Promise<BodyView> {
  const now = deps.now();
  if (!mayKeepSomeBody(actor)) throw new DomainError('forbidden', 'You may not set up panels or coordination bodies');
  return deps.db.transaction().execute(async (trx) => {
    await checkBodyPlace(trx, actor, input);
    const row = await trx.insertInto('panel_bodies').values({ ...bodyValues(input), created_by: actor.userId, created_at: now, updated_at: now }).returning(['id', 'kind', 'name_uk', 'name_en', 'territory_id', 'organisation_id']).executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'panel_body', entityId: row.id, details: { kind: input.kind, territoryId: input.territoryId, organisationId: input.organisationId } }, now);
    return bodyView(trx, actor, row, todayInKyiv(now));
  });
}

/** Changes a body's kind, names, territory and organisation on the current version (the keeper of its old and new place), audited. */
export async function updateBody(deps: Deps, actor: RequestActor, id: string, input: BodyUpdateRequest): Promise<BodyView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('panel_bodies').select(['id', 'kind', 'name_uk', 'name_en', 'territory_id', 'organisation_id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new DomainError('not_found', 'Not found');
    if (!(await keptBodyIds(trx, actor, [current])).has(id)) {
      if (canReadBody(actor, facts(current)).allowed) throw new DomainError('forbidden', 'You may not change this body');
      throw new DomainError('not_found', 'Not found');
    }
    assertCurrentVersion(current.version, input.version, 'body');
    await checkBodyPlace(trx, actor, input);
    const row = await trx.updateTable('panel_bodies').set({ ...bodyValues(input), version: current.version + 1, updated_at: now }).where('id', '=', id).where('version', '=', current.version).returning(['id', 'kind', 'name_uk', 'name_en', 'territory_id', 'organisation_id']).executeTakeFirst();
    if (!row) throw await lostUpdate(trx, 'panel_bodies', id, 'body');
    const changed = (['kind', 'name_uk', 'name_en', 'territory_id', 'organisation_id'] as const).filter((k) => current[k] !== row[k]);
    await appendAudit(trx, { actor, action: 'update', entity: 'panel_body', entityId: id, details: { changed, version: current.version + 1 } }, now);
    return bodyView(trx, actor, row, todayInKyiv(now));
  });
}

async function bodyView(trx: Tx, actor: RequestActor, body: BodyRow, today: string): Promise<BodyView> {
  const [summary] = await summaries(trx, actor, [body], today);
  if (!summary) throw new DomainError('not_found', 'Not found');
  const meetings = await trx
    .selectFrom('panel_meetings as m')
    .select(['m.id', 'm.scheduled_at', 'm.place', 'm.chair_signed_at', 'm.secretary_signed_at'])
    .select((eb) => eb.selectFrom('panel_agenda_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.meeting_id', '=', 'm.id').as('items'))
    .where('m.body_id', '=', body.id)
    .orderBy('m.scheduled_at')
    .execute();
  const pending = await trx
    .selectFrom('panel_submissions as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('persons as p', 'p.id', 's.child_person_id')
    .select(['s.id', 's.case_id', 'c.number', 'p.surname', 'p.given_name', 'p.patronymic', 's.question', 's.submitted_at'])
    .where('s.body_id', '=', body.id)
    .where('s.status', '=', 'submitted')
    .orderBy('s.submitted_at')
    .execute();
  const org = body.organisation_id ? await trx.selectFrom('organisations').select(['id', 'name_uk', 'name_en']).where('id', '=', body.organisation_id).executeTakeFirst() : undefined;
  const { version } = await trx.selectFrom('panel_bodies').select('version').where('id', '=', body.id).executeTakeFirstOrThrow();
  return {
    ...summary,
    organisation: org ? { id: org.id, nameUk: org.name_uk, nameEn: org.name_en } : null,
    version,
    members: await membersOf(trx, body.id, today),
    meetings: meetings
      .map((m, i) => ({ id: m.id, scheduledAt: iso(m.scheduled_at), place: m.place, rank: i + 1, mentoring: isMentoredMeeting(body.kind as BodyKind, i + 1), items: Number(m.items ?? 0), signed: m.chair_signed_at !== null && m.secretary_signed_at !== null }))
      .reverse(),
    pendingSubmissions: pending.map((s) => ({ id: s.id, caseId: s.case_id, caseNumber: s.number, childName: formatFullName({ surname: s.surname, givenName: s.given_name, patronymic: s.patronymic }), question: s.question, submittedAt: iso(s.submitted_at) })),
  };
}

/** One body with its members, meetings and the submissions waiting for a meeting; a read of personal data, audited. */
export async function getBody(deps: Deps, actor: RequestActor, id: string): Promise<BodyView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const body = await loadBody(trx, id);
    if (!(await keptBodyIds(trx, actor, [body])).has(id)) requireRead(actor, body);
    const view = await bodyView(trx, actor, body, todayInKyiv(now));
    await appendAudit(trx, { actor, action: 'read', entity: 'panel_body', entityId: id, details: { members: view.members.length, pending: view.pendingSubmissions.map((p) => p.id) } }, now);
    return view;
  });
}

async function checkMemberLinks(trx: Tx, input: MemberCreateRequest): Promise<void> {
  if (input.toDate !== null && input.toDate < input.fromDate) throw new DomainError('panel_membership_period_invalid', 'The membership ends before it starts', { path: 'toDate' });
  if (input.organisationId && !(await trx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst())) throw new DomainError('organisation_not_found', 'No such organisation', { path: 'organisationId' });
  if (input.institutionId && !(await trx.selectFrom('institutions').select('id').where('id', '=', input.institutionId).executeTakeFirst())) throw new DomainError('institution_not_found', 'The institution is not in the register', { path: 'institutionId' });
  if (input.userId && !(await trx.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst())) throw new DomainError('user_not_found', 'No such user', { path: 'userId' });
}

const memberValues = (input: MemberCreateRequest) => ({
  surname: input.surname,
  given_name: input.givenName,
  patronymic: input.patronymic,
  organisation_name: input.organisationName,
  organisation_id: input.organisationId,
  institution_id: input.institutionId,
  sector: input.sector,
  role: input.role,
  lived_experience: input.livedExperience,
  from_date: input.fromDate,
  to_date: input.toDate,
  user_id: input.userId,
});

/** Adds a member to the body (its secretary), audited. */
export async function addMember(deps: Deps, actor: RequestActor, bodyId: string, input: MemberCreateRequest): Promise<BodyView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const body = await loadBody(trx, bodyId);
    requireRecord(actor, body);
    await checkMemberLinks(trx, input);
    const row = await trx.insertInto('panel_members').values({ body_id: bodyId, ...memberValues(input), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'panel_member', entityId: row.id, details: { bodyId, role: input.role, fromDate: input.fromDate } }, now);
    return bodyView(trx, actor, body, todayInKyiv(now));
  });
}

/** Changes a member (e.g. ends the membership), on the current version; audited. */
export async function updateMember(deps: Deps, actor: RequestActor, memberId: string, input: MemberUpdateRequest): Promise<BodyView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('panel_members').select(['id', 'body_id', 'version']).where('id', '=', memberId).forUpdate().executeTakeFirst();
    if (!member) throw new DomainError('not_found', 'Not found');
    const body = await loadBody(trx, member.body_id);
    requireRecord(actor, body);
    assertCurrentVersion(member.version, input.version, 'member');
    await checkMemberLinks(trx, input);
    await trx.updateTable('panel_members').set({ ...memberValues(input), version: member.version + 1, updated_at: now }).where('id', '=', memberId).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'panel_member', entityId: memberId, details: { bodyId: body.id, role: input.role, toDate: input.toDate } }, now);
    return bodyView(trx, actor, body, todayInKyiv(now));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Submissions

async function presentSubmissions(trx: Tx, where: { caseId?: string; ids?: readonly string[] }): Promise<SubmissionView[]> {
  let q = trx
    .selectFrom('panel_submissions as s')
    .innerJoin('panel_bodies as b', 'b.id', 's.body_id')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('persons as p', 'p.id', 's.child_person_id')
    .leftJoin('organisations as o', 'o.id', 's.provider_organisation_id')
    .leftJoin('panel_agenda_items as i', 'i.submission_id', 's.id')
    .leftJoin('panel_meetings as m', 'm.id', 'i.meeting_id')
    .leftJoin('panel_determinations as d', 'd.submission_id', 's.id')
    .select(['s.id', 's.body_id', 'b.name_uk as bodyUk', 'b.name_en as bodyEn', 's.case_id', 'c.number', 's.child_person_id', 'p.surname', 'p.given_name', 'p.patronymic', 's.question', 's.assessments', 's.provider_organisation_id', 'o.name_uk as providerUk', 'o.name_en as providerEn', 's.status', 's.submitted_at', 's.version'])
    .select(['m.id as meetingId', 'm.scheduled_at as meetingAt'])
    .select(['d.id as dId', 'd.options', 'd.child_views', 'd.child_not_heard_reason', 'd.chosen_option', 'd.rationale', 'd.dissenting_opinions', 'd.follow_up_date', 'd.placement_start', 'd.institution_id', 'd.adopted_at', 'd.version as dVersion'])
    .orderBy('s.submitted_at', 'desc');
  if (where.caseId) q = q.where('s.case_id', '=', where.caseId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('s.id', 'in', where.ids);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    body: { id: r.body_id, nameUk: r.bodyUk, nameEn: r.bodyEn },
    caseId: r.case_id,
    caseNumber: r.number,
    childPersonId: r.child_person_id,
    childName: formatFullName({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic }),
    question: r.question,
    assessments: r.assessments as SubmissionView['assessments'],
    provider: r.provider_organisation_id ? { id: r.provider_organisation_id, nameUk: r.providerUk ?? '', nameEn: r.providerEn ?? '' } : null,
    status: r.status as SubmissionView['status'],
    submittedAt: iso(r.submitted_at),
    meeting: r.meetingId && r.meetingAt ? { id: r.meetingId, scheduledAt: iso(r.meetingAt) } : null,
    determination:
      r.dId && r.chosen_option && r.rationale !== null
        ? {
            id: r.dId,
            options: r.options as ConsideredOption[],
            childViews: r.child_views ?? '',
            childNotHeardReason: r.child_not_heard_reason ?? '',
            chosenOption: r.chosen_option as CareOption,
            rationale: r.rationale,
            dissentingOpinions: r.dissenting_opinions ?? '',
            followUpDate: r.follow_up_date ?? null,
            placementStart: r.placement_start ?? null,
            institutionId: r.institution_id ?? null,
            adoptedAt: r.adopted_at ? iso(r.adopted_at) : null,
            version: r.dVersion ?? 1,
          }
        : null,
    version: r.version,
  }));
}

/** Labels of the case's assessments a submission may refer to. */
async function caseAssessments(trx: Tx, caseId: string): Promise<Array<{ kind: 'needs_assessment' | 'safety_assessment' | 'family_assessment'; id: string; label: string }>> {
  const needs = await trx.selectFrom('needs_assessments').select(['id', 'status', 'created_at']).where('case_id', '=', caseId).execute();
  const safety = await trx.selectFrom('safety_assessments').select(['id', 'created_at']).where('case_id', '=', caseId).execute();
  const family = await trx.selectFrom('family_assessments').select(['id', 'round', 'created_at']).where('case_id', '=', caseId).execute();
  return [
    ...needs.map((n) => ({ kind: 'needs_assessment' as const, id: n.id, label: dayOf(n.created_at) })),
    ...safety.map((n) => ({ kind: 'safety_assessment' as const, id: n.id, label: dayOf(n.created_at) })),
    ...family.map((n) => ({ kind: 'family_assessment' as const, id: n.id, label: `${n.round} · ${dayOf(n.created_at)}` })),
  ];
}

/** Panels a case may be submitted to: the gatekeeping panels of the case's hromada. */
async function panelsForHromada(trx: Tx, hromadaId: string) {
  const rows = await trx.selectFrom('panel_bodies').select(['id', 'name_uk', 'name_en', 'kind']).where('territory_id', '=', hromadaId).orderBy('name_uk').execute();
  return rows.filter((b) => isGatekeepingPanel(b.kind as BodyKind)).map((b) => ({ id: b.id, nameUk: b.name_uk, nameEn: b.name_en }));
}

/** The case's panel submissions with their decisions, and what a new submission may name; audited. */
export async function listCaseSubmissions(deps: Deps, actor: RequestActor, caseId: string) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const items = await presentSubmissions(trx, { caseId });
    const mayEdit = mayOnCase(actor, 'needs_assessment.edit', caseRow);
    const providers = await trx.selectFrom('organisations').select(['id', 'name_uk', 'name_en']).where('type', '=', 'service_provider').where('hromada_id', '=', caseRow.hromada_id).orderBy('name_uk').execute();
    const children = await trx
      .selectFrom('case_members as cm')
      .innerJoin('persons as p', 'p.id', 'cm.person_id')
      .select(['p.id', 'p.surname', 'p.given_name', 'p.patronymic'])
      .where('cm.case_id', '=', caseId)
      .where('cm.role', '=', 'child')
      .execute();
    await appendAudit(trx, { actor, action: 'list', entity: 'panel_submission', entityId: '', details: { caseId, ids: items.map((i) => i.id) } }, now);
    return {
      items,
      bodies: await panelsForHromada(trx, caseRow.hromada_id),
      assessments: await caseAssessments(trx, caseId),
      providers: providers.map((p) => ({ id: p.id, nameUk: p.name_uk, nameEn: p.name_en })),
      children: children.map((c) => ({ personId: c.id, name: formatFullName({ surname: c.surname, givenName: c.given_name, patronymic: c.patronymic }) })),
      allowedActions: mayEdit ? ['submit' as const] : [],
    };
  });
}

/** The case manager submits a child of their case to a gatekeeping panel of the case's hromada, with its assessments. */
export async function submitCase(deps: Deps, actor: RequestActor, caseId: string, input: SubmissionRequest): Promise<SubmissionView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const bodies = await panelsForHromada(trx, caseRow.hromada_id);
    if (!bodies.some((b) => b.id === input.bodyId)) throw new DomainError('panel_body_not_for_case', 'The case may be submitted only to a gatekeeping panel of its hromada', { path: 'bodyId' });
    await requireCaseChild(trx, caseId, input.childPersonId);
    const known = await caseAssessments(trx, caseId);
    const refs = input.assessments.map((a) => {
      const k = known.find((x) => x.kind === a.kind && x.id === a.id);
      if (!k) throw new DomainError('panel_assessment_not_of_case', 'The assessment is not one of this case', { path: 'assessments', id: a.id });
      return k;
    });
    if (input.providerOrganisationId) {
      const p = await trx.selectFrom('organisations').select('type').where('id', '=', input.providerOrganisationId).executeTakeFirst();
      if (!p || p.type !== 'service_provider') throw new DomainError('panel_provider_unknown', 'The provider is not a service provider', { path: 'providerOrganisationId' });
    }
    const open = await trx.selectFrom('panel_submissions').select('id').where('body_id', '=', input.bodyId).where('child_person_id', '=', input.childPersonId).where('status', 'in', ['submitted', 'on_agenda']).executeTakeFirst();
    if (open) throw new DomainError('panel_submission_open', 'The child already waits for this panel', { submissionId: open.id });
    const row = await trx
      .insertInto('panel_submissions')
      .values({ body_id: input.bodyId, case_id: caseId, child_person_id: input.childPersonId, question: input.question, assessments: JSON.stringify(refs), provider_organisation_id: input.providerOrganisationId, submitted_by: actor.userId, submitted_at: now, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'panel_case_submitted', data: { submissionId: row.id, bodyId: input.bodyId, personId: input.childPersonId }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'panel_submission', entityId: row.id, details: { caseId, bodyId: input.bodyId, personId: input.childPersonId, assessments: refs.map((r) => r.id) } }, now);
    const [view] = await presentSubmissions(trx, { ids: [row.id] });
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings

type MeetingRow = { id: string; body_id: string; scheduled_at: Date; place: string; version: number; chair_signed_by: string | null; chair_signed_at: Date | null; secretary_signed_by: string | null; secretary_signed_at: Date | null };

async function loadMeeting(trx: Tx, id: string, lock = false): Promise<MeetingRow> {
  let q = trx.selectFrom('panel_meetings').select(['id', 'body_id', 'scheduled_at', 'place', 'version', 'chair_signed_by', 'chair_signed_at', 'secretary_signed_by', 'secretary_signed_at']).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const m = await q.executeTakeFirst();
  if (!m) throw new DomainError('not_found', 'Not found');
  return m;
}

function requireUnsigned(m: MeetingRow): void {
  if (m.chair_signed_at !== null || m.secretary_signed_at !== null) throw new DomainError('panel_minutes_signed', 'The minutes are signed; the meeting can no longer change');
}

/** Members current on the meeting day, with their attendance. */
async function attendanceOf(trx: Tx, meeting: MeetingRow) {
  const day = dayOf(meeting.scheduled_at);
  const members = await membersOf(trx, meeting.body_id, day);
  const att = await trx.selectFrom('panel_attendance').select(['member_id', 'presence']).where('meeting_id', '=', meeting.id).execute();
  const withPresence = members.filter((m) => isCurrentMember(m, day)).map((m) => ({ ...m, presence: (att.find((a) => a.member_id === m.id)?.presence ?? null) as Presence | null }));
  const present = withPresence.filter((m) => m.presence === 'in_person' || m.presence === 'online').length;
  return { members: withPresence, quorum: { currentMembers: withPresence.length, present, needed: Math.floor(withPresence.length / 2) + 1, reached: hasQuorum(withPresence.length, present) } };
}

async function meetingRank(trx: Tx, meeting: MeetingRow): Promise<number> {
  const earlier = await trx.selectFrom('panel_meetings').select('id').where('body_id', '=', meeting.body_id).where('scheduled_at', '<', meeting.scheduled_at).execute();
  return earlier.length + 1;
}

async function actionItemsOf(trx: Tx, meetingIds: readonly string[], today: string): Promise<ActionItemView[]> {
  if (meetingIds.length === 0) return [];
  const rows = await trx
    .selectFrom('panel_action_items as a')
    .innerJoin('panel_meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'a.meeting_id', 'm.scheduled_at', 'a.title', 'a.owner', 'a.due_date', 'a.status', 'a.version'])
    .where('a.meeting_id', 'in', meetingIds)
    .orderBy('a.due_date')
    .orderBy('a.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, meetingId: r.meeting_id, meetingOn: dayOf(r.scheduled_at), title: r.title, owner: r.owner, dueDate: r.due_date, status: r.status as ActionStatus, overdue: isActionOverdue({ status: r.status as ActionStatus, dueDate: r.due_date }, today), version: r.version }));
}

async function meetingView(trx: Tx, actor: RequestActor, meetingId: string, today: string): Promise<MeetingView> {
  const meeting = await loadMeeting(trx, meetingId);
  const body = await loadBody(trx, meeting.body_id);
  const { members, quorum } = await attendanceOf(trx, meeting);
  const items = await trx.selectFrom('panel_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
  const submissions = await presentSubmissions(trx, { ids: items.map((i) => i.submission_id).filter((x): x is string => x !== null) });
  const ballots = items.length ? await trx.selectFrom('panel_votes').select(['agenda_item_id', 'member_id', 'vote']).where('agenda_item_id', 'in', items.map((i) => i.id)).execute() : [];
  const providerOf = new Map((await trx.selectFrom('panel_submissions').select(['id', 'provider_organisation_id', 'provider_institution_id']).where('id', 'in', submissions.length ? submissions.map((s) => s.id) : ['00000000-0000-4000-8000-000000000000']).execute()).map((s) => [s.id, s]));
  const orgTypes = await trx.selectFrom('organisations').select(['id', 'type']).where('id', 'in', members.map((m) => m.organisationId).filter((x): x is string => x !== null).concat(['00000000-0000-4000-8000-000000000000'])).execute();
  const conflictFacts = (m: MemberView) => ({ organisationId: m.organisationId, organisationType: orgTypes.find((o) => o.id === m.organisationId)?.type ?? null, institutionId: m.institutionId });
  const signerNames = await userNamesById(trx, [meeting.chair_signed_by, meeting.secretary_signed_by].filter((x): x is string => x !== null));
  const rank = await meetingRank(trx, meeting);
  const record = canRecordForBody(actor, facts(body)).allowed;
  const signatory = members.some((m) => m.userId === actor.userId && (m.role === 'chair' || m.role === 'secretary'));
  return {
    id: meeting.id,
    body: { id: body.id, kind: body.kind as BodyKind, nameUk: body.name_uk, nameEn: body.name_en },
    scheduledAt: iso(meeting.scheduled_at),
    place: meeting.place,
    rank,
    mentoring: isMentoredMeeting(body.kind as BodyKind, rank),
    members,
    quorum,
    items: items.map((i) => {
      const s = submissions.find((x) => x.id === i.submission_id);
      const provider = s ? providerOf.get(s.id) : undefined;
      return {
        id: i.id,
        position: i.position,
        title: i.title,
        motion: i.motion,
        submission: s ? { ...s, conflictedMemberIds: members.filter((m) => hasConflictOn(conflictFacts(m), { organisationId: provider?.provider_organisation_id ?? null, institutionId: provider?.provider_institution_id ?? null })).map((m) => m.id) } : null,
        outcome: i.outcome as 'pending' | 'adopted' | 'rejected',
        votes: { for: i.votes_for, against: i.votes_against, abstain: i.votes_abstain },
        castingVote: i.casting_vote,
        ballots: ballots.filter((b) => b.agenda_item_id === i.id).map((b) => ({ memberId: b.member_id, vote: b.vote as VoteChoice })),
        version: i.version,
      };
    }),
    actionItems: await actionItemsOf(trx, [meeting.id], today),
    signatures: {
      chair: meeting.chair_signed_by && meeting.chair_signed_at ? { name: signerNames.get(meeting.chair_signed_by) ?? '', at: iso(meeting.chair_signed_at) } : null,
      secretary: meeting.secretary_signed_by && meeting.secretary_signed_at ? { name: signerNames.get(meeting.secretary_signed_by) ?? '', at: iso(meeting.secretary_signed_at) } : null,
    },
    allowedActions: [...(record ? ['record' as const] : []), ...(signatory ? ['sign' as const] : [])],
    version: meeting.version,
  };
}

/** Schedules a meeting with its agenda: submissions waiting for this panel, and free items (councils, taskforces). */
export async function createMeeting(deps: Deps, actor: RequestActor, bodyId: string, input: MeetingCreateRequest): Promise<MeetingView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const body = await loadBody(trx, bodyId);
    requireRecord(actor, body);
    if (input.submissionIds.length > 0 && !isGatekeepingPanel(body.kind as BodyKind)) throw new DomainError('panel_body_takes_no_submissions', 'Only gatekeeping panels decide on case submissions', { path: 'submissionIds' });
    if (input.submissionIds.length === 0 && input.items.length === 0) throw new DomainError('panel_agenda_empty', 'The agenda is empty', { path: 'items' });
    const subs = input.submissionIds.length ? await trx.selectFrom('panel_submissions as s').innerJoin('cases as c', 'c.id', 's.case_id').select(['s.id', 's.body_id', 's.status', 's.question', 'c.number']).where('s.id', 'in', input.submissionIds).forUpdate().execute() : [];
    const unique = [...new Set(input.submissionIds)];
    for (const id of unique) {
      const s = subs.find((x) => x.id === id);
      if (!s || s.body_id !== bodyId || s.status !== 'submitted') throw new DomainError('panel_submission_not_pending', 'The submission does not wait for this panel', { path: 'submissionIds', submissionId: id });
    }
    const meeting = await trx.insertInto('panel_meetings').values({ body_id: bodyId, scheduled_at: input.scheduledAt, place: input.place, created_by: actor.userId, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    let position = 1;
    for (const id of unique) {
      const s = subs.find((x) => x.id === id);
      if (!s) continue;
      await trx.insertInto('panel_agenda_items').values({ meeting_id: meeting.id, position: position++, submission_id: id, title: `Випадок № ${s.number}`, motion: s.question, created_at: now, updated_at: now }).execute();
      await trx.updateTable('panel_submissions').set({ status: 'on_agenda', updated_at: now }).where('id', '=', id).execute();
    }
    for (const item of input.items) await trx.insertInto('panel_agenda_items').values({ meeting_id: meeting.id, position: position++, title: item.title, motion: item.motion, created_at: now, updated_at: now }).execute();
    await appendAudit(trx, { actor, action: 'create', entity: 'panel_meeting', entityId: meeting.id, details: { bodyId, scheduledAt: input.scheduledAt, submissions: unique } }, now);
    return meetingView(trx, actor, meeting.id, todayInKyiv(now));
  });
}

/** A meeting with attendance, quorum, agenda, votes, decisions, action items and signatures; audited read. */
export async function getMeeting(deps: Deps, actor: RequestActor, id: string): Promise<MeetingView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, id);
    requireRead(actor, await loadBody(trx, meeting.body_id));
    const view = await meetingView(trx, actor, id, todayInKyiv(now));
    await appendAudit(trx, { actor, action: 'read', entity: 'panel_meeting', entityId: id, details: { submissions: view.items.map((i) => i.submission?.id).filter(Boolean) } }, now);
    return view;
  });
}

/** Records who attended (in person, online) and who was absent; members must be current on the meeting day. */
export async function recordAttendance(deps: Deps, actor: RequestActor, id: string, input: AttendanceRequest): Promise<MeetingView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, id, true);
    requireRecord(actor, await loadBody(trx, meeting.body_id));
    assertCurrentVersion(meeting.version, input.version, 'meeting');
    requireUnsigned(meeting);
    const decided = await trx.selectFrom('panel_agenda_items').select('id').where('meeting_id', '=', id).where('outcome', '<>', 'pending').executeTakeFirst();
    if (decided) throw new DomainError('panel_votes_taken', 'Attendance cannot change after a vote was taken');
    const { members } = await attendanceOf(trx, meeting);
    for (const a of input.attendance) if (!members.some((m) => m.id === a.memberId)) throw new DomainError('panel_member_not_current', 'Not a current member of the body', { path: 'attendance', memberId: a.memberId });
    await trx.deleteFrom('panel_attendance').where('meeting_id', '=', id).execute();
    const unique = new Map(input.attendance.map((a) => [a.memberId, a.presence]));
    for (const [memberId, presence] of unique) await trx.insertInto('panel_attendance').values({ meeting_id: id, member_id: memberId, presence }).execute();
    await trx.updateTable('panel_meetings').set({ version: meeting.version + 1, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'panel_meeting', entityId: id, details: { attendance: Object.fromEntries(unique) } }, now);
    return meetingView(trx, actor, id, todayInKyiv(now));
  });
}

async function loadItem(trx: Tx, itemId: string) {
  const item = await trx.selectFrom('panel_agenda_items').selectAll().where('id', '=', itemId).forUpdate().executeTakeFirst();
  if (!item) throw new DomainError('not_found', 'Not found');
  const meeting = await loadMeeting(trx, item.meeting_id, true);
  const body = await loadBody(trx, meeting.body_id);
  return { item, meeting, body };
}

/**
 * Records (or changes, on its version) the best-interests determination of a submission on the agenda before the
 * vote: an institution without reasons ruling out every family-based option is refused.
 */
export async function saveDetermination(deps: Deps, actor: RequestActor, itemId: string, input: DeterminationRequest): Promise<MeetingView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const { item, meeting, body } = await loadItem(trx, itemId);
    requireRecord(actor, body);
    requireUnsigned(meeting);
    if (!item.submission_id) throw new DomainError('panel_item_not_submission', 'Only a case submission takes a best-interests determination');
    if (item.outcome !== 'pending') throw new DomainError('panel_item_decided', 'The item has been voted on');
    checkDetermination(input);
    if (input.chosenOption === 'institution') {
      if (!input.institutionId) throw new DomainError('panel_institution_not_named', 'Name the institution of the register', { path: 'institutionId' });
      if (!(await trx.selectFrom('institutions').select('id').where('id', '=', input.institutionId).executeTakeFirst())) throw new DomainError('institution_not_found', 'The institution is not in the register', { path: 'institutionId' });
    }
    const values = {
      options: JSON.stringify(input.options),
      child_views: input.childViews,
      child_not_heard_reason: input.childNotHeardReason,
      chosen_option: input.chosenOption,
      rationale: input.rationale,
      dissenting_opinions: input.dissentingOpinions,
      follow_up_date: input.followUpDate,
      placement_start: input.placementStart,
      institution_id: input.chosenOption === 'institution' ? input.institutionId : null,
      updated_at: now,
    };
    const existing = await trx.selectFrom('panel_determinations').select(['id', 'version']).where('submission_id', '=', item.submission_id).forUpdate().executeTakeFirst();
    let id: string;
    if (!existing) {
      if (input.version !== undefined) throw new DomainError('version_conflict', 'The determination was never recorded', { currentVersion: 0 });
      id = (await trx.insertInto('panel_determinations').values({ submission_id: item.submission_id, ...values, recorded_by: actor.userId, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      if (input.version === undefined) throw new DomainError('version_conflict', 'The determination is already recorded', { currentVersion: existing.version });
      assertCurrentVersion(existing.version, input.version, 'determination');
      id = existing.id;
      await trx.updateTable('panel_determinations').set({ ...values, version: existing.version + 1 }).where('id', '=', id).execute();
    }
    await appendAudit(trx, { actor, action: existing ? 'update' : 'create', entity: 'panel_determination', entityId: id, details: { submissionId: item.submission_id, chosenOption: input.chosenOption } }, now);
    return meetingView(trx, actor, meeting.id, todayInKyiv(now));
  });
}

/**
 * Records the votes of the members present on an item and adopts or rejects its motion (quorum, simple majority of
 * votes cast, the chair's casting vote on a tie). A member with a conflict of interest on the submission's provider
 * may not vote. An adopted decision on a submission updates the case: timeline event and, for a placement, the
 * child's care-arrangement history.
 */
export async function recordVotes(deps: Deps, actor: RequestActor, itemId: string, input: VotesRequest): Promise<MeetingView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { item, meeting, body } = await loadItem(trx, itemId);
    requireRecord(actor, body);
    requireUnsigned(meeting);
    assertCurrentVersion(item.version, input.version, 'agenda item');
    if (item.outcome !== 'pending') throw new DomainError('panel_item_decided', 'The item has been voted on');
    if (dayOf(meeting.scheduled_at) > today) throw new DomainError('panel_meeting_not_held', 'The meeting has not taken place yet');
    const { members, quorum } = await attendanceOf(trx, meeting);
    const submission = item.submission_id ? await trx.selectFrom('panel_submissions').selectAll().where('id', '=', item.submission_id).executeTakeFirstOrThrow() : null;
    const determination = submission ? await trx.selectFrom('panel_determinations').selectAll().where('submission_id', '=', submission.id).executeTakeFirst() : undefined;
    if (submission && !determination) throw new DomainError('panel_determination_missing', 'Record the best-interests determination before the vote');
    const orgTypes = await trx.selectFrom('organisations').select(['id', 'type']).where('id', 'in', members.map((m) => m.organisationId).filter((x): x is string => x !== null).concat(['00000000-0000-4000-8000-000000000000'])).execute();
    const ballots = new Map<string, VoteChoice>();
    for (const v of input.votes) {
      const m = members.find((x) => x.id === v.memberId);
      if (!m || (m.presence !== 'in_person' && m.presence !== 'online')) throw new DomainError('panel_voter_not_present', 'Only members present at the meeting vote', { path: 'votes', memberId: v.memberId });
      if (submission && hasConflictOn({ organisationId: m.organisationId, organisationType: orgTypes.find((o) => o.id === m.organisationId)?.type ?? null, institutionId: m.institutionId }, { organisationId: submission.provider_organisation_id, institutionId: submission.provider_institution_id })) {
        throw new DomainError('panel_member_conflict', 'The member works for the provider concerned and may not vote on this submission', { path: 'votes', memberId: m.id, member: nameOf(m) });
      }
      if (ballots.has(v.memberId)) throw new DomainError('panel_vote_repeated', 'A member votes once', { path: 'votes', memberId: v.memberId });
      ballots.set(v.memberId, v.vote);
    }
    const result = countVotes({ currentMembers: quorum.currentMembers, present: quorum.present, votes: [...ballots].map(([memberId, vote]) => ({ vote, isChair: members.find((m) => m.id === memberId)?.role === 'chair' })) });
    for (const [memberId, vote] of ballots) await trx.insertInto('panel_votes').values({ agenda_item_id: item.id, member_id: memberId, vote }).execute();
    const outcome = result.adopted ? 'adopted' : 'rejected';
    await trx.updateTable('panel_agenda_items').set({ outcome, votes_for: result.for, votes_against: result.against, votes_abstain: result.abstain, casting_vote: result.castingVote, decided_at: now, version: item.version + 1, updated_at: now }).where('id', '=', item.id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'panel_agenda_item', entityId: item.id, details: { meetingId: meeting.id, outcome, for: result.for, against: result.against, abstain: result.abstain, castingVote: result.castingVote } }, now);
    if (submission && determination) {
      await trx.updateTable('panel_submissions').set({ status: result.adopted ? 'decided' : 'rejected', version: submission.version + 1, updated_at: now }).where('id', '=', submission.id).execute();
      if (result.adopted) {
        await trx.updateTable('panel_determinations').set({ adopted_at: now, updated_at: now }).where('id', '=', determination.id).execute();
        const meetingDay = dayOf(meeting.scheduled_at);
        await addCaseEvent(trx, { caseId: submission.case_id, actorId: actor.userId, kind: 'panel_decision_adopted', data: { submissionId: submission.id, bodyId: body.id, meetingId: meeting.id, chosenOption: determination.chosen_option, followUpDate: determination.follow_up_date, personId: submission.child_person_id }, at: now });
        const careType = careTypeOf(determination.chosen_option as CareOption);
        if (careType) {
          const caseRow = await trx.selectFrom('cases').select(['id', 'hromada_id', 'organisation_id']).where('id', '=', submission.case_id).executeTakeFirstOrThrow();
          const inst = determination.institution_id ? await trx.selectFrom('institutions').select(['id', 'type', 'subordination', 'name_uk']).where('id', '=', determination.institution_id).executeTakeFirst() : undefined;
          const { row } = await insertCareEpisode(
            trx,
            actor,
            caseRow,
            {
              personId: submission.child_person_id,
              careType,
              institutionType: careType === 'institution' ? ((inst?.type ?? 'other') as InstitutionType) : null,
              institutionSubordination: careType === 'institution' ? ((inst?.subordination ?? 'social_policy') as InstitutionSubordination) : null,
              institutionName: inst?.name_uk ?? '',
              startDate: determination.placement_start ?? meetingDay,
              endDate: null,
              reason: determination.rationale.slice(0, 1000),
              decidingAuthority: body.name_uk,
              decisionNumber: '',
              decisionDate: meetingDay,
            },
            now,
            today,
          );
          if (inst) await trx.updateTable('care_episodes').set({ institution_id: inst.id }).where('id', '=', row.id).execute();
        }
      }
    }
    return meetingView(trx, actor, meeting.id, today);
  });
}

/** The chair or the secretary (by their member record, linked to their account) signs the minutes; every item decided first. */
export async function signMinutes(deps: Deps, actor: RequestActor, id: string, input: { version: number }): Promise<MeetingView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, id, true);
    const body = await loadBody(trx, meeting.body_id);
    requireRead(actor, body);
    const { members } = await attendanceOf(trx, meeting);
    const me = members.find((m) => m.userId === actor.userId && (m.role === 'chair' || m.role === 'secretary'));
    if (!me) throw new DomainError('forbidden', 'Only the chair and the secretary sign the minutes', { reason: 'not_signatory' });
    assertCurrentVersion(meeting.version, input.version, 'meeting');
    const pending = await trx.selectFrom('panel_agenda_items').select('id').where('meeting_id', '=', id).where('outcome', '=', 'pending').executeTakeFirst();
    if (pending) throw new DomainError('panel_items_pending', 'Every agenda item must be decided before the minutes are signed');
    const signedAlready = me.role === 'chair' ? meeting.chair_signed_at : meeting.secretary_signed_at;
    if (signedAlready) throw new DomainError('panel_already_signed', 'Already signed');
    const set = me.role === 'chair' ? { chair_signed_by: actor.userId, chair_signed_at: now } : { secretary_signed_by: actor.userId, secretary_signed_at: now };
    await trx.updateTable('panel_meetings').set({ ...set, version: meeting.version + 1, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'panel_meeting', entityId: id, details: { signedAs: me.role } }, now);
    return meetingView(trx, actor, id, todayInKyiv(now));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Action items

/** Adds a recommendation or action from the meeting with its owner and due date (the secretary). */
export async function addActionItem(deps: Deps, actor: RequestActor, meetingId: string, input: ActionItemCreateRequest): Promise<MeetingView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, meetingId);
    requireRecord(actor, await loadBody(trx, meeting.body_id));
    const row = await trx.insertInto('panel_action_items').values({ meeting_id: meetingId, title: input.title, owner: input.owner, due_date: input.dueDate, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'panel_action_item', entityId: row.id, details: { meetingId, dueDate: input.dueDate } }, now);
    return meetingView(trx, actor, meetingId, todayInKyiv(now));
  });
}

/** Changes an action item (its progress), on the current version. */
export async function updateActionItem(deps: Deps, actor: RequestActor, id: string, input: ActionItemUpdateRequest): Promise<ActionItemView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('panel_action_items').select(['id', 'meeting_id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    const meeting = await loadMeeting(trx, row.meeting_id);
    requireRecord(actor, await loadBody(trx, meeting.body_id));
    assertCurrentVersion(row.version, input.version, 'action item');
    await trx.updateTable('panel_action_items').set({ title: input.title, owner: input.owner, due_date: input.dueDate, status: input.status, version: row.version + 1, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'panel_action_item', entityId: id, details: { status: input.status, dueDate: input.dueDate } }, now);
    const [view] = (await actionItemsOf(trx, [row.meeting_id], today)).filter((a) => a.id === id);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

/** The secretary's progress report: every action item of the body's meetings, counts by status, overdue ones. */
export async function actionReport(deps: Deps, actor: RequestActor, bodyId: string) {
  const today = todayInKyiv(deps.now());
  const body = await loadBody(deps.db, bodyId);
  requireRead(actor, body);
  const meetings = await deps.db.selectFrom('panel_meetings').select('id').where('body_id', '=', bodyId).execute();
  const items = await actionItemsOf(deps.db, meetings.map((m) => m.id), today);
  const counts = { open: 0, in_progress: 0, done: 0, cancelled: 0 };
  for (const i of items) counts[i.status] += 1;
  return { items, counts, overdue: items.filter((i) => i.overdue).length };
}

// ---------------------------------------------------------------------------------------------------------------
// Minutes

/** The meeting as the minutes print it (read through the same policy; the PDF is built in `panels-minutes.service.ts`). */
export async function meetingForMinutes(deps: Deps, actor: RequestActor, id: string): Promise<MeetingView> {
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await loadMeeting(trx, id);
    requireRead(actor, await loadBody(trx, meeting.body_id));
    const view = await meetingView(trx, actor, id, todayInKyiv(deps.now()));
    await appendAudit(trx, { actor, action: 'read', entity: 'document', entityId: id, details: { kind: 'panel_minutes' } }, deps.now());
    return view;
  });
}

export type { DeterminationView };
