import { canManageProviderIn, canReadProviders, type ProviderKind, type ProviderStatus } from '#domain/services/providers.ts';
import { DomainError } from '#domain/errors.ts';
import type { ProviderCreateRequest, ProviderUpdateRequest, ProviderView } from '#contracts/providers.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { checkServiceCodes } from './service-catalogue.service.ts';

/** Referral statuses that hold one of the provider's places. */
const placeHoldingStatuses = ['accepted', 'in_service'];

/** The register entries of the given provider organisations (all when `orgIds` is undefined), as views. */
async function loadProviders(trx: Tx, actor: RequestActor, orgIds?: readonly string[]): Promise<ProviderView[]> {
  if (orgIds !== undefined && orgIds.length === 0) return [];
  let q = trx
    .selectFrom('provider_profiles as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .leftJoin('territories as h', 'h.id', 'o.hromada_id')
    .selectAll('p')
    .select(['o.name_uk as nameUk', 'o.name_en as nameEn', 'o.hromada_id as hromadaId', 'h.name_uk as hromadaNameUk', 'h.name_en as hromadaNameEn']);
  if (orgIds !== undefined) q = q.where('p.organisation_id', 'in', orgIds);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const services = await trx
    .selectFrom('provider_services as ps')
    .innerJoin('service_catalogue as s', 's.code', 'ps.service_code')
    .select(['ps.provider_id', 'ps.service_code', 'ps.capacity', 's.name_uk', 's.name_en', 's.sort_order'])
    .where('ps.provider_id', 'in', ids)
    .orderBy('s.sort_order')
    .orderBy('ps.service_code')
    .execute();
  const served = await trx
    .selectFrom('provider_territories as pt')
    .innerJoin('territories as t', 't.id', 'pt.hromada_id')
    .select(['pt.provider_id', 't.id', 't.name_uk', 't.name_en'])
    .where('pt.provider_id', 'in', ids)
    .execute();
  const inUse = await trx
    .selectFrom('referrals')
    .select(['provider_organisation_id', 'service_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('provider_organisation_id', 'in', rows.map((r) => r.organisation_id))
    .where('status', 'in', placeHoldingStatuses)
    .groupBy(['provider_organisation_id', 'service_code'])
    .execute();
  const used = new Map(inUse.map((u) => [`${u.provider_organisation_id}|${u.service_code}`, Number(u.n)]));
  return rows.map((r) => ({
    id: r.organisation_id,
    nameUk: r.nameUk,
    nameEn: r.nameEn,
    kind: r.kind as ProviderKind,
    status: r.status as ProviderStatus,
    hromada: r.hromadaId ? { id: r.hromadaId, nameUk: r.hromadaNameUk ?? '', nameEn: r.hromadaNameEn ?? '' } : null,
    registryNumber: r.registry_number,
    edrpou: r.edrpou,
    address: r.address,
    phone: r.phone,
    email: r.email,
    contactPerson: r.contact_person,
    notes: r.notes,
    services: services
      .filter((s) => s.provider_id === r.id)
      .map((s) => ({ serviceCode: s.service_code, nameUk: s.name_uk, nameEn: s.name_en, capacity: s.capacity, inUse: used.get(`${r.organisation_id}|${s.service_code}`) ?? 0 })),
    servedHromadas: served
      .filter((t) => t.provider_id === r.id)
      .map((t) => ({ id: t.id, nameUk: t.name_uk, nameEn: t.name_en }))
      .sort((a, b) => a.nameUk.localeCompare(b.nameUk, 'uk')),
    version: r.version,
    allowedActions: canManageProviderIn(actor, r.hromadaId) ? ['edit' as const] : [],
  }));
}

function requireReader(actor: RequestActor): void {
  if (!canReadProviders(actor)) throw new DomainError('forbidden', 'You may not look up service providers');
}

/**
 * Searches the register (SPEC §4.2) by service offered, hromada served, name and status; sorted by the Ukrainian
 * name in Ukrainian alphabetical order, keyset-paginated on (name, id). The register is organisational data, not
 * personal data, so reading it is not audited. Name matching and ordering run here so that Ukrainian case folding
 * and collation do not depend on the database locale; the service and place filters run in SQL.
 */
export async function listProviders(deps: Deps, actor: RequestActor, query: { serviceCode?: string | undefined; hromadaId?: string | undefined; q?: string | undefined; status?: ProviderStatus | undefined; limit: number; cursor?: string | undefined }) {
  requireReader(actor);
  const pos = decodeCursor(query.cursor, ['name', 'id'] as const);
  let q = deps.db.selectFrom('provider_profiles as p').select('p.organisation_id');
  if (query.status) q = q.where('p.status', '=', query.status);
  if (query.serviceCode) {
    const code = query.serviceCode;
    q = q.where((eb) => eb.exists(eb.selectFrom('provider_services as ps').select('ps.provider_id').whereRef('ps.provider_id', '=', 'p.id').where('ps.service_code', '=', code)));
  }
  if (query.hromadaId) {
    const hromadaId = query.hromadaId;
    q = q.where((eb) => eb.exists(eb.selectFrom('provider_territories as pt').select('pt.provider_id').whereRef('pt.provider_id', '=', 'p.id').where('pt.hromada_id', '=', hromadaId)));
  }
  const ids = (await q.execute()).map((r) => r.organisation_id);
  const needle = query.q?.toLocaleLowerCase('uk') ?? '';
  const compare = (a: { nameUk: string; id: string }, b: { nameUk: string; id: string }) => a.nameUk.localeCompare(b.nameUk, 'uk') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const all = (await loadProviders(deps.db, actor, ids)).filter((p) => !needle || [p.nameUk, p.nameEn].some((s) => s.toLocaleLowerCase('uk').includes(needle))).sort(compare);
  const after = pos?.name !== undefined && pos.name !== null && pos.id ? { nameUk: pos.name, id: pos.id } : null;
  const rest = after ? all.filter((p) => compare(p, after) > 0) : all;
  const page = rest.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rest.length > query.limit && last ? encodeCursor({ name: last.nameUk, id: last.id }) : null };
}

/** One provider of the register. */
export async function getProvider(deps: Deps, actor: RequestActor, organisationId: string): Promise<ProviderView> {
  requireReader(actor);
  const [view] = await loadProviders(deps.db, actor, [organisationId]);
  if (!view) throw new DomainError('not_found', 'Not found');
  return view;
}

async function requireHromadas(trx: Tx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await trx.selectFrom('territories').select('id').where('id', 'in', unique).where('level', '=', 'hromada').execute();
  const missing = unique.find((id) => !found.some((f) => f.id === id));
  if (missing !== undefined) throw new DomainError('hromada_not_found', 'Choose a hromada', { hromadaId: missing });
}

type ProviderFields = Omit<ProviderUpdateRequest, 'version'>;

async function writeOfferings(trx: Tx, providerId: string, input: ProviderFields): Promise<void> {
  await trx.deleteFrom('provider_services').where('provider_id', '=', providerId).execute();
  await trx.deleteFrom('provider_territories').where('provider_id', '=', providerId).execute();
  if (input.services.length > 0) await trx.insertInto('provider_services').values(input.services.map((s) => ({ provider_id: providerId, service_code: s.serviceCode, capacity: s.capacity }))).execute();
  const served = input.servedHromadaIds.length > 0 ? [...new Set(input.servedHromadaIds)] : [input.hromadaId];
  await trx.insertInto('provider_territories').values(served.map((h) => ({ provider_id: providerId, hromada_id: h }))).execute();
}

function profileValues(input: ProviderFields) {
  return { kind: input.kind, status: input.status, registry_number: input.registryNumber, edrpou: input.edrpou, address: input.address, phone: input.phone, email: input.email, contact_person: input.contactPerson, notes: input.notes };
}

async function checkInput(trx: Tx, input: ProviderFields, currentCodes: readonly string[] = []): Promise<void> {
  await requireHromadas(trx, [input.hromadaId, ...input.servedHromadaIds]);
  // A withdrawn catalogue service already offered may stay; a new one must be active.
  await checkServiceCodes(trx, input.services.map((s) => s.serviceCode), currentCodes);
}

/**
 * Registers a provider (SPEC §4.2): a new provider organisation located in the hromada, or the register entry of a
 * provider organisation already in the system. The system administrator anywhere; the community planner of the hromada.
 */
export async function createProvider(deps: Deps, actor: RequestActor, input: ProviderCreateRequest): Promise<ProviderView> {
  if (!canManageProviderIn(actor, input.hromadaId)) throw new DomainError('forbidden', 'Only the system administrator or the community planner of this hromada registers providers here');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    await checkInput(trx, input);
    let organisationId = input.organisationId;
    if (organisationId !== undefined) {
      const org = await trx.selectFrom('organisations').select(['id', 'type', 'version']).where('id', '=', organisationId).executeTakeFirst();
      if (!org || org.type !== 'service_provider') throw new DomainError('organisation_not_found', 'The provider organisation was not found', { organisationId });
      const existing = await trx.selectFrom('provider_profiles').select('id').where('organisation_id', '=', organisationId).executeTakeFirst();
      if (existing) throw new DomainError('provider_already_registered', 'This provider is already in the register', { organisationId });
      await trx.updateTable('organisations').set({ name_uk: input.nameUk, name_en: input.nameEn, territory_id: input.hromadaId, hromada_id: input.hromadaId, version: org.version + 1, updated_at: now }).where('id', '=', organisationId).execute();
    } else {
      const org = await trx.insertInto('organisations').values({ type: 'service_provider', name_uk: input.nameUk, name_en: input.nameEn, territory_id: input.hromadaId, hromada_id: input.hromadaId }).returning('id').executeTakeFirstOrThrow();
      organisationId = org.id;
    }
    const profile = await trx
      .insertInto('provider_profiles')
      .values({ organisation_id: organisationId, ...profileValues(input), created_by: actor.userId, updated_by: actor.userId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeOfferings(trx, profile.id, input);
    await appendAudit(trx, { actor, action: 'create', entity: 'provider', entityId: organisationId, details: { hromadaId: input.hromadaId, status: input.status, services: input.services.map((s) => s.serviceCode) } }, now);
    const [view] = await loadProviders(trx, actor, [organisationId]);
    return view as ProviderView;
  });
}

/** Edits a provider's entry: the administrator, or the community planner of the hromada where it is and where it moves to. */
export async function updateProvider(deps: Deps, actor: RequestActor, organisationId: string, input: ProviderUpdateRequest): Promise<ProviderView> {
  requireReader(actor);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('provider_profiles as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.version', 'p.status', 'o.hromada_id', 'o.version as orgVersion'])
      .where('p.organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    if (!canManageProviderIn(actor, row.hromada_id) || !canManageProviderIn(actor, input.hromadaId)) throw new DomainError('forbidden', 'Only the system administrator or the community planner of this hromada edits this provider');
    assertCurrentVersion(row.version, input.version, 'provider');
    const current = await trx.selectFrom('provider_services').select('service_code').where('provider_id', '=', row.id).execute();
    await checkInput(trx, input, current.map((c) => c.service_code));
    await trx.updateTable('organisations').set({ name_uk: input.nameUk, name_en: input.nameEn, territory_id: input.hromadaId, hromada_id: input.hromadaId, is_active: input.status !== 'closed', version: row.orgVersion + 1, updated_at: now }).where('id', '=', organisationId).execute();
    const updated = await trx
      .updateTable('provider_profiles')
      .set({ ...profileValues(input), updated_by: actor.userId, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new DomainError('version_conflict', 'The provider was changed by someone else', { currentVersion: row.version });
    await writeOfferings(trx, row.id, input);
    await appendAudit(trx, { actor, action: 'update', entity: 'provider', entityId: organisationId, details: { version: row.version + 1, statusBefore: row.status, status: input.status, services: input.services.map((s) => s.serviceCode) } }, now);
    const [view] = await loadProviders(trx, actor, [organisationId]);
    return view as ProviderView;
  });
}

/**
 * Refuses a referral to a provider that is not in the register, not active, or does not offer the service
 * (SPEC §4.3: referrals go to a provider for a service it offers).
 */
export async function requireProviderOffering(trx: Tx, organisationId: string, serviceCode: string): Promise<void> {
  const profile = await trx.selectFrom('provider_profiles').select(['id', 'status']).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!profile) throw new DomainError('provider_not_found', 'The provider is not in the register', { providerId: organisationId });
  if (profile.status !== 'active') throw new DomainError('provider_not_active', 'The provider is suspended or closed', { providerId: organisationId, status: profile.status });
  const offered = await trx.selectFrom('provider_services').select('service_code').where('provider_id', '=', profile.id).where('service_code', '=', serviceCode).executeTakeFirst();
  if (!offered) throw new DomainError('provider_service_not_offered', 'The provider does not offer this service', { providerId: organisationId, serviceCode });
}
