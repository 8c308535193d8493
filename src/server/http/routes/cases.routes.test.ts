import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type TestDatabase } from '#test/db.ts';
import { setDeadlineRule } from '#server/services/calendar.service.ts';
import { aNotification, loginAs, seedWorld } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

async function registerCase(username = 'cm.bucha', overrides = {}) {
  const client = await loginAs(app, username);
  const res = await client.send('POST', '/api/v1/notifications', aNotification(world.bucha, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { client, caseId: res.body.caseId as string, body: res.body };
}

describe('intake and registration', () => {
  it('opens a prevention case with members, deadline from the working calendar and a draft assessment', async () => {
    const { client, caseId, body } = await registerCase();
    expect(body.urgent).toBe(false);
    expect(body.caseNumber).toMatch(/^2026\/\d{6}$/);
    const res = await client.get(`/api/v1/cases/${caseId}`);
    expect(res.status).toBe(200);
    const c = res.body;
    expect(c.caseType).toBe('prevention');
    expect(c.step).toBe('child_assessment');
    expect(c.legalSteps).toEqual([2]);
    expect(c.steps.map((s: { step: string }) => s.step)).not.toContain('family_tracing');
    expect(c.members.map((m: { givenName: string; role: string }) => `${m.givenName}:${m.role}`).sort()).toEqual(['Марія:child', 'Ольга:adult']);
    // Registered Friday 2026-11-20: 5 working days → Friday 2026-11-27 (Law "On Social Services" art. 20).
    expect(c.deadlines).toEqual([expect.objectContaining({ key: 'needs_assessment', dueDate: '2026-11-27', status: 'upcoming' })]);
    expect(c.deadlines[0].sourceUk).toContain('ст. 20');
    expect(c.needsAssessment).toEqual(expect.objectContaining({ status: 'draft', percent: 0 }));
    expect(c.notification.childFactors).toEqual(['parents_evading_duties']);
    expect(c.timeline.map((e: { kind: string }) => e.kind).sort()).toEqual(['case_registered', 'notification_received']);
    expect(c.allowedActions).toEqual(expect.arrayContaining(['case.view', 'needs_assessment.edit']));
    expect(c.title).toBe('Тестенко Марія');
    expect(c.availableTransitions).toEqual({ forward: 'family_assessment', back: ['identification'], forwardBlockedBy: 'needs_assessment_not_completed' });
  });

  it('marks abuse or a threat to life urgent with a same-day safety assessment', async () => {
    const { client, caseId, body } = await registerCase('cm.bucha', { childFactors: ['domestic_violence'] });
    expect(body.urgent).toBe(true);
    const c = (await client.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.urgent).toBe(true);
    expect(c.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'safety_assessment', dueDate: '2026-11-20', status: 'due_today' })]));
    const threat = await registerCase('cm.bucha', { childFactors: [], threatToLifeOrHealth: true });
    expect(threat.body.urgent).toBe(true);
  });

  it('takes the deadline from the configurable table, with a case-type override (SPEC §2.15)', async () => {
    await setDeadlineRule(tdb.deps, { key: 'needs_assessment', caseType: 'reintegration', amount: 7, unit: 'working_days', sourceUk: '7 робочих днів', sourceEn: '7 working days' });
    const { client, caseId } = await registerCase('cm.bucha', { caseType: 'reintegration' });
    const c = (await client.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.caseType).toBe('reintegration');
    expect(c.steps.map((s: { step: string }) => s.step)).toContain('family_tracing');
    expect(c.deadlines[0]).toEqual(expect.objectContaining({ dueDate: '2026-12-01', sourceEn: '7 working days' }));
    const prevention = await registerCase();
    expect((await client.get(`/api/v1/cases/${prevention.caseId}`)).body.deadlines[0].dueDate).toBe('2026-11-27');
  });

  it('refuses registration outside the user\'s hromada and a notification without a child', async () => {
    const cm = await loginAs(app, 'cm.stryi');
    const other = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
    expect(other.status).toBe(403);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body.code).toBe('registration_not_allowed');
    const noChild = await cm.send('POST', '/api/v1/notifications', aNotification(world.stryi, { members: [{ role: 'adult', relationship: '', person: { surname: 'А', givenName: 'Б', patronymic: '', birthDate: '1980-01-01', sex: 'male', disability: false, latinName: '' } }] }));
    expect(noChild.status).toBe(422);
    expect(noChild.body.code).toBe('child_required');
  });

  it('answers invalid input with a problem listing the fields', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const res = await cm.send('POST', '/api/v1/notifications', { ...aNotification(world.bucha), source: 'telepathy', receivedAt: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).join(' ')).toMatch(/source/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/);
  });

  it('lets a reporter submit without opening a case and see only their own submissions', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    const res = await reporter.send('POST', '/api/v1/notifications', aNotification(world.bucha, { openCase: false }));
    expect(res.status).toBe(201);
    expect(res.body.caseId).toBeNull();
    const mine = await reporter.get('/api/v1/notifications');
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].status).toBe('received');
    const opening = await reporter.send('POST', '/api/v1/notifications', aNotification(world.bucha));
    expect(opening.status).toBe(403);
    // The case manager's own submissions are not the reporter's.
    await registerCase();
    expect((await reporter.get('/api/v1/notifications')).body.items).toHaveLength(1);
  });
});

describe('access to cases (SPEC §11)', () => {
  it('shows a case to its case manager, their supervisor and the Child Affairs Service of the hromada', async () => {
    const { caseId } = await registerCase();
    for (const username of ['cm.bucha', 'sv.bucha', 'cas.bucha']) {
      const client = await loginAs(app, username);
      expect((await client.get(`/api/v1/cases/${caseId}`)).status, username).toBe(200);
      expect((await client.get('/api/v1/cases')).body.items.map((c: { id: string }) => c.id), username).toContain(caseId);
    }
  });

  it('answers 404 to everyone else exactly as for an id that does not exist', async () => {
    const { caseId } = await registerCase();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const username of ['cm.stryi', 'cas.stryi', 'cm.dmytrivka', 'cas.dmytrivka', 'cm2.bucha', 'reporter.school', 'provider.bucha', 'analyst.national', 'coord.kyiv', 'admin', 'auditor', 'panel.member']) {
      const client = await loginAs(app, username);
      const existing = await client.get(`/api/v1/cases/${caseId}`);
      const absent = await client.get(`/api/v1/cases/${missing}`);
      expect(existing.status, username).toBe(404);
      expect(existing.body, username).toEqual(absent.body);
      expect((await client.get(`/api/v1/cases/${caseId}/needs-assessment`)).status, username).toBe(404);
      // Users of other hromadas have their own demo cases; none of cm.bucha's cases (this one included) may show.
      const listed = (await client.get('/api/v1/cases')).body.items as Array<{ id: string; caseManagerName: string }>;
      expect(listed.filter((c) => c.id === caseId || c.caseManagerName === 'Коваленко Олена Петрівна'), username).toEqual([]);
    }
  });

  it('requires a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cases' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).code).toBe('unauthenticated');
  });
});

describe('worklist and workflow', () => {
  it('orders overdue and soonest deadlines first and pages with a cursor', async () => {
    // cm2.bucha has no demo cases, so the worklist holds exactly these three.
    await registerCase('cm2.bucha');
    const urgent = await registerCase('cm2.bucha', { childFactors: ['domestic_violence'] });
    await registerCase('cm2.bucha');
    const cm = await loginAs(app, 'cm2.bucha');
    const first = await cm.get('/api/v1/cases?limit=2');
    expect(first.body.items[0].id).toBe(urgent.caseId);
    expect(first.body.items[0].nextDeadline.key).toBe('safety_assessment');
    expect(first.body.nextCursor).toBeTruthy();
    const second = await cm.get(`/api/v1/cases?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(3);
    expect((await cm.get('/api/v1/cases?cursor=garbage')).status).toBe(400);
  });

  it('refuses to leave the assessment step before the assessment is completed, and needs a reason to go back', async () => {
    const { client, caseId } = await registerCase();
    const c = (await client.get(`/api/v1/cases/${caseId}`)).body;
    const forward = await client.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'family_assessment', version: c.version });
    expect(forward.status).toBe(422);
    expect(forward.body.code).toBe('transition_guard_failed');
    const back = await client.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'identification', version: c.version });
    expect(back.body.code).toBe('transition_reason_required');
    const ok = await client.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'identification', reason: 'Повторний аналіз повідомлення', version: c.version });
    expect(ok.status).toBe(200);
    expect(ok.body.step).toBe('identification');
    expect(ok.body.timeline.map((e: { kind: string }) => e.kind)).toContain('step_changed');
    const stale = await client.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'child_assessment', version: c.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
  });

  it('does not let the Child Affairs Service change the case', async () => {
    const { caseId } = await registerCase();
    const cas = await loginAs(app, 'cas.bucha');
    const c = (await cas.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.allowedActions).toEqual(['case.view']);
    const res = await cas.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'identification', reason: 'x', version: c.version });
    expect(res.status).toBe(403);
  });
});

describe('duplicate search (SPEC §2.3)', () => {
  it('offers existing persons with a similar Cyrillic or Latin name and the same birth date', async () => {
    await registerCase();
    const cm = await loginAs(app, 'cm.bucha');
    const q = (s: string, g: string, b?: string) => cm.get(`/api/v1/persons/matches?hromadaId=${world.bucha}&surname=${encodeURIComponent(s)}&givenName=${encodeURIComponent(g)}${b ? `&birthDate=${b}` : ''}`);
    const exact = await q('Тестенко', 'Марія', '2016-03-01');
    expect(exact.status).toBe(200);
    expect(exact.body.items[0]).toEqual(expect.objectContaining({ surname: 'Тестенко', givenName: 'Марія', sameBirthDate: true }));
    expect(exact.body.items[0].openCaseNumbers).toHaveLength(1);
    const typo = await q('Тестенка', 'Марія');
    expect(typo.body.items.map((p: { givenName: string }) => p.givenName)).toContain('Марія');
    const latin = await q('Testenko', 'Mariia');
    expect(latin.body.items.map((p: { givenName: string }) => p.givenName)).toContain('Марія');
    expect((await q('Зовсімінший', 'Петро')).body.items).toEqual([]);
    const outsider = await loginAs(app, 'cm.stryi');
    expect((await outsider.get(`/api/v1/persons/matches?hromadaId=${world.bucha}&surname=Тестенко`)).status).toBe(403);
  });
});
