import { DomainError } from '#domain/errors.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Optimistic concurrency (SPEC §11, no lost updates): a write must be based on the record's current version,
 * otherwise it answers 409 `version_conflict` with the current version so the web app can offer a merge.
 */
export function assertCurrentVersion(current: number, basedOn: number, what: string): void {
  if (current !== basedOn) throw new DomainError('version_conflict', `The ${what} was changed by someone else`, { currentVersion: current });
}

/**
 * The error for an UPDATE … WHERE version = n that touched nothing because someone saved in between (a race the
 * version check before it could not see): 409 `version_conflict` with the version stored now, read afresh.
 */
export async function lostUpdate(db: Kysely<Database>, table: VersionedTable, id: string, what: string): Promise<DomainError> {
  const row = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id}`.execute(db);
  const current = row.rows[0]?.version;
  return new DomainError('version_conflict', `The ${what} was changed by someone else`, current === undefined ? {} : { currentVersion: current });
}

/** Tables whose rows carry a `version` for optimistic concurrency. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { version: unknown; id: unknown } ? T : never;
}[keyof Database];
