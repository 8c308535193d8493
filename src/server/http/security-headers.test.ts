import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from '#test/db.ts';
import { buildApp } from './app.ts';
import { apiCsp, appCsp, fileCsp, securityHeaders } from './security-headers.ts';

/** Security headers on an HTML page of the web app, on an API answer and on Swagger UI (issue 8 item 2). */
let tdb: TestDatabase;
let webDir: string;
const apps: FastifyInstance[] = [];

async function appWith(overrides: Parameters<typeof testConfig>[0] = {}): Promise<FastifyInstance> {
  const app = await buildApp({ ...tdb.deps, config: testConfig({ webDir, ...overrides }) }, { serveWeb: true });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'rodyna-headers-'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Родина</title><script type="module" src="/assets/app.js"></script>');
  tdb = await createTestDatabase(testConfig({ webDir }));
}, 180_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('gives the web app a CSP without inline scripts, no framing, no referrer', async () => {
    const app = await appWith();
    for (const url of ['/', '/cases/123']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toBe(appCsp);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(page.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('gives API answers a CSP that allows nothing, no framing, no caching', async () => {
    const app = await appWith();
    for (const url of ['/api/v1/system/status', '/api/v1/cases']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.headers['content-security-policy']).toBe(apiCsp);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('gives documents (PDF) the app policy without object-src, so the browser’s viewer shows them', () => {
    const pdf = securityHeaders({ url: '/api/v1/cases/x/documents/notification.pdf', contentType: 'application/pdf', tls: false }, { secureCookies: false });
    expect(pdf['Content-Security-Policy']).toBe(fileCsp);
    expect(fileCsp).not.toContain('object-src');
    expect(fileCsp).toContain("frame-ancestors 'none'");
    expect(pdf['Cache-Control']).toBe('no-store');
  });

  it('sends HSTS only when served over TLS: secure cookies, or https said by a trusted proxy', async () => {
    const plain = await appWith();
    const forged = await plain.inject({ method: 'GET', url: '/api/v1/system/status', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security'], 'X-Forwarded-Proto from an untrusted client').toBeUndefined();

    const secure = await appWith({ secureCookies: true });
    for (const url of ['/', '/api/v1/system/status']) {
      expect((await secure.inject({ method: 'GET', url })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
    const proxied = await appWith({ trustProxy: true });
    expect((await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await proxied.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps Swagger UI working under its own CSP', async () => {
    const app = await appWith();
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(String(page.headers['content-security-policy'])).not.toBe(appCsp);
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const url of ['/api/docs/static/swagger-initializer.js', '/api/docs/json']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/api/docs/json' })).body).paths).toHaveProperty(['/api/v1/auth/login/second-factor']);
  });
});
