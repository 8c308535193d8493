import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { EmergencyContactRequest } from '#contracts/service-decisions.contract.ts';
import { type TestDatabase } from '#test/db.ts';
import { loginAs, seedWorld } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

function aContact(hromadaId: string, overrides: Partial<EmergencyContactRequest> = {}): EmergencyContactRequest {
  return {
    hromadaId,
    occurredAt: '2026-11-19T21:30:00.000Z',
    situation: 'Нічний виклик: конфлікт у сім\'ї, мати з дитиною потребували притулку',
    threatToLifeOrHealth: false,
    serviceCodes: ['basic_crisis_intervention', 'basic_shelter'],
    members: [
      { role: 'child', relationship: 'син', person: { surname: 'Кризенко', givenName: 'Богдан', patronymic: 'Сергійович', birthDate: '2019-05-05', sex: 'male', disability: false, latinName: '' } },
      { role: 'adult', relationship: 'мати', person: { surname: 'Кризенко', givenName: 'Алла', patronymic: 'Іванівна', birthDate: '1994-02-02', sex: 'female', disability: false, latinName: '' } },
    ],
    ...overrides,
  };
}

describe('emergency (crisis) services without case management (Law "On Social Services" art. 23; SPEC §2.9)', () => {
  it('records a contact with its persons and converts it into a case through registration', async () => {
    const cas = await loginAs(app, 'cas.bucha');
    const created = await cas.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha, { threatToLifeOrHealth: true }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const contact = created.body;
    expect(contact).toEqual(expect.objectContaining({ threatToLifeOrHealth: true, serviceCodes: ['basic_crisis_intervention', 'basic_shelter'], case: null, version: 1, allowedActions: ['convert'], providedBy: expect.objectContaining({ id: world.userId('cas.bucha') }) }));
    expect(contact.members.map((m: { givenName: string; role: string }) => `${m.givenName}:${m.role}`).sort()).toEqual(['Алла:adult', 'Богдан:child']);

    // Listed for the recording organisation; readable by anyone who may register in the hromada.
    expect((await cas.get('/api/v1/emergency-contacts')).body.items.map((e: { id: string }) => e.id)).toEqual([contact.id]);
    const cm = await loginAs(app, 'cm.bucha');
    expect((await cm.get('/api/v1/emergency-contacts')).body.items).toEqual([]);
    expect((await cm.get(`/api/v1/emergency-contacts/${contact.id}`)).status).toBe(200);

    const stale = await cm.send('POST', `/api/v1/emergency-contacts/${contact.id}/conversion`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(1);
    // The Child Affairs Service converts too, but the case needs a case manager of the CSS.
    expect((await cas.send('POST', `/api/v1/emergency-contacts/${contact.id}/conversion`, { version: 1 })).body.code).toBe('case_manager_required');

    const converted = await cas.send('POST', `/api/v1/emergency-contacts/${contact.id}/conversion`, { version: 1, caseType: 'prevention', caseManagerId: world.userId('cm.bucha') });
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    expect(converted.body).toEqual(expect.objectContaining({ emergencyContactId: contact.id, caseNumber: expect.stringMatching(/^2026\/\d{6}$/), urgent: true }));

    const c = await cm.get(`/api/v1/cases/${converted.body.caseId}`);
    expect(c.status).toBe(200);
    expect(c.body.step).toBe('child_assessment');
    expect(c.body.caseManager.id).toBe(world.userId('cm.bucha'));
    expect(c.body.urgent).toBe(true);
    expect(c.body.members.map((m: { personId: string }) => m.personId).sort()).toEqual(contact.members.map((m: { personId: string }) => m.personId).sort());
    expect(c.body.deadlines.map((d: { key: string }) => d.key).sort()).toEqual(['needs_assessment', 'safety_assessment']);
    expect(c.body.needsAssessment).toEqual(expect.objectContaining({ status: 'draft' }));
    expect(c.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['case_registered', 'case_opened_from_emergency_contact']);
    expect(c.body.timeline[1].data).toEqual(expect.objectContaining({ emergencyContactId: contact.id }));

    const after = (await cas.get(`/api/v1/emergency-contacts/${contact.id}`)).body;
    expect(after).toEqual(expect.objectContaining({ case: { id: converted.body.caseId, number: converted.body.caseNumber }, version: 2, allowedActions: [] }));
    const again = await cm.send('POST', `/api/v1/emergency-contacts/${contact.id}/conversion`, { version: 2 });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('emergency_contact_converted');
  });

  it('needs a child to open a case and catalogue services', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    const adultOnly = aContact(world.bucha);
    adultOnly.members = adultOnly.members.filter((m) => m.role === 'adult');
    const contact = (await cm.send('POST', '/api/v1/emergency-contacts', adultOnly)).body;
    expect(contact.members).toHaveLength(1);
    const res = await cm.send('POST', `/api/v1/emergency-contacts/${contact.id}/conversion`, { version: 1 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('child_required');
    expect((await cm.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha, { serviceCodes: ['teleportation'] }))).body.code).toBe('service_not_in_catalogue');
    expect((await cm.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha, { serviceCodes: [] }))).status).toBe(400);
  });

  it('is recorded and seen only by the CSS and Child Affairs Service of the hromada', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    expect((await reporter.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha))).body.code).toBe('registration_not_allowed');
    const stryi = await loginAs(app, 'cm.stryi');
    expect((await stryi.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha))).status).toBe(403);

    const cm = await loginAs(app, 'cm.bucha');
    const contact = (await cm.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha))).body;
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const username of ['cm.stryi', 'cas.stryi', 'cm.dmytrivka', 'reporter.school', 'provider.bucha', 'auditor']) {
      const client = await loginAs(app, username);
      const existing = await client.get(`/api/v1/emergency-contacts/${contact.id}`);
      expect(existing.status, username).toBe(404);
      expect(existing.body, username).toEqual((await client.get(`/api/v1/emergency-contacts/${missing}`)).body);
      expect((await client.send('POST', `/api/v1/emergency-contacts/${contact.id}/conversion`, { version: 1 })).status, username).toBe(404);
      expect((await client.get('/api/v1/emergency-contacts')).body.items, username).toEqual([]);
    }
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity']).where('actor_username', '=', 'cm.bucha').execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'create', entity: 'person' }, { action: 'create', entity: 'emergency_contact' }]));
  });

  it('pages the list newest first', async () => {
    const cm = await loginAs(app, 'cm.bucha');
    for (const at of ['2026-11-17T10:00:00.000Z', '2026-11-19T10:00:00.000Z', '2026-11-18T10:00:00.000Z']) {
      expect((await cm.send('POST', '/api/v1/emergency-contacts', aContact(world.bucha, { occurredAt: at }))).status).toBe(201);
    }
    const first = (await cm.get('/api/v1/emergency-contacts?limit=2')).body;
    expect(first.items.map((e: { occurredAt: string }) => e.occurredAt.slice(0, 10))).toEqual(['2026-11-19', '2026-11-18']);
    const second = (await cm.get(`/api/v1/emergency-contacts?limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((e: { occurredAt: string }) => e.occurredAt.slice(0, 10))).toEqual(['2026-11-17']);
    expect(second.nextCursor).toBeNull();
  });
});
