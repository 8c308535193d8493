import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIndicatorRecords } from '#server/db/seed/demo-indicators.ts';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let analyst: Client;
let coord: Client;
let planner: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedIndicatorRecords(tdb.deps, { seed: 11, persons: 160, today: '2026-11-19' });
  const t = await tdb.deps.db.selectFrom('territories').select(['id', 'name_en', 'level']).execute();
  for (const x of t) ids[x.name_en] = x.id;
  [analyst, coord, planner] = await Promise.all([loginAs(app, 'analyst.national'), loginAs(app, 'coord.kyiv'), loginAs(app, 'planner.bucha')]);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

type Cell = { key: string; numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean; source: string };
type Row = { territoryId: string | null; total: Cell; cells: Cell[] };
const allCells = (table: { total: Row; units: Row[] }) => [table.total, ...table.units].flatMap((r) => [r.total, ...r.cells]);

describe('indicator API (SPEC §10, §11)', () => {
  it('lists the catalogue for indicator readers only', async () => {
    const res = await analyst.get('/api/v1/indicators');
    expect(res.status).toBe(200);
    expect(res.body.items.find((d: { code: string }) => d.code === 'SG4.3')).toMatchObject({ source: 'computed', unit: 'count', periodicity: 'quarter' });
    expect(res.body.items.filter((d: { code: string }) => d.code.startsWith('SG'))).toHaveLength(32);
    for (const who of ['cm.bucha', 'cas.bucha', 'reporter.school', 'provider.bucha', 'admin', 'auditor']) expect((await (await loginAs(app, who)).get('/api/v1/indicators')).status).toBe(403);
  });

  it('the analyst sees aggregates only — no names anywhere in tables, trends or the situational analysis', async () => {
    const names = (await tdb.deps.db.selectFrom('persons').select(['surname', 'given_name']).execute()).flatMap((p) => [p.surname, p.given_name]);
    expect(names.length).toBeGreaterThan(100);
    const bodies = [
      await analyst.get('/api/v1/indicators/SG4.3/table?period=2026Q3&disaggregation=age'),
      await analyst.get(`/api/v1/indicators/SG2.1/table?period=2026Q3&disaggregation=care_type&territoryId=${ids['Kyiv Oblast']}`),
      await analyst.get('/api/v1/indicators/SG2.4/trend?period=2026Q3&quarters=4'),
      await analyst.get(`/api/v1/situational-analysis?period=2026Q3&territoryId=${world.bucha}`),
    ];
    for (const b of bodies) {
      expect(b.status).toBe(200);
      const text = JSON.stringify(b.body);
      for (const n of new Set(names)) expect(text.includes(n), n).toBe(false);
    }
  });

  it('the Kyiv coordinator: exact figures for Kyiv oblast, published (suppressed) figures for the country, 403 for Lviv', async () => {
    const own = await coord.get(`/api/v1/indicators/SG4.3/table?period=2026Q3&disaggregation=age&territoryId=${ids['Kyiv Oblast']}`);
    expect(own.status).toBe(200);
    expect(own.body.suppressionApplied).toBe(false);
    expect(own.body.units.map((u: { nameEn: string }) => u.nameEn)).toEqual(['Bucha Raion']);
    const lviv = await coord.get(`/api/v1/indicators/SG4.3/table?period=2026Q3&territoryId=${ids['Lviv Oblast']}`);
    expect(lviv.status).toBe(403);
    expect(lviv.body.code).toBe('forbidden');
    expect((await coord.get(`/api/v1/indicators/SG4.3/table?period=2026Q3&territoryId=${world.stryi}`)).status).toBe(403);
    expect((await coord.get(`/api/v1/situational-analysis?period=2026Q3&territoryId=${ids['Lviv Oblast']}`)).status).toBe(403);
    const country = await coord.get('/api/v1/indicators/SG4.3/table?period=2026Q3&disaggregation=age');
    expect(country.status).toBe(200);
    expect(country.body.suppressionApplied).toBe(true);
    expect(allCells(country.body).every((c) => c.suppressed || c.value === null || c.value === 0 || c.value >= 5)).toBe(true);
  });

  it('suppresses exactly the cells 1–4 outside the territory’s own staff, and on publish=true', async () => {
    const url = '/api/v1/indicators/SG2.4/table?period=2026&disaggregation=age';
    const exact = (await analyst.get(url)).body;
    const published = (await analyst.get(`${url}&publish=true`)).body;
    const asCoord = (await coord.get(url)).body;
    expect(exact.suppressionApplied).toBe(false);
    const small = allCells(exact).filter((c) => c.numerator !== null && c.numerator >= 1 && c.numerator <= 4);
    expect(small.length).toBeGreaterThan(0);
    for (const t of [published, asCoord]) {
      expect(t.suppressionApplied).toBe(true);
      const cells = allCells(t);
      allCells(exact).forEach((c, i) => {
        const p = cells[i] as Cell;
        if (c.numerator !== null && c.numerator >= 1 && c.numerator <= 4) expect(p).toMatchObject({ suppressed: true, numerator: null, value: null });
        else expect(p).toEqual(c);
      });
    }
    const trend = (await coord.get('/api/v1/indicators/SG2.4/trend?period=2026Q3&quarters=6')).body;
    expect(trend.points.map((p: { period: string }) => p.period)).toEqual(['2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    expect(trend.suppressionApplied).toBe(true);
  });

  it('the Bucha planner: exact for Bucha, suppressed for its oblast, 403 for a neighbouring hromada', async () => {
    const own = await planner.get(`/api/v1/indicators/OC8/table?period=2026Q2&territoryId=${world.bucha}&disaggregation=settlement`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ suppressionApplied: false, units: [], territory: { level: 'hromada' } });
    const oblast = await planner.get(`/api/v1/indicators/OC8/table?period=2026Q2&territoryId=${ids['Kyiv Oblast']}`);
    expect(oblast.body.suppressionApplied).toBe(true);
    expect((await planner.get(`/api/v1/indicators/OC8/table?period=2026Q2&territoryId=${world.dmytrivka}`)).status).toBe(403);
  });

  it('answers problems for unknown codes, territories, periods and disaggregations', async () => {
    expect((await analyst.get('/api/v1/indicators/SG9.9/table?period=2026Q3')).status).toBe(404);
    expect((await analyst.get('/api/v1/indicators/SG4.3/table?period=2026Q3&territoryId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await analyst.get('/api/v1/indicators/SG4.3/table?period=2026Q7')).status).toBe(400);
    const dis = await analyst.get('/api/v1/indicators/SG4.5/table?period=2026Q3&disaggregation=sex');
    expect([dis.status, dis.body.code]).toEqual([422, 'indicator_disaggregation_unavailable']);
  });

  it('enters values of entered indicators with validation, audit and optimistic concurrency', async () => {
    const body = { territoryId: world.bucha, period: '2025', key: 'total', numerator: 620, denominator: 1000, source: 'Опитування сімей громади, 2025', notes: '' };
    const created = await planner.send('PUT', '/api/v1/indicators/SG1.1/values', body);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ code: 'SG1.1', value: 62, version: 1, territoryId: world.bucha });
    const again = await planner.send('PUT', '/api/v1/indicators/SG1.1/values', body);
    expect([again.status, again.body.code]).toEqual([409, 'version_conflict']);
    const replaced = await planner.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, numerator: 640, version: 1 });
    expect(replaced.body).toMatchObject({ value: 64, version: 2 });
    expect((await planner.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, numerator: 1, version: 1 })).status).toBe(409);
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'indicator_value').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);

    expect((await planner.send('PUT', '/api/v1/indicators/SG4.3/values', body)).body.code).toBe('indicator_not_entered');
    expect((await planner.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, period: '2024', numerator: 5, denominator: 0 })).body.code).toBe('indicator_value_invalid');
    expect((await planner.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, period: '2024', key: 'care_type:foster_family' })).body.code).toBe('indicator_key_invalid');
    expect((await planner.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, territoryId: world.dmytrivka })).status).toBe(403);
    expect((await coord.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, territoryId: world.stryi })).status).toBe(403);
    expect((await (await loginAs(app, 'sv.bucha')).send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, period: '2023' })).status).toBe(403);

    const byAge = await planner.send('PUT', '/api/v1/indicators/SG1.1/values', { ...body, key: 'age:6_10', numerator: 30, denominator: 50 });
    expect(byAge.status).toBe(200);
    const table = (await planner.get(`/api/v1/indicators/SG1.1/table?period=2025&territoryId=${world.bucha}&disaggregation=age`)).body;
    expect(table.total.total).toMatchObject({ source: 'entered', numerator: 640, denominator: 1000, value: 64 });
    expect(table.total.cells[table.columns.indexOf('6_10')]).toMatchObject({ source: 'entered', value: 60 });
    expect(table.total.cells[table.columns.indexOf('3_5')]).toMatchObject({ source: 'none', value: null });
    const list = await planner.get(`/api/v1/indicators/SG1.1/values?territoryId=${world.bucha}`);
    expect(list.body.items.map((v: { key: string }) => v.key).sort()).toEqual(['age:6_10', 'total']);
  });

  it('builds the situational analysis (Annex 5) with the source of every cell', async () => {
    await analyst.send('PUT', '/api/v1/indicators/SA1/values', { territoryId: world.bucha, period: '2026', key: 'total', numerator: 9, denominator: null, source: 'ССД', notes: '' });
    const res = await analyst.get(`/api/v1/situational-analysis?period=2026Q3&territoryId=${world.bucha}`);
    expect(res.status).toBe(200);
    expect(res.body.tables.map((t: { key: string }) => t.key)).toEqual(['children_families', 'family_care', 'institutional_care', 'issb', 'care_system']);
    const row = (table: string, key: string) => res.body.tables.find((t: { key: string }) => t.key === table).rows.find((r: { key: string }) => r.key === key);
    expect(row('children_families', 'awaiting_court').cells[0]).toMatchObject({ value: 9, source: 'entered', ref: 'SA1' });
    expect(row('children_families', 'child_population').cells[0].source).toBe('territory');
    const inInstitutions = row('institutional_care', 'children_in_institutions').cells[0];
    const sg43 = (await analyst.get(`/api/v1/indicators/SG4.3/table?period=2026Q3&territoryId=${world.bucha}`)).body.total.total;
    expect(inInstitutions).toMatchObject({ source: 'computed', value: sg43.value });
    const ages = ['0_1', '1_2', '3_5', '6_10', '11_14', '15_17'].reduce((s, b) => s + row('institutional_care', `institutions_age_${b}`).cells[0].value, 0);
    expect(ages).toBe(inInstitutions.value);
    expect(row('care_system', 'social_workers').cells[0]).toMatchObject({ source: 'computed', value: 2 });
    const published = await analyst.get(`/api/v1/situational-analysis?period=2026Q3&territoryId=${world.bucha}&publish=true`);
    expect(published.body.suppressionApplied).toBe(true);
    const cells = published.body.tables.flatMap((t: { rows: { cells: Cell[] }[] }) => t.rows.flatMap((r) => r.cells)) as { value: number | null; suppressed: boolean; source: string }[];
    expect(cells.filter((c) => c.source !== 'territory').every((c) => c.suppressed || c.value === null || c.value === 0 || c.value >= 5)).toBe(true);
  });
});
