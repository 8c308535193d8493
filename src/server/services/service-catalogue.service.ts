import type { Ministry, ServicePackage } from '#domain/services/service-catalogue.ts';
import { DomainError } from '#domain/errors.ts';
import type { ServiceView } from '#contracts/service-catalogue.contract.ts';
import type { Deps, Tx } from '../lib/context.ts';

/**
 * The service catalogue, active services in package order (SPEC §4.1). It is configuration, not personal data,
 * so reading it is not audited. The name filter runs here rather than in SQL: the catalogue is small and Ukrainian
 * case folding then does not depend on the database locale.
 */
export async function listServiceCatalogue(deps: Pick<Deps, 'db'>, filter: { package?: ServicePackage | undefined; q?: string | undefined }): Promise<{ items: ServiceView[] }> {
  let query = deps.db.selectFrom('service_catalogue').selectAll().where('is_active', '=', true);
  if (filter.package) query = query.where('package', '=', filter.package);
  const rows = await query.orderBy('sort_order').orderBy('code').execute();
  const needle = filter.q?.toLocaleLowerCase('uk') ?? '';
  const items = rows
    .filter((r) => !needle || [r.code, r.name_uk, r.name_en].some((s) => s.toLocaleLowerCase('uk').includes(needle)))
    .map((r) => ({
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
    }));
  return { items };
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
