import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp } from '#test/factories.ts';

let clock = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => clock);
  app = await testApp(tdb.deps);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});
beforeEach(async () => {
  clock = new Date('2026-11-20T08:00:00.000Z');
  await resetDatabase(tdb.handle);
});

const login = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('public endpoints', () => {
  it('answers health, OpenAPI 3.1 and the docs page', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    const spec = JSON.parse((await app.inject({ method: 'GET', url: '/api/openapi.json' })).body);
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/cases/{id}', '/api/v1/notifications', '/api/v1/cases/{id}/needs-assessment']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('reports no users and no demo on an empty installation, then demo mode once demo users exist', async () => {
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/system/status' })).body)).toEqual({ hasUsers: false, demoMode: false });
    await seedWorld(tdb.deps);
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/api/v1/system/status' })).body)).toEqual({ hasUsers: true, demoMode: true });
  });

  it('answers unknown routes and bad JSON with problem+json and sets security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('invalid_json');
    const huge = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) }) });
    expect(huge.statusCode).toBe(413);
  });

  it('refuses NUL characters and overlong or malformed path segments with 400 problems (found by the fuzz test)', async () => {
    await seedWorld(tdb.deps);
    // U+0000 used to reach PostgreSQL, which cannot store it in text, and answered 500.
    const nul = await login('\u0000', 'whatever-password');
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(nul.body).code).toBe('validation_failed');
    const cm = await loginAs(app, 'cm.bucha');
    expect((await cm.get('/api/v1/persons/matches?hromadaId=00000000-0000-4000-8000-000000000000&surname=%00')).status).toBe(400);
    // Fastify's own 414/400 answers for such paths were plain JSON echoing the path.
    for (const url of [`/api/v1/cases/${'x'.repeat(3000)}`, '/api/v1/cases/%E0%A4%A']) {
      const res = await cm.get(url);
      expect(res.status, url).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      expect(res.body.code).toBe('validation_failed');
    }
  });
});

describe('authentication (SPEC §11)', () => {
  it('logs in with an HttpOnly SameSite session cookie, and logs out', async () => {
    await seedWorld(tdb.deps);
    const res = await login('cm.bucha', 'Rodyna-Demo-2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
    expect(cookie).toEqual(expect.objectContaining({ httpOnly: true, sameSite: 'Lax', path: '/' }));
    const me = JSON.parse(res.body);
    expect(me.grants[0]).toEqual(expect.objectContaining({ role: 'case_manager', organisationType: 'css' }));
    const headers = { cookie: `rodyna_session=${cookie?.value}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(200);
    // Writes need the CSRF header.
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, 'x-requested-with': 'rodyna' } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('answers 401 for a wrong password or unknown user, and locks the account after repeated failures', async () => {
    await seedWorld(tdb.deps);
    const unknown = await login('nobody', 'whatever-password');
    expect(unknown.statusCode).toBe(401);
    expect(JSON.parse(unknown.body).code).toBe('invalid_credentials');
    for (let i = 0; i < 3; i += 1) expect((await login('cm.bucha', 'wrong-password')).statusCode).toBe(401);
    const locked = await login('cm.bucha', 'Rodyna-Demo-2026');
    expect(locked.statusCode).toBe(423);
    expect(JSON.parse(locked.body).code).toBe('account_locked');
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await login('cm.bucha', 'Rodyna-Demo-2026')).statusCode).toBe(200);
  });

  it('expires idle and old sessions', async () => {
    await seedWorld(tdb.deps);
    const client = await loginAs(app, 'cm.bucha');
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('keeps the chosen language per user', async () => {
    await seedWorld(tdb.deps);
    const client = await loginAs(app, 'cm.bucha');
    expect((await client.send('PUT', '/api/v1/auth/me/locale', { locale: 'en' })).status).toBe(204);
    expect((await (await loginAs(app, 'cm.bucha')).get('/api/v1/auth/me')).body.locale).toBe('en');
    expect((await client.send('PUT', '/api/v1/auth/me/locale', { locale: 'fr' })).status).toBe(400);
  });

  it('rejects disabled users', async () => {
    await seedWorld(tdb.deps);
    await tdb.deps.db.updateTable('users').set({ is_active: false }).where('username', '=', 'cm.bucha').execute();
    expect((await login('cm.bucha', 'Rodyna-Demo-2026')).statusCode).toBe(401);
  });
});
