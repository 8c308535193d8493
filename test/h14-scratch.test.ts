import { test, vi } from 'vitest';
import { createTestDatabase } from './db.ts';
const routes: Array<{ method: string; url: string; access?: string; body: boolean; query: boolean; params: boolean }> = [];
vi.mock('fastify', async (orig) => {
  const mod = await orig<typeof import('fastify')>();
  const wrapped = (opts: unknown) => {
    const inst = (mod.default as unknown as (o: unknown) => any)(opts);
    inst.addHook('onRoute', (r: any) => { for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push({ method: m, url: r.url, access: r.config?.access, body: !!r.schema?.body, query: !!r.schema?.querystring, params: !!r.schema?.params }); });
    return inst;
  };
  return { ...mod, default: wrapped };
});
test('routes', async () => {
  const { buildApp } = await import('#server/http/app.ts');
  const tdb = await createTestDatabase();
  const app = await buildApp(tdb.deps, { logger: false, serveWeb: false });
  await app.ready();
  for (const r of routes) console.log(`${r.method} ${r.url} ${r.access ?? ''} ${r.body ? 'B' : ''}${r.query ? 'Q' : ''}${r.params ? 'P' : ''}`);
  console.log(routes.length);
  await app.close(); await tdb.close();
});
