// Logical backup and restore (SPEC §11), the same for PGlite and PostgreSQL: gzip'd JSON lines, one row a line.
//
// Format (version 1). Control lines are JSON arrays, row lines are JSON objects (`to_jsonb(row)` of PostgreSQL,
// written and read back as text, so numbers, timestamps with microseconds, arrays and jsonb keep every digit):
//   ["rodyna-backup", {version, createdAt, engine, migrations: [{version, name}], tables: [name…]}]
//   ["table", {name, columns: [name…]}]   then the rows of that table in primary-key order (none for sessions and login_challenges)
//   ["end-table", {name, rows}]
//   ["sequences", [{name, lastValue, isCalled}…]]
//   ["end", {tables, rows}]
// Tables come in foreign-key order, so a restore inserts parents before children with every constraint on.
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Tx } from '../lib/context.ts';
import { verifyAuditChain, type AuditVerification } from './audit.service.ts';

export const backupFormat = 'rodyna-backup';
export const backupFormatVersion = 1;

/** A refusal of the backup or restore commands, with a stable code (command line only, never HTTP). */
export class BackupError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

type Migration = { version: number; name: string };
type TableMeta = { name: string; columns: string[]; pk: string[] };
type ForeignKey = { name: string; child: string; parent: string; definition: string };
type Schema = { tables: TableMeta[]; foreignKeys: ForeignKey[]; sequences: string[] };

/** Tables the migrations fill with reference data; a restore replaces their rows. Every other table must be empty. */
const migrationFilled = new Set(['audit_head', 'deadline_rules', 'calendar_regimes', 'service_catalogue']);
const restoreBatchChars = 2_000_000;
/**
 * Tables whose rows are not backed up. Live secrets that must not outlive the server: active sessions (a copy of
 * the file would otherwise carry valid sign-ins) and pending second-factor login challenges (5-minute tokens between
 * password and code): a restored system starts with nobody signed in and no sign-in half done. And the indicator
 * rollups (migration 0020), a cache derived from the records: while the records are restored their triggers bump the
 * territory versions and rebuild the links, and cells that do not exist are computed when first read.
 */
export const notBackedUp: ReadonlySet<string> = new Set(['sessions', 'login_challenges', 'indicator_rollups', 'indicator_rollup_cells', 'indicator_rollup_versions', 'indicator_rollup_links']);

async function readSchema(db: Tx): Promise<Schema> {
  const cols = await sql<{ table: string; column: string }>`
    SELECT c.relname AS table, a.attname AS column FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'
    ORDER BY c.relname, a.attnum`.execute(db);
  const pks = await sql<{ table: string; column: string }>`
    SELECT c.relname AS table, a.attname AS column FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND i.indisprimary ORDER BY c.relname, k.ord`.execute(db);
  const fks = await sql<ForeignKey>`
    SELECT con.conname AS name, ch.relname AS child, pa.relname AS parent, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con JOIN pg_class ch ON ch.oid = con.conrelid JOIN pg_class pa ON pa.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = con.connamespace
    WHERE con.contype = 'f' AND n.nspname = 'public' ORDER BY con.conname`.execute(db);
  const seqs = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`.execute(db);
  const byName = new Map<string, TableMeta>();
  for (const r of cols.rows) {
    const t = byName.get(r.table) ?? { name: r.table, columns: [], pk: [] };
    t.columns.push(r.column);
    byName.set(r.table, t);
  }
  for (const r of pks.rows) byName.get(r.table)?.pk.push(r.column);
  for (const t of byName.values()) if (t.pk.length === 0 && !notBackedUp.has(t.name)) throw new BackupError('backup_unsupported', `Table ${t.name} has no primary key`);
  const { order } = dependencyOrder([...byName.keys()], fks.rows);
  return { tables: order.map((n) => byName.get(n) as TableMeta), foreignKeys: fks.rows, sequences: seqs.rows.map((s) => s.name) };
}

/**
 * Orders tables so that every referenced table comes first. Self-references and the edges of a cycle cannot
 * be ordered: they are returned as `deferred`, and a restore drops and re-adds (re-checks) those constraints.
 */
export function dependencyOrder(tables: string[], fks: Array<Pick<ForeignKey, 'name' | 'child' | 'parent'>>): { order: string[]; deferred: Set<string> } {
  const deferred = new Set(fks.filter((f) => f.child === f.parent).map((f) => f.name));
  const remaining = new Set([...tables].sort());
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => !fks.some((f) => f.child === t && !deferred.has(f.name) && remaining.has(f.parent) && f.parent !== t));
    if (ready) {
      order.push(ready);
      remaining.delete(ready);
      continue;
    }
    // A cycle: defer the outgoing edges of the first remaining table.
    const first = [...remaining][0] as string;
    for (const f of fks) if (f.child === first && remaining.has(f.parent)) deferred.add(f.name);
  }
  return { order, deferred };
}

async function appliedMigrations(db: Tx): Promise<Migration[]> {
  const rows = await db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
  return rows.map((r) => ({ version: Number(r.version), name: r.name }));
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

async function* backupLines(trx: Tx, engine: string, now: Date, rowBatch: number, stats: { tables: number; rows: number }): AsyncGenerator<string> {
  const schema = await readSchema(trx);
  const migrations = await appliedMigrations(trx);
  yield line([backupFormat, { version: backupFormatVersion, createdAt: now.toISOString(), engine, migrations, tables: schema.tables.map((t) => t.name) }]);
  for (const t of schema.tables) {
    yield line(['table', { name: t.name, columns: t.columns }]);
    const order = sql.join(t.pk.map((c) => sql.ref(`r.${c}`)));
    let last: string | null = null;
    let count = 0;
    while (!notBackedUp.has(t.name)) {
      // Keyset pagination: the next rows after the last one, compared on the primary key in its own types.
      const after: RawBuilder<unknown> = last === null ? sql`` : sql`, jsonb_populate_record(NULL::${sql.table(t.name)}, ${last}::jsonb) AS p WHERE (${order}) > (${sql.join(t.pk.map((c) => sql.ref(`p.${c}`)))})`;
      const batch = await sql<{ j: string }>`SELECT to_jsonb(r)::text AS j FROM ${sql.table(t.name)} AS r ${after} ORDER BY ${order} LIMIT ${rowBatch}`.execute(trx);
      for (const r of batch.rows) yield `${r.j}\n`;
      count += batch.rows.length;
      if (batch.rows.length < rowBatch) break;
      last = batch.rows[batch.rows.length - 1]?.j ?? null;
    }
    yield line(['end-table', { name: t.name, rows: count }]);
    stats.tables += 1;
    stats.rows += count;
  }
  const sequences = [];
  for (const s of schema.sequences) {
    const r = await sql<{ lastValue: string; isCalled: boolean }>`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${sql.table(s)}`.execute(trx);
    sequences.push({ name: s, lastValue: r.rows[0]?.lastValue ?? '1', isCalled: r.rows[0]?.isCalled ?? false });
  }
  yield line(['sequences', sequences]);
  yield line(['end', { tables: stats.tables, rows: stats.rows }]);
}

/** What a backup wrote. */
export type BackupStats = { tables: number; rows: number; bytes: number };

/**
 * Writes a consistent backup of the whole database to `file` (gzip'd JSON lines): one REPEATABLE READ, read-only
 * transaction, rows read in keyset batches and streamed, so memory stays bounded. The file appears only when complete.
 */
export async function backupDatabase(deps: { db: Kysely<Database>; now: () => Date }, engine: string, file: string, opts: { batchRows?: number } = {}): Promise<BackupStats> {
  const partial = `${file}.partial`;
  const stats = { tables: 0, rows: 0 };
  try {
    await deps.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        await pipeline(Readable.from(backupLines(trx, engine, deps.now(), opts.batchRows ?? 1000, stats)), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      });
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { ...stats, bytes: statSync(file).size };
}

/** What a restore loaded, and whether the restored audit trail verifies. */
export type RestoreStats = { tables: number; rows: number; audit: AuditVerification };

function parseControl(text: string, what: string): [string, unknown] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError('backup_invalid', `Not a Rodyna backup: unreadable ${what}`);
  }
  if (!Array.isArray(value) || typeof value[0] !== 'string') throw new BackupError('backup_invalid', `Not a Rodyna backup: expected ${what}`);
  return [value[0], value[1]];
}

async function assertEmpty(trx: Tx, schema: Schema): Promise<void> {
  for (const t of schema.tables) {
    if (migrationFilled.has(t.name)) continue;
    const r = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(t.name)}) AS any`.execute(trx);
    if (r.rows[0]?.any) throw new BackupError('restore_target_not_empty', `The target database is not empty (table ${t.name} has rows). Restore only into a new database: an empty DATA_DIR or a newly created PostgreSQL database.`);
  }
  const head = await trx.selectFrom('audit_head').select('last_id').executeTakeFirst();
  if (head && Number(head.last_id) !== 0) throw new BackupError('restore_target_not_empty', 'The target database is not empty (its audit trail has entries).');
}

const sameMigrations = (a: Migration[], b: Migration[]): boolean => a.length === b.length && a.every((m, i) => m.version === b[i]?.version && m.name === b[i]?.name);

/**
 * Restores a backup into an empty, migrated database of the same migrations, in one transaction: reference rows the
 * migrations put there are replaced, tables are loaded in foreign-key order with constraints on (self-references
 * are dropped and re-added, so they are re-checked), then sequences and the audit chain head come back as they were.
 */
export async function restoreDatabase(deps: { db: Kysely<Database> }, file: string, opts: { batchRows?: number } = {}): Promise<RestoreStats> {
  const restoreBatchRows = opts.batchRows ?? 500;
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    try {
      const r = await lines.next();
      return r.done ? null : r.value;
    } catch (err) {
      throw new BackupError('backup_invalid', `Not a Rodyna backup or a damaged one (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  try {
    const first = await next();
    if (first === null) throw new BackupError('backup_invalid', 'Not a Rodyna backup: the file is empty');
    const [format, header] = parseControl(first, 'header');
    const h = header as { version?: number; migrations?: Migration[]; tables?: string[] };
    if (format !== backupFormat) throw new BackupError('backup_invalid', 'Not a Rodyna backup: unknown format');
    if (h.version !== backupFormatVersion) throw new BackupError('backup_version_unsupported', `Backup format version ${String(h.version)} is not supported (this Rodyna reads version ${backupFormatVersion})`);

    return await deps.db.transaction().execute(async (trx) => {
      const migrations = await appliedMigrations(trx);
      if (!sameMigrations(migrations, h.migrations ?? [])) {
        const names = (ms: Migration[]) => ms.map((m) => m.name).join(', ') || 'none';
        throw new BackupError('backup_migrations_differ', `The backup was made with migrations [${names(h.migrations ?? [])}] but this database has [${names(migrations)}]. Restore with the Rodyna version that made the backup.`);
      }
      const schema = await readSchema(trx);
      const tables = new Map(schema.tables.map((t) => [t.name, t]));
      await assertEmpty(trx, schema);
      for (const t of [...schema.tables].reverse()) if (migrationFilled.has(t.name)) await sql`DELETE FROM ${sql.table(t.name)}`.execute(trx);
      const { deferred } = dependencyOrder(schema.tables.map((t) => t.name), schema.foreignKeys);
      const dropped = schema.foreignKeys.filter((f) => deferred.has(f.name));
      for (const f of dropped) await sql`ALTER TABLE ${sql.table(f.child)} DROP CONSTRAINT ${sql.id(f.name)}`.execute(trx);

      let current: TableMeta | null = null;
      let batch: string[] = [];
      let batchChars = 0;
      let tableRows = 0;
      const stats = { tables: 0, rows: 0 };
      const flush = async () => {
        if (!current || batch.length === 0) return;
        const cols = sql.join(current.columns.map((c) => sql.id(c)));
        await sql`INSERT INTO ${sql.table(current.name)} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${sql.table(current.name)}, ${`[${batch.join(',')}]`}::jsonb)`.execute(trx);
        batch = [];
        batchChars = 0;
      };
      let ended = false;
      for (let text = await next(); text !== null; text = await next()) {
        if (text.startsWith('{')) {
          if (!current) throw new BackupError('backup_invalid', 'Damaged backup: a row outside a table');
          batch.push(text);
          batchChars += text.length;
          tableRows += 1;
          if (batch.length >= restoreBatchRows || batchChars >= restoreBatchChars) await flush();
          continue;
        }
        const [kind, body] = parseControl(text, 'a section');
        if (kind === 'table') {
          const b = body as { name: string; columns: string[] };
          const meta = tables.get(b.name);
          if (!meta || meta.columns.join(',') !== b.columns.join(',')) throw new BackupError('backup_invalid', `The backup's table ${b.name} does not match this database`);
          current = meta;
          tableRows = 0;
        } else if (kind === 'end-table') {
          await flush();
          const b = body as { name: string; rows: number };
          if (!current || b.name !== current.name || b.rows !== tableRows) throw new BackupError('backup_invalid', `Damaged backup: table ${b.name} should have ${b.rows} rows`);
          stats.tables += 1;
          stats.rows += tableRows;
          current = null;
        } else if (kind === 'sequences') {
          for (const s of body as Array<{ name: string; lastValue: string; isCalled: boolean }>) {
            await sql`SELECT setval(${s.name}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`.execute(trx);
          }
        } else if (kind === 'end') {
          const b = body as { tables: number; rows: number };
          if (b.tables !== stats.tables || b.rows !== stats.rows) throw new BackupError('backup_invalid', 'Damaged backup: the totals do not match');
          ended = true;
          break;
        } else {
          throw new BackupError('backup_invalid', `Damaged backup: unknown section ${kind}`);
        }
      }
      if (!ended) throw new BackupError('backup_invalid', 'Damaged backup: the file ends early (was the copy interrupted?)');
      if (stats.tables !== schema.tables.length) throw new BackupError('backup_invalid', 'Damaged backup: tables are missing');
      for (const f of dropped) await sql`ALTER TABLE ${sql.table(f.child)} ADD CONSTRAINT ${sql.id(f.name)} ${sql.raw(f.definition)}`.execute(trx);
      const audit = await verifyAuditChain({ db: trx });
      return { ...stats, audit };
    });
  } finally {
    input.destroy();
  }
}
