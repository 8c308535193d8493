import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { seedIndicatorRecords } from '#server/db/seed/demo-indicators.ts';
import { xlsxHeaderRow } from '#server/services/indicator-exports.service.ts';
import { disaggregations } from '#domain/indicators/dimensions.ts';

// Dashboards, exports (CSV/XLSX), the council report (SPEC §10.4): the world and the indicator records are seeded once.
const now = new Date('2026-11-20T08:00:00.000Z');
const period = '2026Q3';
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let oblasts: { kyiv: string; lviv: string };
const clients = new Map<string, Client>();

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedIndicatorRecords(tdb.deps, { seed: 7, persons: 160, today: '2026-11-20' });
  const rows = await tdb.deps.db.selectFrom('territories').select(['id', 'name_en']).where('level', '=', 'oblast').execute();
  oblasts = { kyiv: rows.find((r) => r.name_en.startsWith('Kyiv'))!.id, lviv: rows.find((r) => r.name_en.startsWith('Lviv'))!.id };
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

async function as(user: string): Promise<Client> {
  const existing = clients.get(user);
  if (existing) return existing;
  const c = await loginAs(app, user);
  clients.set(user, c);
  return c;
}

/** A raw GET (binary bodies) with the user's session. */
async function download(user: string, url: string) {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user, password: 'Rodyna-Demo-2026' } });
  const cookie = login.cookies.find((c) => c.name === 'rodyna_session');
  return app.inject({ method: 'GET', url, headers: { cookie: `rodyna_session=${cookie?.value}` } });
}

type Cell = { key: string; value: number | null; suppressed: boolean };
type Row = { territoryId: string | null; nameUk: string; total: Cell; cells: Cell[] };
type Table = { total: Row; units: Row[]; columns: string[]; suppressionApplied: boolean; disaggregation: string };

const shown = (c: Cell) => (c.suppressed ? '<5' : (c.value ?? ''));

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

describe('dashboards (SPEC §10.4)', () => {
  it('shows the national analyst the country: key tiles with the previous quarter, and a map of the oblasts', async () => {
    const analyst = await as('analyst.national');
    const res = await analyst.get(`/api/v1/dashboards?period=${period}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body as { path: Array<{ level: string }>; period: string; previousPeriod: string; tiles: Array<{ code: string; current: Cell; previous: Cell }>; suppressionApplied: boolean };
    expect(d.path.map((p) => p.level)).toEqual(['national']);
    expect(d).toEqual(expect.objectContaining({ period: '2026Q3', previousPeriod: '2026Q2', suppressionApplied: false }));
    expect(d.tiles.map((t) => t.code)).toContain('SG4.3');
    // The tile is the engine's figure for the country.
    const sg43 = (await analyst.get(`/api/v1/indicators/SG4.3/table?period=${period}`)).body as Table;
    expect(d.tiles.find((t) => t.code === 'SG4.3')!.current.value).toBe(sg43.total.total.value);
    expect(sg43.total.total.value).toBeGreaterThan(0);

    const map = await analyst.get(`/api/v1/dashboards/map?period=${period}&code=SG4.3`);
    expect(map.status).toBe(200);
    expect(map.body.level).toBe('oblast');
    const tiles = map.body.groups[0].tiles as Array<{ territoryId: string; cell: Cell }>;
    expect(tiles.map((t) => t.territoryId).sort()).toEqual([oblasts.kyiv, oblasts.lviv].sort());
    expect(tiles.find((t) => t.territoryId === oblasts.kyiv)!.cell.value).toBe(sg43.units.find((u) => u.territoryId === oblasts.kyiv)!.total.value);
  });

  it('drills down: an oblast shows its hromadas grouped by rayon, a hromada has breadcrumbs back to the country', async () => {
    const analyst = await as('analyst.national');
    const map = await analyst.get(`/api/v1/dashboards/map?period=${period}&code=SG4.3&territoryId=${oblasts.kyiv}`);
    expect(map.status).toBe(200);
    expect(map.body.level).toBe('hromada');
    expect(map.body.groups.map((g: { nameEn: string }) => g.nameEn)).toEqual(['Bucha Raion']);
    expect(map.body.groups[0].tiles.map((t: { territoryId: string }) => t.territoryId).sort()).toEqual([world.bucha, world.dmytrivka].sort());
    const hromada = await analyst.get(`/api/v1/dashboards?period=${period}&territoryId=${world.bucha}`);
    expect(hromada.status).toBe(200);
    expect(hromada.body.path.map((p: { level: string }) => p.level)).toEqual(['national', 'oblast', 'rayon', 'hromada']);
    expect((await analyst.get(`/api/v1/dashboards/map?period=${period}&code=SG4.3&territoryId=${world.bucha}`)).body.level).toBe('none');
  });

  it('follows the indicator engine’s access: the Kyiv coordinator sees Kyiv but not Lviv; case managers nothing', async () => {
    const coord = await as('coord.kyiv');
    expect((await coord.get(`/api/v1/dashboards?period=${period}&territoryId=${oblasts.kyiv}`)).status).toBe(200);
    expect((await coord.get(`/api/v1/dashboards?period=${period}&territoryId=${oblasts.lviv}`)).status).toBe(403);
    expect((await coord.get(`/api/v1/dashboards/map?period=${period}&code=SG4.3&territoryId=${oblasts.lviv}`)).status).toBe(403);
    expect((await (await as('cm.bucha')).get(`/api/v1/dashboards?period=${period}`)).status).toBe(403);
    expect((await (await as('cm.bucha')).get(`/api/v1/indicator-exports?code=SG4.3&period=${period}`)).status).toBe(403);
    expect((await (await as('analyst.national')).get(`/api/v1/dashboards?period=${period}&territoryId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe('exports (SPEC §10.4)', () => {
  it('exports the indicator table as XLSX whose cells equal the table on the screen', async () => {
    const analyst = await as('analyst.national');
    const q = `code=SG4.3&period=${period}&disaggregation=sex`;
    const res = await download('analyst.national', `/api/v1/indicator-exports?${q}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="rodyna-SG4\.3-2026Q3-sex\.xlsx"/);
    const table = (await analyst.get(`/api/v1/indicators/SG4.3/table?period=${period}&disaggregation=sex`)).body as Table;
    const rows = await sheetRows(res.rawPayload);
    expect(rows[xlsxHeaderRow - 1]).toEqual(['Територія', 'Рівень', 'Усього', 'дівчата', 'хлопці']);
    const body = [table.total, ...table.units];
    expect(body.length).toBe(3);
    body.forEach((r, i) => {
      const line = rows[xlsxHeaderRow + i]!;
      expect(line[0]).toBe(r.nameUk);
      expect(line.slice(2)).toEqual([shown(r.total), ...r.cells.map(shown)]);
    });
    expect(typeof rows[xlsxHeaderRow]![2]).toBe('number');
  });

  it('suppresses small cells for readers outside the territory’s own staff, in XLSX and CSV alike', async () => {
    // Find a table of the Kyiv oblast with a cell of 1–4 as its own staff (the national analyst) see it.
    const analyst = await as('analyst.national');
    let found: { dis: string; table: Table } | null = null;
    for (const code of ['SG4.3', 'SG2.1', 'SG4.4']) {
      for (const dis of disaggregations.filter((d) => d !== 'none')) {
        const res = await analyst.get(`/api/v1/indicators/${code}/table?period=${period}&disaggregation=${dis}&territoryId=${oblasts.kyiv}`);
        if (res.status !== 200) continue;
        const t = res.body as Table;
        const small = [t.total, ...t.units].some((r) => [r.total, ...r.cells].some((c) => c.value !== null && c.value >= 1 && c.value <= 4));
        if (small) {
          found = { dis: `${code}|${dis}`, table: t };
          break;
        }
      }
      if (found) break;
    }
    expect(found, 'the fixture has a small cell somewhere').not.toBeNull();
    const [code, dis] = found!.dis.split('|') as [string, string];
    const exact = found!.table;
    expect(exact.suppressionApplied).toBe(false);
    // The hromada planner of Bucha compares with the Kyiv oblast: not its own staff → suppressed.
    const url = `/api/v1/indicator-exports?code=${code}&period=${period}&disaggregation=${dis}&territoryId=${oblasts.kyiv}`;
    const xlsx = await download('planner.bucha', `${url}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await sheetRows(xlsx.rawPayload);
    const csv = await download('planner.bucha', `${url}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const csvLines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    let suppressedSeen = 0;
    [exact.total, ...exact.units].forEach((r, i) => {
      const line = rows[xlsxHeaderRow + i]!.slice(2);
      const csvLine = csvLines[1 + i]!.slice(2);
      [r.total, ...r.cells].forEach((c, j) => {
        if (c.value !== null && c.value >= 1 && c.value <= 4) {
          expect(line[j]).toBe('<5');
          expect(csvLine[j]).toBe('<5');
          suppressedSeen += 1;
        } else if (c.value !== null && c.value >= 5 && Number.isInteger(c.value)) {
          expect(line[j]).toBe(c.value);
        }
      });
    });
    expect(suppressedSeen).toBeGreaterThan(0);
    // The exact export for the analyst (own staff) shows the small figure itself.
    const own = await sheetRows((await download('analyst.national', `${url}&format=xlsx`)).rawPayload);
    expect(own.flat()).not.toContain('<5');
  });

  it('prints the quarterly council report as a PDF', async () => {
    const res = await download('coord.kyiv', `/api/v1/council-reports/quarterly.pdf?period=${period}&territoryId=${oblasts.kyiv}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain('kvartalnyi-zvit-2026Q3.pdf');
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['entity', 'actor_username']).where('entity', '=', 'council_report').execute();
    expect(audit).toEqual([{ entity: 'council_report', actor_username: 'coord.kyiv' }]);
    expect((await download('coord.kyiv', `/api/v1/council-reports/quarterly.pdf?period=${period}&territoryId=${oblasts.lviv}`)).statusCode).toBe(403);
  });
});
