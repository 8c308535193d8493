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
