import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '#contracts/cases.contract.ts';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

/** A reporter's notification (not registered at once), received at the instant given. */
async function report(reporter: Client, receivedAt: string, overrides: Partial<NotificationRequest> = {}): Promise<string> {
  const res = await reporter.send('POST', '/api/v1/notifications', aNotification(world.bucha, { openCase: false, receivedAt, ...overrides }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('the receiving service\'s inbox of notifications (SPEC §2.3; Order 1005)', () => {
  it('lists received notifications of the hromada urgent first, then oldest first, with the term for considering each, and audits the read', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    const older = await report(reporter, '2026-11-18T09:00:00.000Z');
    const newer = await report(reporter, '2026-11-19T09:00:00.000Z');
    const urgent = await report(reporter, '2026-11-20T07:00:00.000Z', { threatToLifeOrHealth: true });

    const cm = await loginAs(app, 'cm.bucha');
    const page = await cm.get('/api/v1/notifications/inbox');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.items.map((n: { id: string }) => n.id)).toEqual([urgent, older, newer]);
    const [u, o, w] = page.body.items;
    // Urgent: the same day (Resolution 585 p. 12); others: one working day from receipt (Wednesday → Thursday; Thursday → Friday).
    expect(u.due).toEqual(expect.objectContaining({ dueDate: '2026-11-20', status: 'due_today', sourceUk: expect.stringContaining('585') }));
    expect(o.due).toEqual(expect.objectContaining({ dueDate: '2026-11-19', status: 'overdue', sourceUk: expect.stringContaining('1005') }));
    expect(w.due.dueDate).toBe('2026-11-20');
    expect(o).toEqual(expect.objectContaining({ status: 'received', source: 'school', reporterOrganisation: 'Ліцей', allowedActions: ['register', 'decline'], case: null }));
    expect(o.children).toEqual([expect.objectContaining({ surname: 'Тестенко', givenName: 'Марія' })]);

    // Keyset pages across the urgent boundary.
    const first = await cm.get('/api/v1/notifications/inbox?limit=1');
    const second = await cm.get(`/api/v1/notifications/inbox?limit=1&cursor=${first.body.nextCursor}`);
    const third = await cm.get(`/api/v1/notifications/inbox?limit=1&cursor=${second.body.nextCursor}`);
    expect([first, second, third].map((p) => p.body.items[0].id)).toEqual([urgent, older, newer]);
    expect(third.body.nextCursor).toBeNull();

    expect((await cm.get('/api/v1/notifications/inbox/count')).body).toEqual({ received: 3, urgent: 1 });
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['details']).where('action', '=', 'list').where('entity', '=', 'notification').where('actor_username', '=', 'cm.bucha').execute();
    expect(audit.some((a) => JSON.stringify(a.details).includes(urgent))).toBe(true);
  });

  it('is for the CSS and the Child Affairs Service of the hromada only', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    const id = await report(reporter, '2026-11-19T09:00:00.000Z');
    const cas = await loginAs(app, 'cas.bucha');
    expect((await cas.get('/api/v1/notifications/inbox')).body.items.map((n: { id: string }) => n.id)).toEqual([id]);
    expect((await cas.get(`/api/v1/notifications/inbox/${id}`)).status).toBe(200);
    const sv = await loginAs(app, 'sv.bucha');
    expect((await sv.get('/api/v1/notifications/inbox')).body.items).toHaveLength(1);

    const stryi = await loginAs(app, 'cm.stryi');
    expect((await stryi.get('/api/v1/notifications/inbox')).body.items).toEqual([]);
    expect((await stryi.get(`/api/v1/notifications/inbox/${id}`)).status).toBe(404);
    expect((await stryi.send('POST', `/api/v1/notifications/${id}/registration`, { caseType: 'prevention' })).status).toBe(404);
    expect((await stryi.send('POST', `/api/v1/notifications/${id}/decline`, { reason: 'Не наша громада' })).status).toBe(404);

    expect((await reporter.get('/api/v1/notifications/inbox')).status).toBe(403);
    expect((await reporter.get('/api/v1/notifications/inbox/count')).status).toBe(403);
    expect((await reporter.send('POST', `/api/v1/notifications/${id}/decline`, { reason: 'Сама відкличу' })).status).toBe(403);
    const provider = await loginAs(app, 'provider.bucha');
    expect((await provider.get('/api/v1/notifications/inbox')).status).toBe(403);
    expect((await provider.get(`/api/v1/notifications/inbox/${id}`)).status).toBe(403);
    expect((await provider.send('POST', `/api/v1/notifications/${id}/registration`, { caseType: 'prevention' })).status).toBe(403);
  });

  it('registers a notification as a case exactly as intake does, with a duplicate replaced by the person on record', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    // The demo family Шевченко is on record with an open case; the school reports the son again.
    const id = await report(reporter, '2026-11-20T07:30:00.000Z', {
      threatToLifeOrHealth: true,
      members: [
        { role: 'child', relationship: 'син', person: { surname: 'Шевченко', givenName: 'Максим', patronymic: 'Андрійович', birthDate: '2015-04-12', sex: 'male', disability: false, latinName: '' } },
        { role: 'adult', relationship: 'мати', person: { surname: 'Коваль', givenName: 'Ірина', patronymic: '', birthDate: '1985-01-01', sex: 'female', disability: false, latinName: '' } },
      ],
    });
    const cas = await loginAs(app, 'cas.bucha');
    const detail = await cas.get(`/api/v1/notifications/inbox/${id}`);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    const child = detail.body.members.find((m: { role: string }) => m.role === 'child');
    expect(child.matches.map((m: { id: string }) => m.id)).not.toContain(child.personId);
    const onRecord = child.matches.find((m: { sameBirthDate: boolean }) => m.sameBirthDate);
    expect(onRecord).toEqual(expect.objectContaining({ surname: 'Шевченко', openCaseNumbers: [expect.any(String)] }));

    // The Child Affairs Service registers but the case needs a case manager of the CSS.
    expect((await cas.send('POST', `/api/v1/notifications/${id}/registration`, { caseType: 'prevention' })).body.code).toBe('case_manager_required');
    expect((await cas.send('POST', `/api/v1/notifications/${id}/registration`, { caseType: 'prevention', version: 5 })).status).toBe(409);
    const foreign = await cas.send('POST', `/api/v1/notifications/${id}/registration`, { caseManagerId: world.userId('cm.bucha'), useExisting: [{ personId: onRecord.id, existingPersonId: child.personId }] });
    expect(foreign.body.code).toBe('person_not_found');

    const res = await cas.send('POST', `/api/v1/notifications/${id}/registration`, {
      caseType: 'prevention',
      caseManagerId: world.userId('cm.bucha'),
      version: detail.body.version,
      useExisting: [{ personId: child.personId, existingPersonId: onRecord.id }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ notificationId: id, caseNumber: expect.stringMatching(/^2026\/\d{6}$/), urgent: true }));

    const cm = await loginAs(app, 'cm.bucha');
    const c = await cm.get(`/api/v1/cases/${res.body.caseId}`);
    expect(c.status).toBe(200);
    expect(c.body).toEqual(expect.objectContaining({ step: 'child_assessment', urgent: true, caseManager: expect.objectContaining({ id: world.userId('cm.bucha') }) }));
    expect(c.body.members.map((m: { personId: string }) => m.personId)).toContain(onRecord.id);
    expect(c.body.deadlines.map((d: { key: string }) => d.key).sort()).toEqual(['needs_assessment', 'safety_assessment']);
    expect(c.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['notification_received', 'case_registered']));
    expect(c.body.notification).toEqual(expect.objectContaining({ id, status: 'registered' }));

    // Handled: refused a second time; listed as registered; the reporter sees the status.
    const again = await cm.send('POST', `/api/v1/notifications/${id}/decline`, { reason: 'Пізно' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('notification_already_handled');
    expect((await cm.get('/api/v1/notifications/inbox')).body.items).toEqual([]);
    const registered = (await cm.get('/api/v1/notifications/inbox?status=registered')).body.items;
    // The demo notifications registered at intake are listed too, handled by whoever registered them.
    expect(registered.filter((n: { handledByName: string | null }) => n.handledByName === null)).toEqual([]);
    expect(registered.filter((n: { id: string }) => n.id === id)).toEqual([expect.objectContaining({ id, case: { id: res.body.caseId, number: res.body.caseNumber }, handledByName: expect.stringContaining('Бондаренко'), allowedActions: [], due: null })]);
    expect((await reporter.get('/api/v1/notifications')).body.items[0]).toEqual(expect.objectContaining({ id, status: 'registered', declineReason: '' }));
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'notification').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'read', 'update']));
  });

  it('declines a notification with a reason the reporter sees', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    const id = await report(reporter, '2026-11-19T12:00:00.000Z');
    const cm = await loginAs(app, 'cm.bucha');
    expect((await cm.send('POST', `/api/v1/notifications/${id}/decline`, { reason: '  ' })).status).toBe(400);
    const res = await cm.send('POST', `/api/v1/notifications/${id}/decline`, { reason: 'Сім’я проживає в Стрийській громаді — повідомлення переслано', version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ status: 'declined', declineReason: expect.stringContaining('переслано'), allowedActions: [], version: 2 }));
    const again = await cm.send('POST', `/api/v1/notifications/${id}/registration`, { caseType: 'prevention' });
    expect(again.body.code).toBe('notification_already_handled');
    expect((await cm.get('/api/v1/notifications/inbox?status=declined')).body.items.map((n: { id: string }) => n.id)).toEqual([id]);
    expect((await reporter.get('/api/v1/notifications')).body.items[0]).toEqual(expect.objectContaining({ id, status: 'declined', declineReason: expect.stringContaining('переслано') }));
  });
});
