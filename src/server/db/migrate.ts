import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A numbered plain-SQL migration file. */
export type Migration = { version: number; name: string; sql: string };

/** Reads `NNNN_name.sql` files in order. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

async function appliedVersions(handle: DbHandle): Promise<Set<number>> {
  const rows = await handle.db.selectFrom('schema_migrations').select('version').execute();
  return new Set(rows.map((r) => r.version));
}

/**
 * Applies pending migrations in order, each in one transaction with its bookkeeping row.
 * Safe at every start and when two servers start at once: the transaction takes an advisory lock,
 * and a migration that lost the race is found applied on the re-check.
 */
export async function migrate(handle: DbHandle, log: (msg: string) => void = () => {}): Promise<string[]> {
  await handle.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: string[] = [];
  for (const m of readMigrations()) {
    if ((await appliedVersions(handle)).has(m.version)) continue;
    try {
      await handle.exec(`BEGIN;\nSELECT pg_advisory_xact_lock(727274);\n${m.sql}\n;INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name}');\nCOMMIT;`);
    } catch (err) {
      if ((await appliedVersions(handle)).has(m.version)) continue;
      throw err;
    }
    applied.push(m.name);
    log(`applied migration ${m.name}`);
  }
  return applied;
}
