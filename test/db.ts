import { randomBytes } from 'node:crypto';
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

/** Creates a fresh database with the UTF-8 locale needed for Cyrillic lower() and trigrams. */
export async function createServerDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rodyna_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} LOCALE 'C.UTF-8' TEMPLATE template0`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Opens a migrated database for a test file (ARCHITECTURE habit 6). */
export async function createTestDatabase(config: Config = testConfig(), clock: () => Date = () => new Date()): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const created = await createServerDatabase(baseUrl);
    const handle = await openPostgres(created.url, 4);
    await migrate(handle);
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
  const handle = await openPglite(null);
  await migrate(handle);
  return { handle, url: null, deps: { db: handle.db, config, now: clock }, close: () => handle.close() };
}

const keep = new Set(['schema_migrations', 'deadline_rules', 'calendar_regimes', 'audit_head', 'service_catalogue']);

/** Empties every table but configuration, so each test starts clean; the audit chain restarts from genesis. */
export async function resetDatabase(handle: DbHandle): Promise<void> {
  const tables = await sql<{ tablename: string }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(handle.db);
  const names = tables.rows.map((t) => t.tablename).filter((t) => !keep.has(t));
  await handle.exec(`BEGIN; SET LOCAL session_replication_role = replica; TRUNCATE ${names.join(', ')} CASCADE; UPDATE audit_head SET last_id = 0, last_hash = 'genesis'; COMMIT;`);
}
