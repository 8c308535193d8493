import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/** Which engine holds the data. */
export type DbKind = 'pglite' | 'postgres';

/** An open database: the typed query builder, a raw SQL runner for scripts, and how to close it. */
export type DbHandle = {
  db: Kysely<Database>;
  kind: DbKind;
  /** Runs a script of several statements (migrations). */
  exec: (sql: string) => Promise<void>;
  close: () => Promise<void>;
  /** PGlite only: the whole data directory as a tar file (the test run's migrated template). */
  dumpDataDir?: () => Promise<Blob>;
};

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const identity = (v: string): string => v;

// Both engines must give the same JS types (ARCHITECTURE: known facts): bigint and numeric as numbers, dates as 'YYYY-MM-DD'.
const sharedParsers: Record<number, (v: string) => unknown> = { [INT8]: Number, [NUMERIC]: Number, [DATE]: identity };

/** Opens an embedded PGlite database in `dataDir`, or in memory when `dataDir` is null; `load` starts it from a dump. */
export async function openPglite(dataDir: string | null, load?: Blob): Promise<DbHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(load ? { loadDataDir: load } : {}), extensions: { pg_trgm, btree_gin }, parsers: sharedParsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    exec: async (sql) => {
      try {
        await pglite.exec(sql);
      } catch (err) {
        await pglite.exec('ROLLBACK').catch(() => {});
        throw err;
      }
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

/** Opens a pool to a PostgreSQL server. */
export async function openPostgres(url: string, maxConnections = 10): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => sharedParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do here.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    exec: async (sql) => {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
    },
  };
}

/** Opens the database the configuration names: PostgreSQL when a URL is given, else PGlite under `dataDir`. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<DbHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(`${opts.dataDir}/pglite`);
}
