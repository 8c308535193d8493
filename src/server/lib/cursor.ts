import { DomainError } from '#domain/errors.ts';

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(position: Record<string, string | null>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`, checking it has the expected string-or-null fields. */
export function decodeCursor<K extends string>(cursor: string | undefined, keys: readonly K[]): Record<K, string | null> | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const k of keys) if (!(typeof parsed[k] === 'string' || parsed[k] === null)) throw new Error('bad');
    return parsed as Record<K, string | null>;
  } catch {
    throw new DomainError('invalid_cursor', 'The page cursor is not valid');
  }
}
