import { sql, type RawBuilder } from 'kysely';
import { FIRST_SERVICE_DAYS, indicatorByCode } from '#domain/indicators/catalogue.ts';
import type { Dimension } from '#domain/indicators/dimensions.ts';
import type { Tx } from '../lib/context.ts';

/**
 * The SQL of computed indicators (SPEC §10.1–10.3). Each indicator is a "facts" query giving at most one row per
 * counted unit (a child, an episode, a caregiver, an institution, a case) with the territory it belongs to, the
 * disaggregation attributes and `num`/`den` flags (or `days` for medians); the engine then aggregates the facts in ONE
 * statement: joined to the territory tree (hromada → rayon → oblast), grouped by the chosen disaggregation and the child
 * unit with GROUPING SETS so the unit rows and the territory total come back together. No per-row work in JS.
 *
 * Care types used below: alternative care = kinship, guardianship, foster family, family-type home, patronage and
 * institution; family-based alternative care = the same without the institution.
 */

const ALT = `('kinship','guardianship','foster_family','family_type_home','patronage','institution')`;
const FAMILY_ALT = `('kinship','guardianship','foster_family','family_type_home','patronage')`;
const FAMILY_ALT_OR_ADOPTION = `('kinship','guardianship','foster_family','family_type_home','patronage','adoption')`;
const FAMILY_ENVIRONMENT = `('own_family','kinship','guardianship','foster_family','family_type_home','patronage','adoption')`;

/** Inputs of a facts query: the period and a filter on the owning territory column. */
type FactsParams = { start: string; end: string; inScope: (column: string) => RawBuilder<unknown> };

const personCols = `p.birth_date, p.sex, p.disability, p.displacement, p.legal_status`;
const noPerson = `NULL::date AS birth_date, NULL::text AS sex, NULL::boolean AS disability, NULL::text AS displacement, NULL::text AS legal_status`;
const noInstitution = `NULL::text AS institution_type, NULL::text AS ownership, NULL::text AS subordination`;

/** Reunifications: own-family episodes whose previous episode of the child was alternative care (optionally one type). */
function reunifications(p: FactsParams, prevTypes: string, startFrom: RawBuilder<unknown>, startTo: RawBuilder<unknown>, extra: { num: string; months: number | null }) {
  const target = extra.months === null ? sql`NULL::date` : sql`(e.start_date + make_interval(months => ${extra.months}))::date`;
  return sql`
    SELECT DISTINCT ON (e.person_id) e.hromada_id AS territory_id, ${sql.raw(personCols)}, prev.care_type AS care_type, ${sql.raw(noInstitution)},
      ${sql.raw(extra.num)} AS num, 1 AS den, NULL::numeric AS days
    FROM care_episodes e
    JOIN persons p ON p.id = e.person_id
    CROSS JOIN LATERAL (SELECT q.care_type FROM care_episodes q WHERE q.person_id = e.person_id AND q.start_date < e.start_date ORDER BY q.start_date DESC LIMIT 1) prev
    CROSS JOIN LATERAL (SELECT ${target} AS t) tgt
    WHERE e.care_type = 'own_family' AND e.start_date BETWEEN ${startFrom} AND ${startTo} AND prev.care_type IN ${sql.raw(prevTypes)}
      AND ${extra.months === null ? sql`TRUE` : sql`tgt.t BETWEEN ${p.start}::date AND ${p.end}::date`}
      AND ${p.inScope('e.hromada_id')}
    ORDER BY e.person_id, e.start_date`;
}

/** An alternative-care episode covering the date expression `t` for the person of `e`. */
const altCovering = (t: string) => `EXISTS (SELECT 1 FROM care_episodes a WHERE a.person_id = e.person_id AND a.care_type IN ${ALT} AND a.start_date <= ${t} AND (a.end_date IS NULL OR a.end_date >= ${t}))`;

/** Cohort of dates `x + months` falling in [start, end]: an index-friendly superset on x, then the exact test. */
function shiftedIn(col: string, months: number, p: FactsParams) {
  return sql`${sql.raw(col)} >= (${p.start}::date - make_interval(months => ${months + 1}))::date AND ${sql.raw(col)} <= (${p.end}::date - make_interval(months => ${months - 1}))::date
    AND (${sql.raw(col)} + make_interval(months => ${months}))::date BETWEEN ${p.start}::date AND ${p.end}::date`;
}

function preventionStillInFamily(p: FactsParams, months: number) {
  return sql`
    SELECT DISTINCT ON (m.person_id) c.hromada_id AS territory_id, ${sql.raw(personCols)}, NULL::text AS care_type, ${sql.raw(noInstitution)},
      CASE WHEN NOT EXISTS (SELECT 1 FROM care_episodes a WHERE a.person_id = m.person_id AND a.care_type IN ${sql.raw(ALT)}
        AND a.start_date <= (c.closed_on + make_interval(months => ${months}))::date AND (a.end_date IS NULL OR a.end_date >= (c.closed_on + make_interval(months => ${months}))::date)) THEN 1 ELSE 0 END AS num,
      1 AS den, NULL::numeric AS days
    FROM cases c
    JOIN case_members m ON m.case_id = c.id AND m.role = 'child'
    JOIN persons p ON p.id = m.person_id
    WHERE c.case_type = 'prevention' AND c.status = 'closed' AND ${shiftedIn('c.closed_on', months, p)} AND ${p.inScope('c.hromada_id')}
    ORDER BY m.person_id, c.closed_on`;
}

/** The facts query of each computed indicator. */
const facts: Record<string, (p: FactsParams) => RawBuilder<unknown>> = {
  'SG1.9': (p) => reunifications(p, ALT, sql`${p.start}::date`, sql`${p.end}::date`, { num: '1', months: null }),
  'SG4.1': (p) => reunifications(p, `('institution')`, sql`${p.start}::date`, sql`${p.end}::date`, { num: '1', months: null }),
  'SG2.1': (p) => sql`
    SELECT DISTINCT ON (e.person_id) e.hromada_id AS territory_id, ${sql.raw(personCols)}, e.care_type, ${sql.raw(noInstitution)},
      CASE WHEN e.care_type IN ${sql.raw(FAMILY_ENVIRONMENT)} THEN 1 ELSE 0 END AS num, 1 AS den, NULL::numeric AS days
    FROM care_episodes e JOIN persons p ON p.id = e.person_id
    WHERE p.legal_status IN ('orphan', 'deprived_of_care') AND p.birth_date > (${p.end}::date - interval '18 years')::date AND p.birth_date <= ${p.end}::date
      AND e.start_date <= ${p.end}::date AND (e.end_date IS NULL OR e.end_date >= ${p.end}::date) AND ${p.inScope('e.hromada_id')}
    ORDER BY e.person_id, e.start_date DESC`,
  'SG2.3': (p) => sql`
    SELECT c.hromada_id AS territory_id, ${sql.raw(noPerson)}, c.caregiver_type AS care_type, ${sql.raw(noInstitution)}, 1 AS num, 0 AS den, NULL::numeric AS days
    FROM caregivers c
    WHERE c.approved_on BETWEEN ${p.start}::date AND ${p.end}::date AND c.caregiver_type IN ${sql.raw(FAMILY_ALT_OR_ADOPTION)} AND ${p.inScope('c.hromada_id')}`,
  'SG2.4': (p) => sql`
    SELECT DISTINCT ON (e.person_id) e.hromada_id AS territory_id, ${sql.raw(personCols)}, e.care_type, ${sql.raw(noInstitution)}, 1 AS num, 0 AS den, NULL::numeric AS days
    FROM care_episodes e JOIN persons p ON p.id = e.person_id
    WHERE e.care_type IN ${sql.raw(FAMILY_ALT_OR_ADOPTION)} AND e.start_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('e.hromada_id')}
    ORDER BY e.person_id, e.start_date`,
  'SG4.2': (p) => sql`
    SELECT DISTINCT ON (e.person_id) e.hromada_id AS territory_id, ${sql.raw(personCols)}, nx.care_type AS care_type, ${sql.raw(noInstitution)},
      CASE WHEN nx.care_type IN ${sql.raw(FAMILY_ALT_OR_ADOPTION)} THEN 1 ELSE 0 END AS num, 1 AS den, NULL::numeric AS days
    FROM care_episodes e JOIN persons p ON p.id = e.person_id
    LEFT JOIN LATERAL (SELECT n.care_type FROM care_episodes n WHERE n.person_id = e.person_id AND n.start_date > e.start_date ORDER BY n.start_date LIMIT 1) nx ON TRUE
    WHERE e.care_type = 'institution' AND e.end_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('e.hromada_id')}
    ORDER BY e.person_id, e.end_date DESC`,
  'SG4.3': (p) => sql`
    SELECT DISTINCT ON (e.person_id) e.hromada_id AS territory_id, ${sql.raw(personCols)}, e.care_type, e.institution_type, NULL::text AS ownership, e.institution_subordination AS subordination,
      1 AS num, 0 AS den, NULL::numeric AS days
    FROM care_episodes e JOIN persons p ON p.id = e.person_id
    WHERE e.care_type = 'institution' AND e.start_date <= ${p.end}::date AND (e.end_date IS NULL OR e.end_date >= ${p.end}::date)
      AND p.birth_date > (${p.end}::date - interval '18 years')::date AND ${p.inScope('e.hromada_id')}
    ORDER BY e.person_id, e.start_date DESC`,
  'SG4.4': (p) => sql`
    SELECT DISTINCT ON (e.person_id) e.hromada_id AS territory_id, ${sql.raw(personCols)}, e.care_type, e.institution_type, NULL::text AS ownership, e.institution_subordination AS subordination,
      1 AS num, 0 AS den, NULL::numeric AS days
    FROM care_episodes e JOIN persons p ON p.id = e.person_id
    WHERE e.care_type = 'institution' AND e.start_date BETWEEN ${p.start}::date AND ${p.end}::date
      AND NOT EXISTS (SELECT 1 FROM care_episodes q WHERE q.person_id = e.person_id AND q.care_type = 'institution' AND q.start_date < e.start_date)
      AND ${p.inScope('e.hromada_id')}
    ORDER BY e.person_id, e.start_date`,
  'SG4.5': (p) => sql`
    SELECT COALESCE(i.hromada_id, i.oblast_id) AS territory_id, ${sql.raw(noPerson)}, NULL::text AS care_type, i.type AS institution_type, i.ownership, i.subordination,
      1 AS num, 0 AS den, NULL::numeric AS days
    FROM institutions i
    WHERE i.status <> 'closed' AND (i.created_at AT TIME ZONE 'Europe/Kyiv')::date <= ${p.end}::date AND ${p.inScope('COALESCE(i.hromada_id, i.oblast_id)')}`,
  'SG5.1': (p) => careLeaversSupported(p),
  'SG5.3': (p) => careLeaversSupported(p),
  OC1: (p) => preventionStillInFamily(p, 6),
  OC2: (p) => preventionStillInFamily(p, 12),
  OC3: (p) => reunifications(p, ALT, sql`(${p.start}::date - interval '7 months')::date`, sql`(${p.end}::date - interval '5 months')::date`, { num: `CASE WHEN ${altCovering('tgt.t')} THEN 0 ELSE 1 END`, months: 6 }),
  OC4: (p) => reunifications(p, ALT, sql`(${p.start}::date - interval '13 months')::date`, sql`(${p.end}::date - interval '11 months')::date`, { num: `CASE WHEN ${altCovering('tgt.t')} THEN 0 ELSE 1 END`, months: 12 }),
  OC5: (p) =>
    reunifications(p, ALT, sql`(${p.start}::date - interval '13 months')::date`, sql`(${p.end}::date - interval '11 months')::date`, {
      num: `CASE WHEN EXISTS (SELECT 1 FROM care_episodes a WHERE a.person_id = e.person_id AND a.care_type IN ${ALT} AND a.start_date > e.start_date AND a.start_date <= tgt.t) THEN 1 ELSE 0 END`,
      months: 12,
    }),
  OC6: (p) => sql`
    SELECT e.hromada_id AS territory_id, ${sql.raw(personCols)}, e.care_type, ${sql.raw(noInstitution)},
      CASE WHEN nx.care_type IN ${sql.raw(`('institution','kinship','guardianship','foster_family','family_type_home','patronage')`)} THEN 1 ELSE 0 END AS num, 1 AS den, NULL::numeric AS days
    FROM care_episodes e JOIN persons p ON p.id = e.person_id
    LEFT JOIN LATERAL (SELECT n.care_type FROM care_episodes n WHERE n.person_id = e.person_id AND n.start_date > e.start_date ORDER BY n.start_date LIMIT 1) nx ON TRUE
    WHERE e.care_type IN ${sql.raw(FAMILY_ALT)} AND e.end_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('e.hromada_id')}`,
  OC7: (p) => sql`
    SELECT c.hromada_id AS territory_id, ${sql.raw(noPerson)}, NULL::text AS care_type, ${sql.raw(noInstitution)}, NULL::int AS num, 1 AS den,
      (na.done - c.registered_on)::numeric AS days
    FROM cases c
    JOIN LATERAL (SELECT min((n.completed_at AT TIME ZONE 'Europe/Kyiv')::date) AS done FROM needs_assessments n WHERE n.case_id = c.id AND n.completed_at IS NOT NULL) na ON na.done IS NOT NULL
    WHERE c.registered_on BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('c.hromada_id')}`,
  OC8: (p) => sql`
    SELECT n.hromada_id AS territory_id, ${sql.raw(noPerson)}, NULL::text AS care_type, ${sql.raw(noInstitution)},
      CASE WHEN n.completed_at IS NOT NULL AND (n.completed_at AT TIME ZONE 'Europe/Kyiv')::date <= n.due_date THEN 1 ELSE 0 END AS num, 1 AS den, NULL::numeric AS days
    FROM needs_assessments n
    WHERE n.due_date BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('n.hromada_id')}`,
  OC9: (p) => sql`
    SELECT c.hromada_id AS territory_id, ${sql.raw(noPerson)}, NULL::text AS care_type, ${sql.raw(noInstitution)}, NULL::int AS num, 1 AS den,
      (ds.first - c.registered_on)::numeric AS days
    FROM cases c
    JOIN LATERAL (SELECT min(d.delivered_on) AS first FROM delivered_services d WHERE d.case_id = c.id) ds ON ds.first IS NOT NULL
    WHERE c.registered_on BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('c.hromada_id')}`,
  OC10: (p) => sql`
    SELECT c.hromada_id AS territory_id, ${sql.raw(noPerson)}, NULL::text AS care_type, ${sql.raw(noInstitution)},
      CASE WHEN EXISTS (SELECT 1 FROM delivered_services d WHERE d.case_id = c.id AND d.delivered_on <= c.registered_on + ${FIRST_SERVICE_DAYS}::int) THEN 1 ELSE 0 END AS num,
      1 AS den, NULL::numeric AS days
    FROM cases c
    WHERE c.registered_on BETWEEN ${p.start}::date AND ${p.end}::date AND ${p.inScope('c.hromada_id')}`,
};

function careLeaversSupported(p: FactsParams) {
  return sql`
    SELECT p.hromada_id AS territory_id, ${sql.raw(personCols)}, NULL::text AS care_type, ${sql.raw(noInstitution)},
      CASE WHEN EXISTS (SELECT 1 FROM care_episodes s WHERE s.person_id = p.id AND s.care_type = 'supported_independent_living' AND s.start_date <= ${p.end}::date AND (s.end_date IS NULL OR s.end_date >= ${p.end}::date)) THEN 1 ELSE 0 END AS num,
      1 AS den, NULL::numeric AS days
    FROM persons p
    WHERE p.birth_date <= (${p.end}::date - interval '15 years')::date AND p.birth_date > (${p.end}::date - interval '23 years')::date
      AND EXISTS (SELECT 1 FROM care_episodes e WHERE e.person_id = p.id AND e.care_type = 'institution' AND e.end_date IS NOT NULL AND e.end_date <= ${p.end}::date)
      AND NOT EXISTS (SELECT 1 FROM care_episodes e WHERE e.person_id = p.id AND e.care_type = 'institution' AND e.start_date <= ${p.end}::date AND (e.end_date IS NULL OR e.end_date >= ${p.end}::date))
      AND ${p.inScope('p.hromada_id')}`;
}

/** Codes the engine computes. */
export function computedCodes(): string[] {
  return Object.keys(facts);
}

/** The SQL expression of a disaggregation over the facts row `f` (with `f.kind` the hromada kind). */
function dimensionExpr(dim: Dimension | 'none', end: string): RawBuilder<unknown> {
  switch (dim) {
    case 'none':
      return sql`'total'`;
    case 'age':
      return sql`CASE WHEN f.birth_date IS NULL THEN 'unknown' ELSE (SELECT CASE WHEN a < 0 THEN 'unknown' WHEN a < 1 THEN '0_1' WHEN a <= 2 THEN '1_2' WHEN a <= 5 THEN '3_5' WHEN a <= 10 THEN '6_10' WHEN a <= 14 THEN '11_14' WHEN a <= 17 THEN '15_17' ELSE 'unknown' END FROM (SELECT date_part('year', age(${end}::date, f.birth_date))::int AS a) ag) END`;
    case 'sex':
      return sql`COALESCE(f.sex, 'unknown')`;
    case 'disability':
      return sql`CASE WHEN f.disability IS NULL THEN 'unknown' WHEN f.disability THEN 'yes' ELSE 'no' END`;
    case 'displacement':
      return sql`COALESCE(f.displacement, 'unknown')`;
    case 'legal_status':
      return sql`COALESCE(f.legal_status, 'unknown')`;
    case 'settlement':
      return sql`COALESCE(f.kind, 'unknown')`;
    case 'care_type':
      return sql`COALESCE(f.care_type, 'none')`;
    case 'institution_type':
      return sql`COALESCE(f.institution_type, 'unknown')`;
    case 'ownership':
      return sql`COALESCE(f.ownership, 'unknown')`;
    case 'subordination':
      return sql`COALESCE(f.subordination, 'unknown')`;
  }
}

/** Level of the territory a table is asked for. */
export type ScopeLevel = 'national' | 'oblast' | 'rayon' | 'hromada';

/** One aggregated row: `unit` null with `unitGrouped` true is the territory total; `dim` null with `dimGrouped` is the row total. */
export type AggregateRow = { unit: string | null; unitGrouped: boolean; dim: string | null; dimGrouped: boolean; num: number | null; den: number; median: number | null };

/** The territory tree flattened: every territory with the hromada, rayon and oblast it lies in (by level). */
const territoryPaths = sql`
  SELECT t.id, t.hromada_kind AS kind,
    CASE WHEN t.level = 'hromada' THEN t.id WHEN p1.level = 'hromada' THEN p1.id END AS h,
    CASE WHEN t.level = 'rayon' THEN t.id WHEN p1.level = 'rayon' THEN p1.id WHEN p2.level = 'rayon' THEN p2.id END AS r,
    CASE WHEN t.level = 'oblast' THEN t.id WHEN p1.level = 'oblast' THEN p1.id WHEN p2.level = 'oblast' THEN p2.id WHEN p3.level = 'oblast' THEN p3.id END AS o
  FROM territories t
  LEFT JOIN territories p1 ON p1.id = t.parent_id
  LEFT JOIN territories p2 ON p2.id = p1.parent_id
  LEFT JOIN territories p3 ON p3.id = p2.parent_id`;

const scopeColumn: Record<ScopeLevel, string> = { national: '', oblast: 'o', rayon: 'r', hromada: 'h' };
const unitColumn: Record<ScopeLevel, string | null> = { national: 'o', oblast: 'r', rayon: 'h', hromada: null };

/**
 * One computed indicator for a territory (`territoryId` null = national) and period, grouped by the child unit of the
 * territory and the disaggregation, with the totals (GROUPING SETS) — read from the pre-computed rollups (migration
 * 0020) after refreshing the stale cells of the scope, and aggregated up the territory tree in SQL.
 */
export async function aggregateComputed(db: Tx, code: string, params: { level: ScopeLevel; territoryId: string | null; period: string; start: string; end: string; disaggregation: Dimension | 'none' }): Promise<AggregateRow[]> {
  if (!facts[code]) throw new Error(`not a computed indicator: ${code}`);
  const national = params.level === 'national' || params.territoryId === null;
  const scopeFilter = national ? sql`TRUE` : sql`${sql.raw(`tp.${scopeColumn[params.level]}`)} = ${params.territoryId}`;
  await refreshRollups(db, code, { key: params.period, start: params.start, end: params.end }, scopeFilter);
  const unitCol = national ? 'o' : unitColumn[params.level];
  const unitExpr = unitCol === null ? sql`NULL::uuid` : sql.raw(`r.${unitCol}`);
  const stored = params.disaggregation === 'settlement' ? 'none' : params.disaggregation;
  const dim = params.disaggregation === 'settlement' ? sql`COALESCE(r.kind, 'unknown')` : sql`r.value`;
  const groupingSets = unitCol === null ? sql`GROUPING SETS ((dim), ())` : sql`GROUPING SETS ((unit, dim), (unit), (dim), ())`;
  // Median rows (days not null) stand for `den` facts each: expanded back so that percentile_cont is exact. The
  // expansion's row estimate (1,000 per row) would make PostgreSQL JIT-compile a 10 ms query for half a second: off.
  const median = indicatorByCode(code)?.unit === 'days';
  const expand = median ? sql`CROSS JOIN LATERAL generate_series(1, CASE WHEN r.days IS NULL THEN 1 ELSE r.den::int END) AS k` : sql`CROSS JOIN (SELECT 1 AS k) AS one`;
  const query = sql<{ unit: string | null; gu: number; dim: string | null; gd: number; num: number | null; den: number | null; median: number | null }>`
    WITH tp AS MATERIALIZED (SELECT * FROM (${territoryPaths}) tp WHERE ${scopeFilter}),
    r AS (
      SELECT x.value, x.days, x.num, x.den, tp.h, tp.r, tp.o, tp.kind FROM tp
      JOIN indicator_rollups x ON x.code = ${code} AND x.period = ${params.period} AND x.territory_id = tp.id AND x.dimension = ${stored}
    ),
    g AS (
      SELECT ${unitExpr} AS unit, ${dim} AS dim, CASE WHEN k = 1 THEN r.num END AS num, CASE WHEN k = 1 THEN r.den END AS den, r.days
      FROM r ${expand}
    )
    SELECT ${unitCol === null ? sql`NULL::uuid AS unit, 1 AS gu` : sql`unit, GROUPING(unit) AS gu`}, dim, GROUPING(dim) AS gd, sum(num)::int AS num, sum(den)::int AS den,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median
    FROM g
    GROUP BY ${groupingSets}`;
  const run = async (q: Tx) => {
    if (median) await sql`SELECT set_config('jit', 'off', true)`.execute(q);
    return query.execute(q);
  };
  const result = !median ? await query.execute(db) : db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return result.rows.map((r) => ({
    unit: r.unit,
    unitGrouped: Number(r.gu) === 1,
    dim: r.dim,
    dimGrouped: Number(r.gd) === 1,
    num: r.num === null ? null : Number(r.num),
    den: r.den === null ? 0 : Number(r.den),
    median: r.median === null ? null : Math.round(Number(r.median) * 10) / 10,
  }));
}

/** Above this many stale territories a refresh computes the facts of the whole country once (cheaper than expanding). */
const FULL_REFRESH_ABOVE = 150;

/**
 * Recomputes the stale rollup cells (indicator, period, territory) inside a scope: cells never computed, or computed
 * at an older version of the territory than the triggers of migration 0020 have recorded since. The facts are those of
 * the direct engine; one row per counted unit is chosen among ALL the unit's rows (DISTINCT ON a person), so a partial
 * refresh widens its input to the territories linked to the stale ones (`indicator_rollup_links`: they share a person)
 * and keeps only the output of the stale ones. Serialised per indicator and period (advisory lock); returns the
 * number of territories refreshed.
 */
export async function refreshRollups(db: Tx, code: string, period: { key: string; start: string; end: string }, scopeFilter: RawBuilder<unknown> = sql`TRUE`): Promise<number> {
  const build = facts[code];
  if (!build) throw new Error(`not a computed indicator: ${code}`);
  const staleQuery = (q: Tx) =>
    sql<{ id: string; version: string | number }>`
      WITH tp AS (${territoryPaths})
      SELECT tp.id, COALESCE(v.version, 0) AS version FROM tp
      LEFT JOIN indicator_rollup_versions v ON v.territory_id = tp.id
      LEFT JOIN indicator_rollup_cells c ON c.code = ${code} AND c.period = ${period.key} AND c.territory_id = tp.id
      WHERE ${scopeFilter} AND (c.territory_id IS NULL OR c.version <> COALESCE(v.version, 0))`.execute(q);
  if ((await staleQuery(db)).rows.length === 0) return 0;
  const run = async (trx: Tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`rollup:${code}:${period.key}`}))`.execute(trx);
    const stale = (await staleQuery(trx)).rows;
    if (stale.length === 0) return 0;
    const ids = stale.map((s) => s.id);
    const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM territories`.execute(trx)).rows[0]?.n ?? 0);
    const full = stale.length > FULL_REFRESH_ABOVE || stale.length >= total;
    // A refresh of a few territories is a short query with large estimates: JIT compilation would cost more than it saves.
    if (!full) await sql`SELECT set_config('jit', 'off', true)`.execute(trx);
    const inScope = (column: string) => (full ? sql`TRUE` : sql`${sql.raw(column)} IN (SELECT id FROM scope_t)`);
    const scopeT = full
      ? sql`SELECT NULL::uuid AS id`
      : sql`SELECT unnest(${ids}::uuid[]) AS id UNION SELECT l.other_id FROM indicator_rollup_links l WHERE l.territory_id = ANY(${ids}::uuid[])`;
    const factsSql = build({ start: period.start, end: period.end, inScope });
    const dims = storedDimensions(code);
    const parts = dims.map((d) => sql`SELECT f.territory_id, ${d}::text AS dimension, (${dimensionExpr(d, period.end)})::text AS value, f.days, f.num, f.den FROM f`);
    await sql`DELETE FROM indicator_rollups WHERE code = ${code} AND period = ${period.key} AND territory_id = ANY(${ids}::uuid[])`.execute(trx);
    await sql`
      WITH scope_t AS (${scopeT}),
      facts AS MATERIALIZED (${factsSql}),
      f AS (SELECT * FROM facts WHERE territory_id = ANY(${ids}::uuid[])),
      d AS (${sql.join(parts, sql` UNION ALL `)})
      INSERT INTO indicator_rollups (code, period, territory_id, dimension, value, days, num, den)
      SELECT ${code}, ${period.key}, d.territory_id, d.dimension, d.value, d.days, sum(d.num), sum(d.den) FROM d
      GROUP BY d.territory_id, d.dimension, d.value, d.days`.execute(trx);
    await sql`
      INSERT INTO indicator_rollup_cells (code, period, territory_id, version)
      SELECT ${code}, ${period.key}, t.id, t.version FROM unnest(${ids}::uuid[], ${stale.map((s) => String(s.version))}::bigint[]) AS t(id, version)
      ON CONFLICT (code, period, territory_id) DO UPDATE SET version = EXCLUDED.version, refreshed_at = now()`.execute(trx);
    return stale.length;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The disaggregations stored in the rollup of an indicator: none and its own, except settlement (read from the territory). */
function storedDimensions(code: string): Array<Dimension | 'none'> {
  const def = indicatorByCode(code);
  return ['none', ...(def?.disaggregations ?? []).filter((d) => d !== 'settlement')];
}

/** Brings the rollups of every computed indicator up to date for a period (national scope): `rodyna indicators refresh`. */
export async function refreshAllRollups(db: Tx, period: { key: string; start: string; end: string }, log: (m: string) => void = () => {}): Promise<number> {
  let cells = 0;
  for (const code of computedCodes()) {
    const started = Date.now();
    const n = await refreshRollups(db, code, period);
    cells += n;
    log(`${code} ${period.key}: ${n} territories refreshed, ${Date.now() - started} ms`);
  }
  return cells;
}
