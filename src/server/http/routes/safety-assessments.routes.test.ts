import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '#contracts/cases.contract.ts';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

type Opened = { cm: Client; caseId: string; childId: string; adultId: string };

async function openCase(overrides: Partial<NotificationRequest> = {}): Promise<Opened> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  const child = c.members.find((m: { role: string }) => m.role === 'child');
  const adult = c.members.find((m: { role: string }) => m.role === 'adult');
  return { cm, caseId: res.body.caseId, childId: child.personId, adultId: adult.personId };
}

const urgentReport: Partial<NotificationRequest> = { childFactors: ['domestic_violence'], threatToLifeOrHealth: true, urgentActions: ['police_notified'] };

const act = {
  childStatus: 'with_parents',
  documentType: 'birth_certificate',
  documentNumber: 'I-ОК 123456',
  contacts: 'м. Буча, вул. Вокзальна, 1',
  caregivers: [
    { kind: 'parent', name: 'Тестенко Ольга Петрівна', relation: 'мати', contact: '+380 67 000 00 00', present: true },
    { kind: 'relative', name: 'Тестенко Галина', relation: 'бабуся', contact: '', present: false },
  ],
  level: 'unsafe',
  threats: 'Сліди побоїв, батько в стані сп\'яніння',
  participants: ['child_affairs_service', 'police', 'social_services'],
};

const action = { actionType: 'medical_examination', description: 'Огляд у лікарні', takenAt: '2026-11-20T07:30:00.000Z', takenByName: 'Бондаренко А. М.', takenByOrganisation: 'Служба у справах дітей' };

/** Audit rows of an entity and action; only those of one case when given (the demo world has acts of its own). */
async function auditCount(entity: string, actionName: string, caseId?: string): Promise<number> {
  const rows = await tdb.deps.db.selectFrom('audit_log').select('details').where('entity', '=', entity).where('action', '=', actionName).execute();
  return rows.filter((r) => caseId === undefined || (r.details as { caseId?: string }).caseId === caseId).length;
}

describe('safety assessment act (Resolution 585 Annex 10; SPEC §2.4)', () => {
  it('fills the act, refuses an unsafe result without an immediate action, completes it and meets the same-day deadline', async () => {
    const { cm, caseId, childId } = await openCase(urgentReport);
    const before = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(before.urgent).toBe(true);
    expect(before.deadlines.find((d: { key: string }) => d.key === 'safety_assessment')).toEqual(expect.objectContaining({ dueDate: '2026-11-20', metOn: null }));

    const created = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ status: 'draft', version: 1, level: null, missing: ['level'], assessedAt: now.toISOString(), allowedActions: ['update', 'complete', 'add_action'] }));
    expect(created.body.child).toEqual(expect.objectContaining({ personId: childId, surname: 'Тестенко', givenName: 'Марія' }));
    expect(created.body.assessedBy.name).toBe('Коваленко Олена Петрівна');
    const id = created.body.id;

    const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/safety-assessments/${id}`, { version: 1, ...act });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual(expect.objectContaining({ version: 2, level: 'unsafe', caregivers: act.caregivers, participants: act.participants, missing: ['immediate_action'] }));

    const refused = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${id}/completion`, { version: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('safety_assessment_incomplete');
    expect(refused.body.details.missing).toEqual(['immediate_action']);

    const withAction = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${id}/actions`, action);
    expect(withAction.status, JSON.stringify(withAction.body)).toBe(201);
    expect(withAction.body.actions).toEqual([expect.objectContaining({ actionType: 'medical_examination', takenByName: 'Бондаренко А. М.', takenByUserId: null, recordedBy: expect.objectContaining({ name: 'Коваленко Олена Петрівна' }) })]);
    expect(withAction.body.missing).toEqual([]);
    // Appending an action does not change the act's version.
    expect(withAction.body.version).toBe(2);

    const stale = await cm.send('PUT', `/api/v1/cases/${caseId}/safety-assessments/${id}`, { version: 1, ...act, threats: 'інше' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.details.currentVersion).toBe(2);
    const staleCompletion = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${id}/completion`, { version: 1 });
    expect(staleCompletion.status).toBe(409);

    const done = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${id}/completion`, { version: 2 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual(expect.objectContaining({ status: 'completed', version: 3, completedAt: now.toISOString(), allowedActions: [] }));

    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.deadlines.find((d: { key: string }) => d.key === 'safety_assessment')).toEqual(expect.objectContaining({ status: 'met', metOn: '2026-11-20' }));
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['safety_assessment_started', 'safety_assessment_saved', 'safety_action_recorded', 'safety_assessment_completed']));
    // The worklist now sorts the case by its next open deadline (the needs assessment).
    const row = await tdb.deps.db.selectFrom('cases').select('next_due_date').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.next_due_date).toBe('2026-11-27');

    const edit = await cm.send('PUT', `/api/v1/cases/${caseId}/safety-assessments/${id}`, { version: 3, ...act });
    expect(edit.status).toBe(422);
    expect(edit.body.code).toBe('safety_assessment_completed');
    const late = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${id}/actions`, action);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('safety_assessment_completed');

    // A completed act leaves room for the next one of the same child.
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId })).status).toBe(201);
  });

  it('flags a non-urgent case urgent when the child is found unsafe', async () => {
    const { cm, caseId, childId } = await openCase();
    expect((await cm.get(`/api/v1/cases/${caseId}`)).body.urgent).toBe(false);
    const created = (await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId, ...act })).body;
    expect(created.level).toBe('unsafe');
    await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${created.id}/actions`, { ...action, actionType: 'shelter_placement', takenByUserId: world.userId('cas.bucha') });
    const done = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${created.id}/completion`, { version: created.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.urgent).toBe(true);
    expect(c.timeline.find((e: { kind: string }) => e.kind === 'safety_assessment_completed').data).toEqual(expect.objectContaining({ level: 'unsafe', urgentFlagged: true }));
  });

  it('completes a safe act without actions, and refuses an act without a level', async () => {
    const { cm, caseId, childId } = await openCase();
    const created = (await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId })).body;
    const noLevel = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${created.id}/completion`, { version: 1 });
    expect(noLevel.status).toBe(422);
    expect(noLevel.body.details.missing).toEqual(['level']);
    const saved = (await cm.send('PUT', `/api/v1/cases/${caseId}/safety-assessments/${created.id}`, { version: 1, level: 'safe' })).body;
    const done = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${created.id}/completion`, { version: saved.version });
    expect(done.status).toBe(200);
    expect((await cm.get(`/api/v1/cases/${caseId}`)).body.urgent).toBe(false);
  });

  it('refuses persons who are not children of the case, a second draft and an undescribed "other" action', async () => {
    const { cm, caseId, childId, adultId } = await openCase();
    const stranger = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: '00000000-0000-4000-8000-000000000001' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('person_not_in_case');
    const adult = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: adultId });
    expect(adult.status).toBe(422);
    expect(adult.body.code).toBe('person_not_child');
    const first = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId });
    expect(first.status).toBe(201);
    const second = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId });
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('safety_assessment_draft_exists');
    const other = await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${first.body.id}/actions`, { ...action, actionType: 'other', description: '' });
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('validation_failed');
    const badParticipant = await cm.send('PUT', `/api/v1/cases/${caseId}/safety-assessments/${first.body.id}`, { version: 1, participants: ['neighbours'] });
    expect(badParticipant.status).toBe(400);
  });

  it('audits each list read once, lets the supervisor and the Child Affairs Service read, and only the case manager or supervisor write', async () => {
    const { cm, caseId, childId } = await openCase();
    const created = (await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId })).body;
    await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments/${created.id}/actions`, action);
    const before = await auditCount('safety_assessment', 'list');
    const list = await cm.get(`/api/v1/cases/${caseId}/safety-assessments`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].actions).toHaveLength(1);
    expect(await auditCount('safety_assessment', 'list')).toBe(before + 1);
    expect(await auditCount('safety_assessment', 'create', caseId)).toBe(1);
    expect(await auditCount('safety_action', 'create', caseId)).toBe(1);

    const sv = await loginAs(app, 'sv.bucha');
    expect((await sv.get(`/api/v1/cases/${caseId}/safety-assessments`)).status).toBe(200);
    const cas = await loginAs(app, 'cas.bucha');
    const casList = await cas.get(`/api/v1/cases/${caseId}/safety-assessments`);
    expect(casList.status).toBe(200);
    expect(casList.body.items[0].allowedActions).toEqual([]);
    const casWrite = await cas.send('PUT', `/api/v1/cases/${caseId}/safety-assessments/${created.id}`, { version: 1, level: 'safe' });
    expect(casWrite.status).toBe(403);
  });

  it('answers 404 on every route to a case manager of another hromada', async () => {
    const { cm, caseId, childId } = await openCase();
    const created = (await cm.send('POST', `/api/v1/cases/${caseId}/safety-assessments`, { childPersonId: childId })).body;
    const other = await loginAs(app, 'cm.stryi');
    const base = `/api/v1/cases/${caseId}/safety-assessments`;
    const answers = [
      await other.get(base),
      await other.send('POST', base, { childPersonId: childId }),
      await other.send('PUT', `${base}/${created.id}`, { version: 1, ...act }),
      await other.send('POST', `${base}/${created.id}/completion`, { version: 1 }),
      await other.send('POST', `${base}/${created.id}/actions`, action),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
    // An act of another case answers like a missing one too.
    const { caseId: otherCase } = await openCase({ members: aNotification(world.bucha).members });
    expect((await cm.send('PUT', `/api/v1/cases/${otherCase}/safety-assessments/${created.id}`, { version: 1, ...act })).status).toBe(404);
  });
});
