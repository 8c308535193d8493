import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

async function openCase(): Promise<{ cm: Client; caseId: string }> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { cm, caseId: res.body.caseId };
}

const missing = '00000000-0000-4000-8000-000000000000';
const note = { kind: 'phone_call', noteDate: '2026-11-20', text: 'Телефонна розмова з матір\'ю: домовилися про зустріч' };
const visit = { doneDate: '2026-11-20', place: 'home', childSeenAlone: 'yes', observations: 'Умови задовільні' };
const service = { serviceCode: 'issb_mental_health', deliveredOn: '2026-11-20', quantity: 1 };
const report = { period: '2026-Q4', measures: [], overallStatus: 'on_track' };

/** Every read of the case and its parts this slice adds, plus the case itself and an older part. */
const reads = (caseId: string) => [
  `/api/v1/cases/${caseId}`,
  `/api/v1/cases/${caseId}/needs-assessment`,
  `/api/v1/cases/${caseId}/notes`,
  `/api/v1/cases/${caseId}/home-visits`,
  `/api/v1/cases/${caseId}/team`,
  `/api/v1/cases/${caseId}/delivered-services`,
  `/api/v1/cases/${caseId}/plan-reports`,
];

/** Every write this slice adds, with a valid body. */
const writes = (caseId: string, memberId = missing): Array<['POST' | 'PUT', string, unknown]> => [
  ['POST', `/api/v1/cases/${caseId}/notes`, note],
  ['PUT', `/api/v1/cases/${caseId}/notes/${missing}`, { ...note, version: 1 }],
  ['POST', `/api/v1/cases/${caseId}/home-visits`, visit],
  ['PUT', `/api/v1/cases/${caseId}/home-visits/${missing}`, { ...visit, version: 1 }],
  ['POST', `/api/v1/cases/${caseId}/team`, { userId: world.userId('cm.stryi'), teamRole: 'other' }],
  ['POST', `/api/v1/cases/${caseId}/team/${memberId}/end`, { version: 1 }],
  ['POST', `/api/v1/cases/${caseId}/delivered-services`, service],
  ['POST', `/api/v1/cases/${caseId}/plan-reports`, report],
];

describe('interdisciplinary team (SPEC §2.16)', () => {
  it('gives a provider\'s worker on the team the case and the right to contribute, but not to manage the team; ending the membership hides it again at once', async () => {
    const { cm, caseId } = await openCase();
    const provider = await loginAs(app, 'provider.bucha');
    expect((await provider.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await cm.get(`/api/v1/cases/${caseId}/team`)).body).toEqual({ items: [], allowedActions: ['add'] });

    const added = await cm.send('POST', `/api/v1/cases/${caseId}/team`, { userId: world.userId('provider.bucha'), teamRole: 'psychologist' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toEqual(expect.objectContaining({ teamRole: 'psychologist', fromDate: '2026-11-20', toDate: null, current: true, version: 1, allowedActions: ['end'] }));
    expect(added.body.user).toEqual({ id: world.userId('provider.bucha'), name: 'Шевчук Тетяна Андріївна' });
    const teacher = await cm.send('POST', `/api/v1/cases/${caseId}/team`, { externalName: 'Іваненко Петро Іванович', externalOrganisation: 'Ліцей № 2', externalProfession: 'класний керівник', teamRole: 'teacher' });
    expect(teacher.status, JSON.stringify(teacher.body)).toBe(201);
    expect(teacher.body.user).toBeNull();
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/team`, { userId: world.userId('provider.bucha'), teamRole: 'other' })).body.code).toBe('team_member_exists');

    // On the team: the case, its parts and the worklist.
    for (const url of reads(caseId)) expect((await provider.get(url)).status, url).toBe(200);
    const c = (await provider.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.allowedActions).toEqual(['case.view']);
    expect((await provider.get('/api/v1/cases')).body.items.map((x: { id: string }) => x.id)).toEqual([caseId]);
    const team = (await provider.get(`/api/v1/cases/${caseId}/team`)).body;
    expect(team.allowedActions).toEqual([]);
    expect(team.items.map((m: { allowedActions: string[] }) => m.allowedActions)).toEqual([[], []]);

    // Contributes: a note and a delivered service (the provider defaults to their own organisation).
    expect((await provider.get(`/api/v1/cases/${caseId}/notes`)).body.allowedActions).toEqual(['create']);
    const written = await provider.send('POST', `/api/v1/cases/${caseId}/notes`, note);
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body).toEqual(expect.objectContaining({ kind: 'phone_call', allowedActions: ['edit'], author: { id: world.userId('provider.bucha'), name: 'Шевчук Тетяна Андріївна' } }));
    const delivered = await provider.send('POST', `/api/v1/cases/${caseId}/delivered-services`, service);
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(201);
    expect(delivered.body).toEqual(expect.objectContaining({ serviceCode: 'issb_mental_health', measureKey: null, quantity: 1, unit: 'консультація' }));
    expect(delivered.body.provider.name).toContain('Родинне коло');

    // Does not manage the team nor the case.
    expect((await provider.send('POST', `/api/v1/cases/${caseId}/team`, { externalName: 'Хтось', teamRole: 'other' })).status).toBe(403);
    expect((await provider.send('POST', `/api/v1/cases/${caseId}/team/${added.body.id}/end`, { version: 1 })).status).toBe(403);
    expect((await provider.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'identification', reason: 'x', version: c.version })).status).toBe(403);

    // Ended: access ends at once, exactly like an unknown id, and the case leaves their worklist.
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/team/${added.body.id}/end`, { version: 2 })).status).toBe(409);
    const ended = await cm.send('POST', `/api/v1/cases/${caseId}/team/${added.body.id}/end`, { version: 1, reason: 'Курс консультацій завершено' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toEqual(expect.objectContaining({ toDate: '2026-11-20', current: false, endReason: 'Курс консультацій завершено', allowedActions: [] }));
    expect(ended.body.endedBy.id).toBe(world.userId('cm.bucha'));
    for (const url of reads(caseId)) {
      const res = await provider.get(url);
      expect(res.status, url).toBe(404);
      expect(res.body, url).toEqual((await provider.get(url.replace(caseId, missing))).body);
    }
    for (const [method, url, body] of writes(caseId, added.body.id)) expect((await provider.send(method, url, body)).status, url).toBe(404);
    expect((await provider.get('/api/v1/cases')).body.items).toEqual([]);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/team/${added.body.id}/end`, { version: 2 })).body.code).toBe('team_member_already_ended');

    // The team's history stays; the timeline and the audit trail tell who did what.
    const history = (await cm.get(`/api/v1/cases/${caseId}/team`)).body.items;
    expect(history.map((m: { teamRole: string; current: boolean }) => `${m.teamRole}:${m.current}`)).toEqual(['teacher:true', 'psychologist:false']);
    const kinds = (await cm.get(`/api/v1/cases/${caseId}`)).body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['team_member_added', 'team_member_ended', 'case_note_added', 'service_delivered']));
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity']).where('actor_id', '=', world.userId('provider.bucha')).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'read', entity: 'case' }, { action: 'list', entity: 'case_note' }, { action: 'create', entity: 'case_note' }, { action: 'create', entity: 'delivered_service' }]));

    // They can be added again later.
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/team`, { userId: world.userId('provider.bucha'), teamRole: 'psychologist' })).status).toBe(201);
    expect((await provider.get(`/api/v1/cases/${caseId}`)).status).toBe(200);
  });

  it('lets the supervisor manage the team, and keeps the Child Affairs Service to reading unless it is on the team', async () => {
    const { caseId } = await openCase();
    const sv = await loginAs(app, 'sv.bucha');
    const cas = await loginAs(app, 'cas.bucha');
    expect((await cas.get(`/api/v1/cases/${caseId}/notes`)).body.allowedActions).toEqual([]);
    expect((await cas.send('POST', `/api/v1/cases/${caseId}/notes`, note)).status).toBe(403);
    const added = await sv.send('POST', `/api/v1/cases/${caseId}/team`, { userId: world.userId('cas.bucha'), teamRole: 'child_affairs_specialist', emergencyIntervention: true });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.emergencyIntervention).toBe(true);
    expect((await cas.send('POST', `/api/v1/cases/${caseId}/notes`, note)).status).toBe(201);
  });

  it('refuses a member who is nobody, both, unknown, or starts in the future', async () => {
    const { cm, caseId } = await openCase();
    const post = (body: unknown) => cm.send('POST', `/api/v1/cases/${caseId}/team`, body);
    expect((await post({ teamRole: 'doctor' })).body.code).toBe('team_member_identity');
    expect((await post({ userId: world.userId('provider.bucha'), externalName: 'Лікар', teamRole: 'doctor' })).body.code).toBe('team_member_identity');
    expect((await post({ userId: missing, teamRole: 'doctor' })).body.code).toBe('user_not_found');
    expect((await post({ externalName: 'Лікар', teamRole: 'doctor', fromDate: '2026-11-21' })).body.code).toBe('team_member_start_in_future');
    expect((await post({ externalName: 'Лікар', teamRole: 'dentist' })).status).toBe(400);
    const m = await post({ externalName: 'Петренко О. О.', teamRole: 'police', fromDate: '2026-11-02' });
    expect(m.status).toBe(201);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/team/${m.body.id}/end`, { version: 1, toDate: '2026-11-01' })).body.code).toBe('team_member_end_before_start');
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/team/${m.body.id}/end`, { version: 1, toDate: '2026-11-21' })).body.code).toBe('team_member_end_in_future');
  });

  it('answers 404 on every new route to a case manager of another hromada, exactly as for an unknown case', async () => {
    const { cm, caseId } = await openCase();
    const member = await cm.send('POST', `/api/v1/cases/${caseId}/team`, { externalName: 'Іваненко', teamRole: 'teacher' });
    const stryi = await loginAs(app, 'cm.stryi');
    for (const url of reads(caseId)) {
      const res = await stryi.get(url);
      expect(res.status, url).toBe(404);
      expect(res.body, url).toEqual((await stryi.get(url.replace(caseId, missing))).body);
    }
    for (const [method, url, body] of writes(caseId, member.body.id)) {
      const res = await stryi.send(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body, url).toEqual((await stryi.send(method, url.replace(caseId, missing), body)).body);
    }
    // A part that belongs to another case is not found through this one.
    const other = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
    expect((await cm.send('POST', `/api/v1/cases/${other.body.caseId}/team/${member.body.id}/end`, { version: 1 })).status).toBe(404);
  });
});
