import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';

/** What happened to personal data. */
export type AuditAction = 'read' | 'list' | 'search' | 'create' | 'update' | 'login' | 'login_failed' | 'logout' | 'user_create' | 'user_disable' | 'emergency_access';

/** One entry to append. */
export type AuditEntry = {
  actor: Pick<RequestActor, 'userId' | 'username' | 'ip'> | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
};

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

type HashedFields = { id: number; at: string; actorId: string | null; actorUsername: string; action: string; entity: string; entityId: string; ip: string; details: unknown };

/** SHA-256 over the previous hash and the row's fields in a fixed order. */
export function hashAuditRow(prevHash: string, row: HashedFields): string {
  const body = canonicalJson([row.id, row.at, row.actorId, row.actorUsername, row.action, row.entity, row.entityId, row.ip, row.details]);
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * Appends one row to the hash chain inside the caller's transaction, so the audit row commits or
 * rolls back with the change it records. The head row is locked to serialise appends.
 */
export async function appendAudit(trx: Tx, entry: AuditEntry, now: Date): Promise<void> {
  const head = await trx.selectFrom('audit_head').selectAll().forUpdate().executeTakeFirstOrThrow();
  const next = await sql<{ id: number }>`SELECT nextval('audit_log_id_seq') AS id`.execute(trx);
  const id = Number(next.rows[0]?.id);
  const details = JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>;
  const row: HashedFields = {
    id,
    at: now.toISOString(),
    actorId: entry.actor?.userId ?? null,
    actorUsername: entry.actor?.username ?? '',
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    ip: entry.actor?.ip ?? '',
    details,
  };
  const hash = hashAuditRow(head.last_hash, row);
  await trx
    .insertInto('audit_log')
    .values({ id, at: row.at, actor_id: row.actorId, actor_username: row.actorUsername, action: row.action, entity: row.entity, entity_id: row.entityId, ip: row.ip, details: JSON.stringify(details), prev_hash: head.last_hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ last_id: id, last_hash: hash }).where('singleton', '=', true).execute();
}

/** Outcome of a chain verification. */
export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; badRowId: number | null; reason: 'hash_mismatch' | 'broken_link' | 'head_mismatch' };

/** Re-computes every hash in id order; names the first row that was altered, or follows a removed one. */
export async function verifyAuditChain(deps: Pick<Deps, 'db'>, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = 'genesis';
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await deps.db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batchSize).execute();
    for (const r of rows) {
      count += 1;
      const at = r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString();
      const recomputed = hashAuditRow(r.prev_hash, { id: Number(r.id), at, actorId: r.actor_id, actorUsername: r.actor_username, action: r.action, entity: r.entity, entityId: r.entity_id, ip: r.ip, details: r.details });
      if (r.prev_hash !== prevHash) return { ok: false, rows: count, badRowId: Number(r.id), reason: 'broken_link' };
      if (recomputed !== r.hash) return { ok: false, rows: count, badRowId: Number(r.id), reason: 'hash_mismatch' };
      prevHash = r.hash;
      lastId = Number(r.id);
    }
    if (rows.length < batchSize) break;
  }
  const head = await deps.db.selectFrom('audit_head').selectAll().executeTakeFirst();
  if (!head || head.last_hash !== prevHash || Number(head.last_id) !== lastId) return { ok: false, rows: count, badRowId: head ? Number(head.last_id) : null, reason: 'head_mismatch' };
  return { ok: true, rows: count };
}
