import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { verify as argonVerify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';
import {
  classifyCode,
  enrolmentOnly,
  formatRecoveryCode,
  isFreshStep,
  loginChallengeMinutes,
  mayDisable,
  recoveryCodeCount,
  recoveryCodeFromBytes,
  secondFactorRequired,
  totpParameters,
  totpStep,
  totpWindow,
  type SecondFactorState,
} from '#domain/auth/second-factor.ts';
import { DomainError } from '#domain/errors.ts';
import type { Role } from '#domain/organisations/roles.ts';
import type { Deps, RequestActor, Tx } from '../lib/context.ts';
import { appendAudit } from './audit.service.ts';

/**
 * The second factor (SPEC §11, issue 8 item 2): TOTP enrolment, recovery codes, the login's second step.
 * Every change is audited (entity `second_factor`); the secret leaves the server once, in the enrolment answer.
 */

const issuer = 'Rodyna';

// ---- Secret at rest: AES-256-GCM, key = SHA-256(SECOND_FACTOR_KEY), the user id as associated data --------------

function keyOf(deps: Pick<Deps, 'config'>): Buffer {
  const key = deps.config.secondFactorKey;
  if (!key) throw new DomainError('service_unavailable', 'The second factor is not configured on this server (SECOND_FACTOR_KEY)');
  return createHash('sha256').update(key).digest();
}

function encryptSecret(deps: Pick<Deps, 'config'>, userId: string, base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(deps), iv);
  cipher.setAAD(Buffer.from(userId));
  const ct = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
}

function decryptSecret(deps: Pick<Deps, 'config'>, userId: string, stored: string): string {
  const [v, iv, tag, ct] = stored.split(':');
  if (v !== 'v1' || !iv || !tag || !ct) throw new Error('unknown second-factor secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(deps), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // A different SECOND_FACTOR_KEY than at enrolment: say so instead of refusing every code as wrong.
    throw new DomainError('service_unavailable', 'The second factor cannot be read with this server\'s SECOND_FACTOR_KEY');
  }
}

function totpOf(base32: string, username: string): TOTP {
  return new TOTP({ issuer, label: username, secret: Secret.fromBase32(base32), ...totpParameters });
}

// ---- Recovery codes: 80 random bits each, SHA-256 with a per-code salt --------------------------------------------

function digestCode(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

/** Replaces a user's recovery codes with ten new ones; answers them formatted, to be shown once. */
async function issueRecoveryCodes(trx: Tx, userId: string, now: Date): Promise<string[]> {
  await trx.deleteFrom('second_factor_recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: recoveryCodeCount }, () => recoveryCodeFromBytes(randomBytes(16)));
  await trx
    .insertInto('second_factor_recovery_codes')
    .values(codes.map((code) => {
      const salt = randomBytes(16).toString('hex');
      return { user_id: userId, salt, code_hash: digestCode(salt, code), created_at: now };
    }))
    .execute();
  return codes.map(formatRecoveryCode);
}

/** Uses up a matching unused recovery code; every code is compared, so timing does not tell which one matched. */
async function consumeRecoveryCode(trx: Tx, userId: string, code: string, now: Date): Promise<boolean> {
  const rows = await trx.selectFrom('second_factor_recovery_codes').select(['id', 'salt', 'code_hash']).where('user_id', '=', userId).where('used_at', 'is', null).forUpdate().execute();
  let match: string | null = null;
  for (const r of rows) {
    if (timingSafeEqual(Buffer.from(digestCode(r.salt, code), 'hex'), Buffer.from(r.code_hash, 'hex')) && match === null) match = r.id;
  }
  if (match === null) return false;
  const used = await trx.updateTable('second_factor_recovery_codes').set({ used_at: now }).where('id', '=', match).where('used_at', 'is', null).executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

// ---- The user's state ----------------------------------------------------------------------------------------------

type FactorRow = { user_id: string; secret_enc: string; status: 'pending' | 'enabled'; last_used_step: string | null; enabled_at: Date | null; version: number };

async function loadFactor(db: Tx, userId: string, lock = false): Promise<FactorRow | undefined> {
  let q = db.selectFrom('user_second_factors').select(['user_id', 'secret_enc', 'status', 'last_used_step', 'enabled_at', 'version']).where('user_id', '=', userId);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as FactorRow | undefined;
}

function rolesOf(actor: Pick<RequestActor, 'grants'>): Role[] {
  return actor.grants.map((g) => g.role);
}

/** Whether the user has a confirmed second factor (the login asks for a code then). */
export async function hasEnabledSecondFactor(db: Tx, userId: string): Promise<boolean> {
  return (await db.selectFrom('user_second_factors').select('status').where('user_id', '=', userId).executeTakeFirst())?.status === 'enabled';
}

/** True when this session may only enrol: a required role, no enabled second factor (checked on every API call). */
export async function isEnrolmentOnly(deps: Deps, actor: Pick<RequestActor, 'userId' | 'grants'>): Promise<boolean> {
  const required = deps.config.secondFactorRequiredRoles;
  if (required.length === 0 || !secondFactorRequired(rolesOf(actor), required)) return false;
  return !(await hasEnabledSecondFactor(deps.db, actor.userId));
}

async function statusOf(deps: Deps, db: Tx, actor: Pick<RequestActor, 'userId' | 'grants'>) {
  const row = await loadFactor(db, actor.userId);
  const state: SecondFactorState = row?.status ?? 'none';
  const left = await db.selectFrom('second_factor_recovery_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', actor.userId).where('used_at', 'is', null).executeTakeFirst();
  const roles = rolesOf(actor);
  const required = deps.config.secondFactorRequiredRoles;
  return {
    status: state,
    required: secondFactorRequired(roles, required),
    enrolmentRequired: enrolmentOnly(roles, required, state),
    enabledAt: row?.enabled_at ? new Date(row.enabled_at).toISOString() : null,
    recoveryCodesLeft: state === 'enabled' ? Number(left?.n ?? 0) : 0,
    mayDisable: mayDisable(roles, required),
    version: row?.version ?? 0,
  };
}

/** GET: the signed-in user's second factor. */
export async function secondFactorStatus(deps: Deps, actor: RequestActor) {
  return statusOf(deps, deps.db, actor);
}

function checkVersion(row: FactorRow | undefined, version: number): void {
  if ((row?.version ?? 0) !== version) throw new DomainError('version_conflict', 'The second factor was changed meanwhile; reload', { currentVersion: row?.version ?? 0 });
}

/** Verifies a TOTP code against the row and records its step as used (replay protection). */
async function acceptTotp(deps: Deps, trx: Tx, row: FactorRow, username: string, code: string): Promise<boolean> {
  const now = deps.now().getTime();
  const delta = totpOf(decryptSecret(deps, row.user_id, row.secret_enc), username).validate({ token: code, timestamp: now, window: totpWindow });
  if (delta === null) return false;
  const step = totpStep(now) + delta;
  if (!isFreshStep(step, row.last_used_step === null ? null : Number(row.last_used_step))) return false;
  // Conditional update: two requests with the same code race here, one wins.
  const res = await trx
    .updateTable('user_second_factors')
    .set({ last_used_step: step })
    .where('user_id', '=', row.user_id)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', String(step))]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Starts (or restarts) enrolment: a new secret, pending until confirmed. Refused when one is enabled. */
export async function startEnrolment(deps: Deps, actor: RequestActor) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadFactor(trx, actor.userId, true);
    if (row?.status === 'enabled') throw new DomainError('second_factor_already_enabled', 'The second factor is already on; turn it off first to enrol another device');
    const secret = new Secret({ size: 20 });
    const secretEnc = encryptSecret(deps, actor.userId, secret.base32);
    let version: number;
    if (row) {
      version = row.version + 1;
      await trx.updateTable('user_second_factors').set({ secret_enc: secretEnc, last_used_step: null, version, updated_at: now }).where('user_id', '=', actor.userId).execute();
    } else {
      version = 1;
      await trx.insertInto('user_second_factors').values({ user_id: actor.userId, secret_enc: secretEnc, status: 'pending', version, created_at: now, updated_at: now }).execute();
    }
    await appendAudit(trx, { actor, action: 'update', entity: 'second_factor', entityId: actor.userId, details: { event: 'enrolment_started' } }, now);
    const uri = totpOf(secret.base32, actor.username).toString();
    return { secret: secret.base32, otpauthUri: uri, qrSvg: renderSVG(uri, { border: 2 }), version };
  });
}

/** Confirms enrolment with the first code from the app: the factor is on, ten recovery codes are issued. */
export async function confirmEnrolment(deps: Deps, actor: RequestActor, input: { code: string; version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadFactor(trx, actor.userId, true);
    if (!row || row.status !== 'pending') throw new DomainError('second_factor_not_pending', 'Start the enrolment first');
    checkVersion(row, input.version);
    const typed = classifyCode(input.code);
    if (typed.kind !== 'totp' || !(await acceptTotp(deps, trx, row, actor.username, typed.code))) {
      throw new DomainError('second_factor_code_invalid', 'The code is not right; check the time on your phone and type the current code');
    }
    await trx.updateTable('user_second_factors').set({ status: 'enabled', enabled_at: now, version: row.version + 1, updated_at: now }).where('user_id', '=', actor.userId).execute();
    const recoveryCodes = await issueRecoveryCodes(trx, actor.userId, now);
    await appendAudit(trx, { actor, action: 'update', entity: 'second_factor', entityId: actor.userId, details: { event: 'enabled' } }, now);
    return { recoveryCodes, status: await statusOf(deps, trx, actor) };
  });
}

/** Proof of presence for regenerating codes or turning the factor off: a current TOTP or recovery code, or the password. */
async function reauthenticate(deps: Deps, trx: Tx, actor: RequestActor, row: FactorRow, input: { code?: string | undefined; password?: string | undefined }): Promise<void> {
  if (input.code) {
    const typed = classifyCode(input.code);
    const ok =
      typed.kind === 'totp' ? await acceptTotp(deps, trx, row, actor.username, typed.code) : typed.kind === 'recovery' ? await consumeRecoveryCode(trx, actor.userId, typed.code, deps.now()) : false;
    if (!ok) throw new DomainError('second_factor_code_invalid', 'The code is not right');
    return;
  }
  if (input.password) {
    const user = await trx.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirstOrThrow();
    if (!(await argonVerify(user.password_hash, input.password).catch(() => false))) throw new DomainError('second_factor_password_invalid', 'The password is not right');
    return;
  }
  throw new DomainError('second_factor_proof_required', 'Type a current code or your password');
}

/** New recovery codes (the old ones stop working), after proving presence. */
export async function regenerateRecoveryCodes(deps: Deps, actor: RequestActor, input: { code?: string | undefined; password?: string | undefined; version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadFactor(trx, actor.userId, true);
    if (!row || row.status !== 'enabled') throw new DomainError('second_factor_not_enabled', 'The second factor is not on');
    checkVersion(row, input.version);
    await reauthenticate(deps, trx, actor, row, input);
    await trx.updateTable('user_second_factors').set({ version: row.version + 1, updated_at: now }).where('user_id', '=', actor.userId).execute();
    const recoveryCodes = await issueRecoveryCodes(trx, actor.userId, now);
    await appendAudit(trx, { actor, action: 'update', entity: 'second_factor', entityId: actor.userId, details: { event: 'recovery_codes_regenerated' } }, now);
    return { recoveryCodes, status: await statusOf(deps, trx, actor) };
  });
}

/** Turns the second factor off, after proving presence; refused for roles that require it. */
export async function disableSecondFactor(deps: Deps, actor: RequestActor, input: { code?: string | undefined; password?: string | undefined; version: number }) {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadFactor(trx, actor.userId, true);
    if (!row) throw new DomainError('second_factor_not_enabled', 'The second factor is not on');
    checkVersion(row, input.version);
    if (row.status === 'enabled') {
      if (!mayDisable(rolesOf(actor), deps.config.secondFactorRequiredRoles)) throw new DomainError('second_factor_required_by_role', 'Your role requires a second factor; it cannot be turned off');
      await reauthenticate(deps, trx, actor, row, input);
    }
    // A pending enrolment is simply dropped.
    await trx.deleteFrom('second_factor_recovery_codes').where('user_id', '=', actor.userId).execute();
    await trx.deleteFrom('user_second_factors').where('user_id', '=', actor.userId).execute();
    await appendAudit(trx, { actor, action: 'update', entity: 'second_factor', entityId: actor.userId, details: { event: row.status === 'enabled' ? 'disabled' : 'enrolment_cancelled' } }, now);
    return statusOf(deps, trx, actor);
  });
}

/** The administrator's reset for a lost device (command line): the user enrols again at the next login. */
export async function resetSecondFactor(deps: Deps, username: string): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'username']).where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst();
    if (!user) throw new DomainError('not_found', `No user ${username}`);
    const res = await trx.deleteFrom('user_second_factors').where('user_id', '=', user.id).executeTakeFirst();
    await trx.deleteFrom('second_factor_recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await appendAudit(trx, { actor: null, action: 'update', entity: 'second_factor', entityId: user.id, details: { event: 'reset_by_administrator', username: user.username } }, now);
    return Number(res.numDeletedRows) > 0;
  });
}

// ---- Login: the pending challenge between the password and the code -----------------------------------------------

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a login challenge after a right password (no session yet); answers the pending token once. */
export async function openLoginChallenge(trx: Tx, userId: string, input: { ip: string; userAgent: string }, now: Date): Promise<{ pendingToken: string; expiresAt: Date }> {
  const pendingToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + loginChallengeMinutes * 60_000);
  await trx.deleteFrom('login_challenges').where('expires_at', '<', now).execute();
  await trx.insertInto('login_challenges').values({ id: sha256(pendingToken), user_id: userId, created_at: now, expires_at: expiresAt, ip: input.ip.slice(0, 100), user_agent: input.userAgent.slice(0, 300) }).execute();
  return { pendingToken, expiresAt };
}

/**
 * Checks the code of a login challenge. A wrong code counts as a failed login (the lockout of SPEC §11 applies: the
 * account locks and the challenge ends); a right one ends the challenge and answers the user for a new session.
 */
export async function answerLoginChallenge(deps: Deps, input: { pendingToken: string; code: string; ip: string }): Promise<{ userId: string; username: string; method: 'totp' | 'recovery' }> {
  const now = deps.now();
  const id = sha256(input.pendingToken);
  const challenge = await deps.db.selectFrom('login_challenges').select(['user_id', 'expires_at']).where('id', '=', id).executeTakeFirst();
  if (!challenge || challenge.expires_at <= now) {
    if (challenge) await deps.db.deleteFrom('login_challenges').where('id', '=', id).execute();
    throw new DomainError('second_factor_challenge_expired', 'The sign-in took too long; sign in again');
  }
  const user = await deps.db.selectFrom('users').select(['id', 'username', 'is_active', 'locked_until', 'failed_login_count']).where('id', '=', challenge.user_id).executeTakeFirstOrThrow();
  if (!user.is_active) throw new DomainError('invalid_credentials', 'Wrong username or password');
  if (user.locked_until && user.locked_until > now) throw new DomainError('account_locked', 'Too many failed logins; the account is locked for a while', { lockedUntil: user.locked_until.toISOString() });
  const actor = { userId: user.id, username: user.username, ip: input.ip };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await loadFactor(trx, user.id, true);
    if (!row || row.status !== 'enabled') return 'gone' as const;
    const typed = classifyCode(input.code);
    if (typed.kind === 'totp' && (await acceptTotp(deps, trx, row, user.username, typed.code))) return 'totp' as const;
    if (typed.kind === 'recovery' && (await consumeRecoveryCode(trx, user.id, typed.code, now))) return 'recovery' as const;
    return 'wrong' as const;
  });
  if (outcome === 'gone') {
    await deps.db.deleteFrom('login_challenges').where('id', '=', id).execute();
    throw new DomainError('second_factor_challenge_expired', 'The sign-in took too long; sign in again');
  }
  if (outcome === 'wrong') {
    const failures = user.failed_login_count + 1;
    const lock = failures >= deps.config.maxFailedLogins;
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_login_count: lock ? 0 : failures, locked_until: lock ? new Date(now.getTime() + deps.config.lockoutMinutes * 60_000) : user.locked_until }).where('id', '=', user.id).execute();
      if (lock) await trx.deleteFrom('login_challenges').where('user_id', '=', user.id).execute();
      await appendAudit(trx, { actor, action: 'login_failed', entity: 'user', entityId: user.id, details: { secondFactor: true, locked: lock } }, now);
    });
    throw new DomainError('second_factor_code_invalid', 'The code is not right');
  }
  await deps.db.deleteFrom('login_challenges').where('id', '=', id).execute();
  return { userId: user.id, username: user.username, method: outcome };
}
