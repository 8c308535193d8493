// Worklist and case-page latency on a hromada with many open cases, through the real HTTP stack (app.inject).
// Run: npm run bench:worklist [-- --cases 2000 --runs 200]   (DATABASE_URL=… to measure a PostgreSQL server)
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openPglite, openPostgres } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import { buildApp } from '../src/server/http/app.ts';
import type { Deps } from '../src/server/lib/context.ts';
import { loadGrants } from '../src/server/services/auth.service.ts';
import { submitNotification } from '../src/server/services/intake.service.ts';
import { createServerDatabase, testConfig } from '../test/db.ts';
import { aNotification } from '../test/factories.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '2000' }, runs: { type: 'string', default: '200' } } });
const caseCount = Number(values.cases);
const runs = Number(values.runs);

const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
const handle = server ? await openPostgres(server.url, 10) : await openPglite(null);
await migrate(handle);
const deps: Deps = { db: handle.db, config: testConfig({ maxFailedLogins: 1000 }), now: () => new Date() };
await seedDemo(deps);

const cm = await deps.db.selectFrom('users').select(['id', 'username']).where('username', '=', 'cm.bucha').executeTakeFirstOrThrow();
const grants = await loadGrants(deps, cm.id);
const actor = { userId: cm.id, username: cm.username, ip: 'bench', grants };
const bucha = grants[0]?.hromadaId ?? '';
const t0 = performance.now();
for (let i = 0; i < caseCount; i += 1) {
  await submitNotification(deps, actor, aNotification(bucha, { childFactors: i % 7 === 0 ? ['domestic_violence'] : ['parents_evading_duties'] }));
}
const seedSeconds = (performance.now() - t0) / 1000;

const app = await buildApp(deps, {});
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cm.bucha', password: 'Rodyna-Demo-2026' } });
const cookie = login.cookies.find((c) => c.name === 'rodyna_session')?.value ?? '';
const headers = { cookie: `rodyna_session=${cookie}` };

async function measure(name: string, url: () => string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const s = performance.now();
    const res = await app.inject({ method: 'GET', url: url(), headers });
    times.push(performance.now() - s);
    if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]?.toFixed(1);
  console.log(`${name.padEnd(34)} p50 ${q(0.5)} ms   p95 ${q(0.95)} ms   max ${q(1)} ms   (${runs} requests)`);
}

const first = await app.inject({ method: 'GET', url: '/api/v1/cases?limit=50', headers });
const page = JSON.parse(first.body) as { items: Array<{ id: string }>; nextCursor: string };
const ids = page.items.map((c) => c.id);
console.log(`engine: ${handle.kind}; open cases of cm.bucha: ${caseCount + 2}; seeding through the intake service took ${seedSeconds.toFixed(1)} s`);
await measure('GET /api/v1/cases?limit=50', () => '/api/v1/cases?limit=50');
await measure('GET /api/v1/cases (2nd page)', () => `/api/v1/cases?limit=50&cursor=${page.nextCursor}`);
let k = 0;
await measure('GET /api/v1/cases/{id}', () => `/api/v1/cases/${ids[k++ % ids.length]}`);
console.log(`reproduce: npm run bench:worklist -- --cases ${caseCount} --runs ${runs}${server ? '  (with DATABASE_URL set)' : ''}`);

await app.close();
await handle.close();
await server?.drop();
