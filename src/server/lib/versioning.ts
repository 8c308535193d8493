import { DomainError } from '#domain/errors.ts';

/**
 * Optimistic concurrency (SPEC §11, no lost updates): a write must be based on the record's current version,
 * otherwise it answers 409 `version_conflict` with the current version so the web app can offer a merge.
 */
export function assertCurrentVersion(current: number, basedOn: number, what: string): void {
  if (current !== basedOn) throw new DomainError('version_conflict', `The ${what} was changed by someone else`, { currentVersion: current });
}
