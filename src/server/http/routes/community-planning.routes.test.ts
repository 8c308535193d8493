import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentToSharing } from '#test/consents.ts';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';

// Friday 20 November 2026, 10:00 in Kyiv. One database and one seed for the whole file.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let planner: Client;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  planner = await loginAs(app, 'planner.bucha');
}, 240_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const staff = [{ position: 'Фахівець із соціальної роботи', monthlyPay: 16800, monthlyHours: 168, hoursPerUnit: 1.5 }];
const costing = { key: 'c1', serviceCode: 'issb_family_social_support', staff, payrollChargePercent: 22, materialsPerUnit: 17, overheadKind: 'percent', overheadValue: 10, expectedRecipients: 40, unitsPerRecipient: 12, quotes: [{ option: 'buy_from_neighbour', supplier: 'Сусідня громада', unitPrice: 200 }] };
const goal = { key: 'g1', title: 'Зменшити кількість дітей, розлучених із сім’ями', targetGroup: 'сім’ї у СЖО', rationale: 'оцінка потреб', dueYear: 2027, measures: [{ key: 'm1', title: 'Соціальний супровід', serviceCode: 'issb_family_social_support' }], indicators: [{ key: 'i1', type: 'output', name: 'Сімей отримали супровід', unit: 'сімей', baseline: 20, target: 40, values: [{ period: '2026', actual: 30 }] }] };

describe('community needs assessment (SPEC §8)', () => {
  it('counts vulnerable groups from the system’s own records, equal to a recount of those records', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    // Fixed records on top of the two demo cases: two open cases with known factors, one notification without a case, one case in another hromada.
    const extra = [
      aNotification(world.bucha, { childFactors: ['domestic_violence', 'homelessness'], adultFactors: ['addiction'], caseType: 'prevention' }),
      aNotification(world.bucha, { childFactors: ['homelessness'], adultFactors: ['unemployment'], caseType: 'returning_child' }),
      aNotification(world.bucha, { childFactors: ['domestic_violence'], openCase: false }),
    ];
    const caseIds: string[] = [];
    for (const n of extra) {
      const r = await cm.send('POST', '/api/v1/notifications', n);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (r.body.caseId) caseIds.push(r.body.caseId as string);
    }
    expect((await (await loginAs(app, 'cm.dmytrivka')).send('POST', '/api/v1/notifications', aNotification(world.dmytrivka))).status).toBe(201);
    // A referral declined for lack of places: counted as a referral and as unmet need.
    const caseId = caseIds[0] as string;
    await consentToSharing(cm, caseId);
    const ngo = await tdb.deps.db.selectFrom('organisations').select('id').where('name_en', 'like', 'NGO "Family Circle" (Bucha%').executeTakeFirstOrThrow();
    const ref = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, { providerId: ngo.id, serviceCode: 'issb_family_social_support', reason: 'Потрібен соціальний супровід сім’ї після евакуації.', contact: '+380 67 000 00 00', signedBy: 'Директор' });
    expect(ref.status, JSON.stringify(ref.body)).toBe(201);
    const sent = await cm.send('POST', `/api/v1/referrals/${ref.body.id}/transitions`, { action: 'send', version: ref.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const provider = await loginAs(app, 'provider.bucha');
    const declined = await provider.send('POST', `/api/v1/referrals/${ref.body.id}/transitions`, { action: 'decline', version: sent.body.version, reasonCode: 'no_capacity', note: 'Немає місць' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);

    const created = await planner.send('POST', '/api/v1/community-needs-assessments', { hromadaId: world.bucha, year: 2026, title: 'Оцінка потреб 2026' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const counts = Object.fromEntries((created.body.systemCounts as Array<{ groupKey: string; count: number }>).map((c) => [c.groupKey, c.count]));
    // Fixed numbers: 2 demo cases (prevention) + 2 new ones.
    expect(counts).toMatchObject({
      cases_active: 4,
      'case_type:prevention': 3,
      'case_type:returning_child': 1,
      'child_factor:domestic_violence': 2,
      'child_factor:homelessness': 2,
      'child_factor:parents_evading_duties': 1,
      'adult_factor:addiction': 2,
      'adult_factor:unemployment': 2,
      needs_assessments_completed: 0,
      'referrals:issb_family_social_support': 1,
      'unmet_need:issb_family_social_support': 1,
    });
    // The same groups recounted straight from the records.
    const db = tdb.deps.db;
    const open = await db.selectFrom('cases').select(['id', 'case_type']).where('hromada_id', '=', world.bucha).execute();
    expect(counts.cases_active).toBe(open.length);
    expect(counts['case_type:prevention']).toBe(open.filter((c) => c.case_type === 'prevention').length);
    const notes = await db.selectFrom('notifications').select(['case_id', 'child_factors', 'adult_factors']).where('hromada_id', '=', world.bucha).where('case_id', 'is not', null).execute();
    for (const f of ['domestic_violence', 'homelessness', 'parents_evading_duties']) expect(counts[`child_factor:${f}`], f).toBe(new Set(notes.filter((n) => n.child_factors.includes(f)).map((n) => n.case_id)).size);
    for (const f of ['addiction', 'unemployment', 'low_income']) expect(counts[`adult_factor:${f}`], f).toBe(new Set(notes.filter((n) => n.adult_factors.includes(f)).map((n) => n.case_id)).size);
    const unmet = await db.selectFrom('unmet_needs').select('count').where('hromada_id', '=', world.bucha).execute();
    expect(counts['unmet_need:issb_family_social_support']).toBe(unmet.reduce((s, u) => s + u.count, 0));
    // Provider mapping and the gap: the NGO serves the hromada but declined for lack of places.
    expect(created.body.gaps).toEqual([expect.objectContaining({ serviceCode: 'issb_family_social_support', unmet: 1, demand: 1, reasons: expect.arrayContaining(['unmet_need']) })]);
    expect(created.body.providerMap.map((m: { serviceCode: string }) => m.serviceCode)).toContain('issb_family_social_support');
  });

  it('shows an entered figure next to the system count with the difference; publishes a summary with small cells suppressed', async () => {
    const list = await planner.get(`/api/v1/community-needs-assessments?hromadaId=${world.bucha}`);
    const a = list.body.items[0];
    const put = await planner.send('PUT', `/api/v1/community-needs-assessments/${a.id}`, {
      version: a.version,
      title: a.title,
      horizonYear: 2028,
      population: 61000,
      childPopulation: 12800,
      figures: [
        { groupKey: 'cases_active', label: 'Сім’ї у СЖО (облік ССД)', value: 14, sourceKind: 'administrative', sourceName: 'ССД', sourceDate: '2026-10-01' },
        { groupKey: null, label: 'Діти з інвалідністю', value: 3, sourceKind: 'administrative', sourceName: 'УСП', sourceDate: '2026-10-01' },
      ],
      findings: [{ sourceKind: 'focus_group', sourceName: 'Фокус-група батьків', sourceDate: '2026-09-10', finding: 'Бракує денного догляду.' }],
      conclusions: 'Пріоритет — супровід сімей.',
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.comparisons).toEqual([{ groupKey: 'cases_active', label: 'Сім’ї у СЖО (облік ССД)', systemCount: 4, entered: 14, sourceName: 'ССД', difference: 10 }]);
    // Stale version → 409.
    expect((await planner.send('PUT', `/api/v1/community-needs-assessments/${a.id}`, { ...put.body, version: a.version, figures: [], findings: [] })).status).toBe(409);
    // Not published yet: the public summary is absent.
    const reporter = await loginAs(app, 'reporter.school');
    expect((await reporter.get(`/api/v1/community-needs-assessment-summaries/${a.id}`)).status).toBe(404);
    const pub = await planner.send('POST', `/api/v1/community-needs-assessments/${a.id}/publication`, { version: put.body.version });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.publishedOn).toBe('2026-11-20');
    const summary = await reporter.get(`/api/v1/community-needs-assessment-summaries/${a.id}`);
    expect(summary.status).toBe(200);
    const c = Object.fromEntries((summary.body.counts as Array<{ groupKey: string; count: number | null }>).map((x) => [x.groupKey, x.count]));
    expect(c.cases_active).toBeNull(); // 4 < 5
    expect(c.needs_assessments_completed).toBe(0);
    expect(summary.body.figures).toEqual([expect.objectContaining({ label: 'Сім’ї у СЖО (облік ССД)', value: 14 }), expect.objectContaining({ label: 'Діти з інвалідністю', value: null })]);
    expect(JSON.stringify(summary.body)).not.toMatch(/Шевченко|Іваненко/);
  });

  it('who reads and who edits: planner edits; supervisor and oblast coordinator read; others 404/403', async () => {
    const a = (await planner.get(`/api/v1/community-needs-assessments?hromadaId=${world.bucha}`)).body.items[0];
    const sv = await loginAs(app, 'sv.bucha');
    const view = await sv.get(`/api/v1/community-needs-assessments/${a.id}`);
    expect([view.status, view.body.allowedActions]).toEqual([200, []]);
    expect((await sv.send('POST', `/api/v1/community-needs-assessments/${a.id}/publication`, { version: a.version })).status).toBe(403);
    expect((await (await loginAs(app, 'coord.kyiv')).get(`/api/v1/community-needs-assessments/${a.id}`)).status).toBe(200);
    expect((await (await loginAs(app, 'analyst.national')).get(`/api/v1/community-needs-assessments/${a.id}`)).status).toBe(200);
    expect((await (await loginAs(app, 'cm.bucha')).get(`/api/v1/community-needs-assessments/${a.id}`)).status).toBe(404);
    expect((await (await loginAs(app, 'cm.bucha')).get('/api/v1/community-needs-assessments')).status).toBe(403);
    expect((await planner.send('POST', '/api/v1/community-needs-assessments', { hromadaId: world.stryi, year: 2026 })).status).toBe(403);
    expect((await planner.send('POST', '/api/v1/community-needs-assessments', { hromadaId: world.bucha, year: 2026 })).body.code).toBe('needs_assessment_exists');
  });
});

describe('targeted social programme and costing (SPEC §8)', () => {
  let programmeId = '';

  it('computes unit cost and budget with fixed numbers, SMART gaps and monitoring', async () => {
    const created = await planner.send('POST', '/api/v1/community-programmes', { hromadaId: world.bucha, title: 'Програма 2026–2028', fromYear: 2026, toYear: 2028, population: 48000 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    programmeId = created.body.id;
    const put = await planner.send('PUT', `/api/v1/community-programmes/${programmeId}`, { version: 1, title: 'Програма 2026–2028', fromYear: 2026, toYear: 2028, status: 'draft', population: 48000, needsAssessmentId: null, goals: [goal, { key: 'g2', title: 'Ціль' }], costings: [costing] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const c = put.body.costings[0];
    expect(c.result).toEqual({ staffLines: [{ position: 'Фахівець із соціальної роботи', hourlyPay: 100, costPerUnit: 183 }], staffCostPerUnit: 183, materialsPerUnit: 17, overheadPerUnit: 20, unitCost: 220, totalUnits: 480, budget: 105600 });
    expect(c.options.map((o: { option: string; total: number; cheapest: boolean }) => [o.option, o.total, o.cheapest])).toEqual([['own_provision', 105600, false], ['buy_from_neighbour', 96000, true]]);
    expect([put.body.budgetTotal, put.body.perPerson]).toEqual([105600, 2.2]);
    expect(put.body.goals[0].smartGaps).toEqual([]);
    expect(put.body.goals[1].smartGaps).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'time_bound']);
    expect(put.body.goals[0].indicators[0]).toMatchObject({ latestPeriod: '2026', latest: 30, progressPercent: 50, achieved: false });
    expect((await planner.send('PUT', `/api/v1/community-programmes/${programmeId}`, { ...put.body, version: 1 })).status).toBe(409);
    const bad = await planner.send('PUT', `/api/v1/community-programmes/${programmeId}`, { version: 2, title: 'x', fromYear: 2026, toYear: 2026, status: 'draft', population: null, needsAssessmentId: null, goals: [], costings: [{ ...costing, serviceCode: 'no_such_service' }] });
    expect(bad.body.code).toBe('unknown_service_code');
  });

  it('compares spending per person with a neighbouring hromada of the same rayon', async () => {
    const dmytrivkaOrg = await tdb.deps.db.selectFrom('organisations').select('id').where('hromada_id', '=', world.dmytrivka).where('type', '=', 'css').executeTakeFirstOrThrow();
    const { createProgramme, updateProgramme } = await import('#server/services/community-programmes.service.ts');
    const admin = await tdb.deps.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor = { userId: admin.id, username: 'test', ip: 't', grants: [{ role: 'community_planner' as const, organisationId: dmytrivkaOrg.id, organisationType: 'css' as const, hromadaId: world.dmytrivka }] };
    const d = await createProgramme(tdb.deps, actor, { hromadaId: world.dmytrivka, title: 'Дмитрівка 2026', fromYear: 2026, toYear: 2026, population: 24000, needsAssessmentId: null });
    await updateProgramme(tdb.deps, actor, d.id, { version: 1, title: d.title, fromYear: 2026, toYear: 2026, status: 'approved', population: 24000, needsAssessmentId: null, goals: [], costings: [{ ...costing, expectedRecipients: 10, deliveryOption: 'own_provision', note: '', quotes: [] } as never] });
    const view = await planner.get(`/api/v1/community-programmes/${programmeId}`);
    // Dmytrivka: 220 × 10 × 12 = 26,400 for 24,000 people = 1.10 per person.
    expect(view.body.neighbours).toEqual([expect.objectContaining({ hromada: expect.objectContaining({ id: world.dmytrivka }), budgetTotal: 26400, population: 24000, perPerson: 1.1 })]);
    // Stryi is in another rayon and oblast: its planner would not appear; Dmytrivka's programme is hidden from planner.bucha by id.
    expect((await planner.get(`/api/v1/community-programmes/${d.id}`)).status).toBe(404);
  });

  it('exports the programme as XLSX with the figures and as CSV', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/community-programmes/${programmeId}/export.xlsx`, headers: await headersOf('planner.bucha') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Цілі та заходи', 'Показники', 'Калькуляція', 'Бюджет']);
    const costingSheet = wb.getWorksheet('Калькуляція');
    const total = costingSheet?.getRows(1, costingSheet.rowCount)?.find((r) => r.getCell(2).value === 'Разом на одиницю');
    expect(total?.getCell(10).value).toBe(220);
    const budget = wb.getWorksheet('Бюджет');
    expect(budget?.getRow(2).getCell(7).value).toBe(105600);
    expect(budget?.getRow(2).getCell(6).value).toBe(480);
    const totalRow = budget?.getRows(1, budget.rowCount)?.find((r) => r.getCell(1).value === 'Разом');
    expect(totalRow?.getCell(7).value).toBe(105600);
    expect(wb.getWorksheet('Показники')?.getRow(2).getCell(2).value).toBe('Сімей отримали супровід');
    const csv = await planner.get(`/api/v1/community-programmes/${programmeId}/export.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.body)).toContain('Фахівець із соціальної роботи,16800,168,100,1.5,183,,,');
    expect((await (await loginAs(app, 'cm.stryi')).get(`/api/v1/community-programmes/${programmeId}/export.xlsx`)).status).toBe(404);
  });
});

async function headersOf(username: string): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Rodyna-Demo-2026' } });
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
  return { cookie: `rodyna_session=${cookie?.value}`, 'x-requested-with': 'rodyna' };
}

describe('oblast costed implementation plan (SPEC §9)', () => {
  it('coordinator edits; totals per year and pillar with the funding gap; analyst reads; others refused; XLSX', async () => {
    const coord = await loginAs(app, 'coord.kyiv');
    const kyiv = await tdb.deps.db.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', 'like', 'Kyiv%').executeTakeFirstOrThrow();
    const lviv = await tdb.deps.db.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', 'like', 'Lviv%').executeTakeFirstOrThrow();
    expect((await coord.send('POST', '/api/v1/oblast-plans', { oblastId: lviv.id, title: 'План', fromYear: 2026, toYear: 2027 })).status).toBe(403);
    const created = await coord.send('POST', '/api/v1/oblast-plans', { oblastId: kyiv.id, title: 'Обласний план', fromYear: 2026, toYear: 2027 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const put = await coord.send('PUT', `/api/v1/oblast-plans/${created.body.id}`, {
      version: 1,
      title: 'Обласний план',
      fromYear: 2026,
      toYear: 2027,
      activities: [
        { key: 'a1', pillar: 'strengthen_families', component: 'case_management', title: 'Ведення випадку', responsible: 'ОЦСС', fundingSource: 'oblast_budget', years: [{ year: 2026, cost: 1000, secured: 400 }, { year: 2027, cost: 500, secured: 600 }] },
        { key: 'a2', pillar: 'family_based_care', title: 'Прийомні сім’ї', fundingSource: 'state_budget', years: [{ year: 2026, cost: 250.5, secured: 0 }] },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.byYear).toEqual([{ year: 2026, cost: 1250.5, secured: 400, gap: 850.5 }, { year: 2027, cost: 500, secured: 600, gap: 0 }]);
    expect(put.body.total).toEqual({ cost: 1750.5, secured: 1000, gap: 850.5 });
    expect(put.body.byPillar[0]).toEqual({ pillar: 'strengthen_families', cost: 1500, secured: 1000, gap: 600 });
    const outside = await coord.send('PUT', `/api/v1/oblast-plans/${created.body.id}`, { ...put.body, version: 2, activities: [{ ...put.body.activities[0], years: [{ year: 2030, cost: 1, secured: 0 }] }] });
    expect(outside.body.code).toBe('year_outside_plan');
    const analyst = await loginAs(app, 'analyst.national');
    const read = await analyst.get(`/api/v1/oblast-plans/${created.body.id}`);
    expect([read.status, read.body.allowedActions]).toEqual([200, []]);
    expect((await analyst.send('PUT', `/api/v1/oblast-plans/${created.body.id}`, { ...put.body, version: 2 })).status).toBe(403);
    expect((await planner.get(`/api/v1/oblast-plans/${created.body.id}`)).status).toBe(404);
    expect((await planner.get('/api/v1/oblast-plans')).status).toBe(403);
    const res = await app.inject({ method: 'GET', url: `/api/v1/oblast-plans/${created.body.id}/export.xlsx`, headers: await headersOf('coord.kyiv') });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const totals = wb.getWorksheet('Підсумки');
    expect(totals?.getRows(1, totals.rowCount)?.find((r) => r.getCell(1).value === 'Разом')?.getCell(4).value).toBe(850.5);
  });
});
