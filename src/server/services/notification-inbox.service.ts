import { sql } from 'kysely';
import { relationToCase } from '#domain/access/case-policy.ts';
import { registrationHromadaIds } from '#domain/access/intake-policy.ts';
import { maskFactors, seesSensitive } from '#domain/privacy/masking.ts';
import { computeDueDate, deadlineStatus, pickRule, type DeadlineRule } from '#domain/deadlines/deadline-rules.ts';
import type { CalendarConfig } from '#domain/calendar/working-calendar.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { InboxRegistrationRequest, NotificationStatus } from '#contracts/notification-inbox.contract.ts';
import { caseAccessFacts } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { findCaseWithAccessFacts } from '../db/repositories/cases.repository.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';
import { openCaseInTransaction } from './intake.service.ts';
import { findPersonMatches } from './persons.service.ts';

/** Deadline rule for considering a notification that is not urgent (migration 0008); urgent ones follow `safety_assessment`. */
const considerationRule = 'notification_consideration';

/**
 * The hromadas whose inbox the actor reads: those where they may register cases (case managers and supervisors of the
 * Centre of Social Services, Child Affairs specialists). Anyone else — reporters, providers — is refused (403).
 */
function inboxScope(actor: RequestActor): string[] {
  const hromadas = registrationHromadaIds(actor);
  if (hromadas.length === 0) throw new DomainError('forbidden', 'Only the Centre of Social Services or the Child Affairs Service reads the notifications of a hromada');
  return hromadas;
}

function baseQuery(trx: Tx) {
  return trx
    .selectFrom('notifications as n')
    .innerJoin('territories as h', 'h.id', 'n.hromada_id')
    .innerJoin('users as s', 's.id', 'n.submitted_by')
    .innerJoin('users as r', 'r.id', 'n.received_by')
    .leftJoin('users as hb', 'hb.id', 'n.handled_by')
    .leftJoin('cases as c', 'c.id', 'n.case_id')
    .selectAll('n')
    .select([
      'h.name_uk as hromadaName',
      's.surname as sSurname',
      's.given_name as sGivenName',
      's.patronymic as sPatronymic',
      'r.surname as rSurname',
      'r.given_name as rGivenName',
      'r.patronymic as rPatronymic',
      'hb.surname as hbSurname',
      'hb.given_name as hbGivenName',
      'hb.patronymic as hbPatronymic',
      'c.number as caseNumber',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function membersOf(trx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('notification_members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.notification_id', 'm.role', 'm.relationship', 'p.id as personId', 'p.surname', 'p.given_name', 'p.patronymic', 'p.birth_date', 'p.sex', 'p.disability', 'p.latin_name'])
    .where('m.notification_id', 'in', ids)
    .orderBy('m.role', 'desc')
    .orderBy('p.birth_date')
    .execute();
}

type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

type Terms = { rules: DeadlineRule[]; calendar: CalendarConfig; today: string };

async function loadTerms(trx: Tx, now: Date): Promise<Terms> {
  return { rules: await loadDeadlineRules(trx), calendar: await loadCalendarConfig(trx), today: todayInKyiv(now) };
}

/** The term for considering a received notification: urgent the same day (Resolution 585 p. 12), others by the configured rule, from the day of receipt. */
function dueOf(n: Row, terms: Terms) {
  if (n.status !== 'received') return null;
  const rule = pickRule(terms.rules, n.urgent ? 'safety_assessment' : considerationRule, null);
  const dueDate = computeDueDate(rule, todayInKyiv(new Date(n.received_at)), terms.calendar);
  return { dueDate, status: deadlineStatus(dueDate, terms.today), sourceUk: rule.sourceUk, sourceEn: rule.sourceEn };
}

/** The sensitive fields of a notification a list may mask (SPEC §11). */
type MaskableField = 'description' | 'childFactors' | 'adultFactors';

/**
 * Abuse details and health (the description, the sensitive factors) are masked in the inbox list unless the viewer is
 * on the case the notification opened; the whole notification (`getInboxNotification`) shows them to its reader.
 */
function present(n: Row, members: MemberRow[], terms: Terms, visible = true) {
  const child = maskFactors(n.child_factors, visible);
  const adult = maskFactors(n.adult_factors, visible);
  const maskedFields: MaskableField[] = [...(!visible && n.description !== '' ? (['description'] as const) : []), ...(child.hidden > 0 ? (['childFactors'] as const) : []), ...(adult.hidden > 0 ? (['adultFactors'] as const) : [])];
  return {
    maskedFields,
    id: n.id,
    version: n.version,
    status: n.status as NotificationStatus,
    urgent: n.urgent,
    receivedAt: new Date(n.received_at).toISOString(),
    source: n.source as never,
    hromada: { id: n.hromada_id, name: n.hromadaName },
    reporterOrganisation: n.reporter_organisation,
    reporterPerson: n.reporter_person,
    submittedByName: formatFullName({ surname: n.sSurname, givenName: n.sGivenName, patronymic: n.sPatronymic }),
    description: visible ? n.description : '',
    childFactors: child.codes,
    adultFactors: adult.codes,
    threatToLifeOrHealth: n.threat_to_life_or_health,
    children: members
      .filter((m) => m.notification_id === n.id && m.role === 'child')
      .map((m) => ({ personId: m.personId, surname: m.surname, givenName: m.given_name, patronymic: m.patronymic, birthDate: m.birth_date })),
    due: dueOf(n, terms),
    case: n.case_id && n.caseNumber ? { id: n.case_id, number: n.caseNumber } : null,
    declineReason: n.decline_reason,
    handledAt: n.handled_at ? new Date(n.handled_at).toISOString() : null,
    handledByName: n.hbSurname && n.hbGivenName ? formatFullName({ surname: n.hbSurname, givenName: n.hbGivenName, patronymic: n.hbPatronymic ?? '' }) : null,
    allowedActions: n.status === 'received' ? (['register', 'decline'] as const).slice() : [],
  };
}

/**
 * The inbox: notifications addressed to the hromadas where the actor may register cases, by status (received by
 * default), urgent first then oldest first, with the term for considering each. The list is audited (personal data).
 */
export async function listInbox(deps: Deps, actor: RequestActor, opts: { status: NotificationStatus; limit: number; cursor?: string | undefined }) {
  const hromadas = inboxScope(actor);
  const pos = decodeCursor(opts.cursor, ['u', 'at', 'id'] as const);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    let q = baseQuery(trx).where('n.hromada_id', 'in', hromadas).where('n.status', '=', opts.status);
    if (pos?.u && pos.at && pos.id) {
      const urgent = pos.u === 'true';
      const at = new Date(pos.at);
      const id = pos.id;
      q = q.where((eb) =>
        eb.or([
          ...(urgent ? [eb('n.urgent', '=', false)] : []),
          eb.and([eb('n.urgent', '=', urgent), eb.or([eb('n.received_at', '>', at), eb.and([eb('n.received_at', '=', at), eb('n.id', '>', id)])])]),
        ]),
      );
    }
    const rows = await q.orderBy('n.urgent', 'desc').orderBy('n.received_at', 'asc').orderBy('n.id', 'asc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    const members = await membersOf(trx, page.map((r) => r.id));
    const terms = await loadTerms(trx, now);
    await appendAudit(trx, { actor, action: 'list', entity: 'notification', entityId: '', details: { inbox: opts.status, ids: page.map((r) => r.id) } }, now);
    return {
      items: await Promise.all(page.map(async (r) => present(r, members, terms, await onTheCase(trx, actor, r.case_id, terms.today)))),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ u: String(last.urgent), at: new Date(last.received_at).toISOString(), id: last.id }) : null,
    };
  });
}

/** Whether the actor is on the case the notification opened (case manager, supervisor, team): then the list shows its sensitive fields. */
async function onTheCase(trx: Tx, actor: RequestActor, caseId: string | null, today: string): Promise<boolean> {
  if (caseId === null) return false;
  const row = await findCaseWithAccessFacts(trx, caseId, today);
  return row ? seesSensitive(relationToCase(actor, caseAccessFacts(row))) : false;
}

/** How many received notifications wait in the actor's inbox (no personal data, not audited). */
export async function countInbox(deps: Deps, actor: RequestActor) {
  const hromadas = inboxScope(actor);
  const row = await deps.db
    .selectFrom('notifications')
    .select([sql<number>`count(*)::int`.as('received'), sql<number>`count(*) FILTER (WHERE urgent)::int`.as('urgent')])
    .where('hromada_id', 'in', hromadas)
    .where('status', '=', 'received')
    .executeTakeFirstOrThrow();
  return { received: Number(row.received), urgent: Number(row.urgent) };
}

/** A notification of the actor's inbox; one of another hromada looks absent (404). */
async function loadFor(trx: Tx, actor: RequestActor, id: string, lock = false): Promise<Row> {
  const hromadas = inboxScope(actor);
  if (lock) await trx.selectFrom('notifications').select('id').where('id', '=', id).forUpdate().execute();
  const row = await baseQuery(trx).where('n.id', '=', id).executeTakeFirst();
  if (!row || !hromadas.includes(row.hromada_id)) throw new DomainError('not_found', 'Not found');
  return row;
}

function assertReceived(row: Row, version: number | undefined): void {
  if (row.status !== 'received') throw new DomainError('notification_already_handled', 'This notification was already registered or declined', { status: row.status, caseId: row.case_id });
  if (version !== undefined) assertCurrentVersion(row.version, version, 'notification');
}

/**
 * The whole notification (read audited) with, while it waits, the persons on record who may be the same as its members
 * (the duplicate search of intake, SPEC §2.3 — each search audited by the persons service).
 */
export async function getInboxNotification(deps: Deps, actor: RequestActor, id: string) {
  const now = deps.now();
  const { row, members, terms } = await deps.db.transaction().execute(async (trx) => {
    const found = await loadFor(trx, actor, id);
    await appendAudit(trx, { actor, action: 'read', entity: 'notification', entityId: id }, now);
    return { row: found, members: await membersOf(trx, [id]), terms: await loadTerms(trx, now) };
  });
  const own = new Set(members.map((m) => m.personId));
  const withMatches = [];
  for (const m of members) {
    const matches =
      row.status === 'received' ? (await findPersonMatches(deps, actor, { hromadaId: row.hromada_id, surname: m.surname, givenName: m.given_name, birthDate: m.birth_date })).items.filter((x) => !own.has(x.id)) : [];
    withMatches.push({
      personId: m.personId,
      surname: m.surname,
      givenName: m.given_name,
      patronymic: m.patronymic,
      birthDate: m.birth_date,
      sex: m.sex as 'female' | 'male',
      disability: m.disability,
      latinName: m.latin_name,
      role: m.role as 'child' | 'adult',
      relationship: m.relationship,
      matches,
    });
  }
  return {
    ...present(row, members, terms),
    reporterContact: row.reporter_contact,
    actionsTaken: row.actions_taken,
    urgentActions: row.urgent_actions,
    documents: row.documents,
    receivedByName: formatFullName({ surname: row.rSurname, givenName: row.rGivenName, patronymic: row.rPatronymic }),
    members: withMatches,
  };
}

/**
 * Registers a received notification as a case of the hromada's Centre of Social Services, exactly as combined intake does
 * (`openCaseInTransaction`: first step, members, needs-assessment deadline, same-day safety assessment when urgent, timeline,
 * audit). Members the user recognised as persons already on record are replaced by those records, in the case and in the
 * notification. The reporter then sees the notification as registered.
 */
export async function registerFromInbox(deps: Deps, actor: RequestActor, id: string, input: InboxRegistrationRequest) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadFor(trx, actor, id, true);
    assertReceived(row, input.version);
    const mayLink = registrationHromadaIds(actor);
    const members = (await membersOf(trx, [id])).map((m) => ({ personId: m.personId, role: m.role as 'child' | 'adult', relationship: m.relationship }));
    for (const choice of input.useExisting) {
      const member = members.find((m) => m.personId === choice.personId);
      if (!member) throw new DomainError('person_not_found', 'The person is not named in this notification');
      const existing = await trx.selectFrom('persons').select(['id', 'hromada_id']).where('id', '=', choice.existingPersonId).executeTakeFirst();
      if (!existing || !mayLink.includes(existing.hromada_id)) throw new DomainError('person_not_found', 'The chosen person was not found');
      if (members.some((m) => m.personId === existing.id)) throw new DomainError('duplicate_member', 'The same person is listed twice');
      await trx.updateTable('notification_members').set({ person_id: existing.id }).where('notification_id', '=', id).where('person_id', '=', member.personId).execute();
      await appendAudit(trx, { actor, action: 'update', entity: 'notification', entityId: id, details: { memberReplaced: { from: member.personId, to: existing.id } } }, now);
      member.personId = existing.id;
    }
    if (!members.some((m) => m.role === 'child')) throw new DomainError('child_required', 'A case names at least one child');
    const opened = await openCaseInTransaction(
      trx,
      actor,
      {
        hromadaId: row.hromada_id,
        caseType: input.caseType,
        caseManagerId: input.caseManagerId,
        urgent: row.urgent,
        members,
        origin: {
          eventKind: 'notification_received',
          eventData: { notificationId: id, source: row.source, receivedAt: new Date(row.received_at).toISOString(), fromInbox: true },
          audit: { notificationId: id },
        },
      },
      now,
    );
    await trx
      .updateTable('notifications')
      .set({ status: 'registered', case_id: opened.caseId, handled_by: actor.userId, handled_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'notification', entityId: id, details: { status: 'registered', caseId: opened.caseId } }, now);
    return { notificationId: id, caseId: opened.caseId, caseNumber: opened.number, urgent: row.urgent };
  });
}

/** Declines a received notification with a reason (no grounds; another hromada's — forwarded); the reporter sees the reason. */
export async function declineFromInbox(deps: Deps, actor: RequestActor, id: string, input: { reason: string; version?: number | undefined }) {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadFor(trx, actor, id, true);
    assertReceived(row, input.version);
    await trx
      .updateTable('notifications')
      .set({ status: 'declined', decline_reason: input.reason, handled_by: actor.userId, handled_at: now, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'notification', entityId: id, details: { status: 'declined' } }, now);
  });
  return getInboxNotification(deps, actor, id);
}
