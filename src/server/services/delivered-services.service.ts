import { sql } from 'kysely';
import { resolveDeliveredService } from '#domain/cases/delivered-services.ts';
import { DomainError } from '#domain/errors.ts';
import type { DeliveredServiceRequest, DeliveredServiceView } from '#contracts/delivered-services.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { isoOf, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { activeServiceCodes } from './service-catalogue.service.ts';

function deliveredQuery(trx: Tx, caseId: string) {
  return trx
    .selectFrom('delivered_services as d')
    .innerJoin('service_catalogue as s', 's.code', 'd.service_code')
    .leftJoin('organisations as o', 'o.id', 'd.provider_organisation_id')
    .leftJoin('plan_measures as m', (j) => j.onRef('m.plan_id', '=', 'd.plan_id').onRef('m.key', '=', 'd.measure_key'))
    .selectAll('d')
    .select(['s.name_uk as serviceNameUk', 's.name_en as serviceNameEn', 'o.name_uk as providerOrgName', 'm.action as measureAction'])
    .where('d.case_id', '=', caseId);
}

type DeliveredRow = Awaited<ReturnType<ReturnType<typeof deliveredQuery>['execute']>>[number];

async function present(trx: Tx, rows: DeliveredRow[]): Promise<DeliveredServiceView[]> {
  const names = await userNamesById(trx, rows.map((r) => r.recorded_by));
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    planId: r.plan_id,
    measureKey: r.measure_key,
    measureAction: r.measureAction ?? null,
    serviceCode: r.service_code,
    serviceNameUk: r.serviceNameUk,
    serviceNameEn: r.serviceNameEn,
    provider: { organisationId: r.provider_organisation_id, name: r.provider_organisation_id ? (r.providerOrgName ?? '') : r.provider_name },
    deliveredOn: r.delivered_on,
    quantity: Number(r.quantity),
    unit: r.unit,
    notes: r.notes,
    recordedBy: { id: r.recorded_by, name: names.get(r.recorded_by) ?? '' },
    createdAt: isoOf(r.created_at),
  }));
}

/** The agreed plan version of a case with its measures, or null while none is agreed. */
async function agreedPlanMeasures(trx: Tx, caseId: string): Promise<{ planId: string; measures: Array<{ key: string; serviceCode: string | null }> } | null> {
  const plan = await trx.selectFrom('case_plans').select('id').where('case_id', '=', caseId).where('status', '=', 'agreed').executeTakeFirst();
  if (!plan) return null;
  const measures = await trx.selectFrom('plan_measures').select(['key', 'service_code']).where('plan_id', '=', plan.id).execute();
  return { planId: plan.id, measures: measures.map((m) => ({ key: m.key, serviceCode: m.service_code })) };
}

/** Services delivered on a case, latest first, keyset-paginated on (delivered_on, created_at, id); one audit row per page. */
export async function listDeliveredServices(deps: Deps, actor: RequestActor, caseId: string, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['on', 'at', 'id'] as const);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', todayInKyiv(now));
    let q = deliveredQuery(trx, caseId);
    if (pos?.on && pos.at && pos.id) q = q.where(sql<boolean>`(d.delivered_on, d.created_at, d.id) < (${pos.on}::date, ${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy('d.delivered_on', 'desc').orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    await appendAudit(trx, { actor, action: 'list', entity: 'delivered_service', entityId: '', details: { caseId, ids: page.map((r) => r.id) } }, now);
    const last = page[page.length - 1];
    return {
      items: await present(trx, page),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ on: last.delivered_on, at: isoOf(last.created_at), id: last.id }) : null,
      allowedActions: mayOnCase(actor, 'case.contribute', caseRow) ? ['create' as const] : [],
    };
  });
}

/**
 * Logs a service delivered (SPEC §2.10) against a measure of the agreed plan version or as unplanned. The service
 * defaults to the measure's, the unit to the catalogue's, the provider to the organisation of the one recording it.
 */
export async function recordDeliveredService(deps: Deps, actor: RequestActor, caseId: string, input: DeliveredServiceRequest): Promise<DeliveredServiceView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    const plan = input.measureKey === null ? null : await agreedPlanMeasures(trx, caseId);
    const { serviceCode } = resolveDeliveredService(input, { measures: plan?.measures ?? null, serviceCodes: await activeServiceCodes(trx), today });
    if (input.providerOrganisationId !== null && input.providerName !== '') throw new DomainError('provider_ambiguous', 'Name the provider either as an organisation of the system or in words, not both', { path: 'providerName' });
    if (input.providerOrganisationId !== null) {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', input.providerOrganisationId).where('is_active', '=', true).executeTakeFirst();
      if (!org) throw new DomainError('organisation_not_found', 'The provider organisation was not found', { organisationId: input.providerOrganisationId });
    }
    // Unnamed, the provider is where the one recording works (a provider's worker logs their own service).
    const providerOrganisationId = input.providerOrganisationId ?? (input.providerName === '' ? (actor.grants[0]?.organisationId ?? caseRow.organisation_id) : null);
    const catalogue = await trx.selectFrom('service_catalogue').select('unit_of_measure').where('code', '=', serviceCode).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('delivered_services')
      .values({
        case_id: caseId,
        plan_id: input.measureKey === null ? null : (plan?.planId ?? null),
        measure_key: input.measureKey,
        service_code: serviceCode,
        provider_organisation_id: providerOrganisationId,
        provider_name: providerOrganisationId === null ? input.providerName : '',
        delivered_on: input.deliveredOn,
        quantity: input.quantity,
        unit: input.unit || catalogue.unit_of_measure || 'послуга',
        notes: input.notes,
        recorded_by: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'service_delivered', data: { deliveredServiceId: row.id, serviceCode, measureKey: input.measureKey, deliveredOn: input.deliveredOn, quantity: input.quantity }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'delivered_service', entityId: row.id, details: { caseId, serviceCode, measureKey: input.measureKey } }, now);
    const [view] = await present(trx, [await deliveredQuery(trx, caseId).where('d.id', '=', row.id).executeTakeFirstOrThrow()]);
    return view as DeliveredServiceView;
  });
}
