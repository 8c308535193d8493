import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createHash } from 'node:crypto';
import { Kysely, PGliteDialect, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
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

/** The trigram similarity threshold of `%` on every connection (person search, migration 0022). */
const searchThresholdSql = 'SET pg_trgm.similarity_threshold = 0.3';

/** Opens an embedded PGlite database in `dataDir`, or in memory when `dataDir` is null; `load` starts it from a dump. */
export async function openPglite(dataDir: string | null, load?: Blob): Promise<DbHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(load ? { loadDataDir: load } : {}), extensions: { pg_trgm, btree_gin, btree_gist }, parsers: sharedParsers });
  await pglite.exec(searchThresholdSql);
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

/** At most this many named statements per pooled connection; later ones run unnamed (parsed each time). */
const namedStatementsPerConnection = 400;

/**
 * The pool as Kysely sees it, with every statement that has parameters sent as a named prepared statement, so that a
 * connection parses and analyses it once (≈ 1–2 ms of PostgreSQL's time on the worklist statement; docs/performance.md).
 * The name is a hash of the text: the same text always has the same name, different texts never share one.
 */
function namingStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const namesOf = new WeakMap<pg.PoolClient, Set<string>>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const names = new Set<string>();
    namesOf.set(client, names);
    const query = (text: unknown, values?: unknown[]) => {
      if (typeof text !== 'string' || !values || values.length === 0) return client.query(text as string, values);
      const name = `r${createHash('sha1').update(text).digest('base64url')}`;
      if (names.has(name) || names.size < namedStatementsPerConnection) {
        names.add(name);
        return client.query({ name, text, values });
      }
      return client.query(text, values);
    };
    return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
  };
  return {
    options: pool.options,
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = wrap(client);
        wrapped.set(client, w);
      }
      return w;
    },
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
  // Person search's `%` candidates must include every similarity the thresholds after it accept (persons.service.ts),
  // whatever the server's own default is. pg runs this before any query given to the new connection.
  // Plans stay per call (the same statement is cheap for a small hromada and costly for a city: a generic plan could
  // suit one and not the other); naming statements (below) only saves parsing them again.
  pool.on('connect', (client) => {
    client.query(`${searchThresholdSql}; SET plan_cache_mode = force_custom_plan`).catch(() => undefined);
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do here.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingStatements(pool) }) });
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
