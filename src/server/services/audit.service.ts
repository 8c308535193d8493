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
 * Appends one row to the hash chain in one statement, inside the caller's transaction when there is one, so the audit
 * row commits or rolls back with the change it records (a read outside a transaction commits its row before the answer
 * is sent). The UPDATE of the head takes its row lock, numbers the entry and hashes it after the head's previous hash in
 * SQL; the canonical JSON of the other fields is built here, the same text `hashAuditRow` hashes when verifying
 * (migration 0021).
 */
export async function appendAudit(trx: Tx, entry: AuditEntry, now: Date): Promise<void> {
  const details = JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>;
  const at = now.toISOString();
  const actorId = entry.actor?.userId ?? null;
  const actorUsername = entry.actor?.username ?? '';
  const ip = entry.actor?.ip ?? '';
  // canonicalJson([id, ...rest]) is "[" + id + "," + rest + "]": the id is only known under the head's lock.
  const rest = [at, actorId, actorUsername, entry.action, entry.entity, entry.entityId, ip, details].map(canonicalJson).join(',');
  await sql`
    WITH head AS (
      UPDATE audit_head
         SET prev_hash = last_hash,
             last_id = last_id + 1,
             last_hash = encode(sha256(convert_to(last_hash || E'\n[' || (last_id + 1)::text || ',' || ${rest}::text || ']', 'UTF8')), 'hex')
       WHERE singleton
       RETURNING last_id, last_hash, prev_hash)
    INSERT INTO audit_log (id, at, actor_id, actor_username, action, entity, entity_id, ip, details, prev_hash, hash)
    SELECT head.last_id, ${at}::timestamptz, ${actorId}::uuid, ${actorUsername}::text, ${entry.action}::text, ${entry.entity}::text, ${entry.entityId}::text, ${ip}::text, ${JSON.stringify(details)}::jsonb, head.prev_hash, head.last_hash
      FROM head`.execute(trx);
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
