// The measured requests of issue 7 item 7 on an existing database (generate it first with `rodyna seed --scale …`):
// each through the HTTP API under concurrency (autocannon, keep-alive, a real session cookie per user) and the same SQL
// directly through the driver at the same concurrency. Prints p50, p95, throughput and the API/raw ratio.
//   DATABASE_URL=postgres://root@127.0.0.1:5432/rodyna_national npm run bench [-- --duration 10 --connections 32 --only worklist]
//   DATA_DIR=/path/to/pglite npm run bench            (the embedded database, e.g. after `rodyna seed --scale oblast`)
// Never part of `npm test`.
import autocannon from 'autocannon';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { caseScopeOf } from '../src/domain/access/case-policy.ts';
import { looseLatinKey, normalizeNameForMatch } from '../src/domain/persons/transliteration.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { findCaseWithAccessFacts, listCaseDeadlines, listCaseMembers, listVisibleCases } from '../src/server/db/repositories/cases.repository.ts';
import { buildApp } from '../src/server/http/app.ts';
import { todayInKyiv, type Deps, type RequestActor } from '../src/server/lib/context.ts';
import { loadGrants } from '../src/server/services/auth.service.ts';
import { computeIndicatorTable } from '../src/server/services/indicators.service.ts';
import { matchingPersons } from '../src/server/services/persons.service.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'report-connections': { type: 'string', default: '2' },
    period: { type: 'string', default: '2026Q3' },
    only: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const reportConnections = Number(values['report-connections']);
const period = values.period;
const password = process.env.RODYNA_PASSWORD ?? 'Rodyna-Demo-2026';

const base = loadConfig();
const handle = await openDatabase(base);
await migrate(handle);
// Measure the application, not the brute-force protections: no rate limits, no second factor for the bench users.
const config = { ...base, loginRateLimitPerIp: 0, loginRateLimitPerUsername: 0, sensitiveRateLimitPerSession: 0, maxFailedLogins: 1000, secondFactorRequiredRoles: [] };
const deps: Deps = { db: handle.db, config, now: () => new Date() };
const app = await buildApp(deps, {});
const address = await app.listen({ port: 0, host: '127.0.0.1' });

type User = { id: string; username: string; cookie: string; actor: RequestActor; hromadaId: string };
async function login(username: string): Promise<User> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session')?.value;
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const u = await deps.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirstOrThrow();
  const grants = await loadGrants(deps, u.id);
  const actor: RequestActor = { userId: u.id, username: u.username, ip: 'bench', grants };
  return { id: u.id, username, cookie: `rodyna_session=${cookie}`, actor, hromadaId: grants.find((g) => g.hromadaId)?.hromadaId ?? '' };
}

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

type Stat = { p50: number; p95: number; rps: number; n: number; errors: number };
type Target = { path: string; cookie: string };

async function viaApi(targets: Target[], conns: number): Promise<Stat> {
  let k = 0;
  const times: number[] = [];
  const inst = autocannon({
    url: address,
    connections: conns,
    duration,
    requests: [
      {
        setupRequest: (req) => {
          const t = targets[k++ % targets.length] as Target;
          return { ...req, method: 'GET', path: t.path, headers: { cookie: t.cookie } };
        },
      },
    ],
  });
  inst.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => times.push(time));
  const result = await inst;
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rps: times.length / duration, n: times.length, errors: result.non2xx + result.errors + result.timeouts };
}

async function viaDriver(calls: Array<() => Promise<unknown>>, conns: number): Promise<Stat> {
  const times: number[] = [];
  const until = performance.now() + duration * 1000;
  let k = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (performance.now() < until) {
        const call = calls[k++ % calls.length] as () => Promise<unknown>;
        const s = performance.now();
        try {
          await call();
        } catch {
          errors += 1;
        }
        times.push(performance.now() - s);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rps: times.length / duration, n: times.length, errors };
}

const rows: Array<{ name: string; conns: number; api: Stat; raw: Stat; target: string }> = [];
async function measure(name: string, target: string, conns: number, targets: Target[], calls: Array<() => Promise<unknown>>): Promise<void> {
  if (values.only && !name.includes(values.only)) return;
  if (targets.length === 0) {
    console.log(`${name}: nothing to measure on this database`);
    return;
  }
  // One warm-up pass of each.
  await viaDriver(calls.slice(0, 4), 1).catch(() => undefined);
  const api = await viaApi(targets, conns);
  const raw = await viaDriver(calls, conns);
  rows.push({ name, conns, api, raw, target });
  console.log(`${name.padEnd(44)} c=${String(conns).padStart(2)}  API p50 ${api.p50.toFixed(1).padStart(7)} p95 ${api.p95.toFixed(1).padStart(7)} ms ${api.rps.toFixed(0).padStart(5)} req/s${api.errors ? ` (${api.errors} errors)` : ''} | SQL p50 ${raw.p50.toFixed(1).padStart(7)} p95 ${raw.p95.toFixed(1).padStart(7)} ms ${raw.rps.toFixed(0).padStart(5)} q/s | API/raw p50 ${(api.p50 / raw.p50).toFixed(2)}  [target ${target}]`);
}

const validUuid = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

// ---- who and what -------------------------------------------------------------------------------------------------
const counts = (await sql<{ cases: number; persons: number; episodes: number }>`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM care_episodes)::int AS episodes`.execute(deps.db)).rows[0];
const version = (await sql<{ v: string }>`SELECT version() AS v`.execute(deps.db)).rows[0]?.v ?? '';
console.log(`engine ${handle.kind}; ${version.split(',')[0]}; ${counts?.cases} cases, ${counts?.persons} persons, ${counts?.episodes} care episodes`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ${duration} s per measurement`);

// The 32 busiest case managers: each connection is a different user with a real session.
const busiest = await deps.db
  .selectFrom('cases')
  .innerJoin('users as u', 'u.id', 'cases.case_manager_id')
  .select(['u.username', sql<number>`count(*)::int`.as('n')])
  .where('cases.status', '=', 'open')
  // Only ids the API accepts as uuids (data generated before the generator made version-8 uuids has some that are not).
  .where(sql<boolean>`cases.hromada_id::text ~ ${validUuid}`)
  .groupBy('u.username')
  .orderBy('n', 'desc')
  .limit(connections)
  .execute();
const cms: User[] = [];
for (const b of busiest) cms.push(await login(b.username));
const today = todayInKyiv(new Date());
console.log(`case managers: ${cms.length} (open cases each: ${busiest[0]?.n ?? 0} … ${busiest[busiest.length - 1]?.n ?? 0})`);

// Worklist, first page and a deeper page (keyset cursor).
await measure(
  'GET /api/v1/cases?limit=50 (worklist)',
  'p95 ≤ 50 ms',
  connections,
  cms.map((u) => ({ path: '/api/v1/cases?status=open&limit=50', cookie: u.cookie })),
  cms.map((u) => async () => {
    const page = await listVisibleCases(deps.db, caseScopeOf(u.actor), { status: 'open', limit: 50, after: null, today });
    const ids = page.slice(0, 50).map((r) => r.id);
    await listCaseMembers(deps.db, ids);
    await listCaseDeadlines(deps.db, ids);
  }),
);

// The worklist of the Child Affairs Service of the largest hromada (every case of the hromada is in scope).
const bigCas = await deps.db
  .selectFrom('user_roles as r')
  .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
  .innerJoin('users as u', 'u.id', 'r.user_id')
  .innerJoin('territories as h', 'h.id', 'o.hromada_id')
  .select('u.username')
  .where('r.role', '=', 'child_affairs_specialist')
  .where('o.type', '=', 'cas')
  .orderBy(sql`h.child_population DESC NULLS LAST`)
  .limit(1)
  .executeTakeFirst();
if (bigCas) {
  const cas = await login(bigCas.username);
  await measure(
    'GET /api/v1/cases (CAS of the largest hromada)',
    'p95 ≤ 50 ms',
    connections,
    [{ path: '/api/v1/cases?status=open&limit=50', cookie: cas.cookie }],
    [async () => listVisibleCases(deps.db, caseScopeOf(cas.actor), { status: 'open', limit: 50, after: null, today })],
  );
}

// Person search (duplicate check) in each case manager's hromada, with names of persons that exist there.
const searchTargets: Target[] = [];
const searchCalls: Array<() => Promise<unknown>> = [];
for (const u of cms) {
  const sample = await sql<{ surname: string; given_name: string; birth_date: string }>`SELECT surname, given_name, birth_date FROM persons WHERE hromada_id = ${u.hromadaId} ORDER BY id LIMIT 4`.execute(deps.db);
  for (const [i, p] of sample.rows.entries()) {
    const withBirth = i % 2 === 0;
    const qs = new URLSearchParams({ hromadaId: u.hromadaId, surname: p.surname, givenName: p.given_name, ...(withBirth ? { birthDate: p.birth_date } : {}) });
    searchTargets.push({ path: `/api/v1/persons/matches?${qs.toString()}`, cookie: u.cookie });
    const nameKey = normalizeNameForMatch(`${p.surname} ${p.given_name}`);
    const latin = `${looseLatinKey(p.surname)} ${looseLatinKey(p.given_name)}`.trim();
    const birth = withBirth ? p.birth_date : null;
    searchCalls.push(() => deps.db.transaction().execute((trx) => matchingPersons(trx, { hromadaId: u.hromadaId, nameKey, latin, birthDate: birth })));
  }
}
await measure('GET /api/v1/persons/matches (person search)', 'p95 ≤ 50 ms', connections, searchTargets, searchCalls);

// The case page of cases in each case manager's worklist.
const caseTargets: Target[] = [];
const caseCalls: Array<() => Promise<unknown>> = [];
for (const u of cms) {
  const own = await deps.db.selectFrom('cases').select('id').where('case_manager_id', '=', u.id).where('status', '=', 'open').where(sql<boolean>`id::text ~ ${validUuid}`).orderBy('id').limit(5).execute();
  for (const c of own) {
    caseTargets.push({ path: `/api/v1/cases/${c.id}`, cookie: u.cookie });
    caseCalls.push(async () => {
      await findCaseWithAccessFacts(deps.db, c.id, today);
      await listCaseMembers(deps.db, [c.id]);
      await listCaseDeadlines(deps.db, [c.id]);
      await deps.db.selectFrom('notifications').selectAll().where('case_id', '=', c.id).executeTakeFirst();
      await deps.db.selectFrom('needs_assessments').selectAll().where('case_id', '=', c.id).orderBy('created_at', 'desc').executeTakeFirst();
      await deps.db.selectFrom('case_events').selectAll().where('case_id', '=', c.id).orderBy('at', 'desc').limit(500).execute();
    });
  }
}
await measure('GET /api/v1/cases/{id} (case page)', 'p95 ≤ 50 ms', connections, caseTargets, caseCalls);

// Indicator tables: national (units = oblasts) with a full disaggregation, and one hromada.
const analystName = (await deps.db.selectFrom('users').select('username').where('username', 'in', ['analyst.ns', 'analyst.national']).orderBy('username', 'desc').executeTakeFirst())?.username;
if (analystName) {
  const analyst = await login(analystName);
  const hromada = cms[0]?.hromadaId ?? null;
  const tables: Array<[string, string, string | null]> = [
    ['SG4.3', 'age', null],
    ['SG1.9', 'care_type', null],
    ['OC7', 'settlement', null],
    ['SG4.3', 'age', hromada],
    ['SG1.9', 'sex', hromada],
  ];
  for (const [code, disaggregation, territoryId] of tables) {
    const qs = new URLSearchParams({ period, disaggregation, ...(territoryId ? { territoryId } : {}) });
    const national = territoryId === null;
    await measure(
      `GET /api/v1/indicators/${code}/table ${national ? 'national' : 'hromada'} by ${disaggregation}`,
      national ? '≤ 1 s' : '≤ 50 ms',
      national ? reportConnections : connections,
      [{ path: `/api/v1/indicators/${encodeURIComponent(code)}/table?${qs.toString()}`, cookie: analyst.cookie }],
      [() => computeIndicatorTable(deps.db, code, { territoryId, period, disaggregation: disaggregation as never })],
    );
  }
}

console.log(`\nreproduce: ${handle.kind === 'postgres' ? 'DATABASE_URL=<the database> ' : `DATA_DIR=${base.dataDir} `}npm run bench -- --duration ${duration} --connections ${connections} --report-connections ${reportConnections} --period ${period}`);
await app.close();
await handle.close();
