import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig, type Config } from '#server/config.ts';
import { openPglite, openPostgres, type DbHandle } from '#server/db/client.ts';
import { migrate } from '#server/db/migrate.ts';
import type { Deps } from '#server/lib/context.ts';

/** A migrated database for one test file: in-memory PGlite, or a fresh database on the server of DATABASE_URL. */
export type TestDatabase = { handle: DbHandle; deps: Deps; url: string | null; close: () => Promise<void> };

/** A test configuration: fast lockout numbers, no rate limits (tests log in many times under a fixed clock; rate-limit.test.ts sets them), no files, second factor optional for everyone (second-factor tests turn it on). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), maxFailedLogins: 3, lockoutMinutes: 15, loginRateLimitPerIp: 0, loginRateLimitPerUsername: 0, sensitiveRateLimitPerSession: 0, secondFactorRequiredRoles: [], secondFactorKey: 'test-second-factor-key-0123456789abcdef', ...overrides };
}

/**
 * Creates a fresh database with the UTF-8 locale needed for Cyrillic lower() and trigrams: empty, or a copy of
 * `template` (a database made by this function, so with the same locale).
 */
export async function createServerDatabase(baseUrl: string, template?: string, prefix = 'rodyna_t'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  if (template !== undefined && !/^[a-z0-9_]+$/.test(template)) throw new Error(`not a template database name: ${template}`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} LOCALE 'C.UTF-8' TEMPLATE ${template ?? 'template0'}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The migrated template a test run starts from (test/global-setup.ts migrates once per run): a database on the server
 * to copy, or a PGlite data directory dump to load. Without it (a script outside Vitest) each database is migrated.
 */
export const TEMPLATE_DB_ENV = 'RODYNA_TEST_TEMPLATE_DB';
export const TEMPLATE_DUMP_ENV = 'RODYNA_TEST_PGLITE_TEMPLATE';

/** Opens a migrated database for a test file (ARCHITECTURE habit 6). */
export async function createTestDatabase(config: Config = testConfig(), clock: () => Date = () => new Date()): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const template = process.env[TEMPLATE_DB_ENV];
    const created = await createServerDatabase(baseUrl, template);
    const handle = await openPostgres(created.url, 4);
    if (!template) await migrate(handle);
    return {
      handle,
      url: created.url,
      deps: { db: handle.db, config, now: clock },
      close: async () => {
        await handle.close();
        await created.drop();
      },
    };
  }
  const dump = process.env[TEMPLATE_DUMP_ENV];
  const handle = dump ? await openPglite(null, new Blob([readFileSync(dump)])) : await openPglite(null);
  if (!dump) await migrate(handle);
  return { handle, url: null, deps: { db: handle.db, config, now: clock }, close: () => handle.close() };
}

const keep = new Set(['schema_migrations', 'deadline_rules', 'calendar_regimes', 'audit_head', 'service_catalogue']);

/** Empties every table but configuration, so each test starts clean; the audit chain restarts from genesis. */
export async function resetDatabase(handle: DbHandle): Promise<void> {
  const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(handle.db);
  const names = tables.rows.map((t) => t.tablename).filter((t) => !keep.has(t));
  await handle.exec(`BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE ${names.join(', ')} CASCADE; UPDATE audit_head SET last_id = 0, last_hash = 'genesis'; COMMIT;`);
}

/** A copy of every table's rows and every sequence's position, taken once a test file's world is seeded. */
export type Snapshot = { restoreScript: string };

const SNAPSHOT_SCHEMA = 'test_snapshot';

/**
 * Copies every table (but the migration record) into a schema of its own and notes where each sequence stands, so
 * that `restoreSnapshot` brings the database back to this state far quicker than emptying and seeding it again.
 */
export async function takeSnapshot(handle: DbHandle): Promise<Snapshot> {
  const tables = (await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`.execute(handle.db)).rows.map((t) => t.tablename);
  const columns = (
    await sql<{ table_name: string; column_name: string }>`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`.execute(handle.db)
  ).rows;
  const sequences = (await sql<{ name: string }>`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`.execute(handle.db)).rows.map((r) => r.name);
  const positions: string[] = [];
  for (const name of sequences) {
    const r = await sql<{ last_value: number | null; is_called: boolean }>`SELECT last_value, is_called FROM ${sql.raw(`public.${name}`)}`.execute(handle.db);
    const row = r.rows[0];
    if (row?.last_value != null) positions.push(`SELECT setval('public.${name}', ${Number(row.last_value)}, ${row.is_called ? 'true' : 'false'});`);
  }
  const copy = tables.map((t) => `CREATE TABLE ${SNAPSHOT_SCHEMA}.${t} AS SELECT * FROM public.${t};`).join('\n');
  await handle.exec(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE; CREATE SCHEMA ${SNAPSHOT_SCHEMA};\n${copy}`);
  const inserts = tables.map((t) => {
    const cols = columns.filter((c) => c.table_name === t).map((c) => `"${c.column_name}"`).join(', ');
    return `INSERT INTO public.${t} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM ${SNAPSHOT_SCHEMA}.${t};`;
  });
  return {
    restoreScript: `BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE ${tables.map((t) => `public.${t}`).join(', ')};\n${inserts.join('\n')}\n${positions.join('\n')}\nCOMMIT;`,
  };
}

/** Brings every table and sequence back to the snapshot (triggers and foreign-key checks are off while it copies). */
export async function restoreSnapshot(handle: DbHandle, snapshot: Snapshot): Promise<void> {
  await handle.exec(snapshot.restoreScript);
}
