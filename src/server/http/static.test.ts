import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from '#test/db.ts';
import { buildApp } from './app.ts';

let tdb: TestDatabase;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'rodyna-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Родина</title>');
  const js = 'console.log("родина");'.repeat(50);
  writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), js);
  writeFileSync(path.join(webDir, 'assets', 'app-abc123.js.br'), brotliCompressSync(js));
  tdb = await createTestDatabase(testConfig({ webDir }));
});
afterAll(async () => {
  await tdb.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('web app files', () => {
  it('serves hashed assets precompressed and immutable, index.html revalidated, client routes as index.html', async () => {
    const app = await buildApp(tdb.deps, { serveWeb: true });
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.body).toContain('Родина');
    expect(index.headers['cache-control']).toBe('no-cache');
    const route = await app.inject({ method: 'GET', url: '/cases/123' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('Родина');
    const api = await app.inject({ method: 'GET', url: '/api/v1/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    await app.close();
  });
});
