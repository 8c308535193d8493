import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { demoUsers } from '#test/matrix-world.ts';
import { seedDemoWorkforce } from '#server/db/seed/demo-workforce.ts';
import { demoPassword } from '#server/db/seed/demo.ts';
import { createUser } from '#server/services/users.service.ts';

// One world for the file (seeded once); the tests run in order and build on each other's changes.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  const known = clients.get(username);
  if (known) return known;
  const c = await loginAs(app, username);
  clients.set(username, c);
  return c;
}

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedDemoWorkforce(tdb.deps);
  // Fixture: the needs assessments of the two Bucha cases concluded complex and emergency.
  const [a, b] = await tdb.deps.db.selectFrom('cases').select('id').where('hromada_id', '=', world.bucha).orderBy('number').execute();
  await tdb.deps.db.updateTable('cases').set({ complexity: 'complex' }).where('id', '=', a?.id ?? '').execute();
  await tdb.deps.db.updateTable('cases').set({ complexity: 'emergency' }).where('id', '=', b?.id ?? '').execute();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('workforce need per hromada (SPEC §8), fixed numbers', () => {
  it('computes complex ÷ 10 + other cases + other services + remote starostats against the register, for the hromada’s planner', async () => {
    const planner = await as('planner.bucha');
    const res = await planner.get(`/api/v1/workforce/need?hromadaId=${world.bucha}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.openCases).toEqual({ simple: 0, moderate: 0, complex: 1, emergency: 1, not_assessed: 0 });
    // 1 complex + 1 emergency = 0.2; other services 1.5; Blystavytsia 50 min ≥ 45 → +0.25; register: 1+1+1+1+0.5 (volunteer not counted) = 4.5
    expect(res.body.result).toEqual({ complexFte: 0.2, otherCasesFte: 0, otherServicesFte: 1.5, remoteStarostats: 1, travelFte: 0.25, neededFte: 1.95, specialistsNeeded: 2, availableFte: 4.5, gapFte: -2.55 });
    expect(res.body.staff).toEqual({ people: 6, professionals: 4, paraprofessionals: 1, volunteers: 1, fte: 4.5 });
    expect(res.body.canEdit).toBe(true);
    // No names: the planner sees aggregates only.
    expect(JSON.stringify(res.body)).not.toContain('Коваленко');
  });

  it('takes the planner’s inputs (versioned) and exports the need as a spreadsheet', async () => {
    const planner = await as('planner.bucha');
    const before = (await planner.get(`/api/v1/workforce/need?hromadaId=${world.bucha}`)).body;
    const starostat = before.starostats[0].id;
    const saved = await planner.send('PUT', `/api/v1/workforce/need?hromadaId=${world.bucha}`, { otherServicesFte: 2, travelMinutes: { [starostat]: 30 }, version: before.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.result).toEqual(expect.objectContaining({ otherServicesFte: 2, remoteStarostats: 0, travelFte: 0, neededFte: 2.2, specialistsNeeded: 3, gapFte: -2.3 }));
    expect((await planner.send('PUT', `/api/v1/workforce/need?hromadaId=${world.bucha}`, { otherServicesFte: 1, travelMinutes: {}, version: before.version })).status).toBe(409);
    expect((await planner.send('PUT', `/api/v1/workforce/need?hromadaId=${world.bucha}`, { otherServicesFte: 1, travelMinutes: { '00000000-0000-4000-8000-000000000000': 10 }, version: saved.body.version })).body.code).toBe('starostat_not_in_hromada');
    const file = await app.inject({ method: 'GET', url: `/api/v1/workforce/need.xlsx?hromadaId=${world.bucha}`, headers: { cookie: (await loginCookie('planner.bucha')) } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === 'Потрібно ставок (FTE)')?.[3]).toBe(2.2);
    expect(rows.find((r) => r[0] === 'Наявно за штатним реєстром (FTE)')?.[3]).toBe(4.5);
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'details']).where('entity', 'in', ['workforce_hromada_inputs', 'workforce_need']).execute();
    expect(audit.map((a) => a.action)).toEqual(['update', 'read']);
  });

  it('is for the planner of the hromada, the oblast coordinator, analysts and the administrator only', async () => {
    expect((await (await as('coord.kyiv')).get(`/api/v1/workforce/need?hromadaId=${world.bucha}`)).status).toBe(200);
    expect((await (await as('coord.kyiv')).get(`/api/v1/workforce/need?hromadaId=${world.stryi}`)).status).toBe(403);
    expect((await (await as('planner.bucha')).get(`/api/v1/workforce/need?hromadaId=${world.stryi}`)).status).toBe(403);
    for (const u of ['cm.bucha', 'sv.bucha', 'cas.bucha']) expect((await (await as(u)).get(`/api/v1/workforce/need?hromadaId=${world.bucha}`)).status).toBe(403);
    expect((await (await as('coord.kyiv')).send('PUT', `/api/v1/workforce/need?hromadaId=${world.bucha}`, { otherServicesFte: 1, travelMinutes: {}, version: 1 })).status).toBe(403);
  });
});

async function loginCookie(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: demoPassword } });
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
  return `rodyna_session=${cookie?.value ?? ''}`;
}

describe('staff register (SPEC §7)', () => {
  it('is kept by the supervisor of the Centre, audited, versioned, with one head of service', async () => {
    const sv = await as('sv.bucha');
    const reg = await sv.get('/api/v1/workforce/staff');
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    expect(reg.body.staff).toHaveLength(6);
    expect(reg.body.totalFte).toBe(4.5);
    expect(reg.body.staff.filter((s: { isHead: boolean }) => s.isHead).map((s: { name: string }) => s.name)).toEqual(['Савчук Тамара Миколаївна']);
    const orgId = reg.body.organisationId;
    const entry = { organisationId: orgId, surname: 'Нова', givenName: 'Оксана', position: 'Соціальна працівниця', employment: 'part_time', fte: 0.5, startedOn: '2026-11-01' };
    const created = await sv.send('POST', '/api/v1/workforce/staff', entry);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ fte: 0.5, staffKind: 'professional', isHead: false, version: 1, active: true }));
    const { organisationId: _, ...update } = entry;
    expect((await sv.send('PUT', `/api/v1/workforce/staff/${created.body.id}`, { ...update, endedOn: '2026-11-15', version: 1 })).body).toEqual(expect.objectContaining({ endedOn: '2026-11-15', active: false, version: 2 }));
    expect((await sv.send('PUT', `/api/v1/workforce/staff/${created.body.id}`, { ...update, version: 1 })).status).toBe(409);
    expect((await sv.send('POST', '/api/v1/workforce/staff', { ...entry, isHead: true })).body.code).toBe('staff_head_exists');
    expect((await sv.send('POST', '/api/v1/workforce/staff', { ...entry, userId: world.userId('cm.stryi') })).body.code).toBe('staff_user_not_in_organisation');
    const trained = await sv.send('POST', `/api/v1/workforce/staff/${created.body.id}/trainings`, { kind: 'in_service', topic: 'Кейс-менеджмент', hours: 8, completedOn: '2026-11-10', certificateNumber: 'A-1' });
    expect(trained.status, JSON.stringify(trained.body)).toBe(201);
    expect(trained.body.trainings).toEqual([expect.objectContaining({ topic: 'Кейс-менеджмент', hours: 8, certificateNumber: 'A-1' })]);
    const audit = await tdb.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'workforce_staff').where('entity_id', '=', created.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('is not shown to case managers, planners or other Centres; the administrator reads any', async () => {
    for (const u of ['cm.bucha', 'planner.bucha', 'cas.bucha', 'analyst.national']) expect((await (await as(u)).get('/api/v1/workforce/staff')).status).toBe(403);
    const orgId = (await (await as('sv.bucha')).get('/api/v1/workforce/staff')).body.organisationId;
    expect((await (await as('admin')).get(`/api/v1/workforce/staff?organisationId=${orgId}`)).body.staff.length).toBeGreaterThan(5);
    const someone = (await (await as('sv.bucha')).get('/api/v1/workforce/staff')).body.staff[0];
    expect((await (await as('cm.stryi')).send('PUT', `/api/v1/workforce/staff/${someone.id}`, { ...someone, version: someone.version })).status).toBe(404);
  });
});

describe('weighted caseload and reassignment (SPEC §7)', () => {
  let caseId = '';
  it('flags a worker above capacity on the supervisor’s team view', async () => {
    const cm = await as('cm.bucha');
    for (let i = 0; i < 9; i += 1) expect((await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha))).status).toBe(201);
    // Fixture: every open case of cm.bucha was assessed complex — eleven complex cases, one more than a specialist carries.
    await tdb.deps.db.updateTable('cases').set({ complexity: 'complex' }).where('case_manager_id', '=', world.userId('cm.bucha')).where('status', '=', 'open').execute();
    const team = await (await as('sv.bucha')).get('/api/v1/supervision/team');
    expect(team.status).toBe(200);
    const byName = (n: string) => team.body.workers.find((w: { name: string }) => w.name.startsWith(n));
    expect(byName('Коваленко')).toEqual(expect.objectContaining({ openCases: 11, caseloadPercent: 110, capacity: 'over' }));
    expect(byName('Ткаченко')).toEqual(expect.objectContaining({ openCases: 0, caseloadPercent: 0, capacity: 'ok' }));
  });

  it('the supervisor reassigns a case with a reason: the new worker sees it, the old one no longer does, history is kept', async () => {
    const sv = await as('sv.bucha');
    const cm = await as('cm.bucha');
    const cm2 = await as('cm2.bucha');
    const list = await cm.get('/api/v1/cases?status=open&limit=100');
    caseId = list.body.items[0].id;
    const before = await cm.get(`/api/v1/cases/${caseId}`);
    expect((await cm2.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    const candidates = await sv.get(`/api/v1/cases/${caseId}/reassignment-candidates`);
    expect(candidates.body.items.map((c: { name: string }) => c.name)).toEqual(['Ткаченко Ірина Василівна']);
    const reason = 'Перевищено навантаження фахівчині';
    // Only a supervisor reassigns; the reason is required; the version must be current; only to a case manager of the Centre.
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm2.bucha'), reason, version: before.body.version })).status).toBe(403);
    expect((await (await as('cas.bucha')).send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm2.bucha'), reason, version: before.body.version })).status).toBe(403);
    expect((await (await as('cm.stryi')).send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm2.bucha'), reason, version: before.body.version })).status).toBe(404);
    expect((await sv.send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm2.bucha'), reason: '', version: before.body.version })).status).toBe(400);
    expect((await sv.send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm2.bucha'), reason, version: before.body.version + 5 })).status).toBe(409);
    expect((await sv.send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm.stryi'), reason, version: before.body.version })).body.code).toBe('reassign_target_invalid');
    const done = await sv.send('POST', `/api/v1/cases/${caseId}/reassignment`, { toUserId: world.userId('cm2.bucha'), reason, version: before.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual(expect.objectContaining({ caseManagerId: world.userId('cm2.bucha'), version: before.body.version + 1 }));
    expect(done.body.history).toEqual([expect.objectContaining({ fromName: 'Коваленко Олена Петрівна', toName: 'Ткаченко Ірина Василівна', byName: 'Мельник Галина Іванівна', reason })]);
    expect((await cm2.get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    expect((await cm.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await cm2.get(`/api/v1/cases/${caseId}/assignments`)).body.items).toHaveLength(1);
    const events = await tdb.deps.db.selectFrom('case_events').select(['kind', 'data']).where('case_id', '=', caseId).where('kind', '=', 'case_reassigned').execute();
    expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason, fromUserId: world.userId('cm.bucha'), toUserId: world.userId('cm2.bucha') }) })]);
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'case').where('entity_id', '=', caseId).where('action', '=', 'update').execute();
    expect(audit.some((a) => (a.details as { change?: string }).change === 'reassign')).toBe(true);
    const team = await sv.get('/api/v1/supervision/team');
    expect(team.body.workers.find((w: { name: string }) => w.name.startsWith('Коваленко'))).toEqual(expect.objectContaining({ caseloadPercent: 100, capacity: 'near' }));
  });

  it('uses the weights the administrator sets (only the administrator)', async () => {
    const admin = await as('admin');
    const current = (await admin.get('/api/v1/workforce/settings')).body;
    expect(current).toEqual(expect.objectContaining({ weights: expect.objectContaining({ complex: 0.1, moderate: 0.05, simple: 0.033 }), version: 0 }));
    const body = { weights: { ...current.weights, complex: 0.125 }, remoteThresholdMinutes: 45, remoteExtraFte: 0.25, version: 0 };
    expect((await (await as('sv.bucha')).send('PUT', '/api/v1/workforce/settings', body)).status).toBe(403);
    const saved = await admin.send('PUT', '/api/v1/workforce/settings', body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await admin.send('PUT', '/api/v1/workforce/settings', body)).status).toBe(409);
    const team = await (await as('sv.bucha')).get('/api/v1/supervision/team');
    expect(team.body.workers.find((w: { name: string }) => w.name.startsWith('Коваленко'))).toEqual(expect.objectContaining({ caseloadPercent: 125, capacity: 'over' }));
    await admin.send('PUT', '/api/v1/workforce/settings', { ...body, weights: current.weights, version: 1 });
  });
});

describe('supervision sessions and cards (Order 5 of 05.01.2015)', () => {
  let sessionId = '';
  it('flags overdue planned supervision for the supervisor', async () => {
    const log = await (await as('sv.bucha')).get('/api/v1/supervision/sessions');
    expect(log.status).toBe(200);
    expect(log.body.sessions).toHaveLength(3);
    expect(log.body.overdue).toEqual([{ userId: world.userId('cm.bucha'), name: 'Коваленко Олена Петрівна', lastPlanned: '2026-10-11', dueOn: '2026-11-10' }]);
    expect(log.body.canRecord).toBe(true);
  });

  it('the supervisor records a session and submits its card to the head of the service', async () => {
    const sv = await as('sv.bucha');
    const draft = { purpose: 'consulting', participantsKind: 'individual', timing: 'planned', format: 'internal', sessionDate: '2026-11-19', participantIds: [world.userId('cm.bucha')], topics: 'Навантаження' };
    expect((await sv.send('POST', '/api/v1/supervision/sessions', { ...draft, participantIds: [world.userId('cm.bucha'), world.userId('cm2.bucha')] })).body.code).toBe('supervision_participants_invalid');
    expect((await sv.send('POST', '/api/v1/supervision/sessions', { ...draft, participantIds: [world.userId('cm.stryi')] })).body.code).toBe('supervision_participants_invalid');
    expect((await (await as('cm.bucha')).send('POST', '/api/v1/supervision/sessions', draft)).status).toBe(403);
    const created = await sv.send('POST', '/api/v1/supervision/sessions', draft);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    sessionId = created.body.id;
    expect((await sv.send('POST', `/api/v1/supervision/sessions/${sessionId}/submission`, { version: 1 })).body.code).toBe('supervision_card_incomplete');
    const card = await sv.send('PUT', `/api/v1/supervision/sessions/${sessionId}`, { ...draft, stage: 'session', casesDiscussed: 'Випадок 1', conclusions: 'Потрібен перерозподіл', recommendations: 'Передати два випадки', version: 1 });
    expect(card.status, JSON.stringify(card.body)).toBe(200);
    const submitted = await sv.send('POST', `/api/v1/supervision/sessions/${sessionId}/submission`, { version: 2 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toEqual(expect.objectContaining({ stage: 'follow_up', submittedTo: { id: expect.any(String), name: 'Савчук Тамара Миколаївна' }, allowedActions: [] }));
    expect((await sv.send('PUT', `/api/v1/supervision/sessions/${sessionId}`, { ...draft, version: 3 })).body.code).toBe('supervision_card_submitted');
    const pdf = await sv.get(`/api/v1/supervision/sessions/${sessionId}/card.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    // The planned session of 19.11 brings cm.bucha's schedule up to date.
    expect((await sv.get('/api/v1/supervision/sessions')).body.overdue).toEqual([]);
  });

  it('the card is visible to the supervisor, the supervisee and the head of service only; everyone else gets 404', async () => {
    const allowed = new Set(['sv.bucha', 'cm.bucha']);
    for (const u of demoUsers) {
      const res = await (await as(u)).get(`/api/v1/supervision/sessions/${sessionId}`);
      expect(res.status, u).toBe(allowed.has(u) ? 200 : 404);
      if (allowed.has(u)) expect(res.body.conclusions).toBe('Потрібен перерозподіл');
      expect((await (await as(u)).get(`/api/v1/supervision/sessions/${sessionId}/card.pdf`)).status, `${u} pdf`).toBe(allowed.has(u) ? 200 : 404);
      const log = await (await as(u)).get('/api/v1/supervision/sessions');
      expect(log.body.sessions.some((s: { id: string }) => s.id === sessionId), u).toBe(allowed.has(u));
    }
    // The head of the service: a user linked to the register's head entry. Before the link, 404; after it, the card.
    const org = (await (await as('sv.bucha')).get('/api/v1/workforce/staff')).body;
    const headUser = await createUser(tdb.deps, { username: 'head.test', password: demoPassword, surname: 'Савчук', givenName: 'Тамара', patronymic: 'Миколаївна', grants: [{ role: 'supervisor', organisationId: org.organisationId }], supervisorId: null, isDemo: false }, null);
    const head = await as('head.test');
    expect((await head.get(`/api/v1/supervision/sessions/${sessionId}`)).status).toBe(404);
    const entry = org.staff.find((s: { isHead: boolean }) => s.isHead);
    const linked = await (await as('sv.bucha')).send('PUT', `/api/v1/workforce/staff/${entry.id}`, {
      userId: headUser.id,
      surname: entry.surname, givenName: entry.givenName, patronymic: entry.patronymic, position: entry.position, qualification: entry.qualification, employment: entry.employment, fte: entry.fte, staffKind: entry.staffKind, isHead: true, territoryId: entry.territory?.id ?? null, startedOn: entry.startedOn, endedOn: null, supervisionIntervalDays: null, version: entry.version,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const seen = await head.get(`/api/v1/supervision/sessions/${sessionId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    expect((await head.get('/api/v1/supervision/sessions')).body.sessions).toHaveLength(4);
    expect((await head.send('PUT', `/api/v1/supervision/sessions/${sessionId}`, { purpose: 'consulting', participantsKind: 'individual', timing: 'planned', format: 'internal', sessionDate: '2026-11-19', participantIds: [world.userId('cm.bucha')], version: 3 })).status).toBe(403);
  });
});

describe('training and wellbeing (SPEC §7)', () => {
  it('the worker checks in and sees their own answers and trainings; the team sees only an aggregate of three or more', async () => {
    const cm2 = await as('cm2.bucha');
    const mine = await cm2.send('POST', '/api/v1/workforce/me/checkins', { exhaustion: 2, stress: 2, support: 5 });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.checkins[0]).toEqual(expect.objectContaining({ checkedOn: '2026-11-20', exhaustion: 2, stress: 2, support: 5 }));
    expect(mine.body.staff[0].trainings.length).toBe(2);
    const team = await (await as('sv.bucha')).get('/api/v1/workforce/wellbeing');
    expect(team.status).toBe(200);
    // cm.bucha 3 + cm2.bucha 3 check-ins in the last 90 days: exhaustion (4+4+5+2+3+2)/6 = 3.3
    expect(team.body.signal).toEqual({ checkins: 6, exhaustion: 3.3, stress: 3.5, support: 3.5, level: 'elevated' });
    expect(JSON.stringify(team.body)).not.toContain(world.userId('cm.bucha'));
    for (const u of ['cm.bucha', 'admin', 'planner.bucha']) expect((await (await as(u)).get('/api/v1/workforce/wellbeing')).status).toBe(403);
    expect((await (await as('planner.bucha')).send('POST', '/api/v1/workforce/me/checkins', { exhaustion: 2, stress: 2, support: 5 })).status).toBe(403);
  });
});
