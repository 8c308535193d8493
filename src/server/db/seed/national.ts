import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { caseTypes, type CaseType } from '#domain/cases/case-types.ts';
import { stepsByCaseType } from '#domain/cases/workflow.ts';
import { pickRule } from '#domain/deadlines/deadline-rules.ts';
import { reportSources } from '#domain/intake/factors.ts';
import type { Deps } from '../../lib/context.ts';
import { hashPassword } from '../../services/auth.service.ts';
import { loadDeadlineRules } from '../../services/calendar.service.ts';
import { personKeys } from '../../services/intake.service.ts';
import type { Database } from '../schema.ts';
import { demoPassword } from './demo.ts';
import { buildNationalGeography, givenNames, patronymics, surnames, type NationalGeography } from './national-geography.ts';

/**
 * National-size data (issue 7 item 6, SPEC §13): a whole country generated deterministically from a seed, set-based
 * (INSERT … SELECT FROM generate_series with hash-based pseudo-random expressions), in batches of cases, each batch in
 * its own transaction and skipped when already there (resumable, idempotent). Identifiers are md5(seed, kind, index) so
 * the same seed gives the same rows on any machine and on both engines.
 *
 * The generated records satisfy every constraint and read through the API like any other: a case with its household
 * (persons, members), the notification it came from, the act of needs assessment, deadlines, timeline, care-arrangement
 * history for children in (or returning from) alternative care, a referral to a provider, and closure for older cases.
 * Not generated: plans, reviews, visits, closure requests and audit entries per record (one audit entry records the run).
 */
export type NationalSeedOptions = {
  scale: 'national' | 'oblast';
  seed: number;
  /** Number of cases; defaults to 1,000,000 (national) or 100,000 (oblast). */
  cases?: number;
  /** The oblast of `--scale oblast` (key like '32', or its name); Kyiv Oblast by default. */
  oblast?: string;
  /** Cases per transaction. */
  batchSize?: number;
  /** Reference date: nothing is dated after it (determinism; the end of a complete quarter by default). */
  referenceDate?: string;
  progress?: (done: number, total: number, label: string) => void;
  /** Skip row-by-row foreign-key checks and rebuild the trigram indexes at the end (PostgreSQL; default for 50,000 cases and more). */
  fastLoad?: boolean;
  log?: (m: string) => void;
};

export type NationalSeedResult = { cases: number; skippedBatches: number; hromadas: number; seconds: number };

/** Institutions generated per oblast. */
export const institutionsPerOblast = 24;
const SLOTS = 65536;
const institutionPlan: ReadonlyArray<[string, string, string, string]> = [
  // type, subordination, Ukrainian name, English name
  ['children_home', 'social_policy', 'Дитячий будинок', 'Children\'s home'],
  ['boarding_school', 'education', 'Загальноосвітня школа-інтернат', 'Boarding school'],
  ['special_boarding_school', 'education', 'Спеціальна школа-інтернат', 'Special boarding school'],
  ['baby_home', 'health', 'Будинок дитини', 'Baby home'],
  ['rehabilitation_centre', 'social_policy', 'Центр соціально-психологічної реабілітації дітей', 'Social and psychological rehabilitation centre'],
  ['social_care_home', 'social_policy', 'Дитячий будинок-інтернат', 'Children\'s care home'],
  ['shelter', 'social_policy', 'Притулок для дітей', 'Children\'s shelter'],
  ['boarding_school', 'education', 'Ліцей-інтернат', 'Boarding lyceum'],
];

/** The uuid `idSql` computes in the database: md5 of the seed, kind and index, as a version-8 uuid. */
export function nsId(seed: number, ...parts: Array<string | number>): string {
  const m = createHash('md5').update(`${seed}:${parts.join(':')}`).digest('hex');
  // Version 8 (RFC 9562 custom) and the RFC variant, so that the ids pass uuid validation of the API.
  const h = `${m.slice(0, 12)}8${m.slice(13, 16)}8${m.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The same id in SQL, `expr` being a SQL expression for the varying part. */
function idSql(seed: number, kind: string, expr: string): string {
  return `overlay(overlay(md5('${seed}:${kind}:' || ${expr}) placing '8' from 13) placing '8' from 17)::uuid`;
}

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
function arr(values: readonly string[]): string {
  return `ARRAY[${values.map(lit).join(',')}]::text[]`;
}

/** Deterministic uniform [0,1) from an integer SQL expression and a salt. */
function rnd(seed: number, expr: string, salt: number): string {
  return `((hashint8extended((${expr})::int8, ${seed * 1000 + salt}::int8) & 2147483647)::float8 / 2147483648.0)`;
}

/** Case managers per hromada: about 60 open cases each. */
function caseManagersFor(expectedCases: number): number {
  return Math.max(1, Math.min(400, Math.round((expectedCases * 0.3) / 60)));
}

export async function seedNational(deps: Deps, opts: NationalSeedOptions): Promise<NationalSeedResult> {
  const started = Date.now();
  const seed = Math.trunc(opts.seed);
  const log = opts.log ?? (() => {});
  const total = opts.cases ?? (opts.scale === 'national' ? 1_000_000 : 100_000);
  const batchSize = opts.batchSize ?? (opts.scale === 'national' ? 10_000 : 5_000);
  const ref = opts.referenceDate ?? '2026-09-30';
  const geo = buildNationalGeography(seed, opts.scale === 'oblast' ? (opts.oblast ?? '32') : undefined);
  const childTotal = geo.hromadas.reduce((a, h) => a + h.childPopulation, 0);
  // Staff numbers follow the nominal size of the scale, not --cases, so that later runs find the same users.
  const nominal = opts.scale === 'national' ? 1_000_000 : 100_000;
  const expected = (h: { childPopulation: number }) => (nominal * h.childPopulation) / childTotal;

  return deps.db.connection().execute(async (conn) => {
    const debug = process.env.RODYNA_SEED_DEBUG === '1';
    const exec = async (text: string) => {
      const t = Date.now();
      const r = await sql.raw(text).execute(conn);
      if (debug) console.error(`${Date.now() - t} ms  ${text.replace(/\s+/g, ' ').slice(0, 60)}`);
      return r;
    };
    // Faster bulk load: a crash loses at most the last batches, which the next run regenerates.
    await exec('SET synchronous_commit = off').catch(() => undefined);
    // On a PostgreSQL server, with a superuser: foreign keys are not re-checked row by row (the generator builds every
    // reference from the same ids; the test runs with checks on), and the trigram indexes are rebuilt once at the end.
    const fast = opts.fastLoad ?? (deps.config.databaseUrl !== null && total >= 50_000);
    if (fast) {
      const su = await sql<{ su: boolean }>`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`.execute(conn);
      if (su.rows[0]?.su) await exec('SET session_replication_role = replica');
      await exec('DROP INDEX IF EXISTS persons_hromada_name_gist, persons_hromada_latin_gist');
    }
    const ids = await ensureGeographyAndStaff(conn, deps, seed, geo, expected, log);

    // Lookup tables for the batches, on this connection only.
    await exec('DROP TABLE IF EXISTS ns_h, ns_slot, ns_name, ns_inst');
    await exec('CREATE TEMP TABLE ns_h (h int PRIMARY KEY, hromada_id uuid NOT NULL, oblast int NOT NULL, css uuid NOT NULL, cas uuid NOT NULL, provider uuid NOT NULL, cms int NOT NULL)');
    await sql`INSERT INTO ns_h SELECT * FROM unnest(${geo.hromadas.map((h) => h.index)}::int[], ${geo.hromadas.map((h) => ids.hromada.get(h.index) ?? '')}::uuid[], ${geo.hromadas.map((h) => h.oblastIndex)}::int[], ${geo.hromadas.map((h) => nsId(seed, 'o', h.index, 'css'))}::uuid[], ${geo.hromadas.map((h) => nsId(seed, 'o', h.index, 'cas'))}::uuid[], ${geo.hromadas.map((h) => nsId(seed, 'o', h.index, 'provider'))}::uuid[], ${geo.hromadas.map((h) => caseManagersFor(expected(h)))}::int[])`.execute(conn);
    const slots: number[] = [];
    let acc = 0;
    for (const h of geo.hromadas) {
      acc += h.childPopulation;
      const upTo = Math.round((acc / childTotal) * SLOTS);
      while (slots.length < upTo) slots.push(h.index);
    }
    await exec('CREATE TEMP TABLE ns_slot (slot int PRIMARY KEY, h int NOT NULL)');
    await sql`INSERT INTO ns_slot SELECT s - 1, h FROM unnest(${slots}::int[]) WITH ORDINALITY AS t(h, s)`.execute(conn);
    const names: Array<[string, number, number, string, string, string, string]> = [];
    for (const sex of ['male', 'female'] as const) {
      surnames.forEach((pair, s) => {
        givenNames[sex].forEach((given, g) => {
          const surname = sex === 'male' ? pair[0] : pair[1];
          const keys = personKeys({ surname, givenName: given });
          names.push([sex, s, g, surname, given, keys.name_key, keys.latin_key]);
        });
      });
    }
    await exec('CREATE TEMP TABLE ns_name (sex text, s int, g int, surname text, given text, name_key text, latin_key text, PRIMARY KEY (sex, s, g))');
    await sql`INSERT INTO ns_name SELECT * FROM unnest(${names.map((n) => n[0])}::text[], ${names.map((n) => n[1])}::int[], ${names.map((n) => n[2])}::int[], ${names.map((n) => n[3])}::text[], ${names.map((n) => n[4])}::text[], ${names.map((n) => n[5])}::text[], ${names.map((n) => n[6])}::text[])`.execute(conn);
    await exec('CREATE TEMP TABLE ns_inst (o int, k int, id uuid, type text, sub text, name text, PRIMARY KEY (o, k))');
    const inst = geo.oblasts.flatMap((o) => Array.from({ length: institutionsPerOblast }, (_, k) => ({ o: o.index, k, ...institutionOf(seed, o, k) })));
    await sql`INSERT INTO ns_inst SELECT * FROM unnest(${inst.map((x) => x.o)}::int[], ${inst.map((x) => x.k)}::int[], ${inst.map((x) => x.id)}::uuid[], ${inst.map((x) => x.type)}::text[], ${inst.map((x) => x.sub)}::text[], ${inst.map((x) => x.nameUk)}::text[])`.execute(conn);

    const rules = await loadDeadlineRules(conn);
    const services = (await sql<{ code: string }>`SELECT code FROM service_catalogue ORDER BY code`.execute(conn)).rows.map((r) => r.code);
    const personCols = new Set((await sql<{ c: string }>`SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'persons' AND table_schema = current_schema()`.execute(conn)).rows.map((r) => r.c));
    const ctx: BatchContext = { seed, ref, rules, services: services.length > 0 ? services : ['none'], withDisplacement: personCols.has('displacement'), withLegalStatus: personCols.has('legal_status') };

    let skipped = 0;
    for (let from = 1; from <= total; from += batchSize) {
      const to = Math.min(total, from + batchSize - 1);
      const there = await sql`SELECT 1 AS one FROM cases WHERE id = ${nsId(seed, 'c', to)}::uuid`.execute(conn);
      if (there.rows.length > 0) {
        skipped += 1;
      } else {
        await exec('BEGIN');
        try {
          await generateBatch(exec, ctx, from, to);
          await exec('COMMIT');
        } catch (err) {
          await exec('ROLLBACK');
          throw err;
        }
      }
      opts.progress?.(to, total, there.rows.length > 0 ? 'skipped (already there)' : 'cases');
    }
    await exec('DROP TABLE IF EXISTS ns_h, ns_slot, ns_name, ns_inst');
    if (fast) {
      log('building the trigram indexes of person search…');
      await exec('SET session_replication_role = origin');
      await exec("SET maintenance_work_mem = '512MB'").catch(() => undefined);
      // The same definitions as migration 0022.
      await exec('CREATE INDEX IF NOT EXISTS persons_hromada_name_gist ON persons USING gist (hromada_id, name_key gist_trgm_ops (siglen = 32))');
      await exec('CREATE INDEX IF NOT EXISTS persons_hromada_latin_gist ON persons USING gist (hromada_id, latin_key gist_trgm_ops (siglen = 32))');
    }
    // The bulk load may have run with triggers off (fast mode): link the territories that share a person and mark
    // every territory changed, so that the indicator rollups (migration 0020) are recomputed when next read.
    await exec('SELECT indicator_rollup_relink()');
    await exec('INSERT INTO indicator_rollup_versions AS v (territory_id) SELECT id FROM territories ON CONFLICT (territory_id) DO UPDATE SET version = v.version + 1');
    log('analysing tables…');
    await exec('ANALYZE cases, persons, case_members, care_episodes, notifications, needs_assessments, case_deadlines, case_events, referrals, territories, users, user_roles, organisations');
    return { cases: total, skippedBatches: skipped, hromadas: geo.hromadas.length, seconds: (Date.now() - started) / 1000 };
  });
}

function institutionOf(seed: number, o: { index: number; nameUk: string; nameEn: string }, k: number) {
  const [type, sub, uk, en] = institutionPlan[k % institutionPlan.length] ?? institutionPlan[0] ?? ['children_home', 'social_policy', '', ''];
  return { id: nsId(seed, 'inst', o.index, k), type, sub, nameUk: `${uk} № ${k + 1} (${o.nameUk})`, nameEn: `${en} No. ${k + 1} (${o.nameEn})` };
}

type Conn = Kysely<Database>;
type BatchContext = { seed: number; ref: string; rules: Awaited<ReturnType<typeof loadDeadlineRules>>; services: string[]; withDisplacement: boolean; withLegalStatus: boolean };

/** Territories, organisations, staff users and institutions: once, in one transaction. Returns the hromada ids. */
async function ensureGeographyAndStaff(conn: Conn, deps: Deps, seed: number, geo: NationalGeography, expected: (h: { childPopulation: number }) => number, log: (m: string) => void) {
  const hromada = new Map<number, string>();
  for (const h of geo.hromadas) hromada.set(h.index, nsId(seed, 't', 'h', h.index));
  const first = geo.hromadas[0];
  const done = first ? await conn.selectFrom('territories').select('id').where('id', '=', nsId(seed, 't', 'h', first.index)).executeTakeFirst() : undefined;
  if (done) return { hromada };
  log(`creating ${geo.oblasts.length} oblasts, ${geo.oblasts.reduce((a, o) => a + o.rayons.length, 0)} rayons, ${geo.hromadas.length} hromadas, their services and staff…`);
  const passwordHash = await hashPassword(demoPassword);
  await conn.transaction().execute(async (trx) => {
    let centre = await trx.selectFrom('organisations').select('id').where('type', '=', 'coordination_centre').orderBy('created_at').executeTakeFirst();
    if (!centre) {
      centre = await trx.insertInto('organisations').values({ id: nsId(seed, 'o', 'centre'), type: 'coordination_centre', name_uk: 'Координаційний центр з розвитку сімейного виховання та догляду дітей', name_en: 'Coordination Centre for Family Upbringing and Child Care Development', territory_id: null, hromada_id: null }).returning('id').executeTakeFirstOrThrow();
    }
    const users: Array<{ id: string; username: string; surname: string; given: string; patronymic: string; supervisor: string | null; org: string; role: string }> = [];
    const staff = (i: number) => {
      const pair = surnames[i % surnames.length] ?? ['Коваленко', 'Коваленко'];
      const female = i % 3 !== 0;
      const given = (female ? givenNames.female : givenNames.male)[(i * 7) % 30] ?? 'Олена';
      const patr = patronymics[(i * 11) % patronymics.length] ?? ['Іванович', 'Іванівна'];
      return { surname: female ? pair[1] : pair[0], given, patronymic: female ? patr[1] : patr[0] };
    };
    let n = 0;
    users.push({ id: nsId(seed, 'u', 'analyst'), username: 'analyst.ns', ...staff(n++), supervisor: null, org: centre.id, role: 'national_analyst' });
    const orgs: Array<{ id: string; type: string; name_uk: string; name_en: string; territory_id: string; hromada_id: string | null }> = [];
    const territories: Array<{ id: string; level: string; parent_id: string | null; code: string; name_uk: string; name_en: string; hromada_kind: string | null; population: number | null; child_population: number | null }> = [];
    for (const o of geo.oblasts) {
      const existing = await trx.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', '=', o.nameEn).executeTakeFirst();
      const oblastId = existing?.id ?? nsId(seed, 't', 'o', o.index);
      const hs = o.rayons.flatMap((r) => r.hromadas);
      const pop = hs.reduce((a, h) => a + h.population, 0);
      const kids = hs.reduce((a, h) => a + h.childPopulation, 0);
      if (existing) await trx.updateTable('territories').set({ population: pop, child_population: kids }).where('id', '=', oblastId).execute();
      else territories.push({ id: oblastId, level: 'oblast', parent_id: null, code: o.code, name_uk: o.nameUk, name_en: o.nameEn, hromada_kind: null, population: pop, child_population: kids });
      const admin = nsId(seed, 'o', 'oblast', o.index);
      orgs.push({ id: admin, type: 'oblast_administration', name_uk: o.key === '80' ? 'Київська міська військова адміністрація' : `${o.nameUk.replace(/ область$/, ' обласна')} військова адміністрація`, name_en: `${o.nameEn} Military Administration`, territory_id: oblastId, hromada_id: null });
      users.push({ id: nsId(seed, 'u', 'coord', o.index), username: `coord.ns${o.key}`, ...staff(n++), supervisor: null, org: admin, role: 'oblast_coordinator' });
      for (const r of o.rayons) {
        const rayonId = nsId(seed, 't', 'r', r.index);
        const rp = r.hromadas.reduce((a, h) => a + h.population, 0);
        const rk = r.hromadas.reduce((a, h) => a + h.childPopulation, 0);
        territories.push({ id: rayonId, level: 'rayon', parent_id: oblastId, code: r.code, name_uk: r.nameUk, name_en: r.nameEn, hromada_kind: null, population: rp, child_population: rk });
        for (const h of r.hromadas) {
          const hId = hromada.get(h.index) ?? '';
          territories.push({ id: hId, level: 'hromada', parent_id: rayonId, code: h.code, name_uk: h.nameUk, name_en: h.nameEn, hromada_kind: h.kind, population: h.population, child_population: h.childPopulation });
          const of = h.nameUk.replace(/ територіальна громада$/, '').split(' ').map((w) => w.replace(/а$/, 'ої')).join(' ');
          const ofEn = h.nameEn.replace(/ hromada$/, '');
          const tag = `h${String(h.index).padStart(4, '0')}`;
          const css = nsId(seed, 'o', h.index, 'css');
          const cas = nsId(seed, 'o', h.index, 'cas');
          orgs.push({ id: css, type: 'css', name_uk: `Центр надання соціальних послуг ${of} ради`, name_en: `Centre of Social Services of ${ofEn} council`, territory_id: hId, hromada_id: hId });
          orgs.push({ id: cas, type: 'cas', name_uk: `Служба у справах дітей ${of} ради`, name_en: `Child Affairs Service of ${ofEn} council`, territory_id: hId, hromada_id: hId });
          orgs.push({ id: nsId(seed, 'o', h.index, 'provider'), type: 'service_provider', name_uk: `Громадська організація «Родинне коло» (${h.nameUk.split(' ')[0] ?? ''})`, name_en: `NGO "Family Circle" (${h.nameEn.split(' ')[0] ?? ''})`, territory_id: hId, hromada_id: hId });
          const sv = nsId(seed, 'u', h.index, 'sv');
          users.push({ id: sv, username: `sv.${tag}`, ...staff(n++), supervisor: null, org: css, role: 'supervisor' });
          users.push({ id: nsId(seed, 'u', h.index, 'cas'), username: `cas.${tag}`, ...staff(n++), supervisor: null, org: cas, role: 'child_affairs_specialist' });
          users.push({ id: nsId(seed, 'u', h.index, 'planner'), username: `planner.${tag}`, ...staff(n++), supervisor: null, org: css, role: 'community_planner' });
          const cms = caseManagersFor(expected(h));
          for (let k = 1; k <= cms; k += 1) users.push({ id: nsId(seed, 'u', h.index, 'cm', k), username: `cm${k}.${tag}`, ...staff(n++), supervisor: sv, org: css, role: 'case_manager' });
        }
      }
    }
    for (let i = 0; i < territories.length; i += 2000) await trx.insertInto('territories').values(territories.slice(i, i + 2000) as never).execute();
    for (let i = 0; i < orgs.length; i += 2000) await trx.insertInto('organisations').values(orgs.slice(i, i + 2000) as never).execute();
    for (let i = 0; i < users.length; i += 2000) {
      const chunk = users.slice(i, i + 2000);
      await trx.insertInto('users').values(chunk.map((u) => ({ id: u.id, username: u.username, password_hash: passwordHash, surname: u.surname, given_name: u.given, patronymic: u.patronymic, supervisor_id: null, is_demo: false }))).execute();
      await trx.insertInto('user_roles').values(chunk.map((u) => ({ user_id: u.id, organisation_id: u.org, role: u.role }))).execute();
    }
    // Supervisors after all users exist.
    const supervised = users.filter((u) => u.supervisor);
    for (let i = 0; i < supervised.length; i += 5000) {
      const chunk = supervised.slice(i, i + 5000);
      await sql`UPDATE users SET supervisor_id = v.s FROM unnest(${chunk.map((u) => u.id)}::uuid[], ${chunk.map((u) => u.supervisor ?? '')}::uuid[]) AS v(u, s) WHERE users.id = v.u`.execute(trx);
    }
    const institutions = geo.oblasts.flatMap((o) =>
      Array.from({ length: institutionsPerOblast }, (_, k) => {
        const x = institutionOf(seed, o, k);
        const centreHromada = o.rayons[0]?.hromadas[0];
        const oblastId = territories.find((t) => t.level === 'oblast' && t.name_en === o.nameEn)?.id;
        return { id: x.id, name_uk: x.nameUk, name_en: x.nameEn, type: x.type, subordination: x.sub, ownership: k % 7 === 6 ? 'state' : 'communal', governance_level: k % 7 === 6 ? 'national' : 'oblast', capacity: 30 + ((k * 37 + o.index * 13) % 200), status: k % 5 === 4 ? 'transforming' : 'operating', oblast_id: oblastId ?? '', hromada_id: centreHromada ? (hromada.get(centreHromada.index) ?? null) : null };
      }),
    );
    for (const i of institutions) {
      if (!i.oblast_id) {
        const o = geo.oblasts.find((x) => i.name_en.endsWith(`(${x.nameEn})`));
        i.oblast_id = (await trx.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', '=', o?.nameEn ?? '').executeTakeFirstOrThrow()).id;
      }
    }
    await trx.insertInto('institutions').values(institutions).execute();
    log(`created ${territories.length} territories, ${orgs.length} organisations, ${users.length} users (password as the demo users), ${institutions.length} institutions`);
  });
  void deps;
  return { hromada };
}

/** One batch of cases [from, to] with everything that hangs off them; inside the caller's transaction. */
async function generateBatch(exec: (text: string) => Promise<unknown>, ctx: BatchContext, from: number, to: number): Promise<void> {
  const { seed, ref } = ctx;
  const R = (n: number) => rnd(seed, 'i', n);
  const M = (n: number) => rnd(seed, 'm.i * 8 + m.k', n);
  const openSteps = (t: CaseType) => stepsByCaseType[t].filter((s) => s !== 'closure');
  const stepExpr = `CASE ctype ${caseTypes.map((t) => `WHEN ${lit(t)} THEN (${arr(openSteps(t))})[1 + least(${openSteps(t).length - 1}, floor(${R(6)} * ${openSteps(t).length} * least(1.0, 0.15 + (DATE ${lit(ref)} - reg) / 200.0))::int)]`).join(' ')} END`;
  await exec('DROP TABLE IF EXISTS ns_case, ns_member, ns_child');
  await exec(`CREATE TEMP TABLE ns_case ON COMMIT DROP AS
    SELECT y.*, (step IN ('identification', 'child_assessment') AND NOT closed) AS early,
      CASE WHEN step IN ('identification', 'child_assessment') OR closed THEN NULL WHEN ${R(9)} < 0.4 THEN 'simple' WHEN ${R(9)} < 0.75 THEN 'moderate' WHEN ${R(9)} < 0.97 THEN 'complex' ELSE 'emergency' END AS complexity,
      CASE WHEN step IN ('identification', 'child_assessment') AND NOT closed THEN NULL ELSE least(DATE ${lit(ref)}, coalesce(closed_on, DATE ${lit(ref)}), reg + 1 + floor(${R(14)} * 20)::int) END AS na_met,
      CASE WHEN closed OR step IN ('identification', 'child_assessment') THEN NULL ELSE DATE ${lit(ref)} - 20 + floor(${R(15)} * 110)::int END AS rev_due
    FROM (
      SELECT x.*, CASE WHEN closed THEN 'closure' ELSE ${stepExpr} END AS step,
        CASE WHEN closed THEN reg + least(DATE ${lit(ref)} - reg, 30 + floor(${R(5)} * 600)::int) END AS closed_on
      FROM (
        SELECT i, ${idSql(seed, 'c', 'i')} AS id, s.h, h.hromada_id, h.oblast, h.css, h.cas, h.provider,
          ${idSql(seed, 'u', `s.h || ':cm:' || (1 + floor(${R(8)} * h.cms)::int)`)} AS cm,
          CASE WHEN ${R(2)} < 0.6 THEN 'prevention' WHEN ${R(2)} < 0.72 THEN 'reintegration' WHEN ${R(2)} < 0.87 THEN 'alternative_care' WHEN ${R(2)} < 0.95 THEN 'returning_child' ELSE 'care_leaver' END AS ctype,
          DATE '2020-01-01' + floor(sqrt(${R(3)}) * (DATE ${lit(ref)} - DATE '2020-01-01'))::int AS reg,
          ${R(4)} < least(0.95, (DATE ${lit(ref)} - (DATE '2020-01-01' + floor(sqrt(${R(3)}) * (DATE ${lit(ref)} - DATE '2020-01-01'))::int)) / 540.0) AS closed,
          ${R(7)} < 0.1 AS urgent,
          floor(${R(12)} * ${surnames.length})::int AS fam, floor(${R(13)} * ${patronymics.length})::int AS patr,
          ${R(10)} < 0.3 AS two_adults, 1 + (${R(11)} >= 0.5)::int + (${R(11)} >= 0.8)::int AS kids
        FROM generate_series(${from}, ${to}) AS i
        JOIN ns_slot s ON s.slot = floor(${R(1)} * ${SLOTS})::int
        JOIN ns_h h ON h.h = s.h
      ) x
    ) y`);
  await exec('ALTER TABLE ns_case ADD PRIMARY KEY (i)');
  await exec('ANALYZE ns_case');
  await exec(`INSERT INTO cases (id, number, case_type, status, step, complexity, urgent, hromada_id, organisation_id, case_manager_id, registered_on, registered_by, next_due_date, closed_on, created_at, updated_at)
    SELECT id, to_char(reg, 'YYYY') || '/' || lpad(i::text, 7, '0'), ctype, CASE WHEN closed THEN 'closed' ELSE 'open' END, step, complexity, urgent, hromada_id, css, cm, reg, cm,
      CASE WHEN closed THEN NULL WHEN early THEN reg + 14 ELSE rev_due END, closed_on, reg + time '09:00', coalesce(closed_on, reg) + time '17:00'
    FROM ns_case`);
  // Household: adults first (none for care leavers), then 1–3 children.
  const adultSex = `CASE WHEN m.k = 1 AND ${M(1)} < 0.85 THEN 'female' WHEN m.k = 1 THEN 'male' ELSE 'male' END`;
  await exec(`CREATE TEMP TABLE ns_member ON COMMIT DROP AS
    SELECT m.*, ${idSql(seed, 'p', "m.i || ':' || m.k")} AS pid,
      CASE WHEN m.adult THEN ${adultSex} WHEN ${M(1)} < 0.51 THEN 'male' ELSE 'female' END AS sex,
      floor(${M(2)} * ${givenNames.male.length})::int AS g, floor(${M(3)} * ${patronymics.length})::int AS own_patr,
      CASE WHEN m.adult THEN m.reg - (7300 + floor(${M(4)} * 12775)::int) WHEN m.ctype = 'care_leaver' THEN m.reg - (5480 + floor(${M(4)} * 1090)::int) ELSE m.reg - floor(${M(4)} * 6570)::int END AS birth,
      ${M(5)} < CASE WHEN m.adult THEN 0.04 ELSE 0.06 END AS disability,
      CASE WHEN ${M(6)} < 0.08 THEN 'idp' WHEN ${M(6)} < 0.1 THEN 'abroad' ELSE 'none' END AS displacement,
      CASE WHEN m.adult OR m.ctype = 'prevention' THEN 'none' WHEN ${M(7)} < 0.12 THEN 'orphan' WHEN ${M(7)} < 0.4 THEN 'deprived_of_care' ELSE 'none' END AS legal_status
    FROM (
      SELECT c.i, c.id AS case_id, c.reg, c.ctype, c.fam, c.patr, c.hromada_id, c.css, k, k <= (CASE WHEN c.ctype = 'care_leaver' THEN 0 ELSE 1 + c.two_adults::int END) AS adult
      FROM ns_case c CROSS JOIN LATERAL generate_series(1, CASE WHEN c.ctype = 'care_leaver' THEN 1 ELSE 1 + c.two_adults::int + c.kids END) AS k
    ) m`);
  await exec('ANALYZE ns_member');
  const patrM = arr(patronymics.map((p) => p[0]));
  const patrF = arr(patronymics.map((p) => p[1]));
  const extraCols = `${ctx.withDisplacement ? ', displacement' : ''}${ctx.withLegalStatus ? ', legal_status' : ''}`;
  const extraVals = `${ctx.withDisplacement ? ', m.displacement' : ''}${ctx.withLegalStatus ? ', m.legal_status' : ''}`;
  await exec(`INSERT INTO persons (id, surname, given_name, patronymic, birth_date, sex, disability, latin_name, name_key, latin_key, hromada_id, organisation_id, created_at, updated_at${extraCols})
    SELECT m.pid, n.surname, n.given, (CASE WHEN m.sex = 'male' THEN ${patrM} ELSE ${patrF} END)[1 + CASE WHEN m.adult THEN m.own_patr ELSE m.patr END], m.birth, m.sex, m.disability, '', n.name_key, n.latin_key, m.hromada_id, m.css, m.reg + time '09:00', m.reg + time '09:00'${extraVals}
    FROM ns_member m JOIN ns_name n ON n.sex = m.sex AND n.s = m.fam AND n.g = m.g`);
  await exec(`INSERT INTO case_members (id, case_id, person_id, role, relationship, created_at)
    SELECT ${idSql(seed, 'cm', "m.i || ':' || m.k")}, m.case_id, m.pid, CASE WHEN m.adult THEN 'adult' ELSE 'child' END,
      CASE WHEN m.adult AND m.sex = 'female' THEN 'мати' WHEN m.adult THEN 'батько' WHEN m.ctype = 'care_leaver' THEN 'дитина' WHEN m.sex = 'male' THEN 'син' ELSE 'донька' END,
      m.reg + time '09:00' + m.k * interval '1 second'
    FROM ns_member m`);
  const factors = arr(['parents_evading_duties', 'divorce_behavioural_problems', 'loss_of_social_ties', 'disaster_or_hostilities_damage', 'homelessness', 'incurable_disease']);
  await exec(`INSERT INTO notifications (id, hromada_id, organisation_id, submitted_by, received_by, received_at, source, description, child_factors, threat_to_life_or_health, urgent, status, case_id, handled_by, handled_at, created_at, updated_at)
    SELECT ${idSql(seed, 'n', 'i')}, hromada_id, cas, cm, cm, reg + time '09:00', (${arr(reportSources)})[1 + floor(${R(16)} * ${reportSources.length})::int],
      'Повідомлення про сім''ю з дітьми у складних життєвих обставинах (згенеровано для перевірки навантаження)',
      CASE WHEN urgent THEN ARRAY['domestic_violence']::text[] ELSE ARRAY[(${factors})[1 + floor(${R(17)} * 6)::int]] END, urgent AND ${R(18)} < 0.3, urgent, 'registered', id, cm, reg + time '09:30', reg + time '09:00', reg + time '09:30'
    FROM ns_case`);
  await exec(`INSERT INTO needs_assessments (id, case_id, status, content, complexity, assessed_by, due_date, completed_at, hromada_id, organisation_id, created_at, updated_at)
    SELECT ${idSql(seed, 'na', 'c.i')}, c.id, CASE WHEN c.na_met IS NULL THEN 'draft' ELSE 'completed' END,
      jsonb_build_object('schemaVersion', 1, 'members', a.members, 'children', a.children, 'adults', a.adults,
        'family', jsonb_build_object('indicators', '{}'::jsonb, 'strengths', '', 'needs', ''),
        'conclusion', jsonb_build_object('complexity', c.complexity, 'summary', '', 'otherSpecialists', '[]'::jsonb, 'familyAgreement', NULL, 'familyComment', '', 'agreementDate', NULL)),
      c.complexity, c.cm, c.reg + 14, c.na_met + time '15:00', c.hromada_id, c.css, c.reg + time '09:00', coalesce(c.na_met + time '15:00', c.reg + time '09:00')
    FROM ns_case c JOIN (
      SELECT m.i,
        jsonb_agg(jsonb_build_object('personId', m.pid, 'disability', m.disability, 'legalCapacity', NULL, 'occupation', '', 'registeredAtResidence', NULL, 'phone', '') ORDER BY m.k) AS members,
        coalesce(jsonb_agg(jsonb_build_object('personId', m.pid, 'indicators', '{}'::jsonb, 'strengths', '', 'needs', '', 'childViews', '', 'childViewsNotHeardReason', '') ORDER BY m.k) FILTER (WHERE NOT m.adult), '[]'::jsonb) AS children,
        coalesce(jsonb_agg(jsonb_build_object('personId', m.pid, 'indicators', '{}'::jsonb, 'strengths', '', 'needs', '') ORDER BY m.k) FILTER (WHERE m.adult), '[]'::jsonb) AS adults
      FROM ns_member m GROUP BY m.i
    ) a ON a.i = c.i`);
  const na = pickRule(ctx.rules, 'needs_assessment', null);
  const sa = pickRule(ctx.rules, 'safety_assessment', null);
  const rv = pickRule(ctx.rules, 'review_other', null);
  await exec(`INSERT INTO case_deadlines (id, case_id, key, due_date, source_uk, source_en, met_on, created_at)
    SELECT ${idSql(seed, 'dl', "i || ':na'")}, id, 'needs_assessment', reg + 14, ${lit(na.sourceUk)}, ${lit(na.sourceEn)}, na_met, reg + time '09:00' FROM ns_case
    UNION ALL SELECT ${idSql(seed, 'dl', "i || ':sa'")}, id, 'safety_assessment', reg, ${lit(sa.sourceUk)}, ${lit(sa.sourceEn)}, reg, reg + time '09:00' FROM ns_case WHERE urgent
    UNION ALL SELECT ${idSql(seed, 'dl', "i || ':rv'")}, id, 'review_other', rev_due, ${lit(rv.sourceUk)}, ${lit(rv.sourceEn)}, NULL, reg + time '09:00' FROM ns_case WHERE rev_due IS NOT NULL`);
  await exec(`INSERT INTO case_events (id, case_id, at, actor_id, kind, data)
    SELECT ${idSql(seed, 'ev', "i || ':n'")}, id, reg + time '09:00', cm, 'notification_received', jsonb_build_object('notificationId', ${idSql(seed, 'n', 'i')}) FROM ns_case
    UNION ALL SELECT ${idSql(seed, 'ev', "i || ':r'")}, id, reg + time '09:01', cm, 'case_registered', jsonb_build_object('number', to_char(reg, 'YYYY') || '/' || lpad(i::text, 7, '0'), 'caseType', ctype, 'urgent', urgent, 'caseManagerId', cm) FROM ns_case
    UNION ALL SELECT ${idSql(seed, 'ev', "i || ':c'")}, id, closed_on + time '17:00', cm, 'case_closed', '{}'::jsonb FROM ns_case WHERE closed`);

  // Care-arrangement history of children in (or returning from) alternative care: A, then B when A ended, then C after a breakdown.
  const C = (n: number) => rnd(seed, 'm.i * 8 + m.k', n);
  const Cy = (n: number) => rnd(seed, 'y.i * 8 + y.k', n);
  const Cz = (n: number) => rnd(seed, 'z.i * 8 + z.k', n);
  await exec(`CREATE TEMP TABLE ns_child ON COMMIT DROP AS
    SELECT z.*, CASE WHEN z.b_type IS NOT NULL AND z.closed AND ${Cz(29)} < 0.08 AND z.a_end + 30 + floor(${Cz(30)} * 300)::int < DATE ${lit(ref)} THEN z.a_end + 30 + floor(${Cz(30)} * 300)::int END AS b_end
    FROM (
      SELECT y.*, CASE
          WHEN y.closed THEN y.closed_on
          WHEN y.ctype = 'alternative_care' AND y.a_type = 'institution' AND ${Cy(25)} < 0.5 THEN least(DATE ${lit(ref)}, y.reg + 30 + floor(${Cy(26)} * 200)::int)
        END AS a_end,
        CASE
          WHEN NOT y.closed AND NOT (y.ctype = 'alternative_care' AND y.a_type = 'institution' AND ${Cy(25)} < 0.5) THEN NULL
          WHEN y.ctype IN ('reintegration', 'returning_child') THEN 'own_family'
          WHEN y.ctype = 'care_leaver' THEN 'supported_independent_living'
          WHEN ${Cy(27)} < 0.15 THEN 'adoption' WHEN ${Cy(27)} < 0.45 THEN 'guardianship' WHEN ${Cy(27)} < 0.65 THEN 'kinship' WHEN ${Cy(27)} < 0.9 THEN 'foster_family' ELSE 'family_type_home'
        END AS b_type
      FROM (
        SELECT m.i, m.k, m.pid, c.id AS case_id, c.ctype, c.reg, c.closed, c.closed_on, c.cm, c.hromada_id, c.css, c.oblast,
          greatest(m.birth, c.reg - floor(${C(20)} * 700)::int) AS a_start,
          CASE c.ctype
            WHEN 'reintegration' THEN CASE WHEN ${C(21)} < 0.85 THEN 'institution' ELSE 'patronage' END
            WHEN 'returning_child' THEN CASE WHEN ${C(21)} < 0.7 THEN 'institution' ELSE 'foster_family' END
            WHEN 'care_leaver' THEN CASE WHEN ${C(21)} < 0.5 THEN 'institution' WHEN ${C(21)} < 0.8 THEN 'guardianship' ELSE 'foster_family' END
            ELSE CASE WHEN ${C(21)} < 0.3 THEN 'institution' WHEN ${C(21)} < 0.55 THEN 'kinship' WHEN ${C(21)} < 0.75 THEN 'guardianship' WHEN ${C(21)} < 0.85 THEN 'foster_family' WHEN ${C(21)} < 0.93 THEN 'family_type_home' ELSE 'patronage' END
          END AS a_type,
          floor(${C(22)} * ${institutionsPerOblast})::int AS inst_k, floor(${C(23)} * ${institutionsPerOblast})::int AS inst_k2
        FROM ns_member m JOIN ns_case c ON c.i = m.i
        WHERE NOT m.adult AND c.ctype <> 'prevention'
      ) y
    ) z`);
  await exec('ANALYZE ns_child');
  const episodeCols = 'id, person_id, care_type, institution_type, institution_subordination, institution_name, institution_id, start_date, end_date, reason, end_reason, deciding_authority, decision_date, case_id, recorded_by, hromada_id, organisation_id, created_at, updated_at';
  const instJoin = (k: string, type: string) => `LEFT JOIN ns_inst t ON ${type} = 'institution' AND t.o = x.oblast AND t.k = ${k}`;
  await exec(`INSERT INTO care_episodes (${episodeCols})
    SELECT ${idSql(seed, 'ce', "x.i || ':' || x.k || ':a'")}, x.pid, x.a_type, t.type, t.sub, coalesce(t.name, ''), t.id, x.a_start, x.a_end, 'Рішення органу опіки та піклування', CASE WHEN x.a_end IS NULL THEN '' WHEN x.b_type = 'own_family' THEN 'Повернення в сім''ю' ELSE 'Влаштування в сімейну форму' END,
      'Служба у справах дітей', x.a_start, x.case_id, x.cm, x.hromada_id, x.css, x.a_start + time '10:00', coalesce(x.a_end, x.a_start) + time '10:00'
    FROM ns_child x ${instJoin('x.inst_k', 'x.a_type')}`);
  await exec(`INSERT INTO care_episodes (${episodeCols})
    SELECT ${idSql(seed, 'ce', "x.i || ':' || x.k || ':b'")}, x.pid, x.b_type, NULL, NULL, '', NULL, x.a_end, x.b_end, 'Рішення органу опіки та піклування', CASE WHEN x.b_end IS NULL THEN '' ELSE 'breakdown' END,
      'Служба у справах дітей', x.a_end, x.case_id, x.cm, x.hromada_id, x.css, x.a_end + time '10:00', coalesce(x.b_end, x.a_end) + time '10:00'
    FROM ns_child x WHERE x.b_type IS NOT NULL`);
  await exec(`INSERT INTO care_episodes (${episodeCols})
    SELECT ${idSql(seed, 'ce', "x.i || ':' || x.k || ':c'")}, x.pid, 'institution', t.type, t.sub, t.name, t.id, x.b_end, NULL, 'Повторне влаштування після припинення сімейної форми', '',
      'Служба у справах дітей', x.b_end, x.case_id, x.cm, x.hromada_id, x.css, x.b_end + time '10:00', x.b_end + time '10:00'
    FROM ns_child x ${instJoin('x.inst_k2', "'institution'")} WHERE x.b_end IS NOT NULL`);

  // A referral to the hromada's provider for most cases past assessment.
  const st = R(18);
  await exec(`INSERT INTO referrals (id, case_id, child_person_id, provider_organisation_id, service_code, urgency, status, reason, sent_at, response_due_date, responded_at, decline_reason, created_by, hromada_id, organisation_id, created_at, updated_at)
    SELECT ${idSql(seed, 'rf', 'r.i')}, r.id, r.child, r.provider, r.code, CASE WHEN r.urgent THEN 'emergency' ELSE 'routine' END, r.status, 'Потреба, визначена під час оцінювання потреб сім''ї',
      CASE WHEN r.status = 'draft' THEN NULL ELSE r.sent + time '10:00' END, CASE WHEN r.status = 'draft' THEN NULL ELSE r.sent + 10 END,
      CASE WHEN r.status IN ('draft', 'sent') THEN NULL ELSE least(DATE ${lit(ref)}, r.sent + 3) + time '12:00' END,
      CASE WHEN r.status = 'declined' THEN (ARRAY['no_capacity', 'not_eligible', 'service_not_offered', 'family_refused'])[1 + floor(${R(19)} * 4)::int] END,
      r.cm, r.hromada_id, r.css, r.sent + time '09:00', r.sent + time '12:00'
    FROM (
      SELECT c.*, ${idSql(seed, 'p', "c.i || ':' || (CASE WHEN c.ctype = 'care_leaver' THEN 1 ELSE 2 + c.two_adults::int END)")} AS child,
        (${arr(ctx.services)})[1 + floor(${R(20)} * ${ctx.services.length})::int] AS code,
        least(DATE ${lit(ref)}, coalesce(c.closed_on, DATE ${lit(ref)}), c.reg + 15 + floor(${R(21)} * 20)::int) AS sent,
        CASE WHEN c.closed THEN CASE WHEN ${st} < 0.7 THEN 'completed' WHEN ${st} < 0.8 THEN 'dropped' WHEN ${st} < 0.9 THEN 'declined' ELSE 'completed' END
          ELSE CASE WHEN ${st} < 0.1 THEN 'draft' WHEN ${st} < 0.3 THEN 'sent' WHEN ${st} < 0.5 THEN 'accepted' WHEN ${st} < 0.85 THEN 'in_service' WHEN ${st} < 0.93 THEN 'completed' ELSE 'declined' END END AS status
      FROM ns_case c WHERE NOT c.early AND ${R(22)} < 0.6
    ) r`);
}

/** A progress bar on stderr (redrawn in place on a terminal, one line per 10 % otherwise). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number, label: string) => void {
  const started = Date.now();
  let lastDecile = -1;
  return (done, total, label) => {
    const share = total > 0 ? done / total : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const secs = (Date.now() - started) / 1000;
    const eta = share > 0 ? (secs / share) * (1 - share) : 0;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)} %  ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${label}  ${secs.toFixed(0)} s, ETA ${eta.toFixed(0)} s`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done >= total ? '\n' : ''}`);
    } else {
      const decile = Math.floor(share * 10);
      if (decile !== lastDecile || done >= total) {
        lastDecile = decile;
        stream.write(`${line}\n`);
      }
    }
  };
}
