// Browser journeys: build the web app, start Rodyna on a fresh embedded database with demo data
// (exactly what the README's start command does), run each journey in Debian's Chromium, stop the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServerDatabase } from '../test/db.ts';

if (!existsSync('/usr/bin/chromium')) {
  console.error('e2e: /usr/bin/chromium is missing. Install it with `apt-get install -y chromium` (.ci/run does this).');
  process.exit(1);
}

// Every `e2e/*.e2e.ts` is a journey (`export const name`, `export async function runJourney(baseUrl)`), run in file-name
// order against one server; each journey creates the records it needs. E2E_JOURNEYS=a,b runs only the files whose
// name contains one of the given parts.
const filter = process.env.E2E_JOURNEYS?.split(',').map((s) => s.trim()).filter(Boolean);
const journeyFiles = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => !filter || filter.some((part) => f.includes(part)))
  .sort();

// The app is built into a fresh folder per run, so that two runs at once never serve each other's half-written files.
const webDir = mkdtempSync(path.join(tmpdir(), 'rodyna-e2e-web-'));
const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', webDir, '--emptyOutDir'], { stdio: 'inherit' });
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
  env: { ...process.env, DATA_DIR: dataDir, WEB_DIR: webDir, PORT: String(port), DATABASE_URL: serverDb?.url ?? '', LOG_LEVEL: 'warn' },
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
  for (const file of journeyFiles) {
    const started = Date.now();
    let name = file;
    try {
      const mod = (await import(`./${file}`)) as { name?: string; runJourney: (baseUrl: string) => Promise<void> };
      name = mod.name ?? file;
      console.log(`▶ ${name}`);
      await mod.runJourney(baseUrl);
      passed += 1;
      console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed += 1;
      console.error(`✗ ${name}\n`, err);
    }
  }
  if (journeyFiles.length === 0) {
    failed += 1;
    console.error(`e2e: no journey matches E2E_JOURNEYS=${process.env.E2E_JOURNEYS ?? ''}`);
  }
} catch (err) {
  failed += 1;
  console.error('e2e setup failed:', err);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(webDir, { recursive: true, force: true });
  await serverDb?.drop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
