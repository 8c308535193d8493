import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServerDatabase } from '#test/db.ts';

/** Runs the server until it exits (or 90 s), answering the exit code and the output. */
async function runServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['src/server/main.ts', ...args], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', SECOND_FACTOR_KEY: '', SECOND_FACTOR_REQUIRED_ROLES: undefined, ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('second factor at server start', () => {
  it('refuses to start without demo data and without SECOND_FACTOR_KEY (the development key is for demos only)', async () => {
    const db = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
    const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-sf-start-'));
    try {
      const { code, output } = await runServer([], db ? { DATABASE_URL: db.url } : { DATA_DIR: dir, DATABASE_URL: '' });
      expect(code).toBe(1);
      expect(output).toContain('SECOND_FACTOR_KEY is not set');
    } finally {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
