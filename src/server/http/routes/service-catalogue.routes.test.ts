import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp } from '#test/factories.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});
beforeEach(async () => {
  await resetDatabase(tdb.handle);
  await seedWorld(tdb.deps);
});

type Item = { code: string; package: string; ministry: string; nameUk: string; standardUnitCost: number | null };

describe('service catalogue (SPEC §4.1)', () => {
  it('ships the ISSB minimum and optimal packages and the 18 basic social services, for any signed-in user', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    const res = await reporter.get('/api/v1/service-catalogue');
    expect(res.status).toBe(200);
    const items: Item[] = res.body.items;
    const count = (p: string) => items.filter((i) => i.package === p).length;
    expect([count('issb_minimum'), count('issb_optimal'), count('basic')]).toEqual([9, 6, 18]);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    expect(items.filter((i) => i.package === 'issb_minimum').every((i) => i.ministry === 'social_policy')).toBe(true);
    expect(items.filter((i) => i.package === 'issb_optimal').map((i) => i.ministry).sort()).toEqual(['education', 'education', 'health', 'health', 'health', 'youth_sports']);
    // No invented costs: a community's costing sets them.
    expect(items.every((i) => i.standardUnitCost === null)).toBe(true);
    expect(items[0]).toEqual(expect.objectContaining({ code: 'issb_resilience_counselling', unitOfMeasure: expect.any(String), targetGroup: expect.any(String) }));
  });

  it('filters by package and by a part of the name in either language or the code', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const basic = (await cm.get('/api/v1/service-catalogue?package=basic')).body.items as Item[];
    expect(basic).toHaveLength(18);
    expect(basic.map((i) => i.nameUk)).toEqual(expect.arrayContaining(['Догляд вдома', 'Посередництво (медіація)', 'Переклад жестовою мовою', 'Надання притулку']));
    const uk = (await cm.get(`/api/v1/service-catalogue?q=${encodeURIComponent('МЕДІАЦ')}`)).body.items as Item[];
    expect(uk.map((i) => i.code)).toEqual(['basic_mediation']);
    const en = (await cm.get('/api/v1/service-catalogue?q=early%20intervention')).body.items as Item[];
    expect(en.map((i) => i.code)).toEqual(['issb_early_intervention']);
    const both = (await cm.get(`/api/v1/service-catalogue?package=issb_optimal&q=${encodeURIComponent('реабіл')}`)).body.items as Item[];
    expect(both.map((i) => i.code)).toEqual(['issb_rehabilitation']);
  });

  it('requires a session and a known package', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/service-catalogue' })).statusCode).toBe(401);
    const cm = await loginAs(app, 'cm.bucha');
    const bad = await cm.get('/api/v1/service-catalogue?package=luxury');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });
});

describe('editing the catalogue (SPEC §4.1)', () => {
  const edit = (over: Record<string, unknown> = {}) => ({
    version: 1,
    nameUk: 'Раннє втручання',
    nameEn: 'Early intervention',
    ministry: 'social_policy',
    package: 'issb_minimum',
    targetGroup: 'Діти віком від народження до 4 років',
    unitOfMeasure: 'година',
    standardUnitCost: 412.5,
    isActive: true,
    ...over,
  });

  it('lets the system administrator edit a service, versioned and audited with what changed', async () => {
    const admin = await loginAs(app, 'admin');
    const res = await admin.send('PUT', '/api/v1/service-catalogue/issb_early_intervention', edit());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ code: 'issb_early_intervention', standardUnitCost: 412.5, unitOfMeasure: 'година', version: 2 }));
    const cm = await loginAs(app, 'cm.bucha');
    const listed = ((await cm.get('/api/v1/service-catalogue?q=early%20intervention')).body.items as Item[])[0];
    expect(listed?.standardUnitCost).toBe(412.5);
    const audit = await tdb.deps.db.selectFrom('audit_log').selectAll().where('entity', '=', 'service_catalogue').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toEqual(expect.objectContaining({ action: 'update', entity_id: 'issb_early_intervention', actor_username: 'admin' }));
    expect(audit[0]?.details).toEqual(expect.objectContaining({ changed: expect.arrayContaining(['standardUnitCost', 'targetGroup', 'unitOfMeasure']), before: expect.objectContaining({ standardUnitCost: null }) }));
    // A stale version is refused; clearing the cost shows "not set" again.
    const stale = await admin.send('PUT', '/api/v1/service-catalogue/issb_early_intervention', edit({ standardUnitCost: 1 }));
    expect([stale.status, stale.body.code, stale.body.details.currentVersion]).toEqual([409, 'version_conflict', 2]);
    const cleared = await admin.send('PUT', '/api/v1/service-catalogue/issb_early_intervention', edit({ version: 2, standardUnitCost: null }));
    expect(cleared.body.standardUnitCost).toBeNull();
  });

  it('withdraws a service from the list while the administrator still sees it', async () => {
    const admin = await loginAs(app, 'admin');
    const withdrawn = await admin.send('PUT', '/api/v1/service-catalogue/basic_mediation', edit({ nameUk: 'Посередництво (медіація)', nameEn: 'Mediation', package: 'basic', isActive: false }));
    expect(withdrawn.status).toBe(200);
    expect(((await admin.get('/api/v1/service-catalogue?package=basic')).body.items as Item[]).map((i) => i.code)).not.toContain('basic_mediation');
    expect(((await admin.get('/api/v1/service-catalogue?package=basic&includeInactive=true')).body.items as Item[]).map((i) => i.code)).toContain('basic_mediation');
  });

  it('refuses everyone but the system administrator, an unknown code and invalid values', async () => {
    for (const username of ['cm.bucha', 'sv.bucha', 'planner.bucha', 'provider.bucha', 'reporter.school', 'analyst.national', 'auditor']) {
      const client = await loginAs(app, username);
      const res = await client.send('PUT', '/api/v1/service-catalogue/issb_early_intervention', edit());
      expect([res.status, res.body.code], username).toEqual([403, 'forbidden']);
    }
    const admin = await loginAs(app, 'admin');
    expect((await admin.send('PUT', '/api/v1/service-catalogue/no_such_service', edit())).status).toBe(404);
    expect((await admin.send('PUT', '/api/v1/service-catalogue/issb_early_intervention', edit({ standardUnitCost: -1 }))).status).toBe(400);
    expect((await admin.send('PUT', '/api/v1/service-catalogue/issb_early_intervention', edit({ package: 'luxury' }))).status).toBe(400);
    expect(await tdb.deps.db.selectFrom('audit_log').select('id').where('entity', '=', 'service_catalogue').execute()).toEqual([]);
  });
});
