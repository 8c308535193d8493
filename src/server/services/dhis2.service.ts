import { z } from 'zod';
import { dhis2BulkDataValueSet, dhis2ImportSummary, type Dhis2DataValueSet, type Dhis2Mappings, type Dhis2PushView, dhis2ElementMappingRequest, dhis2OrgUnitMappingRequest, dhis2PushRequest } from '#contracts/dhis2.contract.ts';
import type { IndicatorTable } from '#contracts/indicators.contract.ts';
import { allowedDhis2Actions, canOnDhis2, type Dhis2Action } from '#domain/access/dhis2-policy.ts';
import { buildDataValueSet, dhis2Period, parseQuarter, totalDisaggregation, type ImportStrategy, type PushValue } from '#domain/dhis2/data-value-sets.ts';
import { disaggregations, type Disaggregation } from '#domain/indicators/dimensions.ts';
import { suppressTable } from '#domain/indicators/suppression.ts';
import { DomainError } from '#domain/errors.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { computeIndicatorTable } from './indicators.service.ts';

/**
 * DHIS2 aggregate push (SPEC §10.4; ../shared/interop/dhis2-datavaluesets.md): the mapping tables (indicator cell →
 * data element + category option combo; territory → org unit), the quarter's `dataValueSets` payload (shape B),
 * a dry run that validates and keeps the summary without sending, the push itself and its kept import summary.
 */

function require(actor: RequestActor, action: Dhis2Action): void {
  if (!canOnDhis2(actor, action)) throw new DomainError('forbidden', 'Only the system administrator and the national analyst work with DHIS2');
}

/** The mapping tables, for the administrator and the national analyst. */
export async function listDhis2Mappings(deps: Deps, actor: RequestActor): Promise<Dhis2Mappings> {
  require(actor, 'read');
  const elements = await deps.db.selectFrom('dhis2_element_mappings').selectAll().orderBy('indicator_code').orderBy('disaggregation').execute();
  const orgUnits = await deps.db
    .selectFrom('dhis2_org_unit_mappings as m')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['m.id', 'm.territory_id', 'm.org_unit', 'm.version', 't.name_uk', 't.name_en', 't.level'])
    .execute();
  orgUnits.sort((a, b) => a.name_uk.localeCompare(b.name_uk, 'uk'));
  return {
    elements: elements.map((e) => ({ id: e.id, indicatorCode: e.indicator_code, disaggregation: e.disaggregation, dataElement: e.data_element, categoryOptionCombo: e.category_option_combo, version: e.version })),
    orgUnits: orgUnits.map((o) => ({ id: o.id, territoryId: o.territory_id, territoryNameUk: o.name_uk, territoryNameEn: o.name_en, level: o.level, orgUnit: o.org_unit, version: o.version })),
    allowedActions: allowedDhis2Actions(actor),
  };
}

function checkDisaggregation(cell: string): void {
  if (cell === totalDisaggregation) return;
  const [dim] = cell.split(':');
  if (!(disaggregations as readonly string[]).includes(dim ?? '') || dim === 'none' || !cell.includes(':')) {
    throw new DomainError('dhis2_disaggregation_unknown', 'The disaggregation must be "total" or "<dimension>:<value>"', { disaggregation: cell });
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/** Adds a row to the element mapping (administrator; audited). */
export async function createElementMapping(deps: Deps, actor: RequestActor, input: z.infer<typeof dhis2ElementMappingRequest>): Promise<Dhis2Mappings> {
  require(actor, 'edit_mappings');
  checkDisaggregation(input.disaggregation);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('dhis2_element_mappings')
        .values({ indicator_code: input.indicatorCode, disaggregation: input.disaggregation, data_element: input.dataElement, category_option_combo: input.categoryOptionCombo, created_by: actor.userId, updated_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, { actor, action: 'create', entity: 'dhis2_element_mapping', entityId: row.id, details: { ...input } }, deps.now());
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('dhis2_mapping_exists', 'This indicator cell is already mapped', { indicatorCode: input.indicatorCode, disaggregation: input.disaggregation });
    throw err;
  }
  return listDhis2Mappings(deps, actor);
}

/** Changes a row of the element mapping (administrator; `version` required; audited). */
export async function updateElementMapping(deps: Deps, actor: RequestActor, id: string, input: z.infer<typeof dhis2ElementMappingRequest>): Promise<Dhis2Mappings> {
  require(actor, 'edit_mappings');
  checkDisaggregation(input.disaggregation);
  if (input.version === undefined) throw new DomainError('validation_failed', 'version is required', { errors: [{ path: 'version', message: 'required' }] });
  const basedOn = input.version;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('dhis2_element_mappings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw new DomainError('not_found', 'Not found');
      assertCurrentVersion(row.version, basedOn, 'mapping');
      const updated = await trx
        .updateTable('dhis2_element_mappings')
        .set({ indicator_code: input.indicatorCode, disaggregation: input.disaggregation, data_element: input.dataElement, category_option_combo: input.categoryOptionCombo, updated_by: actor.userId, updated_at: deps.now(), version: row.version + 1 })
        .where('id', '=', id)
        .where('version', '=', basedOn)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw await lostUpdate(deps.db, 'dhis2_element_mappings', id, 'mapping');
      await appendAudit(trx, { actor, action: 'update', entity: 'dhis2_element_mapping', entityId: id, details: { before: { indicatorCode: row.indicator_code, disaggregation: row.disaggregation, dataElement: row.data_element, categoryOptionCombo: row.category_option_combo }, after: { ...input } } }, deps.now());
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('dhis2_mapping_exists', 'This indicator cell is already mapped', { indicatorCode: input.indicatorCode, disaggregation: input.disaggregation });
    throw err;
  }
  return listDhis2Mappings(deps, actor);
}

/** Adds or changes the org unit of a territory (administrator; a change needs `version`; audited). */
export async function putOrgUnitMapping(deps: Deps, actor: RequestActor, input: z.infer<typeof dhis2OrgUnitMappingRequest>): Promise<Dhis2Mappings> {
  require(actor, 'edit_mappings');
  await deps.db.transaction().execute(async (trx) => {
    const territory = await trx.selectFrom('territories').select(['id', 'level']).where('id', '=', input.territoryId).executeTakeFirst();
    if (!territory || territory.level === 'starostat') throw new DomainError('not_found', 'No such oblast, rayon or hromada');
    const row = await trx.selectFrom('dhis2_org_unit_mappings').selectAll().where('territory_id', '=', input.territoryId).forUpdate().executeTakeFirst();
    if (!row) {
      if (input.version !== undefined) throw new DomainError('version_conflict', 'The mapping was removed or never existed', { currentVersion: 0 });
      const created = await trx.insertInto('dhis2_org_unit_mappings').values({ territory_id: input.territoryId, org_unit: input.orgUnit, created_by: actor.userId, updated_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
      await appendAudit(trx, { actor, action: 'create', entity: 'dhis2_org_unit_mapping', entityId: created.id, details: { ...input } }, deps.now());
      return;
    }
    if (input.version === undefined) throw new DomainError('version_conflict', 'This territory is already mapped', { currentVersion: row.version });
    assertCurrentVersion(row.version, input.version, 'mapping');
    await trx.updateTable('dhis2_org_unit_mappings').set({ org_unit: input.orgUnit, updated_by: actor.userId, updated_at: deps.now(), version: row.version + 1 }).where('id', '=', row.id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'dhis2_org_unit_mapping', entityId: row.id, details: { before: row.org_unit, after: input.orgUnit } }, deps.now());
  });
  return listDhis2Mappings(deps, actor);
}

/** Removes a row of either mapping table (administrator; `version` required; audited). */
export async function deleteDhis2Mapping(deps: Deps, actor: RequestActor, kind: 'elements' | 'org-units', id: string, version: number): Promise<Dhis2Mappings> {
  require(actor, 'edit_mappings');
  const table = kind === 'elements' ? 'dhis2_element_mappings' : 'dhis2_org_unit_mappings';
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom(table).select(['id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'Not found');
    assertCurrentVersion(row.version, version, 'mapping');
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'update', entity: kind === 'elements' ? 'dhis2_element_mapping' : 'dhis2_org_unit_mapping', entityId: id, details: { deleted: true } }, deps.now());
  });
  return listDhis2Mappings(deps, actor);
}

type TerritoryNode = { id: string; parentId: string | null; level: string };

function isWithin(nodes: Map<string, TerritoryNode>, id: string, ancestorId: string): boolean {
  for (let cur: TerritoryNode | undefined = nodes.get(id), guard = 0; cur && guard < 10; cur = cur.parentId ? nodes.get(cur.parentId) : undefined, guard++) {
    if (cur.id === ancestorId) return true;
  }
  return false;
}

/** The figure of a mapped cell in one row of a (suppressed) table. */
function cellOf(row: IndicatorTable['total'], disaggregation: string): { value: number | null; suppressed: boolean } | null {
  if (disaggregation === totalDisaggregation) return { value: row.total.value, suppressed: row.total.suppressed };
  const value = disaggregation.slice(disaggregation.indexOf(':') + 1);
  const cell = row.cells.find((c) => c.key === value || c.key === disaggregation);
  return cell ? { value: cell.value, suppressed: cell.suppressed } : null;
}

/**
 * The quarter's values of every mapped indicator cell in every mapped territory (optionally within one territory).
 * Each territory's figures come from its parent's table (the national table holds every oblast), one engine query
 * per indicator, disaggregation and parent; small cells are suppressed as in anything published.
 */
async function collectValues(db: Tx, period: string, withinTerritoryId: string | undefined): Promise<{ values: PushValue[]; elements: Array<{ indicatorCode: string; disaggregation: string; dataElement: string; categoryOptionCombo: string | null }>; orgUnits: Array<{ territoryId: string; orgUnit: string }> }> {
  const elementRows = await db.selectFrom('dhis2_element_mappings').selectAll().execute();
  const orgUnitRows = await db.selectFrom('dhis2_org_unit_mappings').selectAll().execute();
  const territories = await db.selectFrom('territories').select(['id', 'parent_id', 'level']).where('level', '!=', 'starostat').execute();
  const nodes = new Map(territories.map((t) => [t.id, { id: t.id, parentId: t.parent_id, level: t.level }]));
  const orgUnits = orgUnitRows.filter((o) => !withinTerritoryId || isWithin(nodes, o.territory_id, withinTerritoryId)).map((o) => ({ territoryId: o.territory_id, orgUnit: o.org_unit }));
  const elements = elementRows.map((e) => ({ indicatorCode: e.indicator_code, disaggregation: e.disaggregation, dataElement: e.data_element, categoryOptionCombo: e.category_option_combo }));
  const tables = new Map<string, IndicatorTable | null>();
  const values: PushValue[] = [];
  for (const e of elements) {
    const dim = (e.disaggregation === totalDisaggregation ? 'none' : e.disaggregation.split(':')[0]) as Disaggregation;
    for (const o of orgUnits) {
      const node = nodes.get(o.territoryId);
      if (!node) continue;
      const parentId = node.level === 'oblast' ? null : node.parentId;
      const key = `${e.indicatorCode}|${dim}|${parentId ?? 'national'}`;
      if (!tables.has(key)) {
        try {
          tables.set(key, suppressTable(await computeIndicatorTable(db, e.indicatorCode, { territoryId: parentId, period, disaggregation: dim })));
        } catch (err) {
          if (err instanceof DomainError) tables.set(key, null);
          else throw err;
        }
      }
      const table = tables.get(key);
      const row = table?.units.find((u) => u.territoryId === o.territoryId);
      const cell = row ? cellOf(row, e.disaggregation) : null;
      values.push({ territoryId: o.territoryId, indicatorCode: e.indicatorCode, disaggregation: e.disaggregation, value: cell?.value ?? null, suppressed: cell?.suppressed ?? false });
    }
  }
  return { values, elements, orgUnits };
}

type PushRow = Awaited<ReturnType<typeof loadPushes>>[number];
async function loadPushes(db: Tx, limit: number, id?: string) {
  let q = db.selectFrom('dhis2_pushes as p').innerJoin('users as u', 'u.id', 'p.created_by').selectAll('p').select(['u.username']);
  if (id) q = q.where('p.id', '=', id);
  return q.orderBy('p.seq', 'desc').limit(limit).execute();
}

function viewOf(r: PushRow): Dhis2PushView {
  return {
    id: r.id,
    period: r.period,
    territoryId: r.territory_id,
    dryRun: r.dry_run,
    remoteDryRun: r.remote_dry_run,
    importStrategy: r.import_strategy as ImportStrategy,
    status: r.status as Dhis2PushView['status'],
    counts: r.counts,
    unmapped: r.unmapped,
    targetUrl: r.target_url,
    httpStatus: r.http_status,
    importSummary: r.import_summary,
    errors: r.errors,
    createdBy: r.username,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** The kept pushes and dry runs, newest first. */
export async function listDhis2Pushes(deps: Deps, actor: RequestActor): Promise<{ items: Dhis2PushView[] }> {
  require(actor, 'read');
  return { items: (await loadPushes(deps.db, 100)).map(viewOf) };
}

/** What DHIS2 answered, read as an ImportSummary (newer versions wrap it in `response`). */
function readSummary(body: unknown): { summary: Record<string, unknown> | null; status: Dhis2PushView['status'] } {
  if (typeof body !== 'object' || body === null) return { summary: null, status: 'error' };
  const obj = body as Record<string, unknown>;
  const inner = typeof obj.response === 'object' && obj.response !== null && 'importCount' in (obj.response as object) ? (obj.response as Record<string, unknown>) : obj;
  const parsed = dhis2ImportSummary.safeParse(inner);
  if (!parsed.success) return { summary: obj, status: 'error' };
  const s = parsed.data.status;
  return { summary: parsed.data as Record<string, unknown>, status: s === 'SUCCESS' || s === 'OK' ? 'success' : s === 'WARNING' ? 'warning' : 'error' };
}

/**
 * Builds the quarter's `dataValueSets` payload and validates it against the documented format. A dry run stops there
 * (nothing leaves Rodyna); otherwise it is POSTed to `DHIS2_URL/api/dataValueSets` with `dryRun` and
 * `importStrategy`, and DHIS2's import summary is kept. Every run is stored and audited.
 */
export async function pushDataValueSets(deps: Deps, actor: RequestActor, input: z.infer<typeof dhis2PushRequest>, opts: { fetch?: typeof fetch } = {}): Promise<Dhis2PushView & { payload: Dhis2DataValueSet }> {
  require(actor, 'push');
  const quarter = parseQuarter(input.quarter);
  if (!quarter) throw new DomainError('validation_failed', 'quarter must look like 2026Q3', { errors: [{ path: 'quarter', message: 'yyyyQn' }] });
  const period = dhis2Period(quarter);
  if (input.territoryId) {
    const t = await deps.db.selectFrom('territories').select('id').where('id', '=', input.territoryId).executeTakeFirst();
    if (!t) throw new DomainError('not_found', 'No such territory');
  }
  const target = deps.config.dhis2;
  if (!input.dryRun && !target) throw new DomainError('dhis2_not_configured', 'DHIS2_URL is not set on the server');
  const collected = await collectValues(deps.db, period, input.territoryId);
  const built = buildDataValueSet(quarter, collected.values, collected.elements, collected.orgUnits);
  const check = dhis2BulkDataValueSet.safeParse(built.payload);
  const errors = check.success ? [] : check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  let status: Dhis2PushView['status'] = check.success ? 'validated' : 'invalid';
  let httpStatus: number | null = null;
  let importSummary: Record<string, unknown> | null = null;
  let targetUrl: string | null = null;
  if (!input.dryRun && target && check.success) {
    const url = new URL(`${target.url}/api/dataValueSets`);
    url.searchParams.set('dryRun', String(input.remoteDryRun));
    url.searchParams.set('importStrategy', input.importStrategy);
    targetUrl = url.toString();
    try {
      const res = await (opts.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}` },
        body: JSON.stringify(built.payload),
        signal: AbortSignal.timeout(30_000),
      });
      httpStatus = res.status;
      const text = await res.text();
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      const read = readSummary(body);
      importSummary = read.summary;
      status = res.ok || res.status === 409 ? read.status : 'failed';
      if (!res.ok) errors.push(`DHIS2 answered HTTP ${res.status}`);
    } catch (err) {
      status = 'failed';
      errors.push(err instanceof Error && err.name === 'TimeoutError' ? 'DHIS2 did not answer in 30 seconds' : 'DHIS2 could not be reached');
    }
  }
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('dhis2_pushes')
      .values({
        period,
        territory_id: input.territoryId ?? null,
        dry_run: input.dryRun,
        remote_dry_run: input.remoteDryRun,
        import_strategy: input.importStrategy,
        status,
        counts: JSON.stringify(built.counts),
        unmapped: JSON.stringify(built.unmapped),
        target_url: targetUrl,
        http_status: httpStatus,
        import_summary: importSummary ? JSON.stringify(importSummary) : null,
        errors: JSON.stringify(errors),
        created_by: actor.userId,
        created_at: deps.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'create', entity: 'dhis2_push', entityId: row.id, details: { period, dryRun: input.dryRun, remoteDryRun: input.remoteDryRun, status, values: built.counts.values } }, deps.now());
    return row.id;
  });
  const [stored] = await loadPushes(deps.db, 1, id);
  if (!stored) throw new Error('push not stored');
  return { ...viewOf(stored), payload: built.payload };
}
