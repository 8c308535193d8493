// Load test (issue 8 item 8): N concurrent users (default 200) working for several minutes against a real Rodyna
// server process on loopback with the demo data — worklist, case page, needs-assessment act, person search, a case
// note now and then — counting every answer that is not a success as an error.
//
// Run: npm run bench:load [-- --users 200 --seconds 180 --think 1000]   (DATABASE_URL=… to load a PostgreSQL server;
// a fresh database is created on it). The server runs with the per-address login limit off, because every virtual
// user comes from 127.0.0.1 (a real deployment sees many addresses); every other limit stays as configured.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { demoPassword, seedDemo } from '../src/server/db/seed/demo.ts';
import type { Deps } from '../src/server/lib/context.ts';
import { createUser } from '../src/server/services/users.service.ts';
import { createServerDatabase } from '../test/db.ts';
import { aNotification } from '../test/factories.ts';

const { values } = parseArgs({ options: { users: { type: 'string', default: '200' }, seconds: { type: 'string', default: '180' }, think: { type: 'string', default: '1000' } } });
const userCount = Number(values.users);
const seconds = Number(values.seconds);
const thinkMs = Number(values.think);

// 1. A database with the demo data and the load's users: case managers spread over the four demo CSS.
const dataDir = mkdtempSync(path.join(tmpdir(), 'rodyna-load-'));
const serverDb = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: serverDb?.url ?? '' }) };
const handle = await openDatabase({ databaseUrl: serverDb?.url ?? null, dataDir });
await migrate(handle);
const deps: Deps = { db: handle.db, config, now: () => new Date() };
await seedDemo(deps);
const css = await deps.db
  .selectFrom('organisations')
  .select(['id', 'hromada_id'])
  .where('type', '=', 'css')
  .orderBy('name_uk')
  .execute();
const t0 = performance.now();
const users: Array<{ username: string; hromadaId: string }> = [];
for (let i = 0; i < userCount; i += 1) {
  const org = css[i % css.length];
  if (!org?.hromada_id) throw new Error('no CSS in the demo data');
  const username = `load.cm${String(i + 1).padStart(3, '0')}`;
  await createUser(deps, { username, password: demoPassword, surname: 'Навантаженко', givenName: 'Олена', patronymic: 'Петрівна', grants: [{ role: 'case_manager', organisationId: org.id }], supervisorId: null, isDemo: true }, null);
  users.push({ username, hromadaId: org.hromada_id });
}
await handle.close();
console.log(`setup: ${handle.kind}, demo data + ${userCount} case managers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// 2. The server as its own process, as in production.
const port = await new Promise<number>((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const a = srv.address();
    srv.close(() => resolve(typeof a === 'object' && a ? a.port : 3200));
  });
});
const server = spawn(process.execPath, ['src/server/main.ts'], {
  env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: serverDb?.url ?? '', PORT: String(port), LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_IP: '0', WEB_DIR: path.join(dataDir, 'no-web') },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i += 1) {
  if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 240) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 500));
}

// 3. The virtual users.
type Sample = { name: string; ms: number; ok: boolean };
const samples: Sample[] = [];
const errors = new Map<string, number>();
let measuring = false;

async function call(name: string, cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown; setCookie: string | null }> {
  const started = performance.now();
  let status = 0;
  let json: unknown = null;
  let setCookie: string | null = null;
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'content-type': 'application/json', 'x-requested-with': 'rodyna' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    status = res.status;
    setCookie = res.headers.get('set-cookie');
    json = await res.json().catch(() => null);
  } catch (e) {
    errors.set(`${name}: ${(e as Error).message}`, (errors.get(`${name}: ${(e as Error).message}`) ?? 0) + 1);
  }
  const ok = status >= 200 && status < 300;
  if (measuring) {
    samples.push({ name, ms: performance.now() - started, ok });
    if (!ok && status !== 0) errors.set(`${name}: HTTP ${status}`, (errors.get(`${name}: HTTP ${status}`) ?? 0) + 1);
  } else if (!ok) {
    throw new Error(`${name} (warm-up): ${status} ${JSON.stringify(json)}`);
  }
  return { status, json, setCookie };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(thinkMs * (0.5 + Math.random()));
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Kyiv' });

async function virtualUser(u: { username: string; hromadaId: string }, until: () => boolean): Promise<void> {
  const login = await call('login', '', 'POST', '/api/v1/auth/login', { username: u.username, password: demoPassword });
  const cookie = (login.setCookie ?? '').split(';')[0] ?? '';
  const opened = await call('intake', cookie, 'POST', '/api/v1/notifications', aNotification(u.hromadaId));
  const caseId = (opened.json as { caseId: string }).caseId;
  warmed += 1;
  await ready;
  let i = 0;
  while (until()) {
    await think();
    await call('GET /cases (worklist)', cookie, 'GET', '/api/v1/cases?limit=50');
    await think();
    await call('GET /cases/:id (case page)', cookie, 'GET', `/api/v1/cases/${caseId}`);
    await think();
    await call('GET /cases/:id/needs-assessment', cookie, 'GET', `/api/v1/cases/${caseId}/needs-assessment`);
    await think();
    await call('GET /persons/matches (search)', cookie, 'GET', `/api/v1/persons/matches?hromadaId=${u.hromadaId}&surname=${encodeURIComponent('Тестенко')}`);
    if (i % 5 === 0) {
      await think();
      await call('POST /cases/:id/notes (write)', cookie, 'POST', `/api/v1/cases/${caseId}/notes`, { kind: 'office_meeting', noteDate: today, text: `Зустріч у центрі, навантажувальний тест ${i}` });
    }
    i += 1;
  }
}

let warmed = 0;
let release: () => void = () => {};
const ready = new Promise<void>((r) => (release = r));
let stopAt = 0;
const running = users.map((u) => virtualUser(u, () => performance.now() < stopAt));
// Every user logs in and opens a case first (warm-up, not measured); then all start together.
const warmUp = Promise.all(running);
while (warmed < userCount) {
  await Promise.race([warmUp, sleep(200)]);
}
measuring = true;
const started = performance.now();
stopAt = started + seconds * 1000;
release();
await Promise.all(running);
const elapsed = (performance.now() - started) / 1000;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
if (serverDb) await serverDb.drop();

// 4. Figures.
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const rows = [...new Set(samples.map((s) => s.name))].map((name) => {
  const xs = samples.filter((s) => s.name === name).map((s) => s.ms).sort((a, b) => a - b);
  return { name, n: xs.length, p50: q(xs, 0.5), p95: q(xs, 0.95), p99: q(xs, 0.99), max: xs[xs.length - 1] ?? 0 };
});
const all = samples.map((s) => s.ms).sort((a, b) => a - b);
const failed = samples.filter((s) => !s.ok).length;
console.log(`\nload: ${userCount} concurrent users, ${elapsed.toFixed(0)} s, think time ${thinkMs} ms ±50 %, engine ${handle.kind}, ${cpus().length} cores, Node ${process.version}`);
console.log('request'.padEnd(36) + 'count'.padStart(8) + 'p50 ms'.padStart(9) + 'p95 ms'.padStart(9) + 'p99 ms'.padStart(9) + 'max ms'.padStart(9));
for (const r of [...rows, { name: 'all requests', n: all.length, p50: q(all, 0.5), p95: q(all, 0.95), p99: q(all, 0.99), max: all[all.length - 1] ?? 0 }]) {
  console.log(r.name.padEnd(36) + String(r.n).padStart(8) + r.p50.toFixed(1).padStart(9) + r.p95.toFixed(1).padStart(9) + r.p99.toFixed(1).padStart(9) + r.max.toFixed(0).padStart(9));
}
console.log(`throughput ${(all.length / elapsed).toFixed(1)} requests/s; errors ${failed} of ${all.length}`);
for (const [k, n] of errors) console.log(`  error ${k}: ${n}`);
console.log(`reproduce: ${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:load -- --users ${userCount} --seconds ${seconds} --think ${thinkMs}`);
process.exit(failed > 0 || errors.size > 0 ? 1 : 0);
