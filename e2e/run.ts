// Browser journeys: build the web app, start Rodyna on a fresh embedded database with demo data
// (exactly what the README's start command does), run each journey in Debian's Chromium, stop the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServerDatabase } from '../test/db.ts';

if (!existsSync('/usr/bin/chromium')) {
  console.error('e2e: /usr/bin/chromium is missing. Install it with `apt-get install -y chromium` (.ci/run does this).');
  process.exit(1);
}

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = await new Promise<number>((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const address = srv.address();
    srv.close(() => resolve(typeof address === 'object' && address ? address.port : 3100));
  });
});
const dataDir = mkdtempSync(path.join(tmpdir(), 'rodyna-e2e-'));
// On a PostgreSQL server demo data is never loaded silently: the journey loads it on purpose with the CLI.
const serverDb = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
if (serverDb) {
  const seed = spawnSync(process.execPath, ['src/cli/main.ts', 'seed', '--demo'], { env: { ...process.env, DATABASE_URL: serverDb.url }, stdio: 'inherit' });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}
console.log(`e2e: server on ${serverDb ? 'PostgreSQL (fresh database, demo seeded by `rodyna seed --demo`)' : 'embedded PGlite with --demo'}`);
const server = spawn(process.execPath, ['src/server/main.ts', ...(serverDb ? [] : ['--demo'])], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: serverDb?.url ?? '', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const baseUrl = `http://127.0.0.1:${port}`;

async function waitForHealth(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy in 120 s');
}

let failed = 0;
let passed = 0;
try {
  await waitForHealth();
  const journeys = [{ name: 'intake → needs assessment → worklist, with axe scans', load: () => import('./journey.e2e.ts') }];
  for (const j of journeys) {
    const started = Date.now();
    try {
      const mod = await j.load();
      await mod.runJourney(baseUrl);
      passed += 1;
      console.log(`✓ ${j.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed += 1;
      console.error(`✗ ${j.name}\n`, err);
    }
  }
} catch (err) {
  failed += 1;
  console.error('e2e setup failed:', err);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
  await serverDb?.drop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
