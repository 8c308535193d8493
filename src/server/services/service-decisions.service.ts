import { canOnCase } from '#domain/access/case-policy.ts';
import type { PlanStatus } from '#domain/cases/case-plan.ts';
import { checkAgreement, checkDecision, isThreatRecorded, type AgreementStatus, type ServiceDecisionKind, type TerminationGround } from '#domain/cases/service-decision.ts';
import { DomainError } from '#domain/errors.ts';
import { formatFullName } from '#domain/persons/person-name.ts';
import type { AgreementRequest, DecisionRequest } from '#contracts/service-decisions.contract.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { checkServiceCodes } from './service-catalogue.service.ts';

type CaseRow = Awaited<ReturnType<typeof loadCaseFor>>;

/** Organisation types that provide services under an agreement (SPEC §4.2: public, NGO and other providers). */
const providerTypes = ['css', 'service_provider', 'health_facility', 'school'];

function mayEdit(actor: RequestActor, row: CaseRow): boolean {
  return canOnCase(actor, 'needs_assessment.edit', {
    hromadaId: row.hromada_id,
    organisationId: row.organisation_id,
    caseManagerId: row.case_manager_id,
    caseManagerSupervisorId: row.caseManagerSupervisorId,
    status: row.status === 'closed' ? 'closed' : 'open',
  }).allowed;
}

/** The threat to life or health recorded for the case: the case is urgent, or its notification names such a threat (art. 24). */
async function threatRecordedFor(trx: Tx, row: CaseRow): Promise<boolean> {
  const n = await trx.selectFrom('notifications').select('threat_to_life_or_health').where('case_id', '=', row.id).executeTakeFirst();
  return isThreatRecorded({ caseUrgent: row.urgent, notificationThreat: n?.threat_to_life_or_health ?? false });
}

function decisionQuery(trx: Tx) {
  return trx
    .selectFrom('service_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .selectAll('d')
    .select(['u.surname', 'u.given_name', 'u.patronymic']);
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionQuery>['execute']>>[number];

function presentDecision(d: DecisionRow) {
  return {
    id: d.id,
    caseId: d.case_id,
    decision: d.decision as ServiceDecisionKind,
    terminationGround: d.termination_ground as TerminationGround | null,
    legalGrounds: d.legal_grounds,
    serviceCodes: d.service_codes,
    decidedOn: d.decided_on,
    decidedBy: { id: d.decided_by, name: formatFullName({ surname: d.surname, givenName: d.given_name, patronymic: d.patronymic }) },
    version: d.version,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

/** Decisions on services of the case, newest first, with whether a threat is recorded (read audited). */
export async function listDecisions(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const rows = await decisionQuery(trx).where('d.case_id', '=', caseId).orderBy('d.decided_on', 'desc').orderBy('d.seq', 'desc').execute();
    await appendAudit(trx, { actor, action: 'list', entity: 'service_decision', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, deps.now());
    return { items: rows.map(presentDecision), threatRecorded: await threatRecordedFor(trx, caseRow), allowedActions: mayEdit(actor, caseRow) ? ['record' as const] : [] };
  });
}

/**
 * Records a decision to provide, refuse or terminate services (Law "On Social Services" art. 21). Refusal and termination
 * are refused while a threat to life or health is recorded (art. 24, domain `checkDecision`). Termination ends the
 * case's active agreements on the decision date.
 */
export async function recordDecision(deps: Deps, actor: RequestActor, caseId: string, input: DecisionRequest) {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    checkDecision({ decision: input.decision, terminationGround: input.terminationGround, legalGrounds: input.legalGrounds }, await threatRecordedFor(trx, caseRow));
    const decidedOn = input.decidedOn ?? today;
    if (decidedOn > today) throw new DomainError('decision_date_in_future', 'A decision cannot be dated in the future');
    await checkServiceCodes(trx, input.serviceCodes);
    const created = await trx
      .insertInto('service_decisions')
      .values({
        case_id: caseId,
        decision: input.decision,
        termination_ground: input.terminationGround,
        legal_grounds: input.legalGrounds,
        service_codes: [...new Set(input.serviceCodes)],
        decided_on: decidedOn,
        decided_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let endedAgreementIds: string[] = [];
    if (input.decision === 'terminate') {
      const ended = await trx
        .updateTable('service_agreements')
        .set((eb) => ({ status: 'ended', ended_on: decidedOn, version: eb('version', '+', 1), updated_at: now }))
        .where('case_id', '=', caseId)
        .where('status', '=', 'active')
        .returning('id')
        .execute();
      endedAgreementIds = ended.map((a) => a.id);
    }
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'service_decision_recorded', data: { decisionId: created.id, decision: input.decision, terminationGround: input.terminationGround, decidedOn, endedAgreementIds }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'service_decision', entityId: created.id, details: { caseId, decision: input.decision, endedAgreementIds } }, now);
    return presentDecision(await decisionQuery(trx).where('d.id', '=', created.id).executeTakeFirstOrThrow());
  });
}

function agreementQuery(trx: Tx) {
  return trx
    .selectFrom('service_agreements as a')
    .innerJoin('case_plans as p', 'p.id', 'a.plan_id')
    .innerJoin('organisations as o', 'o.id', 'a.provider_organisation_id')
    .selectAll('a')
    .select(['p.version_no', 'o.name_uk as providerName']);
}

type AgreementRow = Awaited<ReturnType<ReturnType<typeof agreementQuery>['execute']>>[number];

function presentAgreement(a: AgreementRow) {
  return {
    id: a.id,
    caseId: a.case_id,
    plan: { id: a.plan_id, versionNo: a.version_no },
    provider: { id: a.provider_organisation_id, name: a.providerName },
    signedOn: a.signed_on,
    signedByRecipient: a.signed_by_recipient,
    validUntil: a.valid_until,
    status: a.status as AgreementStatus,
    endedOn: a.ended_on,
    version: a.version,
    createdAt: new Date(a.created_at).toISOString(),
  };
}

/** Agreements of the case, newest first, and the providers of its hromada to choose from (read audited). */
export async function listAgreements(deps: Deps, actor: RequestActor, caseId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view');
    const rows = await agreementQuery(trx).where('a.case_id', '=', caseId).orderBy('a.signed_on', 'desc').orderBy('a.created_at', 'desc').execute();
    await appendAudit(trx, { actor, action: 'list', entity: 'service_agreement', entityId: '', details: { caseId, ids: rows.map((r) => r.id) } }, deps.now());
    const providers = await trx
      .selectFrom('organisations')
      .select(['id', 'name_uk as name'])
      .where('hromada_id', '=', caseRow.hromada_id)
      .where('type', 'in', providerTypes)
      .where('is_active', '=', true)
      .orderBy('name_uk')
      .execute();
    return { items: rows.map(presentAgreement), providers, allowedActions: mayEdit(actor, caseRow) ? ['sign' as const] : [] };
  });
}

/**
 * Records the agreement (contract) between the recipient and a provider (Law "On Social Services" art. 22): it includes
 * the plan version agreed with the family and follows a decision to provide services (domain `checkAgreement`).
 */
export async function signAgreement(deps: Deps, actor: RequestActor, caseId: string, input: AgreementRequest) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'needs_assessment.edit');
    const plan = await trx.selectFrom('case_plans').select(['id', 'status', 'version_no']).where('id', '=', input.planId).where('case_id', '=', caseId).executeTakeFirst();
    if (!plan) throw new DomainError('plan_not_found', 'The plan version is not one of this case');
    const provider = await trx.selectFrom('organisations').select(['id', 'type']).where('id', '=', input.providerOrganisationId).where('is_active', '=', true).executeTakeFirst();
    if (!provider || !providerTypes.includes(provider.type)) throw new DomainError('provider_not_found', 'Choose a service provider');
    const latest = await trx.selectFrom('service_decisions').select('decision').where('case_id', '=', caseId).orderBy('decided_on', 'desc').orderBy('seq', 'desc').executeTakeFirst();
    checkAgreement({ planStatus: plan.status as PlanStatus, hasProvideDecision: latest?.decision === 'provide', signedOn: input.signedOn, validUntil: input.validUntil });
    if (input.signedOn > todayInKyiv(now)) throw new DomainError('agreement_date_in_future', 'An agreement cannot be dated in the future');
    const created = await trx
      .insertInto('service_agreements')
      .values({
        case_id: caseId,
        plan_id: plan.id,
        provider_organisation_id: provider.id,
        signed_on: input.signedOn,
        signed_by_recipient: input.signedByRecipient,
        valid_until: input.validUntil,
        created_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'agreement_signed', data: { agreementId: created.id, planId: plan.id, planVersionNo: plan.version_no, providerOrganisationId: provider.id, signedOn: input.signedOn }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'service_agreement', entityId: created.id, details: { caseId, planId: plan.id } }, now);
    return presentAgreement(await agreementQuery(trx).where('a.id', '=', created.id).executeTakeFirstOrThrow());
  });
}
