// The measured requests of issue 7 item 7 on an existing database (generate it first with `rodyna seed --scale …`):
// each through the HTTP API under concurrency (autocannon, keep-alive, a real session cookie per user) and the same SQL
// directly through the driver at the same concurrency. Prints p50, p95, throughput and the API/raw ratio.
//   DATABASE_URL=postgres://root@127.0.0.1:5432/rodyna_national npm run bench [-- --duration 10 --connections 32 --only worklist]
//   DATA_DIR=/path/to/pglite npm run bench            (the embedded database, e.g. after `rodyna seed --scale oblast`)
// Never part of `npm test`.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
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
    users: { type: 'string', default: '32' },
    think: { type: 'string', default: '1000' },
    'users-duration': { type: 'string', default: '20' },
    'in-process': { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const reportConnections = Number(values['report-connections']);
const period = values.period;
const users = Number(values.users);
const thinkMs = Number(values.think);
const usersDuration = Number(values['users-duration']);
const password = process.env.RODYNA_PASSWORD ?? 'Rodyna-Demo-2026';

const base = loadConfig();
const handle = await openDatabase(base);
await migrate(handle);
// Measure the application, not the brute-force protections: no rate limits, no second factor for the bench users.
const config = { ...base, loginRateLimitPerIp: 0, loginRateLimitPerUsername: 0, sensitiveRateLimitPerSession: 0, maxFailedLogins: 1000, secondFactorRequiredRoles: [] };
const deps: Deps = { db: handle.db, config, now: () => new Date() };
// On PostgreSQL the server runs as its own process, as in production (the load generator and the measured server do
// not share one event loop; its retention run at start is kept out of the measurement); the embedded database can only be opened by one process, so there it runs in this one.
const separate = handle.kind === 'postgres' && !values['in-process'];
let address: string;
let stopServer: () => Promise<void>;
if (separate) {
  const port = await new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 3300));
    });
  });
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_IP: '0', LOGIN_RATE_LIMIT_PER_USERNAME: '0', SENSITIVE_RATE_LIMIT_PER_SESSION: '0', MAX_FAILED_LOGINS: '1000', SECOND_FACTOR_REQUIRED_ROLES: '', RETENTION_YEARS_AFTER_CLOSURE: '100' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  address = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${address}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 240) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
} else {
  const app = await buildApp(deps, {});
  address = await app.listen({ port: 0, host: '127.0.0.1' });
  stopServer = () => app.close();
}

type User = { id: string; username: string; cookie: string; actor: RequestActor; hromadaId: string };
async function login(username: string): Promise<User> {
  const res = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = /rodyna_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
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

/**
 * Concurrent users: each of `n` virtual users (sessions taken in turn from `targets`) sends a request, waits for the
 * whole answer, thinks `thinkMs` ± 50 % (uniform) and sends the next, for `usersDuration` seconds. This is how people
 * use the worklist and the search; the back-to-back runs (autocannon, `viaApi`) measure saturation instead.
 */
async function viaUsers(targets: Target[], n: number): Promise<Stat> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + usersDuration * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      let k = i;
      // Users do not start in step.
      await sleep(Math.random() * thinkMs);
      while (performance.now() < until) {
        const t = targets[k % targets.length] as Target;
        k += n;
        const s = performance.now();
        try {
          const res = await fetch(`${address}${t.path}`, { headers: { cookie: t.cookie } });
          await res.arrayBuffer();
          if (!res.ok) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - s);
        await sleep(thinkMs * (0.5 + Math.random()));
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rps: times.length / usersDuration, n: times.length, errors };
}

type Mode = 'users' | 'saturation';
const rows: Array<{ name: string; conns: number; people: Stat | null; api: Stat; raw: Stat; target: string; judgedBy: Mode; limitMs: number }> = [];
const fmt = (x: number) => x.toFixed(1).padStart(7);
async function measure(name: string, target: { text: string; limitMs: number; judgedBy: Mode }, conns: number, targets: Target[], calls: Array<() => Promise<unknown>>): Promise<void> {
  if (values.only && !name.includes(values.only)) return;
  if (targets.length === 0) {
    console.log(`${name}: nothing to measure on this database`);
    return;
  }
  // One warm-up pass of each request through the API (every user's first page or search reads their rows into the
  // buffer cache; the figures are for a server in use, not its first minute).
  for (const t of targets.slice(0, 128)) await fetch(`${address}${t.path}`, { headers: { cookie: t.cookie } }).then((r) => r.arrayBuffer()).catch(() => undefined);
  const people = users > 0 && target.judgedBy === 'users' ? await viaUsers(targets, users) : null;
  const api = await viaApi(targets, conns);
  const raw = await viaDriver(calls, conns);
  rows.push({ name, conns, people, api, raw, target: target.text, judgedBy: target.judgedBy, limitMs: target.limitMs });
  const judged = target.judgedBy === 'users' && people ? people : api;
  const verdict = judged.p95 <= target.limitMs ? 'met' : 'MISSED';
  console.log(name);
  if (people) console.log(`  ${String(users).padStart(3)} users, think ${thinkMs} ms ± 50 %: p50 ${fmt(people.p50)} p95 ${fmt(people.p95)} ms ${people.rps.toFixed(0).padStart(5)} req/s${people.errors ? ` (${people.errors} errors)` : ''}`);
  console.log(`  back-to-back, c=${String(conns).padStart(2)}:     p50 ${fmt(api.p50)} p95 ${fmt(api.p95)} ms ${api.rps.toFixed(0).padStart(5)} req/s${api.errors ? ` (${api.errors} errors)` : ''}`);
  console.log(`  SQL only,     c=${String(conns).padStart(2)}:     p50 ${fmt(raw.p50)} p95 ${fmt(raw.p95)} ms ${raw.rps.toFixed(0).padStart(5)} q/s | API/raw p50 ${(api.p50 / raw.p50).toFixed(2)}`);
  console.log(`  target ${target.text}: ${verdict}`);
}

const validUuid = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

const usersTarget = { text: `p95 ≤ 50 ms at ${users} concurrent users`, limitMs: 50, judgedBy: 'users' as const };

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
  usersTarget,
  connections,
  cms.map((u) => ({ path: '/api/v1/cases?status=open&limit=50', cookie: u.cookie })),
  cms.map((u) => () => listVisibleCases(deps.db, caseScopeOf(u.actor), { status: 'open', limit: 50, after: null, today })),
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
    usersTarget,
    connections,
    [{ path: '/api/v1/cases?status=open&limit=50', cookie: cas.cookie }],
    [async () => listVisibleCases(deps.db, caseScopeOf(cas.actor), { status: 'open', limit: 50, after: null, today })],
  );
}

// Person search (duplicate check) in each case manager's hromada, with names of persons that exist there.
async function searchWorkload(people: User[]): Promise<[Target[], Array<() => Promise<unknown>>]> {
  const targets: Target[] = [];
  const calls: Array<() => Promise<unknown>> = [];
  for (const [k, u] of people.entries()) {
    const sample = await sql<{ surname: string; given_name: string; birth_date: string }>`SELECT surname, given_name, birth_date FROM persons WHERE hromada_id = ${u.hromadaId} ORDER BY id OFFSET ${k * 4} LIMIT 4`.execute(deps.db);
    for (const [i, p] of sample.rows.entries()) {
      const withBirth = i % 2 === 0;
      const qs = new URLSearchParams({ hromadaId: u.hromadaId, surname: p.surname, givenName: p.given_name, ...(withBirth ? { birthDate: p.birth_date } : {}) });
      targets.push({ path: `/api/v1/persons/matches?${qs.toString()}`, cookie: u.cookie });
      const nameKey = normalizeNameForMatch(`${p.surname} ${p.given_name}`);
      const latin = `${looseLatinKey(p.surname)} ${looseLatinKey(p.given_name)}`.trim();
      const birth = withBirth ? p.birth_date : null;
      calls.push(() => matchingPersons(deps.db, { hromadaId: u.hromadaId, nameKey, latin, birthDate: birth }));
    }
  }
  return [targets, calls];
}
await measure('GET /api/v1/persons/matches (person search)', usersTarget, connections, ...(await searchWorkload(cms)));

// The same search by the case managers of the largest hromada (the capital on the national data): the most persons
// to match against.
const bigCms = await deps.db
  .selectFrom('user_roles as r')
  .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
  .innerJoin('territories as h', 'h.id', 'o.hromada_id')
  .select('r.user_id')
  .select((eb) => eb.selectFrom('users').select('users.username').whereRef('users.id', '=', 'r.user_id').as('username'))
  .where('r.role', '=', 'case_manager')
  .where('h.id', '=', (eb) => eb.selectFrom('territories').select('territories.id').where('territories.level', '=', 'hromada').orderBy(sql`child_population DESC NULLS LAST`).limit(1))
  .limit(connections)
  .execute();
const bigPeople: User[] = [];
for (const b of bigCms) if (b.username) bigPeople.push(await login(b.username));
if (bigPeople.length > 0) await measure('GET /api/v1/persons/matches (person search, largest hromada)', usersTarget, connections, ...(await searchWorkload(bigPeople)));

// The search as the country would ask it: persons sampled at random (so hromadas in proportion to their population),
// each searched for by a case manager of their hromada — the mix of small hromadas and cities the busiest case managers
// do not show.
const personCount = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM persons`.execute(deps.db)).rows[0]?.n ?? 0);
const sampledPersons = personCount
  ? (
      await sql<{ hromada_id: string; surname: string; given_name: string; birth_date: string; username: string | null }>`
        SELECT p.hromada_id, p.surname, p.given_name, p.birth_date,
          (SELECT u.username FROM user_roles r JOIN organisations o ON o.id = r.organisation_id JOIN users u ON u.id = r.user_id
            WHERE r.role = 'case_manager' AND o.hromada_id = p.hromada_id AND u.is_active ORDER BY u.username LIMIT 1) AS username
        FROM persons p TABLESAMPLE BERNOULLI (${Math.min(100, (400 * 100) / personCount)}) REPEATABLE (7)
        ORDER BY p.id LIMIT 256`.execute(deps.db)
    ).rows.filter((r) => r.username)
  : [];
const searchers = new Map<string, User>();
const mixTargets: Target[] = [];
const mixCalls: Array<() => Promise<unknown>> = [];
for (const [i, p] of sampledPersons.entries()) {
  const username = p.username as string;
  let u = searchers.get(username);
  if (!u) {
    if (searchers.size >= 64) continue;
    u = await login(username);
    searchers.set(username, u);
  }
  const withBirth = i % 2 === 0;
  const qs = new URLSearchParams({ hromadaId: p.hromada_id, surname: p.surname, givenName: p.given_name, ...(withBirth ? { birthDate: p.birth_date } : {}) });
  mixTargets.push({ path: `/api/v1/persons/matches?${qs.toString()}`, cookie: u.cookie });
  const nameKey = normalizeNameForMatch(`${p.surname} ${p.given_name}`);
  const latin = `${looseLatinKey(p.surname)} ${looseLatinKey(p.given_name)}`.trim();
  const birth = withBirth ? p.birth_date : null;
  mixCalls.push(() => matchingPersons(deps.db, { hromadaId: p.hromada_id, nameKey, latin, birthDate: birth }));
}
await measure('GET /api/v1/persons/matches (person search, persons sampled across the country)', usersTarget, connections, mixTargets, mixCalls);

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
await measure('GET /api/v1/cases/{id} (case page)', { text: 'none (p95 ≤ 50 ms shown)', limitMs: 50, judgedBy: 'users' }, connections, caseTargets, caseCalls);

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
      national ? { text: `p95 ≤ 1 s at ${reportConnections} concurrent`, limitMs: 1000, judgedBy: 'saturation' } : { text: `p95 ≤ 50 ms at ${reportConnections} concurrent`, limitMs: 50, judgedBy: 'saturation' },
      reportConnections,
      [{ path: `/api/v1/indicators/${encodeURIComponent(code)}/table?${qs.toString()}`, cookie: analyst.cookie }],
      [() => computeIndicatorTable(deps.db, code, { territoryId, period, disaggregation: disaggregation as never })],
    );
  }
}

// A table for docs/performance.md.
const cell = (st: Stat | null) => (st ? `${st.p50.toFixed(1)} / ${st.p95.toFixed(1)} ms, ${st.rps.toFixed(0)}/s` : '—');
console.log(`\n| request | ${users} users, think ${thinkMs} ms: p50 / p95, req/s | back-to-back (c): p50 / p95, req/s | SQL only (c): p50 / p95, q/s | target | |`);
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const judged = r.judgedBy === 'users' && r.people ? r.people : r.api;
  console.log(`| ${r.name} | ${cell(r.people)} | (${r.conns}) ${cell(r.api)} | (${r.conns}) ${cell(r.raw)} | ${r.target} | ${judged.p95 <= r.limitMs ? 'met' : '**missed**'} |`);
}
console.log(`\nreproduce: ${handle.kind === 'postgres' ? 'DATABASE_URL=<the database> ' : `DATA_DIR=${base.dataDir} `}npm run bench -- --duration ${duration} --connections ${connections} --report-connections ${reportConnections} --users ${users} --think ${thinkMs} --users-duration ${usersDuration} --period ${period}${separate ? '' : ' (server in the bench process)'}`);
await stopServer();
await handle.close();
