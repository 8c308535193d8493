import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { RoleGrant } from '#domain/access/actor.ts';
import { activeEmergencyCaseIds } from '#domain/access/case-policy.ts';
import { DomainError } from '#domain/errors.ts';
import type { OrganisationType, Role } from '#domain/organisations/roles.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';
import { hasEnabledSecondFactor, openLoginChallenge } from './second-factor.service.ts';

// OWASP password storage guidance for argon2id: m=19 MiB, t=2, p=1.
const argonOptions = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export async function hashPassword(password: string): Promise<string> {
  return argonHash(password, argonOptions);
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A grant with display names, as sent to the web app. */
export type GrantView = RoleGrant & { organisationName: string; hromadaName: string | null };

/** Loads the active user's role grants with their organisations. */
export async function loadGrants(deps: Pick<Deps, 'db'>, userId: string): Promise<GrantView[]> {
  const rows = await deps.db
    .selectFrom('user_roles as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('territories as h', 'h.id', 'o.hromada_id')
    .select(['r.role', 'o.id as organisationId', 'o.type as organisationType', 'o.name_uk as organisationName', 'o.hromada_id as hromadaId', 'h.name_uk as hromadaName'])
    .where('r.user_id', '=', userId)
    .where('o.is_active', '=', true)
    .orderBy('r.role')
    .execute();
  return rows.map((r) => ({ role: r.role as Role, organisationId: r.organisationId, organisationType: r.organisationType as OrganisationType, organisationName: r.organisationName, hromadaId: r.hromadaId, hromadaName: r.hromadaName ?? null }));
}

/** Result of a login: the raw session token for the cookie, and the user. */
export type LoginResult = { kind: 'session'; token: string; userId: string; expiresAt: Date };
/** A right password when a second factor is on: the pending token for the login's second step (SPEC §11). */
export type LoginChallenge = { kind: 'second_factor_required'; pendingToken: string; expiresAt: Date };

/**
 * Checks the password; after `maxFailedLogins` failures in a row the account is locked for
 * `lockoutMinutes` (SPEC §11). A new session is created on every login (session rotation); with a second factor
 * on, the answer is a challenge for the code instead (`second-factor.service.ts`).
 */
export async function login(deps: Deps, input: { username: string; password: string; ip: string; userAgent: string }): Promise<LoginResult | LoginChallenge> {
  const now = deps.now();
  const user = await deps.db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase())).executeTakeFirst();
  if (!user || !user.is_active) {
    dummyHash ??= hashPassword('not-a-real-password');
    await argonVerify(await dummyHash, input.password).catch(() => false);
    await deps.db.transaction().execute((trx) => appendAudit(trx, { actor: null, action: 'login_failed', entity: 'user', entityId: '', details: { username: input.username.slice(0, 100), ip: input.ip } }, now));
    throw new DomainError('invalid_credentials', 'Wrong username or password');
  }
  if (user.locked_until && user.locked_until > now) {
    throw new DomainError('account_locked', 'Too many failed logins; the account is locked for a while', { lockedUntil: user.locked_until.toISOString() });
  }
  const ok = await argonVerify(user.password_hash, input.password).catch(() => false);
  if (!ok) {
    const failures = user.failed_login_count + 1;
    const lock = failures >= deps.config.maxFailedLogins;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_login_count: lock ? 0 : failures, locked_until: lock ? new Date(now.getTime() + deps.config.lockoutMinutes * 60_000) : user.locked_until })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, { actor: { userId: user.id, username: user.username, ip: input.ip }, action: 'login_failed', entity: 'user', entityId: user.id, details: { locked: lock } }, now);
    });
    throw new DomainError('invalid_credentials', 'Wrong username or password');
  }
  // Second factor on: no session yet, a short-lived challenge instead. The failure count is not reset here, so wrong
  // codes after right passwords still add up to the lockout.
  if (await hasEnabledSecondFactor(deps.db, user.id)) {
    const challenge = await deps.db.transaction().execute((trx) => openLoginChallenge(trx, user.id, input, now));
    return { kind: 'second_factor_required', ...challenge };
  }
  return startSession(deps, { userId: user.id, username: user.username, ip: input.ip, userAgent: input.userAgent });
}

/** Creates a new session for a fully authenticated user (a new token on every login: session rotation). */
export async function startSession(deps: Deps, input: { userId: string; username: string; ip: string; userAgent: string; details?: Record<string, unknown> }): Promise<LoginResult> {
  const now = deps.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.config.sessionTtlMinutes * 60_000);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('sessions').values({ id: sha256(token), user_id: input.userId, created_at: now, last_seen_at: now, expires_at: expiresAt, ip: input.ip.slice(0, 100), user_agent: input.userAgent.slice(0, 300) }).execute();
    await trx.updateTable('users').set({ failed_login_count: 0, locked_until: null, last_login_at: now }).where('id', '=', input.userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', input.userId).where('expires_at', '<', now).execute();
    await appendAudit(trx, { actor: { userId: input.userId, username: input.username, ip: input.ip }, action: 'login', entity: 'user', entityId: input.userId, ...(input.details ? { details: input.details } : {}) }, now);
  });
  return { kind: 'session', token, userId: input.userId, expiresAt };
}

/** Drops the session a browser carried into a new login (session rotation: the old token dies with the login). */
export async function dropSession(deps: Pick<Deps, 'db'>, token: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** Ends the session of this token. */
export async function logout(deps: Deps, token: string, actor: RequestActor): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
    await appendAudit(trx, { actor, action: 'logout', entity: 'user', entityId: actor.userId }, deps.now());
  });
}

/** The user behind a session token, or null when the session is unknown, expired or idle too long. */
export async function resolveSession(deps: Deps, token: string, ip: string): Promise<(RequestActor & { locale: 'uk' | 'en'; fullName: string }) | null> {
  const now = deps.now();
  const id = sha256(token);
  // One statement: the session, its user, the user's grants and open emergency accesses (every API request runs it).
  const found = await sql<{
    expires_at: Date;
    last_seen_at: Date;
    userId: string;
    username: string;
    is_active: boolean;
    locale: string;
    surname: string;
    given_name: string;
    patronymic: string | null;
    grants: Array<{ role: Role; organisationId: string; organisationType: OrganisationType; hromadaId: string | null }>;
    emergency: Array<{ caseId: string; expiresAt: string }>;
  }>`
    SELECT s.expires_at, s.last_seen_at, u.id AS "userId", u.username, u.is_active, u.locale, u.surname, u.given_name, u.patronymic,
      COALESCE((SELECT json_agg(json_build_object('role', r.role, 'organisationId', o.id, 'organisationType', o.type, 'hromadaId', o.hromada_id) ORDER BY r.role)
                  FROM user_roles r JOIN organisations o ON o.id = r.organisation_id
                 WHERE r.user_id = u.id AND o.is_active), '[]'::json) AS grants,
      COALESCE((SELECT json_agg(json_build_object('caseId', e.case_id, 'expiresAt', e.expires_at))
                  FROM emergency_accesses e
                 WHERE e.user_id = u.id AND e.expires_at > ${now}::timestamptz), '[]'::json) AS emergency
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ${id}`.execute(deps.db);
  const row = found.rows[0];
  if (!row || !row.is_active) return null;
  const idleLimit = new Date(new Date(row.last_seen_at).getTime() + deps.config.sessionIdleMinutes * 60_000);
  if (row.expires_at <= now || idleLimit <= now) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute to spare writes.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    userId: row.userId,
    username: row.username,
    ip,
    grants: row.grants.map(({ role, organisationId, organisationType, hromadaId }) => ({ role, organisationId, organisationType, hromadaId: hromadaId ?? null })),
    // Break-the-glass emergency accesses still open now (SPEC §11), by the request's clock.
    emergencyCaseIds: activeEmergencyCaseIds(row.emergency.map((e) => ({ caseId: e.caseId, expiresAt: new Date(e.expiresAt) })), now),
    locale: row.locale === 'en' ? 'en' : 'uk',
    fullName: [row.surname, row.given_name, row.patronymic].filter(Boolean).join(' '),
  };
}

/** Remembers the interface language per user (UX conventions). */
export async function setLocale(deps: Deps, actor: RequestActor, locale: 'uk' | 'en'): Promise<void> {
  await deps.db.updateTable('users').set({ locale, updated_at: deps.now() }).where('id', '=', actor.userId).execute();
}

/** The signed-in user's name and language, for the login answer. */
export async function loadProfile(deps: Pick<Deps, 'db'>, userId: string): Promise<{ username: string; fullName: string; locale: 'uk' | 'en' }> {
  const u = await deps.db.selectFrom('users').select(['username', 'surname', 'given_name', 'patronymic', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { username: u.username, fullName: [u.surname, u.given_name, u.patronymic].filter(Boolean).join(' '), locale: u.locale === 'en' ? 'en' : 'uk' };
}
