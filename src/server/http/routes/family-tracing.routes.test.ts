import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

type Opened = { cm: Client; caseId: string; childId: string; adultId: string };

async function openCase(username = 'cm.bucha', hromadaId = world.bucha): Promise<Opened> {
  const cm = await loginAs(app, username);
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(hromadaId, { caseType: 'reintegration' }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  const child = c.members.find((m: { role: string }) => m.role === 'child');
  const adult = c.members.find((m: { role: string }) => m.role === 'adult');
  return { cm, caseId: res.body.caseId, childId: child.personId, adultId: adult.personId };
}

const grandmother = { surname: 'Тестенко', givenName: 'Галина', patronymic: 'Степанівна', birthDate: '1958-05-10', sex: 'female', disability: false, latinName: '' };

const fullAssessment = {
  riskFactors: 'Батько зловживає алкоголем',
  protectiveFactors: 'Бабуся живе поруч і підтримує',
  strengths: 'Мати має стабільну роботу',
  siblingsResilience: 'Старший брат доглядає молодших',
  separationView: 'Сім\'я вважає, що дитину забрали через втрату житла',
  readiness: 'partly_ready',
  readinessNotes: 'Мати готова до консультацій',
  capacity: 'able_with_support',
  capacityNotes: '',
  socioEconomic: 'Орендоване житло, низький дохід',
  apartFromChild: true,
  place: 'м. Біла Церква, за місцем проживання матері',
  childViews: '',
  childViewsNotHeardReason: 'Дитина в іншому місті; буде вислухана окремо',
};

async function auditCount(entity: string, actionName: string): Promise<number> {
  return (await tdb.deps.db.selectFrom('audit_log').select('id').where('entity', '=', entity).where('action', '=', actionName).execute()).length;
}

describe('family tracing (SPEC §2.7; 000 §3.3)', () => {
  it('logs tracing attempts with outcomes, newest first, in pages', async () => {
    const { cm, caseId, adultId } = await openCase();
    const base = `/api/v1/cases/${caseId}/tracing-attempts`;
    const first = await cm.send('POST', base, { soughtName: 'Тестенко Іван', soughtRelation: 'батько', method: 'community_inquiry', attemptedOn: '2026-11-10', outcome: 'lead', notes: 'Сусіди кажуть, що виїхав до Львова' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual(expect.objectContaining({ soughtPerson: null, soughtName: 'Тестенко Іван', method: 'community_inquiry', outcome: 'lead', recordedBy: expect.objectContaining({ name: 'Коваленко Олена Петрівна' }) }));
    const second = await cm.send('POST', base, { soughtPersonId: adultId, method: 'phone', attemptedOn: '2026-11-18', outcome: 'found' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.soughtPerson).toEqual(expect.objectContaining({ personId: adultId, givenName: 'Ольга' }));
    await cm.send('POST', base, { soughtName: 'Тестенко Іван', method: 'records_search', attemptedOn: '2026-11-12', outcome: 'not_found' });

    const before = await auditCount('tracing_attempt', 'list');
    const page1 = await cm.get(`${base}?limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((a: { attemptedOn: string }) => a.attemptedOn)).toEqual(['2026-11-18', '2026-11-12']);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await cm.get(`${base}?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((a: { attemptedOn: string }) => a.attemptedOn)).toEqual(['2026-11-10']);
    expect(page2.body.nextCursor).toBeNull();
    expect(await auditCount('tracing_attempt', 'list')).toBe(before + 2);
    expect((await cm.get(`/api/v1/cases/${caseId}`)).body.timeline.filter((e: { kind: string }) => e.kind === 'tracing_attempt_recorded')).toHaveLength(3);
  });

  it('refuses attempts that name nobody, a stranger, or a future date', async () => {
    const { cm, caseId } = await openCase();
    const base = `/api/v1/cases/${caseId}/tracing-attempts`;
    const nobody = await cm.send('POST', base, { method: 'phone', attemptedOn: '2026-11-10', outcome: 'lead' });
    expect(nobody.status).toBe(400);
    const stranger = await cm.send('POST', base, { soughtPersonId: '00000000-0000-4000-8000-000000000001', method: 'phone', attemptedOn: '2026-11-10', outcome: 'lead' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('person_not_in_case');
    const future = await cm.send('POST', base, { soughtName: 'Іван', method: 'phone', attemptedOn: '2026-11-21', outcome: 'lead' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('date_in_future');
    const badMethod = await cm.send('POST', base, { soughtName: 'Іван', method: 'pigeon', attemptedOn: '2026-11-10', outcome: 'lead' });
    expect(badMethod.status).toBe(400);
  });

  it('adds relatives as new or existing persons, verifies and assesses them, and refuses stale updates', async () => {
    const { cm, caseId, childId, adultId } = await openCase();
    const base = `/api/v1/cases/${caseId}/relatives`;
    const added = await cm.send('POST', base, { person: grandmother, relation: 'grandmother', contact: '+380 50 000 00 00', willingness: 'willing' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toEqual(expect.objectContaining({ childPersonId: childId, relation: 'grandmother', verified: false, willingness: 'willing', capacity: null, version: 1, allowedActions: ['update'] }));
    const person = await tdb.deps.db.selectFrom('persons').selectAll().where('id', '=', added.body.person.personId).executeTakeFirstOrThrow();
    expect(person).toEqual(expect.objectContaining({ surname: 'Тестенко', given_name: 'Галина', name_key: expect.any(String), latin_key: expect.stringContaining('testenko') }));
    expect(await auditCount('person', 'create')).toBeGreaterThanOrEqual(3);

    const mother = await cm.send('POST', base, { personId: adultId, childPersonId: childId, relation: 'mother' });
    expect(mother.status, JSON.stringify(mother.body)).toBe(201);
    const again = await cm.send('POST', base, { personId: adultId, relation: 'mother' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('relative_exists');

    const half = await cm.send('POST', base, { person: { ...grandmother, givenName: 'Петро', sex: 'male' }, relation: 'uncle', verified: true });
    expect(half.status).toBe(422);
    expect(half.body.code).toBe('relative_verification_incomplete');
    const notChild = await cm.send('POST', base, { person: grandmother, childPersonId: adultId, relation: 'grandmother' });
    expect(notChild.status).toBe(422);
    expect(notChild.body.code).toBe('person_not_child');
    const self = await cm.send('POST', base, { personId: childId, relation: 'sister' });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('relative_is_child');

    const update = { relation: 'grandmother', contact: '+380 50 000 00 00', verified: true, verifiedOn: '2026-11-19', verificationMethod: 'documents', willingness: 'willing', capacity: 'able_with_support', assessmentNotes: 'Має окрему кімнату для онуки' };
    const saved = await cm.send('PUT', `${base}/${added.body.id}`, { version: 1, ...update });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual(expect.objectContaining({ version: 2, verified: true, verifiedOn: '2026-11-19', verificationMethod: 'documents', capacity: 'able_with_support' }));
    const stale = await cm.send('PUT', `${base}/${added.body.id}`, { version: 1, ...update, capacity: 'unable' });
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(2);

    const list = await cm.get(base);
    expect(list.status).toBe(200);
    // Both were added at the same (fixed) clock time, so only the set is certain.
    expect(list.body.items.map((r: { relation: string }) => r.relation).sort()).toEqual(['grandmother', 'mother']);
    const timeline = (await cm.get(`/api/v1/cases/${caseId}`)).body.timeline.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['relative_added', 'relative_updated']));

    // A relative found is known to the case, so later attempts may name them.
    const attempt = await cm.send('POST', `/api/v1/cases/${caseId}/tracing-attempts`, { soughtPersonId: added.body.person.personId, method: 'home_visit', attemptedOn: '2026-11-20', outcome: 'found' });
    expect(attempt.status).toBe(201);
  });

  it('does not link persons of another hromada', async () => {
    const { cm, caseId } = await openCase();
    const { adultId: stryiAdult } = await openCase('cm.stryi', world.stryi);
    const res = await cm.send('POST', `/api/v1/cases/${caseId}/relatives`, { personId: stryiAdult, relation: 'aunt' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('person_not_found');
  });
});

describe('family assessment (SPEC §2.7; 000 §3.4)', () => {
  it('runs a round from draft to completion, refuses stale versions and gaps, then starts the next round', async () => {
    const { cm, caseId } = await openCase();
    const base = `/api/v1/cases/${caseId}/family-assessments`;
    const created = await cm.send('POST', base, { riskFactors: 'Батько зловживає алкоголем' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ round: 1, status: 'draft', version: 1, riskFactors: 'Батько зловживає алкоголем', allowedActions: ['update', 'complete'] }));
    expect(created.body.missing).toEqual(['protectiveFactors', 'strengths', 'separationView', 'readiness', 'capacity', 'socioEconomic', 'childViews']);
    const second = await cm.send('POST', base, {});
    expect(second.status).toBe(422);
    expect(second.body.code).toBe('family_assessment_draft_exists');

    const id = created.body.id;
    const early = await cm.send('POST', `${base}/${id}/completion`, { version: 1 });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('family_assessment_incomplete');
    expect(early.body.details.missing).toContain('readiness');

    const noPlace = await cm.send('PUT', `${base}/${id}`, { version: 1, ...fullAssessment, place: '' });
    expect(noPlace.status).toBe(200);
    expect(noPlace.body.missing).toEqual(['place']);
    const saved = await cm.send('PUT', `${base}/${id}`, { version: 2, ...fullAssessment });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(expect.objectContaining({ version: 3, missing: [], readiness: 'partly_ready', apartFromChild: true }));
    const stale = await cm.send('PUT', `${base}/${id}`, { version: 2, ...fullAssessment });
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(3);

    const done = await cm.send('POST', `${base}/${id}/completion`, { version: 3 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual(expect.objectContaining({ status: 'completed', version: 4, completedAt: now.toISOString(), allowedActions: [] }));
    const edit = await cm.send('PUT', `${base}/${id}`, { version: 4, ...fullAssessment });
    expect(edit.status).toBe(422);
    expect(edit.body.code).toBe('family_assessment_completed');

    const next = await cm.send('POST', base, {});
    expect(next.status).toBe(201);
    expect(next.body.round).toBe(2);
    const list = await cm.get(base);
    expect(list.body.items.map((a: { round: number; status: string }) => [a.round, a.status])).toEqual([[2, 'draft'], [1, 'completed']]);
    const timeline = (await cm.get(`/api/v1/cases/${caseId}`)).body.timeline.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['family_assessment_started', 'family_assessment_saved', 'family_assessment_completed']));
  });
});

describe('access', () => {
  it('answers 404 on every family-tracing route to a case manager of another hromada', async () => {
    const { cm, caseId, childId } = await openCase();
    const relative = (await cm.send('POST', `/api/v1/cases/${caseId}/relatives`, { person: grandmother, relation: 'grandmother' })).body;
    const fa = (await cm.send('POST', `/api/v1/cases/${caseId}/family-assessments`, {})).body;
    const other = await loginAs(app, 'cm.stryi');
    const c = `/api/v1/cases/${caseId}`;
    const answers = [
      await other.get(`${c}/tracing-attempts`),
      await other.send('POST', `${c}/tracing-attempts`, { soughtName: 'Іван', method: 'phone', attemptedOn: '2026-11-10', outcome: 'lead' }),
      await other.get(`${c}/relatives`),
      await other.send('POST', `${c}/relatives`, { person: grandmother, childPersonId: childId, relation: 'grandmother' }),
      await other.send('PUT', `${c}/relatives/${relative.id}`, { version: 1, relation: 'grandmother' }),
      await other.get(`${c}/family-assessments`),
      await other.send('POST', `${c}/family-assessments`, {}),
      await other.send('PUT', `${c}/family-assessments/${fa.id}`, { version: 1, ...fullAssessment }),
      await other.send('POST', `${c}/family-assessments/${fa.id}/completion`, { version: 1 }),
    ];
    expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(404));

    const cas = await loginAs(app, 'cas.bucha');
    expect((await cas.get(`${c}/relatives`)).body.items[0].allowedActions).toEqual([]);
    expect((await cas.send('POST', `${c}/family-assessments/${fa.id}/completion`, { version: 1 })).status).toBe(403);
  });
});
