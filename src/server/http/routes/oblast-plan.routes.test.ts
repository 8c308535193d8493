import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';

// The oblast plan page's editing cycle (SPEC §9): the whole list of activities is saved on the plan's version after an
// activity is added, changed or removed; the totals per year and per pillar and the funding gap come back at once.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let coord: Client;
let planId: string;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  await seedWorld(tdb.deps);
  coord = await loginAs(app, 'coord.kyiv');
  const kyiv = await tdb.deps.db.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', 'like', 'Kyiv%').executeTakeFirstOrThrow();
  const created = await coord.send('POST', '/api/v1/oblast-plans', { oblastId: kyiv.id, title: 'План впровадження реформи', fromYear: 2026, toYear: 2028 });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  planId = created.body.id;
}, 240_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

type Plan = { version: number; title: string; fromYear: number; toYear: number; activities: Array<Record<string, unknown> & { key: string; totals?: unknown }> };
const body = (p: Plan, activities: Plan['activities']) => ({ version: p.version, title: p.title, fromYear: p.fromYear, toYear: p.toYear, activities: activities.map(({ totals: _t, ...a }) => a) });

const training = { key: 'a1', pillar: 'family_based_care', component: 'workforce', title: 'Навчання прийомних батьків', responsible: 'Обласний центр соціальних служб', fundingSource: 'oblast_budget', years: [{ year: 2026, cost: 120000, secured: 120000 }, { year: 2027, cost: 150000, secured: 50000 }] };
const mentoring = { key: 'a2', pillar: 'strengthen_families', component: 'gatekeeping', title: 'Менторство для комісій громад', responsible: 'Служба у справах дітей ОДА', fundingSource: 'donors', years: [{ year: 2027, cost: 80000, secured: 0 }, { year: 2028, cost: 40000.5, secured: 10000 }] };

describe('oblast plan: add, change and remove activities; totals follow (SPEC §9)', () => {
  it('adds two activities: totals per year, per pillar and the gap', async () => {
    const p = (await coord.get(`/api/v1/oblast-plans/${planId}`)).body as Plan;
    const saved = await coord.send('PUT', `/api/v1/oblast-plans/${planId}`, body(p, [training, mentoring]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.byYear).toEqual([
      { year: 2026, cost: 120000, secured: 120000, gap: 0 },
      { year: 2027, cost: 230000, secured: 50000, gap: 180000 },
      { year: 2028, cost: 40000.5, secured: 10000, gap: 30000.5 },
    ]);
    expect(saved.body.byPillar).toEqual([
      { pillar: 'strengthen_families', cost: 120000.5, secured: 10000, gap: 110000.5 },
      { pillar: 'family_based_care', cost: 270000, secured: 170000, gap: 100000 },
      { pillar: 'reintegration_transformation', cost: 0, secured: 0, gap: 0 },
    ]);
    expect(saved.body.total).toEqual({ cost: 390000.5, secured: 180000, gap: 210000.5 });
    expect(saved.body.activities.map((a: { key: string; totals: unknown }) => [a.key, a.totals])).toEqual([
      ['a1', { cost: 270000, secured: 170000, gap: 100000 }],
      ['a2', { cost: 120000.5, secured: 10000, gap: 110000.5 }],
    ]);
  });

  it('changes one activity (pillar, secured funding); a stale save is refused with 409', async () => {
    const p = (await coord.get(`/api/v1/oblast-plans/${planId}`)).body as Plan;
    const changed = p.activities.map((a) => (a.key === 'a2' ? { ...a, pillar: 'reintegration_transformation', years: [{ year: 2027, cost: 80000, secured: 80000 }, { year: 2028, cost: 40000.5, secured: 10000 }] } : a));
    const saved = await coord.send('PUT', `/api/v1/oblast-plans/${planId}`, body(p, changed));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(p.version + 1);
    expect(saved.body.byYear[1]).toEqual({ year: 2027, cost: 230000, secured: 130000, gap: 100000 });
    expect(saved.body.byPillar).toEqual([
      { pillar: 'strengthen_families', cost: 0, secured: 0, gap: 0 },
      { pillar: 'family_based_care', cost: 270000, secured: 170000, gap: 100000 },
      { pillar: 'reintegration_transformation', cost: 120000.5, secured: 90000, gap: 30000.5 },
    ]);
    expect(saved.body.total).toEqual({ cost: 390000.5, secured: 260000, gap: 130000.5 });
    const stale = await coord.send('PUT', `/api/v1/oblast-plans/${planId}`, body(p, p.activities));
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
  });

  it('removes an activity; the totals drop it; the analyst may not edit', async () => {
    const p = (await coord.get(`/api/v1/oblast-plans/${planId}`)).body as Plan;
    const saved = await coord.send('PUT', `/api/v1/oblast-plans/${planId}`, body(p, p.activities.filter((a) => a.key !== 'a1')));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.activities).toHaveLength(1);
    expect(saved.body.byYear).toEqual([
      { year: 2026, cost: 0, secured: 0, gap: 0 },
      { year: 2027, cost: 80000, secured: 80000, gap: 0 },
      { year: 2028, cost: 40000.5, secured: 10000, gap: 30000.5 },
    ]);
    expect(saved.body.total).toEqual({ cost: 120000.5, secured: 90000, gap: 30000.5 });
    const audit = await tdb.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'oblast_plan').where('entity_id', '=', planId).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(3);
    const analyst = await loginAs(app, 'analyst.national');
    expect((await analyst.send('PUT', `/api/v1/oblast-plans/${planId}`, body(saved.body as Plan, []))).status).toBe(403);
  });
});
