import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { dhis2BulkDataValueSet, dhis2DataValueSet } from '#contracts/dhis2.contract.ts';
import { dhis2TargetFrom } from '#server/config.ts';
import { seedIndicatorRecords } from '#server/db/seed/demo-indicators.ts';

// DHIS2 aggregate push (SPEC §10.4): mapping tables, dry run, push to a stand-in DHIS2, kept import summaries.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let oblasts: { kyiv: string; lviv: string };
let admin: Client;
let analyst: Client;

/** A tiny local HTTP server plays DHIS2 (an external system): it records what arrives and answers an ImportSummary. */
type Arrival = { method: string; url: string; headers: IncomingHttpHeaders; body: unknown };
const arrivals: Arrival[] = [];
let dhis2: Server;
let dhis2Url = '';

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedIndicatorRecords(tdb.deps, { seed: 11, persons: 160, today: '2026-11-20' });
  const rows = await tdb.deps.db.selectFrom('territories').select(['id', 'name_en']).where('level', '=', 'oblast').execute();
  oblasts = { kyiv: rows.find((r) => r.name_en.startsWith('Kyiv'))!.id, lviv: rows.find((r) => r.name_en.startsWith('Lviv'))!.id };
  admin = await loginAs(app, 'admin');
  analyst = await loginAs(app, 'analyst.national');
  dhis2 = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(data) as { dataValues: unknown[] };
      arrivals.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ httpStatus: 'OK', httpStatusCode: 200, status: 'OK', response: { responseType: 'ImportSummary', status: 'SUCCESS', description: 'Import process completed successfully', importCount: { imported: body.dataValues.length, updated: 0, ignored: 0, deleted: 0 }, conflicts: [], dataSetComplete: 'false' } }));
    });
  });
  await new Promise<void>((resolve) => dhis2.listen(0, '127.0.0.1', resolve));
  dhis2Url = `http://127.0.0.1:${(dhis2.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((r) => dhis2?.close(r));
  await app?.close();
  await tdb?.close();
});

type Cell = { key: string; value: number | null; suppressed: boolean };
type Row = { territoryId: string | null; total: Cell; cells: Cell[] };
type Table = { total: Row; units: Row[] };

describe('DHIS2 mapping tables', () => {
  it('are kept by the system administrator (audited, optimistic concurrency); the analyst reads them; others are refused', async () => {
    const created = await admin.send('POST', '/api/v1/dhis2/mappings/elements', { indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deSG43total', categoryOptionCombo: null });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const row = created.body.elements[0];
    expect(row).toEqual(expect.objectContaining({ indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deSG43total', categoryOptionCombo: null, version: 1 }));
    expect((await admin.send('POST', '/api/v1/dhis2/mappings/elements', { indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deOther0001' })).body.code).toBe('dhis2_mapping_exists');
    expect((await admin.send('POST', '/api/v1/dhis2/mappings/elements', { indicatorCode: 'SG4.3', disaggregation: 'colour:red', dataElement: 'deOther0001' })).body.code).toBe('dhis2_disaggregation_unknown');
    expect((await admin.send('POST', '/api/v1/dhis2/mappings/elements', { indicatorCode: 'SG4.3', disaggregation: 'sex:male', dataElement: 'not a uid' })).status).toBe(400);
    const changed = await admin.send('PUT', `/api/v1/dhis2/mappings/elements/${row.id}`, { indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deSG43Total', categoryOptionCombo: null, version: 1 });
    expect(changed.status).toBe(200);
    const stale = await admin.send('PUT', `/api/v1/dhis2/mappings/elements/${row.id}`, { indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deSG43Total', categoryOptionCombo: null, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    for (const [tid, ou] of [[oblasts.kyiv, 'ouKyivOb001'], [oblasts.lviv, 'ouLvivOb001'], [world.bucha, 'ouBuchaH001']] as const) {
      expect((await admin.send('PUT', '/api/v1/dhis2/mappings/org-units', { territoryId: tid, orgUnit: ou })).status).toBe(200);
    }
    const read = await analyst.get('/api/v1/dhis2/mappings');
    expect(read.status).toBe(200);
    expect(read.body.orgUnits).toHaveLength(3);
    expect(read.body.allowedActions).toEqual(['push']);
    expect((await analyst.send('POST', '/api/v1/dhis2/mappings/elements', { indicatorCode: 'SG4.4', disaggregation: 'total', dataElement: 'deSG44total' })).status).toBe(403);
    for (const who of ['coord.kyiv', 'planner.bucha', 'cm.bucha', 'auditor']) {
      const c = await loginAs(app, who);
      expect((await c.get('/api/v1/dhis2/mappings')).status).toBe(403);
      expect((await c.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3' })).status).toBe(403);
    }
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', 'like', 'dhis2_%').execute();
    expect(audit.filter((a) => a.entity === 'dhis2_element_mapping').map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit.filter((a) => a.entity === 'dhis2_org_unit_mapping')).toHaveLength(3);
  });
});

describe('DHIS2 dataValueSets', () => {
  it('builds a payload for one quarter that validates against the documented format, with the engine’s published figures', async () => {
    const res = await analyst.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3', dryRun: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ period: '2026Q3', dryRun: true, status: 'validated', targetUrl: null, httpStatus: null, importSummary: null, errors: [] }));
    // The documented format (shape B: bulk with period and org unit per value).
    const payload = dhis2DataValueSet.parse(res.body.payload);
    expect(dhis2BulkDataValueSet.safeParse(payload).success).toBe(true);
    const values = res.body.payload.dataValues as Array<{ dataElement: string; period: string; orgUnit: string; value: string; categoryOptionCombo?: string }>;
    expect(values.length).toBe(res.body.counts.values);
    for (const v of values) {
      expect(v.period).toBe('2026Q3');
      expect(typeof v.value).toBe('string');
      expect(v.dataElement).toBe('deSG43Total');
    }
    // The figures are the published (suppressed) engine table of each territory's parent.
    const national = (await analyst.get('/api/v1/indicators/SG4.3/table?period=2026Q3&publish=true')).body as Table;
    const rayonOfBucha = (await tdb.deps.db.selectFrom('territories').select('parent_id').where('id', '=', world.bucha).executeTakeFirstOrThrow()).parent_id!;
    const rayon = (await analyst.get(`/api/v1/indicators/SG4.3/table?period=2026Q3&publish=true&territoryId=${rayonOfBucha}`)).body as Table;
    const expected = [
      ['ouKyivOb001', national.units.find((u) => u.territoryId === oblasts.kyiv)!.total],
      ['ouLvivOb001', national.units.find((u) => u.territoryId === oblasts.lviv)!.total],
      ['ouBuchaH001', rayon.units.find((u) => u.territoryId === world.bucha)!.total],
    ] as const;
    for (const [ou, cell] of expected) {
      const sent = values.find((v) => v.orgUnit === ou);
      if (cell.suppressed || cell.value === null) expect(sent).toBeUndefined();
      else expect(sent?.value).toBe(String(cell.value));
    }
    expect(values.length).toBeGreaterThan(0);
  });

  it('has a format check with teeth: wrong periods, numeric values and unknown fields are refused', () => {
    const ok = { dataElement: 'deSG43Total', period: '2026Q3', orgUnit: 'ouKyivOb001', value: '12' };
    expect(dhis2DataValueSet.safeParse({ dataValues: [ok] }).success).toBe(true);
    expect(dhis2DataValueSet.safeParse({ dataValues: [{ ...ok, period: '2026-07' }] }).success).toBe(false);
    expect(dhis2DataValueSet.safeParse({ dataValues: [{ ...ok, period: '2026Q5' }] }).success).toBe(false);
    expect(dhis2DataValueSet.safeParse({ dataValues: [{ ...ok, value: 12 }] }).success).toBe(false);
    expect(dhis2DataValueSet.safeParse({ dataValues: [{ ...ok, territory: 'x' }] }).success).toBe(false);
    expect(dhis2DataValueSet.safeParse({ period: '202401', orgUnit: 'ou', dataValues: [{ dataElement: 'de', value: '1' }] }).success).toBe(true);
    for (const p of ['20240115', '2024W7', '202401', '2024Q1', '2024S2', '2024', '2024April', '2024Oct']) expect(dhis2DataValueSet.safeParse({ dataValues: [{ ...ok, period: p }] }).success, p).toBe(true);
  });

  it('never sends small cells: a mapped cell of 1–4 is counted as suppressed, not sent', async () => {
    // Find a territory and sex cell of SG4.3 with 1–4 children in the exact figures.
    const exact = (await analyst.get('/api/v1/indicators/SG4.3/table?period=2026Q3&disaggregation=sex')).body as Table & { columns: string[] };
    const rayonIds = (await tdb.deps.db.selectFrom('territories').select('id').where('level', '=', 'rayon').execute()).map((r) => r.id);
    const rows: Row[] = [...exact.units];
    for (const r of rayonIds) rows.push(...((await analyst.get(`/api/v1/indicators/SG4.3/table?period=2026Q3&disaggregation=sex&territoryId=${r}`)).body as Table).units);
    let target: { territoryId: string; key: string } | null = null;
    for (const r of rows) {
      const small = r.cells.find((c) => c.value !== null && c.value >= 1 && c.value <= 4);
      if (small && r.territoryId) {
        target = { territoryId: r.territoryId, key: small.key };
        break;
      }
    }
    expect(target, 'the fixture has a small sex cell').not.toBeNull();
    expect((await admin.send('POST', '/api/v1/dhis2/mappings/elements', { indicatorCode: 'SG4.3', disaggregation: `sex:${target!.key}`, dataElement: 'deSG43Total', categoryOptionCombo: 'cocSexSmall' })).status).toBe(201);
    await tdb.deps.db.insertInto('dhis2_org_unit_mappings').values({ territory_id: target!.territoryId, org_unit: 'ouSmallC001' }).onConflict((oc) => oc.column('territory_id').doUpdateSet({ org_unit: 'ouSmallC001' })).execute();
    const res = await analyst.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3', dryRun: true, territoryId: target!.territoryId });
    expect(res.status).toBe(201);
    expect(res.body.counts.suppressed).toBeGreaterThanOrEqual(1);
    expect((res.body.payload.dataValues as Array<{ categoryOptionCombo?: string }>).some((v) => v.categoryOptionCombo === 'cocSexSmall')).toBe(false);
  });

  it('pushes to the configured DHIS2 with dryRun and importStrategy, and keeps its import summary', async () => {
    tdb.deps.config.dhis2 = null;
    const refused = await admin.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3', dryRun: false });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('dhis2_not_configured');
    // The server's settings (config.ts reads DHIS2_URL, DHIS2_USERNAME and DHIS2_PASSWORD once, at start).
    tdb.deps.config.dhis2 = dhis2TargetFrom({ DHIS2_URL: `${dhis2Url}/`, DHIS2_USERNAME: 'rodyna', DHIS2_PASSWORD: 'secret' });
    const res = await admin.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3', dryRun: false, importStrategy: 'CREATE_AND_UPDATE' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(arrivals).toHaveLength(1);
    const arrived = arrivals[0]!;
    expect(arrived.method).toBe('POST');
    const url = new URL(arrived.url, dhis2Url);
    expect(url.pathname).toBe('/api/dataValueSets');
    expect(url.searchParams.get('dryRun')).toBe('false');
    expect(url.searchParams.get('importStrategy')).toBe('CREATE_AND_UPDATE');
    expect(arrived.headers['content-type']).toBe('application/json');
    expect(arrived.headers.authorization).toBe(`Basic ${Buffer.from('rodyna:secret').toString('base64')}`);
    expect(arrived.body).toEqual(res.body.payload);
    expect(dhis2BulkDataValueSet.safeParse(arrived.body).success).toBe(true);
    expect(res.body).toEqual(expect.objectContaining({ status: 'success', httpStatus: 200, dryRun: false }));
    expect(res.body.targetUrl).toBe(`${dhis2Url}/api/dataValueSets?dryRun=false&importStrategy=CREATE_AND_UPDATE`);
    expect(res.body.importSummary.importCount).toEqual({ imported: res.body.counts.values, updated: 0, ignored: 0, deleted: 0 });

    // DHIS2's own dry run.
    await admin.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3', dryRun: false, remoteDryRun: true, importStrategy: 'UPDATE' });
    expect(new URL(arrivals[1]!.url, dhis2Url).searchParams.get('dryRun')).toBe('true');
    expect(new URL(arrivals[1]!.url, dhis2Url).searchParams.get('importStrategy')).toBe('UPDATE');

    const list = await analyst.get('/api/v1/dhis2/pushes');
    expect(list.status).toBe(200);
    const items = list.body.items as Array<{ status: string; dryRun: boolean; remoteDryRun: boolean; importSummary: unknown; createdBy: string }>;
    expect(items[0]).toEqual(expect.objectContaining({ remoteDryRun: true, status: 'success', createdBy: 'admin' }));
    expect(items[1]).toEqual(expect.objectContaining({ dryRun: false, status: 'success', createdBy: 'admin' }));
    expect(items.filter((i) => i.dryRun).every((i) => i.importSummary === null)).toBe(true);
    // No secret is kept.
    expect(JSON.stringify(list.body)).not.toContain('secret');
  });

  it('keeps a failed push when DHIS2 cannot be reached', async () => {
    tdb.deps.config.dhis2 = dhis2TargetFrom({ DHIS2_URL: 'http://127.0.0.1:1' });
    const res = await admin.send('POST', '/api/v1/dhis2/pushes', { quarter: '2026Q3', dryRun: false });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('failed');
    expect(res.body.errors).toContain('DHIS2 could not be reached');
  });
});
