import { canRegisterCaseIn, registrationHromadaIds } from '#domain/access/intake-policy.ts';
import type { CaseType } from '#domain/cases/case-types.ts';
import { DomainError } from '#domain/errors.ts';
import { isUrgentReport } from '#domain/intake/factors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { EmergencyContactRequest } from '#contracts/service-decisions.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { appendAudit } from './audit.service.ts';
import { openCaseInTransaction, resolveMembers } from './intake.service.ts';
import { checkServiceCodes } from './service-catalogue.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

/** The organisations (CSS or Child Affairs Service) through which the actor may register in a hromada. */
function registeringOrganisations(actor: RequestActor): Array<{ organisationId: string; hromadaId: string }> {
  const hromadas = registrationHromadaIds(actor);
  return actor.grants
    .filter((g) => g.hromadaId !== null && hromadas.includes(g.hromadaId) && (g.organisationType === 'css' || g.organisationType === 'cas'))
    .map((g) => ({ organisationId: g.organisationId, hromadaId: g.hromadaId as string }));
}

function contactQuery(trx: Tx) {
  return trx
    .selectFrom('emergency_contacts as e')
    .innerJoin('territories as h', 'h.id', 'e.hromada_id')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .innerJoin('users as u', 'u.id', 'e.provided_by')
    .leftJoin('cases as c', 'c.id', 'e.case_id')
    .selectAll('e')
    .select(['h.name_uk as hromadaName', 'o.name_uk as organisationName', 'u.surname', 'u.given_name', 'u.patronymic', 'c.number as caseNumber']);
}

type ContactRow = Awaited<ReturnType<ReturnType<typeof contactQuery>['execute']>>[number];

async function contactMembers(trx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('emergency_contact_members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['m.emergency_contact_id', 'm.role', 'm.relationship', 'p.id as personId', 'p.surname', 'p.given_name', 'p.patronymic', 'p.birth_date'])
    .where('m.emergency_contact_id', 'in', ids)
    .orderBy('m.role')
    .orderBy('p.birth_date')
    .execute();
}

type MemberRow = Awaited<ReturnType<typeof contactMembers>>[number];

function present(actor: RequestActor, e: ContactRow, members: MemberRow[]) {
  return {
    id: e.id,
    hromada: { id: e.hromada_id, name: e.hromadaName },
    organisation: { id: e.organisation_id, name: e.organisationName },
    occurredAt: new Date(e.occurred_at).toISOString(),
    situation: e.situation,
    threatToLifeOrHealth: e.threat_to_life_or_health,
    serviceCodes: e.service_codes,
    providedBy: { id: e.provided_by, name: formatFullName({ surname: e.surname, givenName: e.given_name, patronymic: e.patronymic }) },
    members: members
      .filter((m) => m.emergency_contact_id === e.id)
      .map((m) => ({ personId: m.personId, surname: m.surname, givenName: m.given_name, patronymic: m.patronymic, birthDate: m.birth_date, role: m.role as 'child' | 'adult', relationship: m.relationship })),
    case: e.case_id && e.caseNumber ? { id: e.case_id, number: e.caseNumber } : null,
    convertedAt: e.converted_at ? new Date(e.converted_at).toISOString() : null,
    version: e.version,
    createdAt: new Date(e.created_at).toISOString(),
    allowedActions: e.case_id === null && canRegisterCaseIn(actor, e.hromada_id) ? ['convert' as const] : [],
  };
}

/** An emergency contact the actor may see: those of hromadas where they may register cases; everything else looks absent (404). */
async function loadContactFor(trx: Tx, actor: RequestActor, id: string): Promise<ContactRow> {
  const row = await contactQuery(trx).where('e.id', '=', id).executeTakeFirst();
  if (!row || !canRegisterCaseIn(actor, row.hromada_id)) throw new DomainError('not_found', 'Not found');
  return row;
}

/**
 * Records crisis services given on an act of provision, without case management (Law "On Social Services" art. 23):
 * by the Centre of Social Services or the Child Affairs Service of the hromada, with the persons involved linked or created as at intake.
 */
export async function createEmergencyContact(deps: Deps, actor: RequestActor, input: EmergencyContactRequest) {
  if (!canRegisterCaseIn(actor, input.hromadaId)) throw new DomainError('registration_not_allowed', 'Only the Centre of Social Services or the Child Affairs Service of this hromada can record this');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const organisationId = registeringOrganisations(actor).find((o) => o.hromadaId === input.hromadaId)?.organisationId;
    if (!organisationId) throw new DomainError('registration_not_allowed', 'Only the Centre of Social Services or the Child Affairs Service of this hromada can record this');
    await checkServiceCodes(trx, input.serviceCodes);
    const members = await resolveMembers(trx, actor, input.members, input.hromadaId, organisationId);
    const created = await trx
      .insertInto('emergency_contacts')
      .values({
        hromada_id: input.hromadaId,
        organisation_id: organisationId,
        occurred_at: input.occurredAt,
        situation: input.situation,
        threat_to_life_or_health: input.threatToLifeOrHealth,
        service_codes: [...new Set(input.serviceCodes)],
        provided_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('emergency_contact_members').values(members.map((m) => ({ emergency_contact_id: created.id, person_id: m.personId, role: m.role, relationship: m.relationship }))).execute();
    for (const m of members.filter((x) => x.created)) await appendAudit(trx, { actor, action: 'create', entity: 'person', entityId: m.personId }, now);
    await appendAudit(trx, { actor, action: 'create', entity: 'emergency_contact', entityId: created.id, details: { members: members.map((m) => m.personId) } }, now);
    const row = await contactQuery(trx).where('e.id', '=', created.id).executeTakeFirstOrThrow();
    return present(actor, row, await contactMembers(trx, [created.id]));
  });
}

/** Emergency contacts of the actor's organisations (CSS or Child Affairs Service), newest first (list audited). */
export async function listEmergencyContacts(deps: Deps, actor: RequestActor, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['at', 'id'] as const);
  const after = pos?.at && pos.id ? { at: pos.at, id: pos.id } : null;
  const scope = registeringOrganisations(actor);
  return deps.db.transaction().execute(async (trx) => {
    let rows: ContactRow[] = [];
    if (scope.length > 0) {
      let q = contactQuery(trx)
        .where('e.organisation_id', 'in', scope.map((s) => s.organisationId))
        .where('e.hromada_id', 'in', scope.map((s) => s.hromadaId));
      if (after) {
        const a = after;
        q = q.where((eb) => eb.or([eb('e.occurred_at', '<', new Date(a.at)), eb.and([eb('e.occurred_at', '=', new Date(a.at)), eb('e.id', '<', a.id)])]));
      }
      rows = await q.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(opts.limit + 1).execute();
    }
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    const members = await contactMembers(trx, page.map((r) => r.id));
    await appendAudit(trx, { actor, action: 'list', entity: 'emergency_contact', entityId: '', details: { ids: page.map((r) => r.id) } }, deps.now());
    return {
      items: page.map((r) => present(actor, r, members)),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ at: new Date(last.occurred_at).toISOString(), id: last.id }) : null,
    };
  });
}

/** One emergency contact (read audited). */
export async function getEmergencyContact(deps: Deps, actor: RequestActor, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadContactFor(trx, actor, id);
    await appendAudit(trx, { actor, action: 'read', entity: 'emergency_contact', entityId: id }, deps.now());
    return present(actor, row, await contactMembers(trx, [id]));
  });
}

/**
 * Opens a case from an emergency contact when long-term support is needed — the gap the law leaves after crisis services
 * (Law "On Social Services" art. 23; SPEC §2.9, a gap the source flags) — through the same path as registration, with the contact's persons.
 */
export async function convertEmergencyContact(deps: Deps, actor: RequestActor, id: string, input: { version: number; caseType: CaseType; caseManagerId?: string | undefined }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadContactFor(trx, actor, id);
    if (row.case_id !== null) throw new DomainError('emergency_contact_converted', 'A case was already opened from this contact', { caseId: row.case_id });
    assertCurrentVersion(row.version, input.version, 'contact');
    const members = (await contactMembers(trx, [id])).map((m) => ({ personId: m.personId, role: m.role as 'child' | 'adult', relationship: m.relationship }));
    if (!members.some((m) => m.role === 'child')) throw new DomainError('child_required', 'A case names at least one child');
    const urgent = isUrgentReport([], row.threat_to_life_or_health);
    const opened = await openCaseInTransaction(
      trx,
      actor,
      {
        hromadaId: row.hromada_id,
        caseType: input.caseType,
        caseManagerId: input.caseManagerId,
        urgent,
        members,
        origin: { eventKind: 'case_opened_from_emergency_contact', eventData: { emergencyContactId: id, occurredAt: new Date(row.occurred_at).toISOString(), serviceCodes: row.service_codes }, audit: { emergencyContactId: id } },
      },
      now,
    );
    const res = await trx
      .updateTable('emergency_contacts')
      .set({ case_id: opened.caseId, converted_at: now, converted_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw await lostUpdate(trx, 'emergency_contacts', id, 'contact');
    await appendAudit(trx, { actor, action: 'update', entity: 'emergency_contact', entityId: id, details: { caseId: opened.caseId } }, now);
    return { emergencyContactId: id, caseId: opened.caseId, caseNumber: opened.number, urgent };
  });
}
