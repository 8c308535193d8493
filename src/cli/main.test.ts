import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase } from '#test/db.ts';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-cli-'));
  const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  env = { ...process.env, DATA_DIR: dir, DATABASE_URL: server?.url ?? '' };
  cleanup = async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.drop();
  };
});
afterAll(async () => cleanup());

const cli = (args: string[], extra: NodeJS.ProcessEnv = {}) => run(process.execPath, ['src/cli/main.ts', ...args], { env: { ...env, ...extra } });
const fails = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
  cli(args, extra).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );

describe('rodyna CLI', () => {
  it('migrates, seeds demo data once, creates, lists and disables users, and changes a deadline rule', async () => {
    expect((await cli(['migrate'])).stdout).toContain('migrations applied');
    expect((await cli(['seed', '--demo'])).stdout).toContain('demo data loaded');
    expect((await cli(['seed', '--demo'])).stdout).toContain('already there');
    const orgs = (await cli(['organisations', 'list'])).stdout.trim().split('\n');
    const css = orgs.find((l) => l.includes('\tcss\t'))?.split('\t')[0] ?? '';
    expect(css).toMatch(/^[0-9a-f-]{36}$/);

    const create = ['users', 'create', '--username', 'olena.k', '--surname', 'Коваль', '--given-name', 'Олена', '--role', 'case_manager', '--organisation', css, '--supervisor', 'sv.bucha'];
    expect((await cli(create, { RODYNA_PASSWORD: 'a-long-enough-password' })).stdout).toContain('created user olena.k');
    expect(await fails(create, { RODYNA_PASSWORD: 'a-long-enough-password' })).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('username_taken') }));
    expect(await fails([...create.slice(0, 3), 'weak.one', ...create.slice(4)], { RODYNA_PASSWORD: 'short' })).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining('weak_password') }));
    expect(await fails(['users', 'create', '--username', 'x.y', '--surname', 'А', '--given-name', 'Б', '--role', 'wizard', '--organisation', css], { RODYNA_PASSWORD: 'a-long-enough-password' })).toEqual(expect.objectContaining({ code: 1 }));

    const list = (await cli(['users', 'list'])).stdout;
    expect(list).toMatch(/olena\.k\tactive\tКоваль Олена\tcase_manager@/);
    expect((await cli(['users', 'disable', 'olena.k'])).stdout).toContain('disabled olena.k');
    expect((await cli(['users', 'list'])).stdout).toMatch(/olena\.k\tdisabled/);

    expect((await cli(['deadlines', 'set', 'needs_assessment', '7', '--unit', 'working_days', '--case-type', 'reintegration', '--source-uk', '7 робочих днів — постанова КМУ № 587', '--source-en', '7 working days — CMU Resolution No. 587'])).stdout).toContain('needs_assessment');
    const rules = (await cli(['deadlines', 'list'])).stdout;
    expect(rules).toMatch(/needs_assessment\treintegration\t7 working_days/);
    expect(rules).toMatch(/needs_assessment\t\*\t5 working_days/);
    expect((await cli(['audit', 'verify'])).stdout).toContain('intact');
  }, 120_000);
});
