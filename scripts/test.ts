// `npm test`: static checks, then unit and integration tests (PGlite, or the PostgreSQL server of DATABASE_URL),
// then the browser journeys. Stops at the first failing stage.
import { spawnSync } from 'node:child_process';

const bin = (name: string) => `node_modules/.bin/${name}`;
// The type check and lint keep their caches under node_modules/.cache, so a second run over unchanged files (CI runs
// the suite once per database engine) checks only what changed; a fresh clone always checks everything.
const cache = 'node_modules/.cache/rodyna';
const stages: Array<{ name: string; cmd: string; args: string[] }> = [
  { name: 'types', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', `${cache}/tsc.tsbuildinfo`] },
  { name: 'lint (incl. layer rules)', cmd: bin('eslint'), args: ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache}/eslint`] },
  { name: `unit and integration tests on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`, cmd: bin('vitest'), args: ['run'] },
  { name: 'browser journeys (Chromium)', cmd: process.execPath, args: ['e2e/run.ts'] },
];
const only = process.env.TEST_STAGES?.split(',');
let passed = 0;
for (const stage of stages) {
  if (only && !only.some((o) => stage.name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n▶ ${stage.name}`);
  const res = spawnSync(stage.cmd, stage.args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    console.log(`\n✗ ${stage.name} failed after ${secs} s`);
    console.log(`stages: ${passed} passed, 1 failed`);
    process.exit(res.status ?? 1);
  }
  passed += 1;
  console.log(`✓ ${stage.name} (${secs} s)`);
}
console.log(`\nstages: ${passed} passed, 0 failed`);
