import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { openPglite } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Database } from '../db/schema.ts';
import { seedDemo } from '../db/seed/demo.ts';
import { verifyAuditChain } from './audit.service.ts';
import { backupDatabase, dependencyOrder, notBackedUp, restoreDatabase } from './backup.service.ts';

const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const dir = mkdtempSync(path.join(tmpdir(), 'rodyna-backup-'));
let source: TestDatabase;
const opened: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  opened.push(t);
  return t;
}

/** Every table's rows as text, ordered by primary key, all columns; and the sequences. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = await sql<{ table: string; pk: string }>`
    SELECT c.relname AS table, string_agg(quote_ident(a.attname), ',' ORDER BY k.ord) AS pk FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND i.indisprimary AND c.relname <> 'schema_migrations' GROUP BY c.relname ORDER BY c.relname`.execute(db);
  const out: Record<string, string[]> = {};
  for (const t of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT to_jsonb(r)::text AS j FROM ${sql.table(t.table)} AS r ORDER BY ${sql.raw(t.pk)}`.execute(db);
    out[t.table] = rows.rows.map((r) => r.j);
  }
  const seqs = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`.execute(db);
  for (const s of seqs.rows) {
    const r = await sql<{ v: string }>`SELECT last_value::text || ':' || is_called::text AS v FROM ${sql.table(s.name)}`.execute(db);
    out[`sequence ${s.name}`] = r.rows.map((x) => x.v);
  }
  return out;
}

beforeAll(async () => {
  source = await freshDatabase();
  await seedDemo(source.deps);
  // A signed-in user and a sign-in halfway (password given, code pending): live secrets a restore does not carry over.
  const cm = await source.deps.db.selectFrom('users').select('id').where('username', '=', 'cm.bucha').executeTakeFirstOrThrow();
  await source.deps.db.insertInto('sessions').values({ id: 'hashed-token', user_id: cm.id, expires_at: new Date(Date.now() + 3_600_000) }).execute();
  await source.deps.db.insertInto('login_challenges').values({ id: 'hashed-pending-token', user_id: cm.id, expires_at: new Date(Date.now() + 300_000) }).execute();
}, 240_000);
afterAll(async () => {
  for (const t of opened) await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The indicator rollups are a cache of the records, not backed up (`notBackedUp`): compare everything else. */
const derived = ['indicator_rollups', 'indicator_rollup_cells', 'indicator_rollup_versions', 'indicator_rollup_links'];
function withoutDerived<T extends Record<string, unknown>>(snap: T): T {
  for (const t of derived) delete snap[t];
  return snap;
}

describe(`backup and restore on ${engine} (SPEC §11)`, () => {
  const file = path.join(dir, 'demo.rodyna-backup.gz');

  it('restores the full demo into an empty database row for row, with sequences and a verifying audit chain', async () => {
    // Small batches, so keyset pagination (also over composite keys) and batched inserts are exercised on the demo.
    const small = path.join(dir, 'small-batches.gz');
    const smallWritten = await backupDatabase(source.deps, source.handle.kind, small, { batchRows: 7 });
    const smallTarget = await freshDatabase();
    expect(await restoreDatabase(smallTarget.deps, small, { batchRows: 5 })).toMatchObject({ rows: smallWritten.rows, audit: { ok: true } });

    const t0 = performance.now();
    const written = await backupDatabase(source.deps, source.handle.kind, file);
    const backupMs = performance.now() - t0;
    const target = await freshDatabase();
    const t1 = performance.now();
    const restored = await restoreDatabase(target.deps, file);
    const restoreMs = performance.now() - t1;
    console.log(`backup of the demo on ${engine}: ${written.tables} tables, ${written.rows} rows, ${(written.bytes / 1024).toFixed(1)} KiB gzip'd; backup ${backupMs.toFixed(0)} ms, restore ${restoreMs.toFixed(0)} ms`);

    expect(written.rows).toBeGreaterThan(500);
    expect(restored).toMatchObject({ tables: written.tables, rows: written.rows, audit: { ok: true } });
    const before = await snapshot(source.deps.db);
    const after = await snapshot(target.deps.db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(derived.every((t) => notBackedUp.has(t))).toBe(true);
    withoutDerived(before);
    withoutDerived(after);
    expect(before.sessions).toHaveLength(1);
    expect(before.login_challenges).toHaveLength(1);
    expect(after.sessions).toEqual([]);
    expect(after.login_challenges).toEqual([]);
    // The file itself carries neither the session nor the pending challenge, not even their hashes.
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).not.toContain('hashed-token');
    expect(text).not.toContain('hashed-pending-token');
    before.sessions = [];
    before.login_challenges = [];
    // Every other table compares row for row.
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(withoutDerived(await snapshot(smallTarget.deps.db))).toEqual(before);
    expect(before.cases?.length).toBeGreaterThan(0);
    expect(before.case_events?.length).toBeGreaterThan(0);
    expect(before.audit_log?.length).toBeGreaterThan(0);
    const audit = await verifyAuditChain(target.deps);
    expect(audit).toEqual({ ok: true, rows: before.audit_log?.length });
    // The restored copy goes on: the next case number and audit entry follow the restored ones.
    const nextCase = await sql<{ n: string }>`SELECT nextval('case_number_seq')::text AS n`.execute(target.deps.db);
    const nextCaseSource = await sql<{ n: string }>`SELECT nextval('case_number_seq')::text AS n`.execute(source.deps.db);
    expect(nextCase.rows[0]?.n).toBe(nextCaseSource.rows[0]?.n);
  }, 240_000);

  it.skipIf(engine !== 'postgres')('restores a PostgreSQL backup into the embedded database (engine-independent format)', async () => {
    const embedded = await openPglite(null);
    try {
      await migrate(embedded);
      expect(await restoreDatabase({ db: embedded.db }, file)).toMatchObject({ audit: { ok: true } });
      const before = withoutDerived(await snapshot(source.deps.db));
      before.sessions = [];
      before.login_challenges = [];
      const after = withoutDerived(await snapshot(embedded.db));
      for (const table of Object.keys(before).filter((k) => !k.startsWith('sequence'))) expect(after[table], table).toEqual(before[table]);
    } finally {
      await embedded.close();
    }
  }, 240_000);

  it('refuses a target that is not empty, and leaves it untouched', async () => {
    const target = await freshDatabase();
    await restoreDatabase(target.deps, file);
    const before = await snapshot(target.deps.db);
    await expect(restoreDatabase(target.deps, file)).rejects.toMatchObject({ code: 'restore_target_not_empty', message: expect.stringMatching(/not empty/) });
    await expect(restoreDatabase(source.deps, file)).rejects.toMatchObject({ code: 'restore_target_not_empty' });
    expect(await snapshot(target.deps.db)).toEqual(before);
  }, 240_000);

  it('refuses files that are not backups, damaged backups, and backups of other migrations; nothing is written', async () => {
    const target = await freshDatabase();
    const empty = await snapshot(target.deps.db);
    const notGzip = path.join(dir, 'plain.txt');
    writeFileSync(notGzip, 'hello');
    await expect(restoreDatabase(target.deps, notGzip)).rejects.toMatchObject({ code: 'backup_invalid' });
    const otherFormat = path.join(dir, 'other.gz');
    writeFileSync(otherFormat, gzipSync('{"some":"json"}\n'));
    await expect(restoreDatabase(target.deps, otherFormat)).rejects.toMatchObject({ code: 'backup_invalid' });

    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] as string) as [string, { version: number; migrations: Array<{ version: number; name: string }> }];
    const withHeader = (h: unknown, rest = lines.slice(1)) => gzipSync([JSON.stringify(h), ...rest].join('\n'));
    const newer = path.join(dir, 'newer.gz');
    writeFileSync(newer, withHeader([header[0], { ...header[1], migrations: [...header[1].migrations, { version: 9999, name: '9999_future' }] }]));
    await expect(restoreDatabase(target.deps, newer)).rejects.toMatchObject({ code: 'backup_migrations_differ', message: expect.stringMatching(/9999_future/) });
    const version = path.join(dir, 'version.gz');
    writeFileSync(version, withHeader([header[0], { ...header[1], version: 2 }]));
    await expect(restoreDatabase(target.deps, version)).rejects.toMatchObject({ code: 'backup_version_unsupported' });
    const truncated = path.join(dir, 'truncated.gz');
    writeFileSync(truncated, withHeader(header, lines.slice(1, Math.floor(lines.length / 2))));
    await expect(restoreDatabase(target.deps, truncated)).rejects.toMatchObject({ code: 'backup_invalid' });
    expect(await snapshot(target.deps.db)).toEqual(empty);
  }, 240_000);

  it('orders tables parents first and defers self-references and cycles', () => {
    const { order, deferred } = dependencyOrder(['c', 'b', 'a', 'x', 'y'], [
      { name: 'c_b', child: 'c', parent: 'b' },
      { name: 'b_a', child: 'b', parent: 'a' },
      { name: 'a_a', child: 'a', parent: 'a' },
      { name: 'x_y', child: 'x', parent: 'y' },
      { name: 'y_x', child: 'y', parent: 'x' },
    ]);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(order).toHaveLength(5);
    expect([...deferred].sort()).toEqual(['a_a', 'x_y']);
  });
});

describe.skipIf(engine !== 'pglite')('rodyna backup / restore through the command line', () => {
  it('round-trips the demo between two data folders and refuses a second restore', () => {
    const run = (dataDir: string, ...args: string[]) =>
      spawnSync(process.execPath, ['src/cli/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 240_000 });
    const a = path.join(dir, 'cli-a');
    const b = path.join(dir, 'cli-b');
    const file = path.join(dir, 'cli.rodyna-backup.gz');
    expect(run(a, 'seed', '--demo').status).toBe(0);
    const backup = run(a, 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/backup written: \d+ tables, \d+ rows/);
    const restore = run(b, 'restore', file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/restored \d+ tables, \d+ rows; audit_log intact/);
    const verify = run(b, 'audit', 'verify');
    expect(verify.stdout).toMatch(/audit_log intact: \d+ rows verified/);
    const again = run(b, 'restore', file);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty.*\(restore_target_not_empty\)/);
    const users = run(b, 'users', 'list');
    expect(users.stdout).toContain('cm.bucha');
  }, 300_000);
});
