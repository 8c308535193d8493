import type { Selectable } from 'kysely';
import type { Ministry, ServicePackage } from '#domain/services/service-catalogue.ts';
import { canEditServiceCatalogue } from '#domain/services/providers.ts';
import { DomainError } from '#domain/errors.ts';
import type { ServiceUpdateRequest, ServiceView } from '#contracts/service-catalogue.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import type { ServiceCatalogueTable } from '../db/schema-plans.ts';
import { appendAudit } from './audit.service.ts';

function presentService(r: Selectable<ServiceCatalogueTable>): ServiceView {
  return {
    id: r.id,
    code: r.code,
    nameUk: r.name_uk,
    nameEn: r.name_en,
    ministry: r.ministry as Ministry,
    package: r.package as ServicePackage,
    targetGroup: r.target_group,
    unitOfMeasure: r.unit_of_measure,
    standardUnitCost: r.standard_unit_cost,
    isActive: r.is_active,
    version: r.version,
  };
}

/**
 * The service catalogue, active services in package order (SPEC §4.1). It is configuration, not personal data,
 * so reading it is not audited. The name filter runs here rather than in SQL: the catalogue is small and Ukrainian
 * case folding then does not depend on the database locale.
 */
export async function listServiceCatalogue(deps: Pick<Deps, 'db'>, filter: { package?: ServicePackage | undefined; q?: string | undefined; includeInactive?: 'true' | 'false' | undefined }): Promise<{ items: ServiceView[] }> {
  let query = deps.db.selectFrom('service_catalogue').selectAll();
  if (filter.includeInactive !== 'true') query = query.where('is_active', '=', true);
  if (filter.package) query = query.where('package', '=', filter.package);
  const rows = await query.orderBy('sort_order').orderBy('code').execute();
  const needle = filter.q?.toLocaleLowerCase('uk') ?? '';
  const items = rows
    .filter((r) => !needle || [r.code, r.name_uk, r.name_en].some((s) => s.toLocaleLowerCase('uk').includes(needle)))
    .map(presentService);
  return { items };
}

/**
 * The system administrator edits one service of the catalogue (SPEC §4.1): names, ministry, package, target group,
 * unit and standard unit cost, or withdraws it (inactive services stay on the records that use them). Versioned and
 * audited with the fields before and after.
 */
export async function updateService(deps: Deps, actor: RequestActor, code: string, input: ServiceUpdateRequest): Promise<ServiceView> {
  if (!canEditServiceCatalogue(actor)) throw new DomainError('forbidden', 'Only the system administrator edits the service catalogue');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('service_catalogue').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    assertCurrentVersion(row.version, input.version, 'service');
    const cost = input.standardUnitCost === null ? null : Math.round(input.standardUnitCost * 100) / 100;
    const updated = await trx
      .updateTable('service_catalogue')
      .set({
        name_uk: input.nameUk,
        name_en: input.nameEn,
        ministry: input.ministry,
        package: input.package,
        target_group: input.targetGroup,
        unit_of_measure: input.unitOfMeasure,
        standard_unit_cost: cost,
        is_active: input.isActive,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new DomainError('version_conflict', 'The service was changed by someone else', { currentVersion: row.version });
    const before = presentService(row);
    const after = presentService(updated);
    const changed = (Object.keys(after) as Array<keyof ServiceView>).filter((k) => k !== 'version' && before[k] !== after[k]);
    await appendAudit(trx, { actor, action: 'update', entity: 'service_catalogue', entityId: code, details: { version: updated.version, changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])) } }, now);
    return after;
  });
}

/** Refuses codes that are not active services of the catalogue; `alsoAllowed` are codes already in use on the record being edited. */
export async function checkServiceCodes(trx: Tx, codes: readonly string[], alsoAllowed: readonly string[] = []): Promise<void> {
  const wanted = [...new Set(codes)].filter((c) => !alsoAllowed.includes(c));
  if (wanted.length === 0) return;
  const found = await trx.selectFrom('service_catalogue').select('code').where('code', 'in', wanted).where('is_active', '=', true).execute();
  const known = new Set(found.map((r) => r.code));
  const unknown = wanted.find((c) => !known.has(c));
  if (unknown !== undefined) throw new DomainError('service_not_in_catalogue', `Unknown service ${unknown}`, { serviceCode: unknown });
}

/** Active service codes of the catalogue. */
export async function activeServiceCodes(trx: Tx): Promise<string[]> {
  const rows = await trx.selectFrom('service_catalogue').select('code').where('is_active', '=', true).execute();
  return rows.map((r) => r.code);
}
