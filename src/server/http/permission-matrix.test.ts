import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPassword } from '#server/db/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { buildMatrixWorld, demoUsers, type Answer, type DemoUser, type MatrixWorld } from '#test/matrix-world.ts';
import { recordedRoutes, type RecordedRoute } from '#test/route-recorder.ts';
import { missingId, paramIds, routePolicies, type Outcome, type RoutePolicy, type Variant } from '#test/route-policies.ts';
import { sampleValid } from '#test/schema-arbitrary.ts';

// Every route the app registers is recorded through an onRoute hook added by this stand-in for the fastify factory.
vi.mock('fastify', async () => (await import('#test/route-recorder.ts')).fastifyWithRecorder());

/**
 * The permission matrix (SPEC §11, issue 8 item 1): every route against its declared policy in `test/route-policies.ts`,
 * for anonymous callers and each of the 18 demo users, on a case inside and one outside their scope.
 * One world for the file (seeded once; the checks only read, or write into the two matrix cases).
 */
let tdb: TestDatabase | undefined;
let app: FastifyInstance | undefined;
let w: MatrixWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const { buildApp } = await import('#server/http/app.ts');
  app = await buildApp(tdb.deps, { logger: false, serveWeb: false });
  await app.ready();
  w = await buildMatrixWorld(app, tdb.deps);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

function outcomeOf(a: Answer): Outcome | `error ${number}` {
  if (a.status >= 500 || a.status === 401) return `error ${a.status}`;
  if (a.status === 403) return 'forbidden';
  if (a.status === 404) return 'hidden';
  return 'allowed';
}

function routeOf(key: string): RecordedRoute {
  const route = recordedRoutes.get(key);
  if (!route) throw new Error(`no route ${key}`);
  return route;
}

function urlFor(route: RecordedRoute, policy: RoutePolicy, v: Variant): string {
  const given = policy.params?.(w, v) ?? {};
  const defaults = paramIds(w);
  const caseId = v === 'stryi' ? w.stryiCaseId : w.buchaCaseId;
  const path = route.url
    .replace(/:(\w+)/g, (_, name: string) => given[name] ?? (name === 'id' && route.url.startsWith('/api/v1/cases/') ? caseId : (defaults[name] ?? missingId)))
    .replace('*', given['*'] ?? '');
  const query = policy.query?.(w, v);
  return query ? `${path}?${query}` : path;
}

function bodyFor(route: RecordedRoute, policy: RoutePolicy, v: Variant): unknown {
  const override = policy.body?.(w, v);
  if (!route.schema.body) return override;
  const generated = sampleValid(route.schema.body);
  if (generated === undefined && override === undefined) throw new Error(`no valid body for ${route.method} ${route.url}; declare one in route-policies.ts`);
  return typeof generated === 'object' && generated !== null && !Array.isArray(generated) ? { ...generated, ...override } : (override ?? generated);
}

async function freshCookie(user: DemoUser): Promise<string> {
  const res = await (app as FastifyInstance).inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user, password: demoPassword } });
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
  if (!cookie) throw new Error(`login ${user}: ${res.statusCode}`);
  return `rodyna_session=${cookie.value}`;
}

const keys = Object.keys(routePolicies);

describe('permission matrix (SPEC §11)', () => {
  it('declares a policy for every registered route, and every declared route exists', () => {
    const registered = [...recordedRoutes.keys()].sort();
    expect(registered.length).toBeGreaterThan(100);
    expect(registered.filter((k) => !(k in routePolicies)), 'routes without a policy in test/route-policies.ts').toEqual([]);
    expect(keys.filter((k) => !recordedRoutes.has(k)), 'policies without a route').toEqual([]);
  });

  it('declares what every public route is, and nothing else is public', () => {
    const isPublic = [...recordedRoutes.values()].filter((r) => r.access === 'public' || !r.url.startsWith('/api/v1/')).map((r) => `${r.method} ${r.url}`).sort();
    expect(isPublic).toEqual(keys.filter((k) => routePolicies[k]?.rule.startsWith('public')).sort());
  });

  it.each(keys)('%s', async (key) => {
    const policy = routePolicies[key] as RoutePolicy;
    const route = routeOf(key);
    const isPublic = policy.rule.startsWith('public');
    const write = route.method !== 'GET';
    const mismatches: string[] = [];

    // Anonymous: 401 problem on every non-public route, before validation (the body does not matter).
    const anonymous = await w.call(null, { method: route.method, url: urlFor(route, policy, policy.variants[0] as Variant), payload: write ? bodyFor(route, policy, policy.variants[0] as Variant) : undefined });
    if (isPublic) {
      expect(anonymous.status, anonymous.body).not.toBe(401);
      expect(anonymous.status).toBeLessThan(500);
    } else {
      expect(anonymous.status, anonymous.body).toBe(401);
      expect(anonymous.type).toContain('application/problem+json');
      expect((anonymous.json as { code: string }).code).toBe('unauthenticated');
    }
    // A cookie-authenticated write without the CSRF header is refused before anything else.
    if (write && !isPublic) {
      const res = await (app as FastifyInstance).inject({ method: route.method as 'POST', url: urlFor(route, policy, policy.variants[0] as Variant), headers: { cookie: await freshCookie('admin') }, payload: {} });
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body).code).toBe('csrf_failed');
    }
    if (policy.coverage !== 'full') return;

    for (const v of policy.variants) {
      const url = urlFor(route, policy, v);
      const payload = write ? bodyFor(route, policy, v) : undefined;
      for (const user of demoUsers) {
        const res = policy.freshSession
          ? await (async () => {
              const r = await (app as FastifyInstance).inject({ method: route.method as 'POST', url, headers: { cookie: await freshCookie(user), 'x-requested-with': 'rodyna' }, ...(payload === undefined ? {} : { payload: payload as string }) });
              return { status: r.statusCode, type: String(r.headers['content-type']), body: r.body, json: undefined };
            })()
          : await w.call(user, { method: route.method, url, payload });
        const got = outcomeOf(res);
        const want = policy.expect(user, v);
        if (got !== want) mismatches.push(`${v} ${user}: expected ${want}, got ${res.status} ${res.body.slice(0, 160)}`);
        if (res.status >= 400) expect(res.type, `${user} ${url}`).toContain('application/problem+json');
      }
    }
    expect(mismatches).toEqual([]);
  });
});
