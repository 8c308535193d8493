import { canEnterIndicatorValuesOf, canReadIndicatorsOf, canUseIndicators, indicatorHromadaIdsOf, indicatorScopeOf, isOwnStaffOf, type IndicatorScope, type TerritoryPath } from '#domain/access/indicator-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { indicatorByCode, indicatorCatalogue, valueOf, type IndicatorDefinition } from '#domain/indicators/catalogue.ts';
import { dimensionValues, type Dimension, type Disaggregation } from '#domain/indicators/dimensions.ts';
import { lastQuarters, parsePeriod } from '#domain/indicators/periods.ts';
import { suppressCell, suppressTable } from '#domain/indicators/suppression.ts';
import type { IndicatorCell, IndicatorDefinitionView, IndicatorRow, IndicatorTable, IndicatorTrend, IndicatorValueRequest, IndicatorValueView } from '#contracts/indicators.contract.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { assertCurrentVersion } from '../lib/versioning.ts';
import { appendAudit } from './audit.service.ts';
import { aggregateComputed, type AggregateRow, type ScopeLevel } from './indicators-engine.service.ts';
import { coordinatorOblastIds } from './institutions.service.ts';

/**
 * M&E indicators (SPEC §10): the catalogue, indicator tables for a territory and period with one disaggregation and
 * the comparison across the territory's child units, trends over quarters, and entered values. Aggregates only —
 * nothing here returns a name. Access and small-cell suppression: `src/domain/access/indicator-policy.ts`,
 * `src/domain/indicators/suppression.ts`.
 */

/** A territory as tables name it, with where it lies. */
export type ResolvedTerritory = { id: string | null; level: ScopeLevel; nameUk: string; nameEn: string; path: TerritoryPath };

const NATIONAL: ResolvedTerritory = { id: null, level: 'national', nameUk: 'Україна', nameEn: 'Ukraine', path: { oblastId: null, rayonId: null, hromadaId: null } };

/** The territory (null = the country) with its hromada, rayon and oblast; unknown ids and starostats are 404. */
export async function resolveTerritory(db: Tx, territoryId: string | null | undefined): Promise<ResolvedTerritory> {
  if (territoryId === null || territoryId === undefined) return NATIONAL;
  const r = await db
    .selectFrom('territories as t')
    .leftJoin('territories as p1', 'p1.id', 't.parent_id')
    .leftJoin('territories as p2', 'p2.id', 'p1.parent_id')
    .select(['t.id', 't.level', 't.name_uk', 't.name_en', 'p1.id as p1', 'p1.level as p1l', 'p2.id as p2', 'p2.level as p2l'])
    .where('t.id', '=', territoryId)
    .executeTakeFirst();
  if (!r || r.level === 'starostat') throw new DomainError('not_found', 'No such territory');
  const pick = (level: string) => (r.level === level ? r.id : r.p1l === level ? r.p1 : r.p2l === level ? r.p2 : null);
  return { id: r.id, level: r.level as ScopeLevel, nameUk: r.name_uk, nameEn: r.name_en, path: { oblastId: pick('oblast'), rayonId: pick('rayon'), hromadaId: pick('hromada') } };
}

/** The actor's indicator scope, resolved from the territory tree. */
export async function indicatorScopeFor(db: Tx, actor: RequestActor): Promise<IndicatorScope> {
  const hromadaIds = indicatorHromadaIdsOf(actor);
  const paths: TerritoryPath[] = [];
  for (const id of hromadaIds) paths.push((await resolveTerritory(db, id)).path);
  return indicatorScopeOf(actor, await coordinatorOblastIds(db, actor), paths);
}

function requireUser(actor: RequestActor): void {
  if (!canUseIndicators(actor)) throw new DomainError('forbidden', 'You may not use indicators');
}

function definitionOf(code: string): IndicatorDefinition {
  const def = indicatorByCode(code);
  if (!def) throw new DomainError('not_found', 'No such indicator');
  return def;
}

/** The catalogue as the API shows it. */
export function definitionView(def: IndicatorDefinition): IndicatorDefinitionView {
  return { ...def, disaggregations: [...def.disaggregations] };
}

/** GET /api/v1/indicators */
export async function listIndicatorCatalogue(_deps: Deps, actor: RequestActor): Promise<{ items: IndicatorDefinitionView[] }> {
  requireUser(actor);
  return { items: indicatorCatalogue.map(definitionView) };
}

/** The child units compared in a table: oblasts of the country, rayons of an oblast, hromadas of a rayon. */
async function childUnits(db: Tx, t: ResolvedTerritory): Promise<{ id: string; level: ScopeLevel; nameUk: string; nameEn: string }[]> {
  if (t.level === 'hromada') return [];
  const childLevel = t.level === 'national' ? 'oblast' : t.level === 'oblast' ? 'rayon' : 'hromada';
  let q = db.selectFrom('territories').select(['id', 'name_uk', 'name_en']).where('level', '=', childLevel);
  if (t.id !== null) q = q.where('parent_id', '=', t.id);
  const rows = await q.execute();
  const collator = new Intl.Collator('uk');
  return rows.sort((a, b) => collator.compare(a.name_uk, b.name_uk)).map((r) => ({ id: r.id, level: childLevel, nameUk: r.name_uk, nameEn: r.name_en }));
}

function emptyCell(key: string, source: IndicatorCell['source']): IndicatorCell {
  return { key, numerator: null, denominator: null, value: null, suppressed: false, source };
}

function computedCell(def: IndicatorDefinition, key: string, row: AggregateRow | undefined): IndicatorCell {
  if (def.unit === 'days') return { key, numerator: row?.median ?? null, denominator: row?.den ?? 0, value: row?.median ?? null, suppressed: false, source: 'computed' };
  const num = row?.num ?? 0;
  if (def.unit === 'count') return { key, numerator: num, denominator: null, value: num, suppressed: false, source: 'computed' };
  const den = row?.den ?? 0;
  return { key, numerator: num, denominator: den, value: valueOf('percent', num, den), suppressed: false, source: 'computed' };
}

function columnsOf(disaggregation: Disaggregation, present: Iterable<string>): string[] {
  if (disaggregation === 'none') return [];
  const base = dimensionValues[disaggregation].filter((v) => v !== 'unknown');
  const extra = [...new Set(present)].filter((v) => !base.includes(v)).sort();
  return [...base, ...extra];
}

/**
 * The raw indicator table — NO access check and NO suppression (benchmarks, internal jobs; the API goes through
 * `getIndicatorTable`). One aggregate statement for computed indicators, one read of entered values otherwise.
 */
export async function computeIndicatorTable(db: Tx, code: string, params: { territoryId: string | null; period: string; disaggregation: Disaggregation }, now: Date = new Date()): Promise<IndicatorTable> {
  const def = definitionOf(code);
  if (params.disaggregation !== 'none' && !def.disaggregations.includes(params.disaggregation)) {
    throw new DomainError('indicator_disaggregation_unavailable', 'This indicator is not disaggregated that way', { disaggregation: params.disaggregation });
  }
  const period = parsePeriod(params.period);
  const territory = await resolveTerritory(db, params.territoryId);
  const units = await childUnits(db, territory);
  const rowOf = (u: { id: string | null; level: ScopeLevel; nameUk: string; nameEn: string }, total: IndicatorCell, cells: IndicatorCell[]): IndicatorRow => ({ territoryId: u.id, level: u.level, nameUk: u.nameUk, nameEn: u.nameEn, total, cells });

  if (def.source === 'entered') {
    const ids = [territory.id, ...units.map((u) => u.id)];
    const values = await enteredValues(db, code, period.key, ids);
    const keys = params.disaggregation === 'none' ? [] : values.filter((v) => v.key.startsWith(`${params.disaggregation}:`)).map((v) => v.key.slice(params.disaggregation.length + 1));
    const columns = columnsOf(params.disaggregation, keys);
    const cellFor = (territoryId: string | null, key: string, label: string): IndicatorCell => {
      const v = values.find((x) => x.territory_id === territoryId && x.key === key);
      if (!v) return emptyCell(label, 'none');
      const numerator = v.numerator === null ? null : Number(v.numerator);
      const denominator = v.denominator === null ? null : Number(v.denominator);
      return { key: label, numerator, denominator, value: valueOf(def.unit, numerator, denominator), suppressed: false, source: 'entered' };
    };
    const row = (u: { id: string | null; level: ScopeLevel; nameUk: string; nameEn: string }) => rowOf(u, cellFor(u.id, 'total', 'total'), columns.map((c) => cellFor(u.id, `${params.disaggregation}:${c}`, c)));
    return { indicator: definitionView(def), territory: ref(territory), period: period.key, periodStart: period.start, periodEnd: period.end, disaggregation: params.disaggregation, columns, total: row(territory), units: units.map(row), suppressionApplied: false, generatedAt: now.toISOString() };
  }

  const rows = await aggregateComputed(db, code, { level: territory.level, territoryId: territory.id, period: period.key, start: period.start, end: period.end, disaggregation: params.disaggregation });
  const columns = columnsOf(params.disaggregation, params.disaggregation === 'none' ? [] : rows.filter((r) => !r.dimGrouped && r.dim !== null).map((r) => r.dim as string));
  const find = (unit: string | null, dim: string | null) => rows.find((r) => (unit === null ? r.unitGrouped : !r.unitGrouped && r.unit === unit) && (dim === null ? r.dimGrouped : !r.dimGrouped && r.dim === dim));
  const row = (u: { id: string | null; level: ScopeLevel; nameUk: string; nameEn: string }, unitKey: string | null) =>
    rowOf(u, computedCell(def, 'total', find(unitKey, null)), params.disaggregation === 'none' ? [] : columns.map((c) => computedCell(def, c, find(unitKey, c))));
  return {
    indicator: definitionView(def),
    territory: ref(territory),
    period: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    disaggregation: params.disaggregation,
    columns,
    total: row(territory, null),
    units: units.map((u) => row(u, u.id)),
    suppressionApplied: false,
    generatedAt: now.toISOString(),
  };
}

function ref(t: ResolvedTerritory) {
  return { id: t.id, level: t.level, nameUk: t.nameUk, nameEn: t.nameEn };
}

async function enteredValues(db: Tx, code: string, period: string, territoryIds: (string | null)[]) {
  const ids = territoryIds.filter((x): x is string => x !== null);
  const withNational = territoryIds.includes(null);
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('code', '=', code)
    .where('period', '=', period)
    .where((eb) => {
      const ors = [];
      if (ids.length > 0) ors.push(eb('territory_id', 'in', ids));
      if (withNational) ors.push(eb('territory_id', 'is', null));
      return eb.or(ors);
    })
    .execute();
}

/** Access to a territory's figures; returns whether its cells must be suppressed for this actor. */
async function readAccess(db: Tx, actor: RequestActor, territory: ResolvedTerritory, publish: 'true' | 'false' | undefined): Promise<boolean> {
  requireUser(actor);
  const scope = await indicatorScopeFor(db, actor);
  if (!canReadIndicatorsOf(scope, territory.path)) throw new DomainError('forbidden', 'These figures are outside your territory');
  return publish === 'true' || !isOwnStaffOf(scope, territory.path);
}

/** GET /api/v1/indicators/{code}/table — with access checked and cells 1–4 suppressed outside the territory's own staff. */
export async function getIndicatorTable(deps: Deps, actor: RequestActor, code: string, query: { territoryId?: string | undefined; period: string; disaggregation: Disaggregation; publish?: 'true' | 'false' | undefined }): Promise<IndicatorTable> {
  requireUser(actor);
  definitionOf(code);
  const territory = await resolveTerritory(deps.db, query.territoryId);
  const suppress = await readAccess(deps.db, actor, territory, query.publish);
  const table = await computeIndicatorTable(deps.db, code, { territoryId: territory.id, period: query.period, disaggregation: query.disaggregation }, deps.now());
  return suppress ? suppressTable(table) : table;
}

/** GET /api/v1/indicators/{code}/trend — the last N quarters (one aggregate statement each). */
export async function getIndicatorTrend(deps: Deps, actor: RequestActor, code: string, query: { territoryId?: string | undefined; period: string; quarters: number; publish?: 'true' | 'false' | undefined }): Promise<IndicatorTrend> {
  requireUser(actor);
  const def = definitionOf(code);
  parsePeriod(query.period);
  const territory = await resolveTerritory(deps.db, query.territoryId);
  const suppress = await readAccess(deps.db, actor, territory, query.publish);
  const points = [];
  for (const q of lastQuarters(query.period, query.quarters)) {
    const t = await computeIndicatorTable(deps.db, code, { territoryId: territory.id, period: q, disaggregation: 'none' }, deps.now());
    points.push({ period: q, periodStart: t.periodStart, periodEnd: t.periodEnd, cell: suppress ? suppressCell(t.total.total, { numeratorIsCount: def.unit !== 'days' }) : t.total.total });
  }
  return { indicator: definitionView(def), territory: ref(territory), points, suppressionApplied: suppress };
}

function valueView(r: { id: string; code: string; territory_id: string | null; period: string; key: string; numerator: string | number | null; denominator: string | number | null; source: string; notes: string; entered_by: string; updated_at: Date; version: number }, def: IndicatorDefinition): IndicatorValueView {
  const numerator = r.numerator === null ? null : Number(r.numerator);
  const denominator = r.denominator === null ? null : Number(r.denominator);
  return { id: r.id, code: r.code, territoryId: r.territory_id, period: r.period, key: r.key, numerator, denominator, value: valueOf(def.unit, numerator, denominator), source: r.source, notes: r.notes, enteredBy: r.entered_by, updatedAt: new Date(r.updated_at).toISOString(), version: r.version };
}

/** GET /api/v1/indicators/{code}/values — entered values of one indicator for a territory (and period). */
export async function listIndicatorValues(deps: Deps, actor: RequestActor, code: string, query: { territoryId?: string | undefined; period?: string | undefined }): Promise<{ items: IndicatorValueView[] }> {
  requireUser(actor);
  const def = definitionOf(code);
  const territory = await resolveTerritory(deps.db, query.territoryId);
  await readAccess(deps.db, actor, territory, undefined);
  let q = deps.db.selectFrom('indicator_values').selectAll().where('code', '=', code);
  q = territory.id === null ? q.where('territory_id', 'is', null) : q.where('territory_id', '=', territory.id);
  if (query.period !== undefined) q = q.where('period', '=', query.period);
  const rows = await q.orderBy('period', 'desc').orderBy('key').execute();
  return { items: rows.map((r) => valueView(r, def)) };
}

/** Checks an entered value against its definition: entered indicators only, a known key, a sane percentage. */
export function checkIndicatorValue(def: IndicatorDefinition, input: Pick<IndicatorValueRequest, 'key' | 'numerator' | 'denominator'>): void {
  if (def.source !== 'entered') throw new DomainError('indicator_not_entered', 'This indicator is computed from the records and cannot be entered');
  if (input.key !== 'total') {
    const [dim, value] = input.key.split(':') as [Dimension, string];
    if (!def.disaggregations.includes(dim) || !dimensionValues[dim].includes(value)) throw new DomainError('indicator_key_invalid', 'This indicator has no such disaggregation value', { key: input.key });
  }
  if (def.unit === 'percent') {
    if (input.numerator !== null && (input.denominator === null || input.denominator <= 0)) throw new DomainError('indicator_value_invalid', 'A percentage needs a denominator above zero');
    if (input.numerator !== null && input.denominator !== null && input.numerator > input.denominator) throw new DomainError('indicator_value_invalid', 'The numerator exceeds the denominator');
  } else if (input.numerator !== null && !Number.isInteger(input.numerator)) {
    throw new DomainError('indicator_value_invalid', 'A count is a whole number');
  }
}

/** PUT /api/v1/indicators/{code}/values — creates or replaces (with `version`) an entered value; audited. */
export async function putIndicatorValue(deps: Deps, actor: RequestActor, code: string, input: IndicatorValueRequest): Promise<IndicatorValueView> {
  requireUser(actor);
  const def = definitionOf(code);
  parsePeriod(input.period);
  checkIndicatorValue(def, input);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const territory = await resolveTerritory(trx, input.territoryId ?? null);
    const scope = await indicatorScopeFor(trx, actor);
    if (!canEnterIndicatorValuesOf(scope, territory.path)) throw new DomainError('forbidden', 'You may not enter figures for this territory');
    let existing = trx.selectFrom('indicator_values').select(['id', 'version', 'numerator', 'denominator']).where('code', '=', code).where('period', '=', input.period).where('key', '=', input.key);
    existing = territory.id === null ? existing.where('territory_id', 'is', null) : existing.where('territory_id', '=', territory.id);
    const current = await existing.forUpdate().executeTakeFirst();
    let id: string;
    if (current) {
      assertCurrentVersion(current.version, input.version ?? 0, 'indicator value');
      await trx
        .updateTable('indicator_values')
        .set({ numerator: input.numerator, denominator: input.denominator, source: input.source, notes: input.notes, entered_by: actor.userId, version: current.version + 1, updated_at: now })
        .where('id', '=', current.id)
        .execute();
      id = current.id;
    } else {
      if (input.version !== undefined) throw new DomainError('version_conflict', 'The value was removed or never existed', {});
      const row = await trx
        .insertInto('indicator_values')
        .values({ code, territory_id: territory.id, period: input.period, key: input.key, numerator: input.numerator, denominator: input.denominator, source: input.source, notes: input.notes, entered_by: actor.userId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await appendAudit(trx, { actor, action: current ? 'update' : 'create', entity: 'indicator_value', entityId: id, details: { code, territoryId: territory.id, period: input.period, key: input.key, numerator: input.numerator, denominator: input.denominator, previous: current ? { numerator: current.numerator, denominator: current.denominator } : null } }, now);
    const saved = await trx.selectFrom('indicator_values').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return valueView(saved, def);
  });
}

/** Counts used by other services (situational analysis): a quick scalar of a computed indicator's total. */
export async function indicatorTotal(db: Tx, code: string, territoryId: string | null, period: string): Promise<IndicatorCell> {
  const t = await computeIndicatorTable(db, code, { territoryId, period, disaggregation: 'none' });
  return t.total.total;
}
