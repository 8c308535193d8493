import { sql, type Selectable } from 'kysely';
import { caseScopeOf, relationToCase } from '#domain/access/case-policy.ts';
import { maskFields, seesSensitive } from '#domain/privacy/masking.ts';
import { providerOrganisationIds, referralAccess, type ReferralAccess } from '#domain/access/referral-policy.ts';
import { computeDueDate, deadlineStatus, pickRule } from '#domain/deadlines/deadline-rules.ts';
import { membersWithoutSharingConsent, type LegalGround } from '#domain/consent/consent.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import { ageOn, allowedReferralActions, decideReferralStep, finalReferralStatuses, responseRuleKey, type DeclineReason, type ReferralStatus, type ReferralUrgency } from '#domain/services/referrals.ts';
import type { ReferralCreateRequest, ReferralTransitionRequest, ReferralUpdateRequest, ReferralView } from '#contracts/referrals.contract.ts';
import { caseAccessFacts } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { addCaseEvent, caseVisibleTo, findCaseWithAccessFacts, listCaseMembers } from '../db/repositories/cases.repository.ts';
import { isoOf, listCaseChildIds, requireCaseChild, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import type { Database } from '../db/schema.ts';
import { appendAudit } from './audit.service.ts';
import { loadCalendarConfig, loadDeadlineRules } from './calendar.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { consentFactsOf } from './consent.service.ts';
import { requireProviderOffering } from './providers.service.ts';

type ReferralRow = Selectable<Database['referrals']>;
type Access = NonNullable<ReferralAccess>;

/** Presents referrals; `access` per referral decides whether the case and the measure are shown. */
async function present(trx: Tx, rows: ReferralRow[], accessOf: (r: ReferralRow) => Access, today: string): Promise<ReferralView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const services = await trx.selectFrom('service_catalogue').select(['code', 'name_uk', 'name_en']).where('code', 'in', [...new Set(rows.map((r) => r.service_code))]).execute();
  const orgs = await trx.selectFrom('organisations').select(['id', 'name_uk', 'name_en']).where('id', 'in', [...new Set(rows.flatMap((r) => [r.provider_organisation_id, r.organisation_id]))]).execute();
  const places = await trx.selectFrom('territories').select(['id', 'name_uk', 'name_en']).where('id', 'in', [...new Set(rows.map((r) => r.hromada_id))]).execute();
  const children = await trx.selectFrom('persons').select(['id', 'surname', 'given_name', 'patronymic', 'birth_date']).where('id', 'in', [...new Set(rows.map((r) => r.child_person_id))]).execute();
  const cases = await trx.selectFrom('cases').select(['id', 'number']).where('id', 'in', [...new Set(rows.map((r) => r.case_id))]).execute();
  const measureIds = rows.map((r) => r.measure_id).filter((m): m is string => m !== null);
  const measures = measureIds.length ? await trx.selectFrom('plan_measures').select(['id', 'key', 'action']).where('id', 'in', measureIds).execute() : [];
  const history = await trx.selectFrom('referral_transitions').selectAll().where('referral_id', 'in', ids).orderBy('seq').execute();
  const names = await userNamesById(trx, [...rows.map((r) => r.created_by), ...history.map((h) => h.actor_id)]);
  const named = (list: Array<{ id: string; name_uk: string; name_en: string }>, id: string) => {
    const x = list.find((o) => o.id === id);
    return { id, nameUk: x?.name_uk ?? '', nameEn: x?.name_en ?? '' };
  };
  return rows.map((r) => {
    const access = accessOf(r);
    const service = services.find((s) => s.code === r.service_code);
    const child = children.find((c) => c.id === r.child_person_id);
    const caseRow = cases.find((c) => c.id === r.case_id);
    const measure = r.measure_id ? measures.find((m) => m.id === r.measure_id) : undefined;
    const status = r.status as ReferralStatus;
    const editable = status === 'draft' && access.sides.includes('referrer');
    return {
      id: r.id,
      version: r.version,
      status,
      urgency: r.urgency as ReferralUrgency,
      service: { code: r.service_code, nameUk: service?.name_uk ?? '', nameEn: service?.name_en ?? '' },
      provider: named(orgs, r.provider_organisation_id),
      referringOrganisation: named(orgs, r.organisation_id),
      hromada: named(places, r.hromada_id),
      referredBy: { id: r.created_by, name: names.get(r.created_by) ?? '' },
      child: { surname: child?.surname ?? '', givenName: child?.given_name ?? '', patronymic: child?.patronymic ?? '', age: child ? ageOn(child.birth_date, today) : 0 },
      reason: r.reason,
      requestedIntervention: r.requested_intervention,
      earlierServices: r.earlier_services,
      additionalInfo: r.additional_info,
      contact: r.contact,
      signedBy: r.signed_by,
      legalGround: r.legal_ground as LegalGround | null,
      legalGroundNote: r.legal_ground_note,
      sentAt: r.sent_at ? isoOf(r.sent_at) : null,
      responseDeadline: r.response_due_date
        ? { dueDate: r.response_due_date, status: r.responded_at || finalReferralStatuses.includes(status) ? ('met' as const) : deadlineStatus(r.response_due_date, today), sourceUk: r.response_source_uk, sourceEn: r.response_source_en }
        : null,
      respondedAt: r.responded_at ? isoOf(r.responded_at) : null,
      declineReason: r.decline_reason as DeclineReason | null,
      feedback: r.feedback,
      case: access.seesCase && caseRow ? { id: caseRow.id, number: caseRow.number } : null,
      measure: access.seesCase && measure ? { id: measure.id, key: measure.key, action: measure.action } : null,
      history: history
        .filter((h) => h.referral_id === r.id)
        .map((h) => ({ from: h.from_status, to: h.to_status as ReferralStatus, at: isoOf(h.at), by: { id: h.actor_id, name: names.get(h.actor_id) ?? '' }, reasonCode: h.reason_code, note: h.note })),
      createdAt: isoOf(r.created_at),
      updatedAt: isoOf(r.updated_at),
      allowedActions: [...(editable ? ['edit' as const] : []), ...allowedReferralActions(status, access.sides)],
      maskedFields: [],
    };
  });
}

/** Empties the referral's sensitive free text for a viewer not on the case (SPEC §11; see `referralView.maskedFields`). */
function maskReferral(view: ReferralView, visible: boolean): ReferralView {
  const m = maskFields({ reason: view.reason, earlierServices: view.earlierServices, additionalInfo: view.additionalInfo }, ['reason', 'earlierServices', 'additionalInfo'], visible);
  return { ...view, reason: m.reason ?? '', earlierServices: m.earlierServices ?? '', additionalInfo: m.additionalInfo ?? '', maskedFields: m.maskedFields };
}

/** Loads a referral the actor may see (404 otherwise, exactly like a missing id), with their access to it. */
async function loadReferralFor(trx: Tx, actor: RequestActor, id: string, today: string, lock = false): Promise<{ row: ReferralRow; access: Access }> {
  let q = trx.selectFrom('referrals').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  const caseRow = await findCaseWithAccessFacts(trx, row.case_id, today);
  if (!caseRow) throw new DomainError('not_found', 'Not found');
  const access = referralAccess(actor, { providerOrganisationId: row.provider_organisation_id, status: row.status, case: caseAccessFacts(caseRow) });
  if (!access) throw new DomainError('not_found', 'Not found');
  return { row, access };
}

type ResolvedInput = { childPersonId: string; measureId: string | null; serviceCode: string };

/** Checks the child, measure, provider and service of a referral of this case; the measure's service is the default. */
async function resolveInput(trx: Tx, caseId: string, input: ReferralCreateRequest): Promise<ResolvedInput> {
  let childPersonId = input.childPersonId;
  if (childPersonId === undefined) {
    const children = await listCaseChildIds(trx, caseId);
    if (children.length !== 1) throw new DomainError('child_required', 'Choose the child the referral is about', { path: 'childPersonId' });
    childPersonId = children[0] as string;
  } else {
    await requireCaseChild(trx, caseId, childPersonId);
  }
  let serviceCode = input.serviceCode;
  let measureId: string | null = null;
  if (input.measureId !== null || input.measureKey !== null) {
    let q = trx.selectFrom('plan_measures as m').innerJoin('case_plans as p', 'p.id', 'm.plan_id').select(['m.id', 'm.service_code']).where('p.case_id', '=', caseId);
    // By id: a measure of any version of this case's plan; by key: the measure of the version in force.
    q = input.measureId !== null ? q.where('m.id', '=', input.measureId) : q.where('m.key', '=', input.measureKey as string).where('p.status', '=', 'agreed');
    const measure = await q.executeTakeFirst();
    if (!measure) throw new DomainError('measure_not_found', 'The measure is not in a plan of this case', { path: input.measureId !== null ? 'measureId' : 'measureKey' });
    measureId = measure.id;
    serviceCode ??= measure.service_code ?? undefined;
  }
  if (serviceCode === undefined) throw new DomainError('service_required', 'Choose the service', { path: 'serviceCode' });
  if (input.legalGround !== null && input.legalGroundNote.trim() === '') throw new DomainError('legal_ground_note_required', 'Say which act or decision the legal ground rests on', { path: 'legalGroundNote' });
  await requireProviderOffering(trx, input.providerId, serviceCode);
  return { childPersonId, measureId, serviceCode };
}

function fieldValues(input: ReferralCreateRequest, resolved: ResolvedInput) {
  return {
    child_person_id: resolved.childPersonId,
    measure_id: resolved.measureId,
    provider_organisation_id: input.providerId,
    service_code: resolved.serviceCode,
    urgency: input.urgency,
    reason: input.reason,
    requested_intervention: input.requestedIntervention,
    earlier_services: input.earlierServices,
    additional_info: input.additionalInfo,
    contact: input.contact,
    signed_by: input.signedBy,
    legal_ground: input.legalGround,
    legal_ground_note: input.legalGround === null ? '' : input.legalGroundNote,
  };
}

/** Drafts a referral from a case (SPEC §4.3), optionally for a plan measure; the case's team refers. */
export async function createReferral(deps: Deps, actor: RequestActor, caseId: string, input: ReferralCreateRequest): Promise<ReferralView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    const resolved = await resolveInput(trx, caseId, input);
    const row = await trx
      .insertInto('referrals')
      .values({ case_id: caseId, ...fieldValues(input, resolved), created_by: actor.userId, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'referral_drafted', data: { referralId: row.id, serviceCode: row.service_code, providerId: row.provider_organisation_id, urgency: row.urgency }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'referral', entityId: row.id, details: { caseId, serviceCode: row.service_code, providerId: row.provider_organisation_id } }, now);
    const [view] = await present(trx, [row], () => ({ seesCase: true, sides: ['referrer'] }), today);
    return view as ReferralView;
  });
}

/** Edits a draft referral (the referring side only; a sent referral is the provider's record too and stays as sent). */
export async function updateReferral(deps: Deps, actor: RequestActor, id: string, input: ReferralUpdateRequest): Promise<ReferralView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, access } = await loadReferralFor(trx, actor, id, today, true);
    if (!access.sides.includes('referrer')) throw new DomainError('forbidden', 'Only the referring team edits a referral');
    if (row.status !== 'draft') throw new DomainError('referral_not_draft', 'Only a draft referral can be edited', { status: row.status });
    assertCurrentVersion(row.version, input.version, 'referral');
    const resolved = await resolveInput(trx, row.case_id, input);
    const updated = await trx
      .updateTable('referrals')
      .set({ ...fieldValues(input, resolved), version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'update', entity: 'referral', entityId: id, details: { caseId: row.case_id, version: updated.version } }, now);
    const [view] = await present(trx, [updated], () => access, today);
    return view as ReferralView;
  });
}

/**
 * Sharing with a provider needs consent or a recorded legal ground (SPEC §11): every member of the case's family
 * must have a current consent to sharing with providers (this one or any), unless the referral records a legal
 * ground. Refused with 422 `consent_required` naming who has none.
 */
async function requireSharingConsent(trx: Tx, row: ReferralRow, today: string): Promise<void> {
  const members = (await listCaseMembers(trx, [row.case_id])).map((m) => ({ personId: m.personId, name: formatFullName({ surname: m.surname, givenName: m.given_name, patronymic: m.patronymic }) }));
  const missing = membersWithoutSharingConsent(members, await consentFactsOf(trx, members.map((m) => m.personId)), row.provider_organisation_id, row.legal_ground as LegalGround | null, today);
  if (missing.length > 0) {
    throw new DomainError('consent_required', 'Consent to sharing with providers is missing for some family members; record it or a legal ground', { persons: missing, names: missing.map((m) => m.name).join(', ') });
  }
}

/**
 * One step of the lifecycle (SPEC §4.3), dated with who took it: the referring team sends and drops; the provider
 * accepts, declines (with a reason), starts and completes the service, and writes feedback to the referring worker.
 * Sending fixes the provider's answer deadline from `deadline_rules` on the working calendar; a decline for lack of
 * capacity is recorded as unmet need for the case's hromada and the service (SPEC §8).
 */
export async function transitionReferral(deps: Deps, actor: RequestActor, id: string, input: ReferralTransitionRequest): Promise<ReferralView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, access } = await loadReferralFor(trx, actor, id, today, true);
    const from = row.status as ReferralStatus;
    const to = decideReferralStep(from, access.sides, { action: input.action, reasonCode: input.reasonCode, note: input.note });
    assertCurrentVersion(row.version, input.version, 'referral');
    const changes: Partial<{ status: string; sent_at: Date; response_due_date: string; response_source_uk: string; response_source_en: string; responded_at: Date; decline_reason: string; feedback: string }> = { status: to };
    if (input.action === 'send') {
      await requireProviderOffering(trx, row.provider_organisation_id, row.service_code);
      await requireSharingConsent(trx, row, today);
      const rule = pickRule(await loadDeadlineRules(trx), responseRuleKey(row.urgency as ReferralUrgency), null);
      Object.assign(changes, { sent_at: now, response_due_date: computeDueDate(rule, today, await loadCalendarConfig(trx)), response_source_uk: rule.sourceUk, response_source_en: rule.sourceEn });
    }
    if (input.action === 'accept' || input.action === 'decline') changes.responded_at = now;
    if (input.action === 'decline') changes.decline_reason = input.reasonCode as DeclineReason;
    // The provider's words are feedback to the referrer; the referrer's reason for dropping stays in the history.
    const byProvider = access.sides.includes('provider') && !(input.action === 'drop' && access.sides.includes('referrer'));
    if (byProvider && input.note !== '') changes.feedback = input.note;
    const updated = await trx
      .updateTable('referrals')
      .set({ ...changes, version: row.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('referral_transitions').values({ referral_id: id, from_status: from, to_status: to, reason_code: input.reasonCode ?? null, note: input.note, actor_id: actor.userId, at: now }).execute();
    if (input.reasonCode === 'no_capacity') {
      await trx.insertInto('unmet_needs').values({ referral_id: id, service_code: row.service_code, hromada_id: row.hromada_id, provider_organisation_id: row.provider_organisation_id, recorded_on: today, count: 1, created_at: now }).execute();
    }
    await addCaseEvent(trx, { caseId: row.case_id, actorId: actor.userId, kind: `referral_${to}` as 'referral_sent', data: { referralId: id, serviceCode: row.service_code, providerId: row.provider_organisation_id, from, reasonCode: input.reasonCode ?? null }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'referral', entityId: id, details: { caseId: row.case_id, action: input.action, from, to, reasonCode: input.reasonCode ?? null, version: updated.version } }, now);
    const [view] = await present(trx, [updated], () => access, today);
    return view as ReferralView;
  });
}

/** One referral, as the actor may see it; the read is audited. */
export async function getReferral(deps: Deps, actor: RequestActor, id: string): Promise<ReferralView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const { row, access } = await loadReferralFor(trx, actor, id, today);
    await appendAudit(trx, { actor, action: 'read', entity: 'referral', entityId: id, details: { caseId: access.seesCase ? row.case_id : undefined } }, now);
    const [view] = await present(trx, [row], () => access, today);
    return view as ReferralView;
  });
}

function pageAfter<T extends { created_at: Date | string; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor({ at: isoOf(last.created_at), id: last.id }) : null };
}

/** Referrals of one case, newest first, keyset-paginated on (created_at, id); one audit row per page. */
export async function listCaseReferrals(deps: Deps, actor: RequestActor, caseId: string, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['at', 'id'] as const);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    let q = trx.selectFrom('referrals as r').selectAll('r').where('r.case_id', '=', caseId);
    if (pos?.at && pos.id) q = q.where(sql<boolean>`(r.created_at, r.id) < (${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(opts.limit + 1).execute();
    const { page, nextCursor } = pageAfter(rows, opts.limit);
    await appendAudit(trx, { actor, action: 'list', entity: 'referral', entityId: '', details: { caseId, ids: page.map((r) => r.id) } }, now);
    const facts = caseAccessFacts(caseRow);
    const items = await present(trx, page, (r) => referralAccess(actor, { providerOrganisationId: r.provider_organisation_id, status: r.status, case: facts }) ?? { seesCase: true, sides: [] }, today);
    const mayRefer = referralAccess(actor, { providerOrganisationId: '', status: 'draft', case: facts })?.sides.includes('referrer') ?? false;
    return { items, nextCursor, allowedActions: mayRefer ? ['create' as const] : [] };
  });
}

/**
 * The user's referral boxes, newest first, keyset-paginated on (created_at, id): outgoing — referrals of the cases
 * they see (the same scope as the worklist); incoming — referrals sent to the provider organisations they work for,
 * shown with only what the referral carries. One audit row per page.
 */
export async function listReferrals(deps: Deps, actor: RequestActor, opts: { box: 'outgoing' | 'incoming'; status?: ReferralStatus | undefined; limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['at', 'id'] as const);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const providerOrgs = providerOrganisationIds(actor);
    if (opts.box === 'incoming' && providerOrgs.length === 0) return { items: [], nextCursor: null };
    let q = trx.selectFrom('referrals as r').innerJoin('cases', 'cases.id', 'r.case_id').selectAll('r');
    q = opts.box === 'outgoing' ? q.where(caseVisibleTo(caseScopeOf(actor), today)) : q.where('r.provider_organisation_id', 'in', providerOrgs).where('r.status', '<>', 'draft');
    if (opts.status) q = q.where('r.status', '=', opts.status);
    if (pos?.at && pos.id) q = q.where(sql<boolean>`(r.created_at, r.id) < (${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(opts.limit + 1).execute();
    const { page, nextCursor } = pageAfter(rows, opts.limit);
    await appendAudit(trx, { actor, action: 'list', entity: 'referral', entityId: '', details: { box: opts.box, ids: page.map((r) => r.id) } }, now);
    const caseFacts = new Map<string, ReturnType<typeof caseAccessFacts>>();
    for (const caseId of new Set(page.map((r) => r.case_id))) {
      const c = await findCaseWithAccessFacts(trx, caseId, today);
      if (c) caseFacts.set(caseId, caseAccessFacts(c));
    }
    const accessOf = (r: ReferralRow): Access => {
      const facts = caseFacts.get(r.case_id);
      const access = facts ? referralAccess(actor, { providerOrganisationId: r.provider_organisation_id, status: r.status, case: facts }) : null;
      // The incoming box never shows the case, whatever else the user may see.
      if (!access) return { seesCase: false, sides: [] };
      return opts.box === 'incoming' ? { seesCase: false, sides: access.sides.filter((s) => s === 'provider') } : access;
    };
    const items = await present(trx, page, accessOf, today);
    if (opts.box === 'incoming') return { items, nextCursor };
    // The outgoing box lists referrals across cases: sensitive text only for those on the case.
    return {
      items: items.map((v, i) => {
        const facts = caseFacts.get(page[i]?.case_id ?? '');
        return maskReferral(v, facts ? seesSensitive(relationToCase(actor, facts)) : false);
      }),
      nextCursor,
    };
  });
}
