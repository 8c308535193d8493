import { sql } from 'kysely';
import { unmetNeedScopeOf } from '#domain/access/referral-policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';

/** Hromadas under the oblasts where the given organisations are (oblast → rayon → hromada). */
async function hromadasOfOblastOrganisations(trx: Tx, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await trx
    .selectFrom('organisations as o')
    .innerJoin('territories as rayon', 'rayon.parent_id', 'o.territory_id')
    .innerJoin('territories as h', 'h.parent_id', 'rayon.id')
    .select('h.id')
    .where('o.id', 'in', organisationIds)
    .where('h.level', '=', 'hromada')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Unmet need (SPEC §4.3, §8): referrals declined for lack of capacity, counted per hromada of the case and service
 * between two dates (inclusive). Aggregate numbers only — no child, case or referral is named — so the read is not
 * an access to personal data; it is still limited to the reader's territory (403 for a hromada outside it).
 */
export async function unmetNeedReport(deps: Deps, actor: RequestActor, query: { hromadaId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const scope = unmetNeedScopeOf(actor);
  if (!scope) throw new DomainError('forbidden', 'Unmet need is for planners, coordinators, analysts and supervisors');
  if (query.from && query.to && query.from > query.to) throw new DomainError('invalid_period', 'The period ends before it starts', { path: 'to' });
  return deps.db.transaction().execute(async (trx) => {
    const allowed = scope.all ? null : new Set([...scope.hromadaIds, ...(await hromadasOfOblastOrganisations(trx, scope.oblastOrganisationIds))]);
    if (query.hromadaId && allowed && !allowed.has(query.hromadaId)) throw new DomainError('forbidden', 'This hromada is outside your territory');
    let q = trx
      .selectFrom('unmet_needs as u')
      .innerJoin('territories as h', 'h.id', 'u.hromada_id')
      .innerJoin('service_catalogue as s', 's.code', 'u.service_code')
      .select(['u.hromada_id', 'h.name_uk as hromadaUk', 'h.name_en as hromadaEn', 'u.service_code', 's.name_uk as serviceUk', 's.name_en as serviceEn', 's.sort_order', (eb) => eb.fn.sum<number>('u.count').as('n')])
      .groupBy(['u.hromada_id', 'h.name_uk', 'h.name_en', 'u.service_code', 's.name_uk', 's.name_en', 's.sort_order']);
    if (query.hromadaId) q = q.where('u.hromada_id', '=', query.hromadaId);
    else if (allowed) q = allowed.size === 0 ? q.where(sql<boolean>`false`) : q.where('u.hromada_id', 'in', [...allowed]);
    if (query.from) q = q.where('u.recorded_on', '>=', query.from);
    if (query.to) q = q.where('u.recorded_on', '<=', query.to);
    const rows = await q.execute();
    const items = rows
      .map((r) => ({ hromada: { id: r.hromada_id, nameUk: r.hromadaUk, nameEn: r.hromadaEn }, service: { code: r.service_code, nameUk: r.serviceUk, nameEn: r.serviceEn }, count: Number(r.n), sort: r.sort_order }))
      .sort((a, b) => a.hromada.nameUk.localeCompare(b.hromada.nameUk, 'uk') || a.sort - b.sort || a.service.code.localeCompare(b.service.code))
      .map(({ sort: _sort, ...item }) => item);
    return { from: query.from ?? null, to: query.to ?? null, items, total: items.reduce((s, i) => s + i.count, 0) };
  });
}
