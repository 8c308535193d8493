// Backup and restore of the demo (plus extra cases) on PGlite or PostgreSQL: size, time, rows per second.
// Run: npm run bench:backup [-- --cases 2000]   (DATABASE_URL=… to measure a PostgreSQL server)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openPglite, openPostgres, type DbHandle } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { seedDemo } from '../src/server/db/seed/demo.ts';
import type { Deps } from '../src/server/lib/context.ts';
import { loadGrants } from '../src/server/services/auth.service.ts';
import { backupDatabase, restoreDatabase } from '../src/server/services/backup.service.ts';
import { submitNotification } from '../src/server/services/intake.service.ts';
import { createServerDatabase, testConfig } from '../test/db.ts';
import { aNotification } from '../test/factories.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '0' } } });
const caseCount = Number(values.cases);
const baseUrl = process.env.DATABASE_URL;
const servers: Array<{ drop: () => Promise<void> }> = [];

async function open(): Promise<DbHandle> {
  if (!baseUrl) return openPglite(null);
  const s = await createServerDatabase(baseUrl);
  servers.push(s);
  return openPostgres(s.url, 4);
}

const source = await open();
await migrate(source);
const deps: Deps = { db: source.db, config: testConfig(), now: () => new Date() };
await seedDemo(deps);
if (caseCount > 0) {
  const cm = await deps.db.selectFrom('users').select(['id', 'username']).where('username', '=', 'cm.bucha').executeTakeFirstOrThrow();
  const grants = await loadGrants(deps, cm.id);
  const actor = { userId: cm.id, username: cm.username, ip: 'bench', grants };
  for (let i = 0; i < caseCount; i += 1) await submitNotification(deps, actor, aNotification(grants[0]?.hromadaId ?? ''));
}

const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-bench-backup-'));
const file = path.join(dir, 'bench.rodyna-backup.gz');
const t0 = performance.now();
const written = await backupDatabase(deps, source.kind, file);
const backupMs = performance.now() - t0;

const target = await open();
await migrate(target);
const t1 = performance.now();
const restored = await restoreDatabase({ db: target.db }, file);
const restoreMs = performance.now() - t1;

const engine = baseUrl ? 'PostgreSQL' : 'PGlite';
console.log(`${engine}, demo + ${caseCount} extra cases: ${written.tables} tables, ${written.rows} rows, ${(written.bytes / 1024).toFixed(1)} KiB gzip'd`);
console.log(`backup  ${backupMs.toFixed(0)} ms (${Math.round(written.rows / (backupMs / 1000))} rows/s)`);
console.log(`restore ${restoreMs.toFixed(0)} ms (${Math.round(restored.rows / (restoreMs / 1000))} rows/s), audit chain ${restored.audit.ok ? `intact (${restored.audit.rows} rows)` : 'BROKEN'}`);
console.log(`reproduce: npm run bench:backup -- --cases ${caseCount}${baseUrl ? '  (with DATABASE_URL set)' : ''}`);

await source.close();
await target.close();
for (const s of servers) await s.drop();
rmSync(dir, { recursive: true, force: true });
