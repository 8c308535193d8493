import { canRecordSupervision, supervisedOrganisations } from '#domain/access/workforce-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { compareUkrainian, formatFullName } from '#domain/persons/person-name.ts';
import { canEditSession, canSeeSession, isSupervisionOverdue, participantsProblem, plannedSupervisionDue, type SupervisionFormat, type SupervisionParticipantKind, type SupervisionPurpose, type SupervisionStage, type SupervisionTiming } from '#domain/workforce/supervision.ts';
import type { SessionRequest, SessionUpdateRequest, SessionView, SupervisionLog } from '#contracts/workforce.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { renderPdf } from '../documents/pdf.ts';
import { supervisionCardDocument } from '../documents/supervision-card.document.ts';
import { appendAudit } from './audit.service.ts';
import { headOfOrganisations, lastPlannedSupervision } from './workforce.service.ts';

/**
 * Supervision in social services (Order 5 of the Ministry of Social Policy of 05.01.2015; SPEC §7): sessions by purpose,
 * participants, timing and format, with their stages and a supervision card that the supervisor submits to the head of
 * the service (the current staff-register entry of the organisation with `is_head`, linked to a user account) into the
 * supervision log. The card is confidential: its supervisor, its supervisees and — once submitted — the head see it;
 * for everyone else it does not exist (404), administrators and auditors included.
 */

type SessionRow = { id: string; organisation_id: string; supervisor_id: string; submitted_at: Date | null };

/** User ids of the current head(s) of an organisation. */
async function headUserIds(trx: Tx, organisationId: string, today: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('workforce_staff')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('is_head', '=', true)
    .where('user_id', 'is not', null)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', today)]))
    .execute();
  return rows.map((r) => r.user_id).filter((x): x is string => x !== null);
}

const nameOf = (u: { surname: string; given_name: string; patronymic: string }) => formatFullName({ surname: u.surname, givenName: u.given_name, patronymic: u.patronymic });

async function participantsOf(trx: Tx, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  return trx.selectFrom('supervision_participants as p').innerJoin('users as u', 'u.id', 'p.user_id').select(['p.session_id', 'u.id', 'u.surname', 'u.given_name', 'u.patronymic']).where('p.session_id', 'in', sessionIds).execute();
}

async function presentSessions(trx: Tx, actor: RequestActor, ids: string[]): Promise<SessionView[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('supervision_sessions as s')
    .innerJoin('users as sv', 'sv.id', 's.supervisor_id')
    .leftJoin('workforce_staff as h', 'h.id', 's.submitted_to')
    .selectAll('s')
    .select(['sv.surname', 'sv.given_name', 'sv.patronymic', 'h.surname as hS', 'h.given_name as hG', 'h.patronymic as hP'])
    .where('s.id', 'in', ids)
    .orderBy('s.session_date', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
  const parts = await participantsOf(trx, ids);
  return rows.map((r) => {
    const participants = parts.filter((p) => p.session_id === r.id).map((p) => ({ id: p.id, name: nameOf(p) })).sort((a, b) => compareUkrainian(a.name, b.name));
    const editable = canEditSession(actor.userId, { supervisorId: r.supervisor_id, participantIds: participants.map((p) => p.id), headUserIds: [], submitted: r.submitted_at !== null });
    return {
      id: r.id,
      organisationId: r.organisation_id,
      supervisor: { id: r.supervisor_id, name: nameOf(r) },
      participants,
      purpose: r.purpose as SupervisionPurpose,
      participantsKind: r.participants_kind as SupervisionParticipantKind,
      timing: r.timing as SupervisionTiming,
      format: r.format as SupervisionFormat,
      stage: r.stage as SupervisionStage,
      sessionDate: r.session_date,
      topics: r.topics,
      casesDiscussed: r.cases_discussed,
      conclusions: r.conclusions,
      recommendations: r.recommendations,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      submittedTo: r.submitted_to ? { id: r.submitted_to, name: formatFullName({ surname: r.hS ?? '', givenName: r.hG ?? '', patronymic: r.hP ?? '' }) } : null,
      allowedActions: editable ? (['edit', 'submit'] as const).slice() : [],
      version: r.version,
    };
  });
}

/** Loads a session the actor may see, or answers 404 exactly as for a missing id. */
async function loadVisible(trx: Tx, actor: RequestActor, id: string, today: string): Promise<SessionRow & { participantIds: string[]; version: number }> {
  const row = await trx.selectFrom('supervision_sessions').select(['id', 'organisation_id', 'supervisor_id', 'submitted_at', 'version']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  const participantIds = (await trx.selectFrom('supervision_participants').select('user_id').where('session_id', '=', id).execute()).map((p) => p.user_id);
  const heads = row.submitted_at ? await headUserIds(trx, row.organisation_id, today) : [];
  if (!canSeeSession(actor.userId, { supervisorId: row.supervisor_id, participantIds, headUserIds: heads })) throw new DomainError('not_found', 'Not found');
  return { ...row, participantIds };
}

/** Workers of the supervisor's organisations (active users with a grant there), the supervisor excluded. */
async function superviseesOf(trx: Tx, actor: RequestActor) {
  const orgs = supervisedOrganisations(actor);
  if (orgs.length === 0) return [];
  const rows = await trx
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.surname', 'u.given_name', 'u.patronymic', 'r.organisation_id'])
    .where('r.organisation_id', 'in', orgs)
    .where('r.role', 'in', ['case_manager', 'supervisor'])
    .where('u.is_active', '=', true)
    .where('u.id', '!=', actor.userId)
    .execute();
  const seen = new Map<string, { id: string; name: string; organisationId: string }>();
  for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, { id: r.id, name: nameOf(r), organisationId: r.organisation_id });
  return [...seen.values()].sort((a, b) => compareUkrainian(a.name, b.name));
}

/**
 * The supervision log as the actor sees it: sessions they hold, sessions they took part in, and the cards submitted
 * to them as head of service; for a supervisor also the workers whose planned supervision is overdue.
 */
export async function getSupervisionLog(deps: Deps, actor: RequestActor): Promise<SupervisionLog> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const heads = await headOfOrganisations(trx, actor.userId, today);
    const ids = await trx
      .selectFrom('supervision_sessions as s')
      .select('s.id')
      .where((eb) =>
        eb.or([
          eb('s.supervisor_id', '=', actor.userId),
          eb.exists(eb.selectFrom('supervision_participants as p').select('p.user_id').whereRef('p.session_id', '=', 's.id').where('p.user_id', '=', actor.userId)),
          ...(heads.length > 0 ? [eb.and([eb('s.organisation_id', 'in', heads), eb('s.submitted_at', 'is not', null)])] : []),
        ]),
      )
      .execute();
    const sessions = await presentSessions(trx, actor, ids.map((r) => r.id));
    const overdue: SupervisionLog['overdue'] = [];
    const orgs = supervisedOrganisations(actor);
    if (orgs.length > 0) {
      const staff = await trx
        .selectFrom('workforce_staff as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.user_id', 's.started_on', 's.supervision_interval_days', 'u.surname', 'u.given_name', 'u.patronymic'])
        .where('s.organisation_id', 'in', orgs)
        .where('s.user_id', '!=', actor.userId)
        .where('s.supervision_interval_days', 'is not', null)
        .where((eb) => eb.or([eb('s.ended_on', 'is', null), eb('s.ended_on', '>=', today)]))
        .execute();
      const userIds = staff.map((s) => s.user_id).filter((x): x is string => x !== null);
      const last = await lastPlannedSupervision(trx, userIds, today);
      for (const s of staff) {
        if (!s.user_id) continue;
        const l = last.get(s.user_id) ?? null;
        if (isSupervisionOverdue(l, s.started_on, s.supervision_interval_days, today)) overdue.push({ userId: s.user_id, name: nameOf(s), lastPlanned: l, dueOn: plannedSupervisionDue(l, s.started_on, s.supervision_interval_days ?? 0) });
      }
      overdue.sort((a, b) => compareUkrainian(a.name, b.name));
    }
    const supervisees = canRecordSupervision(actor) ? (await superviseesOf(trx, actor)).map(({ id, name }) => ({ id, name })) : [];
    await appendAudit(trx, { actor, action: 'list', entity: 'supervision_session', entityId: '', details: { ids: sessions.map((s) => s.id) } }, now);
    return { sessions, overdue, supervisees, canRecord: canRecordSupervision(actor) };
  });
}

async function checkSession(trx: Tx, actor: RequestActor, body: SessionRequest): Promise<string> {
  const problem = participantsProblem(body.participantsKind, new Set(body.participantIds).size);
  if (problem) throw new DomainError('supervision_participants_invalid', 'The participants do not match the kind of session', { problem });
  const candidates = await superviseesOf(trx, actor);
  const chosen = [...new Set(body.participantIds)].map((id) => candidates.find((c) => c.id === id));
  if (chosen.some((c) => c === undefined)) throw new DomainError('supervision_participants_invalid', 'Supervisees must be workers of your organisation', { problem: 'not_in_organisation' });
  const orgs = supervisedOrganisations(actor).filter((o) => chosen.every((c) => c?.organisationId === o));
  const org = orgs[0] ?? chosen[0]?.organisationId;
  if (!org) throw new DomainError('supervision_participants_invalid', 'Supervisees must be workers of your organisation', { problem: 'not_in_organisation' });
  return org;
}

/** A supervisor records a session (planned or unscheduled) with its supervisees and, as it goes, its card. */
export async function createSession(deps: Deps, actor: RequestActor, body: SessionRequest): Promise<SessionView> {
  if (!canRecordSupervision(actor)) throw new DomainError('forbidden', 'Only supervisors record supervision sessions');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const organisationId = await checkSession(trx, actor, body);
    const row = await trx
      .insertInto('supervision_sessions')
      .values({
        organisation_id: organisationId,
        supervisor_id: actor.userId,
        purpose: body.purpose,
        participants_kind: body.participantsKind,
        timing: body.timing,
        format: body.format,
        stage: body.stage,
        session_date: body.sessionDate,
        topics: body.topics,
        cases_discussed: body.casesDiscussed,
        conclusions: body.conclusions,
        recommendations: body.recommendations,
        submitted_at: null,
        submitted_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('supervision_participants').values([...new Set(body.participantIds)].map((user_id) => ({ session_id: row.id, user_id }))).execute();
    await appendAudit(trx, { actor, action: 'create', entity: 'supervision_session', entityId: row.id, details: { participantIds: body.participantIds, timing: body.timing } }, now);
    const [view] = await presentSessions(trx, actor, [row.id]);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

/** One session with its card (404 to anyone but its supervisor, supervisees and — once submitted — the head). */
export async function getSession(deps: Deps, actor: RequestActor, id: string): Promise<SessionView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await loadVisible(trx, actor, id, todayInKyiv(now));
    const [view] = await presentSessions(trx, actor, [id]);
    if (!view) throw new DomainError('not_found', 'Not found');
    await appendAudit(trx, { actor, action: 'read', entity: 'supervision_session', entityId: id, details: {} }, now);
    return view;
  });
}

/** The supervisor updates the session and its card until it is submitted. */
export async function updateSession(deps: Deps, actor: RequestActor, id: string, body: SessionUpdateRequest): Promise<SessionView> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, actor, id, todayInKyiv(now));
    if (row.supervisor_id !== actor.userId) throw new DomainError('forbidden', 'Only the supervisor keeps the card');
    if (row.submitted_at) throw new DomainError('supervision_card_submitted', 'The card was submitted to the head and is final');
    assertCurrentVersion(row.version, body.version, 'supervision session');
    const organisationId = await checkSession(trx, actor, body);
    await trx
      .updateTable('supervision_sessions')
      .set({
        organisation_id: organisationId,
        purpose: body.purpose,
        participants_kind: body.participantsKind,
        timing: body.timing,
        format: body.format,
        stage: body.stage,
        session_date: body.sessionDate,
        topics: body.topics,
        cases_discussed: body.casesDiscussed,
        conclusions: body.conclusions,
        recommendations: body.recommendations,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .execute();
    await trx.deleteFrom('supervision_participants').where('session_id', '=', id).execute();
    await trx.insertInto('supervision_participants').values([...new Set(body.participantIds)].map((user_id) => ({ session_id: id, user_id }))).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'supervision_session', entityId: id, details: { participantIds: body.participantIds, stage: body.stage } }, now);
    const [view] = await presentSessions(trx, actor, [id]);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

/** The supervisor submits the card to the head of the service: it enters the log and can no longer change. */
export async function submitSession(deps: Deps, actor: RequestActor, id: string, body: { version: number }): Promise<SessionView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, actor, id, today);
    if (row.supervisor_id !== actor.userId) throw new DomainError('forbidden', 'Only the supervisor submits the card');
    if (row.submitted_at) throw new DomainError('supervision_card_submitted', 'The card was already submitted');
    assertCurrentVersion(row.version, body.version, 'supervision session');
    const s = await trx.selectFrom('supervision_sessions').select(['session_date', 'topics', 'conclusions', 'recommendations']).where('id', '=', id).executeTakeFirstOrThrow();
    if (s.session_date > today) throw new DomainError('supervision_not_held_yet', 'The session has not taken place yet');
    const missing = (['topics', 'conclusions', 'recommendations'] as const).filter((k) => s[k].trim() === '');
    if (missing.length > 0) throw new DomainError('supervision_card_incomplete', 'Fill in the topics, conclusions and recommendations', { missing });
    const head = await trx
      .selectFrom('workforce_staff')
      .select('id')
      .where('organisation_id', '=', row.organisation_id)
      .where('is_head', '=', true)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', today)]))
      .executeTakeFirst();
    if (!head) throw new DomainError('supervision_no_head', 'The staff register names no head of the service to submit the card to');
    await trx.updateTable('supervision_sessions').set({ submitted_at: now, submitted_to: head.id, stage: 'follow_up', version: row.version + 1, updated_at: now }).where('id', '=', id).where('version', '=', row.version).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'supervision_session', entityId: id, details: { change: 'submit', headStaffId: head.id } }, now);
    const [view] = await presentSessions(trx, actor, [id]);
    if (!view) throw new DomainError('not_found', 'Not found');
    return view;
  });
}

/** The supervision card as PDF in Ukrainian, for those who may see it (404 otherwise); a card not yet submitted is marked as a draft. */
export async function supervisionCardPdf(deps: Deps, actor: RequestActor, id: string): Promise<{ filename: string; pdf: Buffer }> {
  const now = deps.now();
  const { view, orgName } = await deps.db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, actor, id, todayInKyiv(now));
    const [v] = await presentSessions(trx, actor, [id]);
    if (!v) throw new DomainError('not_found', 'Not found');
    const org = await trx.selectFrom('organisations').select('name_uk').where('id', '=', row.organisation_id).executeTakeFirst();
    await appendAudit(trx, { actor, action: 'read', entity: 'supervision_session', entityId: id, details: { format: 'pdf' } }, now);
    return { view: v, orgName: org?.name_uk ?? '' };
  });
  return { filename: `supervision-card-${view.sessionDate}.pdf`, pdf: await renderPdf(supervisionCardDocument(view, orgName, now)) };
}
