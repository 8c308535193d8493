import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { seedWorld, testApp } from '#test/factories.ts';
import { demoPassword } from './demo.ts';
import { buildNationalGeography, nationalOblasts } from './national-geography.ts';
import { nsId, seedNational } from './national.ts';

// The generator at a tiny scale (one oblast, 2,000 cases) with every constraint and foreign key checked, read back
// through the API. The national run itself is measured by `npm run bench` (docs/performance.md), never in tests.
const seed = 7;
const cases = 2000;
let tdb: TestDatabase;
let app: FastifyInstance;
let first: Awaited<ReturnType<typeof seedNational>>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedWorld(tdb.deps);
  // Lviv Oblast exists in the demo world: the generator reuses it and adds its rayons and hromadas.
  first = await seedNational(tdb.deps, { scale: 'oblast', oblast: '46', seed, cases, batchSize: 1000, fastLoad: false });
  app = await testApp(tdb.deps);
}, 600_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

async function count(q: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await q.execute(tdb.deps.db)).rows[0]?.n);
}

describe('national-size generator', () => {
  it('builds the real country: 24 oblasts and Kyiv, about 1,470 hromadas and 7.5 million children', () => {
    const geo = buildNationalGeography(1);
    expect(geo.oblasts).toHaveLength(25);
    expect(geo.oblasts.map((o) => o.nameUk)).toContain('Львівська область');
    expect(geo.hromadas.length).toBe(nationalOblasts.reduce((a, o) => a + o.hromadas, 0));
    expect(geo.hromadas.length).toBeGreaterThan(1400);
    const children = geo.hromadas.reduce((a, h) => a + h.childPopulation, 0);
    expect(children).toBeGreaterThan(7_000_000);
    expect(children).toBeLessThan(8_000_000);
    expect(new Set(geo.hromadas.map((h) => h.kind))).toEqual(new Set(['urban', 'settlement', 'rural']));
    // Deterministic: the same seed gives the same country.
    expect(buildNationalGeography(1).hromadas.map((h) => h.nameUk)).toEqual(geo.hromadas.map((h) => h.nameUk));
  });

  it('generates the cases with households, assessments, deadlines, timelines, care history and referrals', async () => {
    expect(first.cases).toBe(cases);
    const generated = sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE number LIKE '____/_______'`;
    expect(await count(generated)).toBe(cases);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases c WHERE c.number LIKE '____/_______' AND NOT EXISTS (SELECT 1 FROM needs_assessments n WHERE n.case_id = c.id)`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases c WHERE c.number LIKE '____/_______' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.case_id = c.id)`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases c WHERE c.number LIKE '____/_______' AND NOT EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.role = 'child')`)).toBe(0);
    const persons = await count(sql`SELECT count(*)::int AS n FROM case_members m JOIN cases c ON c.id = m.case_id WHERE c.number LIKE '____/_______'`);
    expect(persons / cases).toBeGreaterThan(2.5);
    expect(persons / cases).toBeLessThan(3.5);
    // The worklist sort key is the earliest open deadline, as refreshNextDueDate keeps it.
    expect(await count(sql`SELECT count(*)::int AS n FROM cases c WHERE c.number LIKE '____/_______' AND c.next_due_date IS DISTINCT FROM (SELECT min(due_date) FROM case_deadlines d WHERE d.case_id = c.id AND d.met_on IS NULL)`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE number LIKE '____/_______' AND status = 'closed'`)).toBeGreaterThan(cases / 4);
    expect(await count(sql`SELECT count(*)::int AS n FROM care_episodes WHERE care_type = 'institution' AND end_date IS NULL`)).toBeGreaterThan(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM care_episodes WHERE end_reason = 'breakdown'`)).toBeGreaterThan(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM referrals`)).toBeGreaterThan(cases / 5);
    expect(await count(sql`SELECT count(DISTINCT extract(year FROM registered_on))::int AS n FROM cases WHERE number LIKE '____/_______'`)).toBeGreaterThanOrEqual(5);
    // Identifiers come from the seed.
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE id = ${nsId(seed, 'c', 1)}::uuid`)).toBe(1);
  });

  it('is idempotent: a second run finds every batch and adds nothing', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM persons`);
    const again = await seedNational(tdb.deps, { scale: 'oblast', oblast: '46', seed, cases, batchSize: 1000, fastLoad: false });
    expect(again.skippedBatches).toBe(2);
    expect(await count(sql`SELECT count(*)::int AS n FROM persons`)).toBe(before);
  });

  it('reads through the API: a generated case manager pages through exactly their open cases and opens one', async () => {
    const busiest = await sql<{ username: string; id: string; n: number }>`
      SELECT u.username, u.id, count(*)::int AS n FROM cases c JOIN users u ON u.id = c.case_manager_id
      WHERE c.status = 'open' AND u.username LIKE 'cm%.h%' GROUP BY u.username, u.id ORDER BY n DESC, u.username LIMIT 1`.execute(tdb.deps.db);
    const cm = busiest.rows[0];
    if (!cm) throw new Error('no generated case manager with open cases');
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: cm.username, password: demoPassword } });
    expect(login.statusCode).toBe(200);
    const cookie = `rodyna_session=${login.cookies.find((c) => c.name === 'rodyna_session')?.value ?? ''}`;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/cases?status=open&limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const listed = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(listed.statusCode).toBe(200);
      const page: { items: Array<{ id: string; title: string }>; nextCursor: string | null } = listed.json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(cm.n);

    const id = seen[0] ?? '';
    const res = await app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const detail = res.json<{ members: unknown[]; notification: unknown; needsAssessment: unknown; caseManager: { id: string }; timeline: unknown[] }>();
    expect(detail.caseManager.id).toBe(cm.id);
    expect(detail.members.length).toBe(await count(sql`SELECT count(*)::int AS n FROM case_members WHERE case_id = ${id}`));
    expect(detail.notification).not.toBeNull();
    expect(detail.needsAssessment).not.toBeNull();
    expect(detail.timeline.length).toBeGreaterThanOrEqual(2);
  });
});
