import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultMonitoringRules } from '#domain/cases/monitoring.ts';
import { adultIndicators, childIndicators, familyIndicators, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { createTestDatabase, resetDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';

// Friday 20 November 2026, 10:00 in Kyiv; tests move the clock to check the 24-hour correction window.
const start = new Date('2026-11-20T08:00:00.000Z');
let now = start;
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});
beforeEach(async () => {
  now = start;
  await resetDatabase(tdb.handle);
  world = await seedWorld(tdb.deps);
});

const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));

async function openCase(username = 'cm.bucha'): Promise<{ cm: Client; caseId: string; childId: string }> {
  const cm = await loginAs(app, username);
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  return { cm, caseId: res.body.caseId, childId: c.members.find((m: { role: string }) => m.role === 'child').personId };
}

/** Completes the needs assessment with the given complexity (the case takes it). */
async function completeAssessment(cm: Client, caseId: string, complexity: string): Promise<void> {
  const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
  const content: NeedsAssessmentContent = na.content;
  const filled = {
    ...content,
    members: content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учениця', registeredAtResidence: true })),
    children: content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить читати', needs: 'Підтримка', childViews: 'Хоче жити з мамою' })),
    adults: content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Бабуся', needs: 'Дохід' },
    conclusion: { complexity, summary: 'Потрібен супровід', otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: '2026-11-20' },
  };
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content: filled });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const done = await cm.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: saved.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

const doneVisit = { doneDate: '2026-11-20', place: 'home', childSeenAlone: 'yes', observations: 'Житлові умови задовільні, дитина доглянута' };
type Deadline = { key: string; dueDate: string; status: string; metOn: string | null; sourceUk: string };

describe('home visits and the monitoring schedule (SPEC §2.10, §2.12)', () => {
  it('sets the next-visit deadline by the schedule, and the worklist shows it first when it is the earliest', async () => {
    // cm2.bucha has no demo cases, so the worklist holds exactly these.
    const { cm, caseId, childId } = await openCase('cm2.bucha');
    await completeAssessment(cm, caseId, 'emergency');
    let worklist = (await cm.get('/api/v1/cases')).body.items;
    expect(worklist[0].nextDeadline).toBeNull();

    // An emergency case is visited weekly (Rodyna default): done Wednesday 18 November → due Wednesday 25 November.
    const rec = await cm.send('POST', `/api/v1/cases/${caseId}/home-visits`, { ...doneVisit, doneDate: '2026-11-18', personsMetIds: [childId], safetyConcerns: true, safetyConcernsText: 'Мати скаржиться на погрози колишнього партнера' });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect(rec.body.visit).toEqual(expect.objectContaining({ status: 'done', doneDate: '2026-11-18', childSeenAlone: 'yes', allowedActions: ['edit'] }));
    expect(rec.body.visit.visitors).toEqual([{ id: world.userId('cm2.bucha'), name: 'Ткаченко Ірина Василівна' }]);
    expect(rec.body.visit.personsMet).toEqual([{ personId: childId, name: 'Тестенко Марія Іванівна' }]);
    expect(rec.body.nextVisit).toEqual(expect.objectContaining({ key: 'home_visit', dueDate: '2026-11-25', status: 'upcoming' }));
    expect(rec.body.nextVisit.sourceUk).toContain('щотижня');

    const other = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
    worklist = (await cm.get('/api/v1/cases')).body.items;
    expect(worklist.map((c: { id: string }) => c.id)).toEqual([caseId, other.body.caseId]);
    expect(worklist[0].nextDeadline).toEqual(expect.objectContaining({ key: 'home_visit', dueDate: '2026-11-25' }));
    expect(worklist[1].nextDeadline).toEqual(expect.objectContaining({ key: 'needs_assessment', dueDate: '2026-11-27' }));

    // The next visit meets that deadline and opens the next one; the case page keeps both.
    const next = await cm.send('POST', `/api/v1/cases/${caseId}/home-visits`, doneVisit);
    expect(next.body.nextVisit.dueDate).toBe('2026-11-27');
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.deadlines.filter((d: Deadline) => d.key === 'home_visit').map((d: Deadline) => `${d.dueDate}:${d.status}:${d.metOn}`)).toEqual(['2026-11-25:met:2026-11-20', '2026-11-27:upcoming:null']);
    expect(c.timeline.filter((e: { kind: string }) => e.kind === 'home_visit_recorded')).toHaveLength(2);
    const list = (await cm.get(`/api/v1/cases/${caseId}/home-visits?limit=1`)).body;
    expect(list.items.map((v: { doneDate: string }) => v.doneDate)).toEqual(['2026-11-20']);
    expect(list.nextVisit.dueDate).toBe('2026-11-27');
    expect(list.allowedActions).toEqual(['create']);
    const second = (await cm.get(`/api/v1/cases/${caseId}/home-visits?limit=1&cursor=${list.nextCursor}`)).body;
    expect(second.items.map((v: { doneDate: string }) => v.doneDate)).toEqual(['2026-11-18']);
    expect(second.nextCursor).toBeNull();
  });

  it('plans a visit, completes it with a versioned update, and lets only its recorder correct it within 24 hours', async () => {
    const opened = await openCase();
    const { caseId } = opened;
    let cm = opened.cm;
    // Not yet assessed: monthly from registration, Friday 20 November → Sunday 20 December → Monday 21 December.
    const planned = await cm.send('POST', `/api/v1/cases/${caseId}/home-visits`, { plannedDate: '2026-11-25', place: 'school', observations: 'Мета: зустріч з класним керівником' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body.visit).toEqual(expect.objectContaining({ status: 'planned', visitors: [], allowedActions: ['edit'] }));
    expect(planned.body.nextVisit).toEqual(expect.objectContaining({ dueDate: '2026-12-21' }));
    const id = planned.body.visit.id;

    const body = { ...doneVisit, plannedDate: '2026-11-25', place: 'school', childSeenAlone: 'not_applicable', childSeenAloneReason: 'Зустріч у школі в присутності вчителя' };
    const stale = await cm.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual(expect.objectContaining({ code: 'version_conflict', details: { currentVersion: 1 } }));
    const incomplete = await cm.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, childSeenAloneReason: '', observations: '', version: 1 });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.problems).toEqual(['childSeenAloneReason', 'observations']);
    const stranger = await cm.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, personsMetIds: ['00000000-0000-4000-8000-000000000000'], version: 1 });
    expect(stranger.body.code).toBe('person_not_in_case');
    const done = await cm.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, version: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.visit).toEqual(expect.objectContaining({ status: 'done', version: 2, doneRecordedBy: expect.objectContaining({ id: world.userId('cm.bucha') }) }));
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.deadlines.filter((d: Deadline) => d.key === 'home_visit').map((d: Deadline) => `${d.dueDate}:${d.metOn}`)).toEqual(['2026-12-21:2026-11-20', '2026-12-21:null']);
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['home_visit_planned', 'home_visit_recorded']));

    // The supervisor sees it but may not correct someone else's record; the recorder may, for 24 hours.
    const sv = await loginAs(app, 'sv.bucha');
    expect((await sv.get(`/api/v1/cases/${caseId}/home-visits`)).body.items[0].allowedActions).toEqual([]);
    const notAuthor = await sv.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, version: 2 });
    expect(notAuthor.status).toBe(403);
    // Sessions expire when idle, so sign in again after moving the clock.
    now = new Date(start.getTime() + 23 * 3_600_000);
    cm = await loginAs(app, 'cm.bucha');
    const corrected = await cm.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, observations: 'Виправлено: дитина відвідує школу регулярно', version: 2 });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.visit.observations).toContain('Виправлено');
    now = new Date(start.getTime() + 24 * 3_600_000);
    cm = await loginAs(app, 'cm.bucha');
    const late = await cm.send('PUT', `/api/v1/cases/${caseId}/home-visits/${id}`, { ...body, version: 3 });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('edit_window_closed');
    expect((await cm.get(`/api/v1/cases/${caseId}/home-visits`)).body.items[0].allowedActions).toEqual([]);
  });

  it('ships the schedule\'s interval lengths in the configurable deadline table, as the domain defaults', async () => {
    const rows = await tdb.deps.db.selectFrom('deadline_rules').selectAll().where('key', 'in', defaultMonitoringRules.map((r) => r.key)).orderBy('key').execute();
    const expected = [...defaultMonitoringRules].sort((a, b) => a.key.localeCompare(b.key));
    expect(rows.map((r) => ({ key: r.key, caseType: r.case_type, amount: r.amount, unit: r.unit, sourceUk: r.source_uk, sourceEn: r.source_en }))).toEqual(expected);
  });

  it('refuses a visit without a date, findings on a visit not made, and a done date in the future', async () => {
    const { cm, caseId } = await openCase();
    const post = (b: unknown) => cm.send('POST', `/api/v1/cases/${caseId}/home-visits`, b);
    expect((await post({ place: 'home' })).body.details.problems).toEqual(['plannedDate']);
    expect((await post({ plannedDate: '2026-11-25', place: 'home', childSeenAlone: 'no' })).body.details.problems).toEqual(['doneDate']);
    expect((await post({ ...doneVisit, doneDate: '2026-11-21' })).body.details.problems).toEqual(['doneDate']);
    expect((await post({ ...doneVisit, place: 'other' })).body.details.problems).toEqual(['address']);
    expect((await post({ ...doneVisit, place: 'garden' })).status).toBe(400);
    expect(await tdb.deps.db.selectFrom('home_visits').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
  });
});
