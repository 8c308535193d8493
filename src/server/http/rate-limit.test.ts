import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, testConfig, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp } from '#test/factories.ts';
import { loadConfig } from '../config.ts';
import { FixedWindowLimiter, isSensitiveRoute } from './rate-limit.ts';

const start = new Date('2026-11-20T08:00:00.000Z');
let clock = start;
let tdb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  const config = testConfig({ rateLimitWindowSeconds: 60, loginRateLimitPerIp: 10, loginRateLimitPerUsername: 6, sensitiveRateLimitPerSession: 5, maxFailedLogins: 1000 });
  tdb = await createTestDatabase(config, () => clock);
  app = await testApp(tdb.deps);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});
let bucha = '';
beforeEach(async () => {
  await resetDatabase(tdb.handle);
  bucha = (await seedWorld(tdb.deps)).bucha;
});

const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};
const attempt = (username: string, ip: string, password = 'wrong-password-1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password } });

describe('login rate limits (SPEC §11)', () => {
  it('refuses the 11th attempt from one address within the window with 429, Retry-After and problem+json; another address is unaffected; the window passes', async () => {
    advance(3600);
    for (let i = 0; i < 10; i += 1) {
      const res = await attempt(`nobody${i}`, '10.0.0.1');
      expect(res.statusCode).toBe(401);
    }
    advance(15);
    const refused = await attempt('nobody-else', '10.0.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('45');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'too_many_requests' });
    // A refused attempt never reaches the password check, even with the right password.
    expect((await attempt('cm.bucha', '10.0.0.1', 'Rodyna-Demo-2026')).statusCode).toBe(429);

    expect((await attempt('nobody-else', '10.0.0.2')).statusCode).toBe(401);

    advance(45);
    expect((await attempt('nobody-else', '10.0.0.1')).statusCode).toBe(401);
  });

  it('limits attempts per username across addresses', async () => {
    advance(3600);
    for (let i = 0; i < 6; i += 1) expect((await attempt('cm2.bucha', `10.1.0.${i}`)).statusCode).toBe(401);
    const refused = await attempt('CM2.bucha', '10.1.0.99', 'Rodyna-Demo-2026');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt('sv.bucha', '10.1.0.99', 'Rodyna-Demo-2026')).statusCode).toBe(200);
  });
});

describe('sensitive endpoints per session', () => {
  it('limits the person duplicate search per session, not per user of another session', async () => {
    advance(3600);
    const cm = await loginAs(app, 'cm.bucha');
    const url = `/api/v1/persons/matches?hromadaId=${bucha}&surname=${encodeURIComponent('Коваленко')}`;
    for (let i = 0; i < 5; i += 1) expect((await cm.get(url)).status).toBe(200);
    const refused = await cm.get(url);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((refused.body as { code: string }).code).toBe('too_many_requests');
    // Ordinary reads are not limited.
    expect((await cm.get('/api/v1/auth/me')).status).toBe(200);
    const other = await loginAs(app, 'cm2.bucha');
    expect((await other.get(url)).status).toBe(200);
    advance(61);
    expect((await cm.get(url)).status).toBe(200);
  });
});

describe('limiter', () => {
  it('keeps its map bounded and a limit of 0 never refuses', () => {
    const now = () => start;
    const bounded = new FixedWindowLimiter({ limit: 1, windowSeconds: 60, now, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) bounded.hit(`k${i}`);
    expect(bounded.size).toBeLessThanOrEqual(100);
    const off = new FixedWindowLimiter({ limit: 0, windowSeconds: 60, now });
    for (let i = 0; i < 100; i += 1) expect(off.hit('same').allowed).toBe(true);
  });

  it('classifies sensitive routes and has generous defaults for the browser journeys', () => {
    expect(isSensitiveRoute('/api/v1/cases/:id/documents/notification.pdf')).toBe(true);
    expect(isSensitiveRoute('/api/v1/persons/matches')).toBe(true);
    expect(isSensitiveRoute('/api/v1/reports/export.csv')).toBe(true);
    expect(isSensitiveRoute('/api/v1/workforce/need.xlsx')).toBe(true);
    expect(isSensitiveRoute('/api/v1/indicator-exports')).toBe(true);
    expect(isSensitiveRoute('/api/v1/cases/:id')).toBe(false);
    expect(isSensitiveRoute('/api/v1/exportable-things/:id')).toBe(false);
    const d = loadConfig({});
    expect(d).toMatchObject({ rateLimitWindowSeconds: 60, loginRateLimitPerIp: 30, loginRateLimitPerUsername: 20, sensitiveRateLimitPerSession: 120 });
    expect(() => loadConfig({ LOGIN_RATE_LIMIT_PER_IP: 'lots' })).toThrow(/LOGIN_RATE_LIMIT_PER_IP/);
  });
});
