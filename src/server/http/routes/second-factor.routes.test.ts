import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '#server/db/seed/demo.ts';
import { resetSecondFactor } from '#server/services/second-factor.service.ts';
import { createTestDatabase, testConfig, type TestDatabase } from '#test/db.ts';
import { seedWorld, testApp } from '#test/factories.ts';

/**
 * The second factor through the API (SPEC §11, issue 8 item 2), on one seeded world for the file; the tests run in
 * order and each uses its own demo users. `app` keeps the second factor optional (the tests' default); `strict`
 * requires it for administrators and supervisors (the production default), over the same database.
 */
let clock = new Date('2026-11-20T08:00:10.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let strict: FastifyInstance;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => clock);
  app = await testApp(tdb.deps);
  strict = await testApp({ ...tdb.deps, config: testConfig({ secondFactorRequiredRoles: ['system_admin', 'supervisor'] }) });
  await seedWorld(tdb.deps);
}, 180_000);
afterAll(async () => {
  await app.close();
  await strict.close();
  await tdb.close();
});

type Answer = { status: number; body: any; cookie: string | undefined }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(on: FastifyInstance, method: 'GET' | 'POST' | 'PUT', url: string, opts: { cookie?: string | undefined; payload?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = opts.cookie ? { cookie: `rodyna_session=${opts.cookie}`, 'x-requested-with': 'rodyna' } : {};
  const res = await on.inject({ method, url, headers, ...(opts.payload === undefined ? {} : { payload: opts.payload as object }) });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON
  }
  return { status: res.statusCode, body, cookie: res.cookies.find((c) => c.name === 'rodyna_session')?.value };
}

const passwordStep = (on: FastifyInstance, username: string, password = demoPassword) => call(on, 'POST', '/api/v1/auth/login', { payload: { username, password } });
const codeStep = (on: FastifyInstance, pendingToken: string, code: string) => call(on, 'POST', '/api/v1/auth/login/second-factor', { payload: { pendingToken, code } });
const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
const wrongCode = (secret: string, at: Date) => (codeAt(secret, at) === '000000' ? '111111' : '000000');
const failedLogins = async (username: string) => (await tdb.deps.db.selectFrom('users').select('failed_login_count').where('username', '=', username).executeTakeFirstOrThrow()).failed_login_count;
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

/** Enrols a signed-in user (session cookie) and answers the secret and the recovery codes. */
async function enrol(on: FastifyInstance, cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await call(on, 'POST', '/api/v1/auth/second-factor/enrolment', { cookie });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const confirmed = await call(on, 'POST', '/api/v1/auth/second-factor/enrolment/confirmation', { cookie, payload: { code: codeAt(started.body.secret, clock), version: started.body.version } });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
}

describe('second factor (SPEC §11)', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('enrols with a QR code and the first code from the app; recovery codes are shown once and stored hashed', async () => {
    const cm = (await passwordStep(app, 'cm.bucha')).cookie as string;
    expect((await call(app, 'GET', '/api/v1/auth/second-factor', { cookie: cm })).body).toMatchObject({ status: 'none', required: false, enrolmentRequired: false, version: 0 });

    const started = await call(app, 'POST', '/api/v1/auth/second-factor/enrolment', { cookie: cm });
    expect(started.status).toBe(200);
    secret = started.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Rodyna:cm\.bucha\?/);
    expect(started.body.otpauthUri).toContain('algorithm=SHA1&digits=6&period=30');
    expect(started.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The secret is never shown again, and is not stored in clear.
    const pending = await call(app, 'GET', '/api/v1/auth/second-factor', { cookie: cm });
    expect(pending.body.status).toBe('pending');
    expect(JSON.stringify(pending.body)).not.toContain(secret);
    const row = await tdb.deps.db.selectFrom('user_second_factors').select('secret_enc').where('user_id', '=', (await tdb.deps.db.selectFrom('users').select('id').where('username', '=', 'cm.bucha').executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow();
    expect(row.secret_enc).toMatch(/^v1:/);
    expect(row.secret_enc).not.toContain(secret);

    const wrong = await call(app, 'POST', '/api/v1/auth/second-factor/enrolment/confirmation', { cookie: cm, payload: { code: wrongCode(secret, clock), version: started.body.version } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('second_factor_code_invalid');
    const stale = await call(app, 'POST', '/api/v1/auth/second-factor/enrolment/confirmation', { cookie: cm, payload: { code: codeAt(secret, clock), version: started.body.version + 5 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const confirmed = await call(app, 'POST', '/api/v1/auth/second-factor/enrolment/confirmation', { cookie: cm, payload: { code: codeAt(secret, clock), version: started.body.version } });
    expect(confirmed.status).toBe(200);
    recoveryCodes = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
    expect(confirmed.body.status).toMatchObject({ status: 'enabled', recoveryCodesLeft: 10 });
    const stored = await tdb.deps.db.selectFrom('second_factor_recovery_codes').select(['salt', 'code_hash']).execute();
    expect(stored).toHaveLength(10);
    const plain = recoveryCodes.map((c) => c.replace(/-/g, ''));
    for (const s of stored) expect(plain.some((p) => s.code_hash.includes(p) || s.salt.includes(p))).toBe(false);
    // A second enrolment while one is on is refused.
    expect((await call(app, 'POST', '/api/v1/auth/second-factor/enrolment', { cookie: cm })).body.code).toBe('second_factor_already_enabled');
  });

  it('asks for the code after the password: wrong codes are refused and counted, the right one opens a session, a replay is refused', async () => {
    later(30);
    const first = await passwordStep(app, 'cm.bucha');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'second_factor_required' });
    expect(first.cookie).toBeUndefined();
    // The pending token is not a session.
    expect((await call(app, 'GET', '/api/v1/auth/me', { cookie: first.body.pendingToken })).status).toBe(401);

    const wrong = await codeStep(app, first.body.pendingToken, wrongCode(secret, clock));
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('second_factor_code_invalid');
    expect(wrong.cookie).toBeUndefined();
    expect(await failedLogins('cm.bucha')).toBe(1);

    const code = codeAt(secret, clock);
    const ok = await codeStep(app, first.body.pendingToken, code);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.username).toBe('cm.bucha');
    expect(ok.cookie).toBeTruthy();
    expect((await call(app, 'GET', '/api/v1/cases', { cookie: ok.cookie })).status).toBe(200);
    expect(await failedLogins('cm.bucha')).toBe(0);
    // The pending token is used up.
    expect((await codeStep(app, first.body.pendingToken, code)).body.code).toBe('second_factor_challenge_expired');

    // The same code again, still inside its 30-second window: refused.
    const again = await passwordStep(app, 'cm.bucha');
    const replay = await codeStep(app, again.body.pendingToken, code);
    expect(replay.status).toBe(422);
    expect(replay.body.code).toBe('second_factor_code_invalid');
    // The next step's code is accepted.
    later(30);
    expect((await codeStep(app, again.body.pendingToken, codeAt(secret, clock))).status).toBe(200);
  });

  it('accepts a recovery code once', async () => {
    const code = recoveryCodes[3] as string;
    const first = await passwordStep(app, 'cm.bucha');
    const ok = await codeStep(app, first.body.pendingToken, code.toUpperCase());
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await call(app, 'GET', '/api/v1/auth/second-factor', { cookie: ok.cookie })).body.recoveryCodesLeft).toBe(9);
    const second = await passwordStep(app, 'cm.bucha');
    const reused = await codeStep(app, second.body.pendingToken, code);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('second_factor_code_invalid');
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'details']).where('actor_username', '=', 'cm.bucha').where('action', '=', 'login').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ secondFactor: 'recovery' });
  });

  it('ends a pending login after five minutes', async () => {
    later(30);
    const first = await passwordStep(app, 'cm.bucha');
    later(6 * 60);
    const late = await codeStep(app, first.body.pendingToken, codeAt(secret, clock));
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('second_factor_challenge_expired');
    expect((await codeStep(app, 'not-a-token', '123456')).body.code).toBe('second_factor_challenge_expired');
  });

  it('locks the account after repeated wrong codes, like wrong passwords', async () => {
    later(30);
    await tdb.deps.db.updateTable('users').set({ failed_login_count: 0 }).where('username', '=', 'cm.bucha').execute();
    const first = await passwordStep(app, 'cm.bucha');
    for (let i = 0; i < 3; i += 1) expect((await codeStep(app, first.body.pendingToken, wrongCode(secret, clock))).status).toBe(422);
    // testConfig: three failures lock; the challenge ends with the lock.
    expect((await codeStep(app, first.body.pendingToken, codeAt(secret, clock))).status).toBe(422);
    const locked = await passwordStep(app, 'cm.bucha');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account_locked');
    later(16 * 60);
    expect((await passwordStep(app, 'cm.bucha')).status).toBe(202);
  });

  it('regenerates recovery codes and turns the factor off after proving presence', async () => {
    later(30);
    const first = await passwordStep(app, 'cm.bucha');
    const cm = (await codeStep(app, first.body.pendingToken, codeAt(secret, clock))).cookie as string;
    const status = (await call(app, 'GET', '/api/v1/auth/second-factor', { cookie: cm })).body;
    expect((await call(app, 'POST', '/api/v1/auth/second-factor/recovery-codes', { cookie: cm, payload: { version: status.version } })).body.code).toBe('second_factor_proof_required');
    expect((await call(app, 'POST', '/api/v1/auth/second-factor/recovery-codes', { cookie: cm, payload: { password: 'wrong-password', version: status.version } })).body.code).toBe('second_factor_password_invalid');
    const regenerated = await call(app, 'POST', '/api/v1/auth/second-factor/recovery-codes', { cookie: cm, payload: { password: demoPassword, version: status.version } });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.recoveryCodes).toHaveLength(10);
    // The old codes stopped working.
    const attempt = await passwordStep(app, 'cm.bucha');
    expect((await codeStep(app, attempt.body.pendingToken, recoveryCodes[5] as string)).status).toBe(422);

    later(30);
    const stale = await call(app, 'POST', '/api/v1/auth/second-factor/disable', { cookie: cm, payload: { code: codeAt(secret, clock), version: status.version } });
    expect(stale.status).toBe(409);
    const off = await call(app, 'POST', '/api/v1/auth/second-factor/disable', { cookie: cm, payload: { code: codeAt(secret, clock), version: regenerated.body.status.version } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.status).toBe('none');
    const passwordOnly = await passwordStep(app, 'cm.bucha');
    expect(passwordOnly.status).toBe(200);
    expect(passwordOnly.cookie).toBeTruthy();
  });

  it('limits a required role without a second factor to enrolment, until it is enrolled', async () => {
    const login = await passwordStep(strict, 'sv.bucha');
    expect(login.status).toBe(200);
    expect(login.body.secondFactorEnrolmentRequired).toBe(true);
    const sv = login.cookie as string;
    const blocked = await call(strict, 'GET', '/api/v1/cases', { cookie: sv });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('second_factor_enrolment_required');
    expect((await call(strict, 'GET', `/api/v1/supervision/team`, { cookie: sv })).status).toBe(403);
    expect((await call(strict, 'GET', '/api/v1/auth/me', { cookie: sv })).status).toBe(200);
    expect((await call(strict, 'GET', '/api/v1/system/status', { cookie: sv })).status).toBe(200);
    expect((await call(strict, 'GET', '/api/v1/auth/second-factor', { cookie: sv })).body).toMatchObject({ required: true, enrolmentRequired: true, mayDisable: false });
    // Other roles are not limited.
    const cm2 = (await passwordStep(strict, 'cm2.bucha')).cookie;
    expect((await call(strict, 'GET', '/api/v1/cases', { cookie: cm2 })).status).toBe(200);

    const { secret: svSecret } = await enrol(strict, sv);
    expect((await call(strict, 'GET', '/api/v1/cases', { cookie: sv })).status).toBe(200);
    expect((await call(strict, 'GET', '/api/v1/auth/me', { cookie: sv })).body.secondFactorEnrolmentRequired).toBe(false);
    // The role requires it: it cannot be turned off.
    const version = (await call(strict, 'GET', '/api/v1/auth/second-factor', { cookie: sv })).body.version;
    later(30);
    const off = await call(strict, 'POST', '/api/v1/auth/second-factor/disable', { cookie: sv, payload: { code: codeAt(svSecret, clock), version } });
    expect(off.status).toBe(422);
    expect(off.body.code).toBe('second_factor_required_by_role');
    expect((await passwordStep(strict, 'sv.bucha')).status).toBe(202);
  });

  it('lets the administrator reset a lost second factor from the command line: sessions end, the user enrols again', async () => {
    const svBefore = await passwordStep(strict, 'sv.bucha');
    expect(svBefore.status).toBe(202);
    const someSession = (await passwordStep(strict, 'cm2.bucha')).cookie;
    const svSessions = async () => Number((await tdb.deps.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select((eb) => eb.fn.countAll<string>().as('n')).where('u.username', '=', 'sv.bucha').executeTakeFirstOrThrow()).n);
    expect(await svSessions()).toBeGreaterThan(0);
    expect(await resetSecondFactor(tdb.deps, 'sv.bucha')).toBe(true);
    expect(await svSessions()).toBe(0);
    expect(await resetSecondFactor(tdb.deps, 'sv.bucha')).toBe(false);
    // The pending sign-in ended with the factor; a new one is password-only and limited to enrolment again.
    expect((await codeStep(strict, svBefore.body.pendingToken, '123456')).body.code).toBe('second_factor_challenge_expired');
    const again = await passwordStep(strict, 'sv.bucha');
    expect(again.status).toBe(200);
    expect(again.body.secondFactorEnrolmentRequired).toBe(true);
    expect((await call(strict, 'GET', '/api/v1/auth/me', { cookie: someSession })).status).toBe(200);
    const audit = await tdb.deps.db.selectFrom('audit_log').select('details').where('entity', '=', 'second_factor').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ event: 'reset_by_administrator', username: 'sv.bucha' });
  });

  it('keeps password-only logins when the requirement is configured off', async () => {
    const off = await passwordStep(app, 'admin');
    expect(off.status).toBe(200);
    expect(off.body.secondFactorEnrolmentRequired).toBe(false);
    expect((await call(app, 'GET', '/api/v1/deadline-rules', { cookie: off.cookie })).status).toBe(200);
    // The same administrator under the default requirement is limited to enrolment.
    const on = await passwordStep(strict, 'admin');
    expect(on.body.secondFactorEnrolmentRequired).toBe(true);
    expect((await call(strict, 'GET', '/api/v1/deadline-rules', { cookie: on.cookie })).body.code).toBe('second_factor_enrolment_required');
  });
});

describe('login rate limit (SPEC §11)', () => {
  it('counts the second step towards the per-address login limit', async () => {
    const limited = await testApp({ ...tdb.deps, config: testConfig({ loginRateLimitPerIp: 3, maxFailedLogins: 1000 }) });
    try {
      for (let i = 0; i < 3; i += 1) expect((await codeStep(limited, `token-${i}`, '123456')).status).toBe(422);
      const refused = await codeStep(limited, 'token-4', '123456');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('too_many_requests');
      expect((await passwordStep(limited, 'cas.bucha')).status, 'the password step shares the counter').toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('session rotation (SPEC §11)', () => {
  it('never adopts a session token the client had before signing in', async () => {
    const planted = 'attacker-chosen-session-token-0123456789';
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: `rodyna_session=${planted}`, 'x-requested-with': 'rodyna' }, payload: { username: 'cas.bucha', password: demoPassword } });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'rodyna_session')?.value;
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect((await call(app, 'GET', '/api/v1/auth/me', { cookie: planted })).status).toBe(401);
    // A session the browser carries into a new login ends with it: a new token, the old one no longer valid.
    const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: `rodyna_session=${issued}`, 'x-requested-with': 'rodyna' }, payload: { username: 'cas.bucha', password: demoPassword } });
    const next = again.cookies.find((c) => c.name === 'rodyna_session')?.value;
    expect(next).toBeTruthy();
    expect(next).not.toBe(issued);
    expect((await call(app, 'GET', '/api/v1/auth/me', { cookie: next })).status).toBe(200);
    expect((await call(app, 'GET', '/api/v1/auth/me', { cookie: issued })).status).toBe(401);
  });
});
