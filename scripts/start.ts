// `npm start`: build the web app when its sources changed, then run the server with demo data on the embedded database.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = 'dist/web/index.html';
const sources = ['src/web', 'src/contracts', 'src/domain', 'vite.config.ts'];
const stale = !existsSync(built) || Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs))) > statSync(built).mtimeMs;
if (stale) {
  console.log('[rodyna] building the web app…');
  const res = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
const server = spawn(process.execPath, ['src/server/main.ts', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => server.kill(s));
server.on('exit', (code) => process.exit(code ?? 0));
