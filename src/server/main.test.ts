import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServerDatabase } from '#test/db.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Starts the real server process with `--demo`, reads the public status, stops it. */
async function startWithDemoFlag(env: NodeJS.ProcessEnv): Promise<{ status: { demoMode: boolean; hasUsers: boolean }; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/server/main.ts', '--demo'], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' } });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  try {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/system/status`);
        if (res.ok) return { status: (await res.json()) as { demoMode: boolean; hasUsers: boolean }, output };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`server did not start: ${output}`);
  } finally {
    child.kill('SIGTERM');
  }
}

describe('server start', () => {
  it('loads demo data on the embedded database, never silently on a PostgreSQL server', async () => {
    if (process.env.DATABASE_URL) {
      const db = await createServerDatabase(process.env.DATABASE_URL);
      try {
        const { status, output } = await startWithDemoFlag({ DATABASE_URL: db.url });
        expect(status).toEqual({ demoMode: false, hasUsers: false });
        expect(output).toContain('never loaded silently into a PostgreSQL server');
        expect(output).toContain('users create');
      } finally {
        await db.drop();
      }
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-start-'));
      try {
        const { status } = await startWithDemoFlag({ DATA_DIR: dir, DATABASE_URL: '' });
        expect(status).toEqual({ demoMode: true, hasUsers: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 120_000);
});
