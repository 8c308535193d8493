import type { CaseEventKind } from '#domain/cases/case-events.ts';
import { sql } from 'kysely';
import { canRegisterCaseIn, notificationGrants, registrationHromadaIds } from '#domain/access/intake-policy.ts';
import type { CaseType } from '#domain/cases/case-types.ts';
import { emptyNeedsAssessment } from '#domain/cases/needs-assessment.ts';
import { initialStep } from '#domain/cases/workflow.ts';
import { computeDueDate, pickRule } from '#domain/deadlines/deadline-rules.ts';
import { DomainError } from '#domain/errors.ts';
import { isUrgentReport } from '#domain/intake/factors.ts';
import { latinKey, looseLatinKey, normalizeNameForMatch } from '#domain/persons/transliteration.ts';
import type { NotificationRequest } from '#contracts/cases.contract.ts';
import type { PersonInput } from '#contracts/persons.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent, refreshNextDueDate } from '../db/repositories/cases.repository.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { appendAudit } from './audit.service.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';

/** Search keys stored with a person for duplicate search across scripts (SPEC §2.3, §12). */
export function personKeys(p: { surname: string; givenName: string; latinName?: string }): { name_key: string; latin_key: string } {
  const latinParts = [looseLatinKey(p.surname), looseLatinKey(p.givenName)];
  if (p.latinName) latinParts.push(...p.latinName.split(/\s+/).map(looseLatinKey).filter(Boolean));
  return { name_key: normalizeNameForMatch(`${p.surname} ${p.givenName}`), latin_key: latinParts.join(' ') || latinKey(p.surname) };
}

async function insertPerson(trx: Tx, p: PersonInput, hromadaId: string, organisationId: string): Promise<string> {
  const row = await trx
    .insertInto('persons')
    .values({ surname: p.surname, given_name: p.givenName, patronymic: p.patronymic, birth_date: p.birthDate, sex: p.sex, disability: p.disability, latin_name: p.latinName, ...personKeys(p), hromada_id: hromadaId, organisation_id: organisationId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function organisationOfType(trx: Tx, hromadaId: string, type: 'css' | 'cas') {
  return trx.selectFrom('organisations').select(['id', 'name_uk']).where('hromada_id', '=', hromadaId).where('type', '=', type).where('is_active', '=', true).orderBy('created_at').executeTakeFirst();
}

/** A household member of a notification or an emergency contact, linked to an existing person or created. */
export type ResolvedMember = { personId: string; role: 'child' | 'adult'; relationship: string; created: boolean };

/**
 * Links the named existing persons or creates new ones in the hromada and organisation given. Existing persons may be
 * linked only when the user may register in their hromada (need-to-know); a person may appear once.
 */
export async function resolveMembers(trx: Tx, actor: RequestActor, input: NotificationRequest['members'], hromadaId: string, organisationId: string): Promise<ResolvedMember[]> {
  const mayLink = registrationHromadaIds(actor);
  const members: ResolvedMember[] = [];
  for (const m of input) {
    if (m.personId) {
      const p = await trx.selectFrom('persons').select(['id', 'hromada_id']).where('id', '=', m.personId).executeTakeFirst();
      if (!p || !mayLink.includes(p.hromada_id)) throw new DomainError('person_not_found', 'The chosen person was not found');
      if (members.some((x) => x.personId === p.id)) throw new DomainError('duplicate_member', 'The same person is listed twice');
      members.push({ personId: p.id, role: m.role, relationship: m.relationship, created: false });
    } else if (m.person) {
      members.push({ personId: await insertPerson(trx, m.person, hromadaId, organisationId), role: m.role, relationship: m.relationship, created: true });
    }
  }
  return members;
}

/** What opening a case needs; `origin` is the record it comes from (a notification, an emergency contact), shown first on the timeline. */
export type OpenCaseInput = {
  hromadaId: string;
  caseType: CaseType;
  /** The registering user when not given. */
  caseManagerId?: string | undefined;
  urgent: boolean;
  members: Array<{ personId: string; role: 'child' | 'adult'; relationship: string }>;
  origin: { eventKind: CaseEventKind; eventData: Record<string, unknown>; audit: Record<string, unknown> };
};

/**
 * Opens a case of the hromada's Centre of Social Services inside the caller's transaction: the case at its first step,
 * its members, the needs-assessment deadline from the working calendar (Law "On Social Services" art. 20) and, when urgent,
 * the same-day safety assessment (Resolution 585 §12), a draft act of needs assessment, timeline and audit.
 * The caller has checked that the user may register cases in the hromada.
 */
export async function openCaseInTransaction(trx: Tx, actor: RequestActor, input: OpenCaseInput, now: Date): Promise<{ caseId: string; number: string }> {
  const today = todayInKyiv(now);
  const { members, urgent } = input;
  const css = await organisationOfType(trx, input.hromadaId, 'css');
  if (!css) throw new DomainError('no_css', 'This hromada has no Centre of Social Services in the system to manage the case');
  const caseManagerId = input.caseManagerId ?? actor.userId;
  const isCaseManagerHere = await trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select('r.id')
    .where('r.user_id', '=', caseManagerId)
    .where('r.role', '=', 'case_manager')
    .where('o.type', '=', 'css')
    .where('o.hromada_id', '=', input.hromadaId)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  if (!isCaseManagerHere) throw new DomainError('case_manager_required', 'Choose a case manager of this hromada\'s Centre of Social Services');

  const seq = await sql<{ n: number }>`SELECT nextval('case_number_seq') AS n`.execute(trx);
  const number = `${today.slice(0, 4)}/${String(Number(seq.rows[0]?.n)).padStart(6, '0')}`;
  const created = await trx
    .insertInto('cases')
    .values({ number, case_type: input.caseType, step: initialStep(), urgent, hromada_id: input.hromadaId, organisation_id: css.id, case_manager_id: caseManagerId, registered_on: today, registered_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('case_members').values(members.map((m) => ({ case_id: created.id, person_id: m.personId, role: m.role, relationship: m.relationship }))).execute();

  const calendar = await loadCalendarConfig(trx);
  const rules = await loadDeadlineRules(trx);
  const naRule = pickRule(rules, 'needs_assessment', input.caseType);
  const naDue = computeDueDate(naRule, today, calendar);
  const deadlines = [{ key: 'needs_assessment', due: naDue, rule: naRule }];
  if (urgent) {
    const safety = pickRule(rules, 'safety_assessment', input.caseType);
    deadlines.push({ key: 'safety_assessment', due: computeDueDate(safety, today, calendar), rule: safety });
  }
  await trx.insertInto('case_deadlines').values(deadlines.map((d) => ({ case_id: created.id, key: d.key, due_date: d.due, source_uk: d.rule.sourceUk, source_en: d.rule.sourceEn }))).execute();
  await refreshNextDueDate(trx, created.id);

  const personRows = await trx.selectFrom('persons').select(['id', 'disability']).where('id', 'in', members.map((m) => m.personId)).execute();
  const household = members.map((m) => ({ personId: m.personId, role: m.role, disability: personRows.find((p) => p.id === m.personId)?.disability ?? false }));
  await trx
    .insertInto('needs_assessments')
    .values({ case_id: created.id, content: JSON.stringify(emptyNeedsAssessment(household)), assessed_by: caseManagerId, due_date: naDue, hromada_id: input.hromadaId, organisation_id: css.id })
    .execute();

  await addCaseEvent(trx, { caseId: created.id, actorId: actor.userId, kind: input.origin.eventKind, data: input.origin.eventData, at: now });
  await addCaseEvent(trx, { caseId: created.id, actorId: actor.userId, kind: 'case_registered', data: { number, caseType: input.caseType, urgent, caseManagerId }, at: now });
  await appendAudit(trx, { actor, action: 'create', entity: 'case', entityId: created.id, details: { number, ...input.origin.audit, members: members.map((m) => m.personId) } }, now);
  return { caseId: created.id, number };
}

/** What the notification created. */
export type NotificationCreated = { id: string; caseId: string | null; caseNumber: string | null; urgent: boolean };

/**
 * Records a notification about a family/person in difficult life circumstances (Order 1005) and, when asked
 * and allowed, registers it as a case of the hromada's Centre of Social Services in the same transaction.
 * Abuse or a threat to life or health makes it urgent with a same-day safety assessment (Resolution 585 §12).
 */
export async function submitNotification(deps: Deps, actor: RequestActor, input: NotificationRequest): Promise<NotificationCreated> {
  const grants = notificationGrants(actor);
  if (grants.length === 0) throw new DomainError('forbidden', 'You may not submit notifications');
  if (input.openCase && !canRegisterCaseIn(actor, input.hromadaId)) throw new DomainError('registration_not_allowed', 'Only the Centre of Social Services or the Child Affairs Service of this hromada can open a case here');
  const now = deps.now();
  const urgent = isUrgentReport(input.childFactors, input.threatToLifeOrHealth);

  return deps.db.transaction().execute(async (trx) => {
    const hromada = await trx.selectFrom('territories').select(['id', 'level']).where('id', '=', input.hromadaId).executeTakeFirst();
    if (!hromada || hromada.level !== 'hromada') throw new DomainError('hromada_not_found', 'Choose a hromada');
    const cas = await organisationOfType(trx, input.hromadaId, 'cas');
    const css = await organisationOfType(trx, input.hromadaId, 'css');
    const receivingOrg = grants.find((g) => g.hromadaId === input.hromadaId && (g.organisationType === 'css' || g.organisationType === 'cas'))?.organisationId ?? cas?.id ?? css?.id;
    if (!receivingOrg) throw new DomainError('no_receiving_service', 'This hromada has no Child Affairs Service or Centre of Social Services in the system');

    const members = await resolveMembers(trx, actor, input.members, input.hromadaId, receivingOrg);
    if (!members.some((m) => m.role === 'child')) throw new DomainError('child_required', 'A notification names at least one child');

    const notification = await trx
      .insertInto('notifications')
      .values({
        hromada_id: input.hromadaId,
        organisation_id: receivingOrg,
        submitted_by: actor.userId,
        received_by: actor.userId,
        received_at: input.receivedAt,
        source: input.source,
        reporter_organisation: input.reporterOrganisation,
        reporter_person: input.reporterPerson,
        reporter_contact: input.reporterContact,
        description: input.description,
        child_factors: input.childFactors,
        adult_factors: input.adultFactors,
        threat_to_life_or_health: input.threatToLifeOrHealth,
        urgent,
        actions_taken: input.actionsTaken,
        urgent_actions: input.urgentActions,
        documents: input.documents,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('notification_members').values(members.map((m) => ({ notification_id: notification.id, person_id: m.personId, role: m.role, relationship: m.relationship }))).execute();
    for (const m of members.filter((x) => x.created)) await appendAudit(trx, { actor, action: 'create', entity: 'person', entityId: m.personId }, now);
    await appendAudit(trx, { actor, action: 'create', entity: 'notification', entityId: notification.id, details: { urgent } }, now);

    if (!input.openCase) return { id: notification.id, caseId: null, caseNumber: null, urgent };

    const opened = await openCaseInTransaction(
      trx,
      actor,
      {
        hromadaId: input.hromadaId,
        caseType: input.caseType,
        caseManagerId: input.caseManagerId,
        urgent,
        members,
        origin: { eventKind: 'notification_received', eventData: { notificationId: notification.id, source: input.source, receivedAt: input.receivedAt }, audit: { notificationId: notification.id } },
      },
      now,
    );
    await trx.updateTable('notifications').set({ status: 'registered', case_id: opened.caseId, handled_by: actor.userId, handled_at: now }).where('id', '=', notification.id).execute();
    return { id: notification.id, caseId: opened.caseId, caseNumber: opened.number, urgent };
  });
}

/** The user's own submitted notifications, newest first (reporters see only these; SPEC §2.3). */
export async function listMyNotifications(deps: Deps, actor: RequestActor, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['at', 'id'] as const);
  const after = pos?.at && pos.id ? { at: pos.at, id: pos.id } : null;
  return deps.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('notifications as n')
      .innerJoin('territories as h', 'h.id', 'n.hromada_id')
      .innerJoin('users as r', 'r.id', 'n.received_by')
      .selectAll('n')
      .select(['h.name_uk as hromadaName', 'r.surname as rSurname', 'r.given_name as rGivenName'])
      .where('n.submitted_by', '=', actor.userId);
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb('n.created_at', '<', new Date(a.at)), eb.and([eb('n.created_at', '=', new Date(a.at)), eb('n.id', '<', a.id)])]));
    }
    const rows = await q.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    await appendAudit(trx, { actor, action: 'list', entity: 'notification', entityId: '', details: { ids: page.map((r) => r.id) } }, deps.now());
    return {
      items: page.map((n) => presentNotification(n, `${n.rSurname} ${n.rGivenName}`, n.hromadaName)),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ at: new Date(last.created_at).toISOString(), id: last.id }) : null,
    };
  });
}

type NotificationRow = {
  id: string;
  received_at: Date | string;
  source: string;
  status: string;
  decline_reason: string;
  urgent: boolean;
  description: string;
  child_factors: string[];
  adult_factors: string[];
  threat_to_life_or_health: boolean;
  actions_taken: string;
  urgent_actions: string[];
  documents: string;
  reporter_organisation: string;
  reporter_person: string;
  reporter_contact: string;
};

/** Shapes a notification row for the API. */
export function presentNotification(n: NotificationRow, receivedByName: string, hromadaName: string) {
  return {
    id: n.id,
    receivedAt: new Date(n.received_at).toISOString(),
    source: n.source as never,
    status: n.status as 'received' | 'registered' | 'declined',
    declineReason: n.decline_reason,
    urgent: n.urgent,
    hromadaName,
    description: n.description,
    childFactors: n.child_factors,
    adultFactors: n.adult_factors,
    threatToLifeOrHealth: n.threat_to_life_or_health,
    actionsTaken: n.actions_taken,
    urgentActions: n.urgent_actions,
    documents: n.documents,
    reporterOrganisation: n.reporter_organisation,
    reporterPerson: n.reporter_person,
    reporterContact: n.reporter_contact,
    receivedByName,
  };
}
