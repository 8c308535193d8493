import type { Selectable } from 'kysely';
import { consentDecision } from '#domain/consent/consent-policy.ts';
import { checkConsentInput, checkWithdrawal, consentStatus, isCurrentConsent, type ConsentFacts, type ConsentForm, type ConsentGiver, type ConsentKind } from '#domain/consent/consent.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { ConsentCreateRequest, ConsentList, ConsentView, ConsentWithdrawalRequest } from '#contracts/consent.contract.ts';
import { caseAccessFacts } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';
import { findCaseWithAccessFacts, listCaseMembers } from '../db/repositories/cases.repository.ts';
import { isoOf, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import type { PersonConsentsTable } from '../db/schema-consent.ts';
import { appendAudit } from './audit.service.ts';

type ConsentRow = Selectable<PersonConsentsTable>;
type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseWithAccessFacts>>>;

/** Loads the case and checks the consent action (404 out of scope, 403 visible but not allowed). */
async function loadCaseForConsent(trx: Tx, actor: RequestActor, caseId: string, action: 'view' | 'record' | 'withdraw', today: string): Promise<CaseRow> {
  const row = await findCaseWithAccessFacts(trx, caseId, today);
  if (!row) throw new DomainError('not_found', 'Not found');
  const decision = consentDecision(actor, action, caseAccessFacts(row));
  if (!decision.allowed) {
    if (decision.outcome === 'hidden') throw new DomainError('not_found', 'Not found');
    throw new DomainError('forbidden', 'You may not do this on this case', { reason: decision.reason });
  }
  return row;
}

/** The consents of persons, as the rules read them. */
export async function consentFactsOf(trx: Tx, personIds: readonly string[]): Promise<ConsentFacts[]> {
  if (personIds.length === 0) return [];
  const rows = await trx.selectFrom('person_consents').select(['person_id', 'kind', 'provider_organisation_id', 'given_on', 'withdrawn_on']).where('person_id', 'in', [...new Set(personIds)]).execute();
  return rows.map((r) => ({ personId: r.person_id, kind: r.kind as ConsentKind, providerOrganisationId: r.provider_organisation_id, givenOn: r.given_on, withdrawnOn: r.withdrawn_on }));
}

async function present(trx: Tx, rows: ConsentRow[], mayWithdraw: boolean, today: string): Promise<ConsentView[]> {
  if (rows.length === 0) return [];
  const persons = await trx.selectFrom('persons').select(['id', 'surname', 'given_name', 'patronymic']).where('id', 'in', [...new Set(rows.map((r) => r.person_id))]).execute();
  const providerIds = [...new Set(rows.map((r) => r.provider_organisation_id).filter((x): x is string => x !== null))];
  const orgs = providerIds.length ? await trx.selectFrom('organisations').select(['id', 'name_uk', 'name_en']).where('id', 'in', providerIds).execute() : [];
  const names = await userNamesById(trx, rows.flatMap((r) => [r.recorded_by, ...(r.withdrawn_by ? [r.withdrawn_by] : [])]));
  return rows.map((r) => {
    const p = persons.find((x) => x.id === r.person_id);
    const org = r.provider_organisation_id ? orgs.find((o) => o.id === r.provider_organisation_id) : undefined;
    const status = consentStatus({ givenOn: r.given_on, withdrawnOn: r.withdrawn_on }, today);
    return {
      id: r.id,
      version: r.version,
      personId: r.person_id,
      personName: p ? formatFullName({ surname: p.surname, givenName: p.given_name, patronymic: p.patronymic }) : '',
      kind: r.kind as ConsentKind,
      scope: r.scope,
      provider: r.provider_organisation_id ? { id: r.provider_organisation_id, nameUk: org?.name_uk ?? '', nameEn: org?.name_en ?? '' } : null,
      givenBy: r.given_by as ConsentGiver,
      givenByName: r.given_by_name,
      givenOn: r.given_on,
      form: r.form as ConsentForm,
      status,
      withdrawnOn: r.withdrawn_on,
      withdrawalReason: r.withdrawal_reason,
      recordedBy: { id: r.recorded_by, name: names.get(r.recorded_by) ?? '' },
      withdrawnBy: r.withdrawn_by ? { id: r.withdrawn_by, name: names.get(r.withdrawn_by) ?? '' } : null,
      createdAt: isoOf(r.created_at),
      allowedActions: mayWithdraw && r.withdrawn_on === null ? ['withdraw' as const] : [],
    };
  });
}

/**
 * The consents of the family members of a case — current and withdrawn, newest first — and, per member, whether
 * sharing with providers and processing are consented today. The read is audited (SPEC §11).
 */
export async function listCaseConsents(deps: Deps, actor: RequestActor, caseId: string): Promise<ConsentList> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseForConsent(trx, actor, caseId, 'view', today);
    const members = await listCaseMembers(trx, [caseId]);
    const personIds = members.map((m) => m.personId);
    const rows = personIds.length
      ? await trx.selectFrom('person_consents').selectAll().where('person_id', 'in', personIds).orderBy('given_on', 'desc').orderBy('created_at', 'desc').execute()
      : [];
    const facts = caseAccessFacts(caseRow);
    const mayRecord = consentDecision(actor, 'record', facts).allowed;
    const mayWithdraw = consentDecision(actor, 'withdraw', facts).allowed;
    await appendAudit(trx, { actor, action: 'list', entity: 'person_consent', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, now);
    const current = (personId: string, kind: ConsentKind) =>
      rows.some((r) => r.person_id === personId && r.kind === kind && r.provider_organisation_id === null && isCurrentConsent({ givenOn: r.given_on, withdrawnOn: r.withdrawn_on }, today));
    return {
      items: await present(trx, rows, mayWithdraw, today),
      members: members.map((m) => ({
        personId: m.personId,
        name: formatFullName({ surname: m.surname, givenName: m.given_name, patronymic: m.patronymic }),
        role: m.role as 'child' | 'adult',
        sharingWithProviders: current(m.personId, 'sharing_providers'),
        processing: current(m.personId, 'processing'),
      })),
      allowedActions: mayRecord ? ['create'] : [],
    };
  });
}

/** Records a consent of a member of the case's family (case manager or supervisor); audited and on the timeline. */
export async function recordConsent(deps: Deps, actor: RequestActor, caseId: string, input: ConsentCreateRequest): Promise<ConsentView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseForConsent(trx, actor, caseId, 'record', today);
    const member = await trx.selectFrom('case_members').select('person_id').where('case_id', '=', caseId).where('person_id', '=', input.personId).executeTakeFirst();
    if (!member) throw new DomainError('person_not_in_case', 'The person is not a member of this case', { path: 'personId' });
    checkConsentInput(input, today);
    let providerId: string | null = null;
    if (input.kind === 'sharing_providers' && input.providerOrganisationId !== null) {
      const provider = await trx.selectFrom('provider_profiles').select('organisation_id').where('organisation_id', '=', input.providerOrganisationId).executeTakeFirst();
      if (!provider) throw new DomainError('provider_not_found', 'The provider is not in the register', { path: 'providerOrganisationId' });
      providerId = provider.organisation_id;
    }
    const row = await trx
      .insertInto('person_consents')
      .values({
        person_id: input.personId,
        case_id: caseId,
        kind: input.kind,
        scope: input.scope,
        provider_organisation_id: providerId,
        given_by: input.givenBy,
        given_by_name: input.givenBy === 'self' ? '' : input.givenByName,
        given_on: input.givenOn,
        form: input.form,
        recorded_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'person_consent', entityId: row.id, details: { caseId, personId: row.person_id, kind: row.kind, givenOn: row.given_on, form: row.form, givenBy: row.given_by } }, now);
    const [view] = await present(trx, [row], true, today);
    return view as ConsentView;
  });
}

/** Withdraws a consent: the row stays, dated, with the reason; the version it was based on must be current. */
export async function withdrawConsent(deps: Deps, actor: RequestActor, caseId: string, consentId: string, input: ConsentWithdrawalRequest): Promise<ConsentView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseForConsent(trx, actor, caseId, 'withdraw', today);
    const members = await trx.selectFrom('case_members').select('person_id').where('case_id', '=', caseId).execute();
    const row = await trx.selectFrom('person_consents').selectAll().where('id', '=', consentId).forUpdate().executeTakeFirst();
    // A consent of a person outside this case's family looks absent, exactly like a missing id.
    if (!row || !members.some((m) => m.person_id === row.person_id)) throw new DomainError('not_found', 'Not found');
    assertCurrentVersion(row.version, input.version, 'consent');
    checkWithdrawal({ givenOn: row.given_on, withdrawnOn: row.withdrawn_on }, input.withdrawnOn, today);
    const updated = await trx
      .updateTable('person_consents')
      .set({ withdrawn_on: input.withdrawnOn, withdrawal_reason: input.reason, withdrawn_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', consentId)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw await lostUpdate(deps.db, 'person_consents', consentId, 'consent');
    await appendAudit(trx, { actor, action: 'update', entity: 'person_consent', entityId: consentId, details: { caseId, personId: row.person_id, kind: row.kind, withdrawnOn: input.withdrawnOn, version: updated.version } }, now);
    const [view] = await present(trx, [updated], true, today);
    return view as ConsentView;
  });
}
