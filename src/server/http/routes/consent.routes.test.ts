import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { seedDemoProviders } from '#server/db/seed/demo-providers.ts';

// Friday 20 November 2026, 10:00 in Kyiv. One database and world for the file; every test opens its own case.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let cm: Client;
let provider: string;
let otherProvider: string;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedDemoProviders(tdb.deps);
  cm = await loginAs(app, 'cm.bucha');
  const org = (prefix: string) => tdb.deps.db.selectFrom('organisations').select('id').where('name_en', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  provider = (await org('NGO "Family Circle" (Bucha')).id;
  otherProvider = (await org('Bucha Centre for Comprehensive Rehabilitation')).id;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

type Member = { personId: string; name: string; role: 'child' | 'adult'; sharingWithProviders: boolean; processing: boolean };

async function openCase(surname = 'Згоденко'): Promise<{ caseId: string; child: Member; mother: Member }> {
  const n = aNotification(world.bucha);
  const members = n.members.map((m) => ({ ...m, person: { ...m.person, surname } }));
  const res = await cm.send('POST', '/api/v1/notifications', { ...n, members });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const caseId = res.body.caseId as string;
  const list = await cm.get(`/api/v1/cases/${caseId}/consents`);
  const child = list.body.members.find((m: Member) => m.role === 'child') as Member;
  const mother = list.body.members.find((m: Member) => m.role === 'adult') as Member;
  return { caseId, child, mother };
}

const aConsent = (personId: string, over: Record<string, unknown> = {}) => ({ personId, kind: 'sharing_providers', givenBy: 'self', givenOn: '2026-11-18', form: 'written', ...over });

const aReferral = (over: Record<string, unknown> = {}) => ({
  providerId: provider,
  serviceCode: 'issb_family_social_support',
  reason: 'Мати втратила роботу, дитина пропускає заняття; потрібен соціальний супровід сім’ї.',
  contact: '+380 67 000 00 00',
  ...over,
});

async function draft(caseId: string, over: Record<string, unknown> = {}) {
  const res = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}
const send = (r: { id: string; version: number }) => cm.send('POST', `/api/v1/referrals/${r.id}/transitions`, { action: 'send', version: r.version });

describe('consent per person (SPEC §11)', () => {
  it('records a consent given by a parent for a child, lists it with the members’ state, and withdraws it keeping the history; audited', async () => {
    const { caseId, child, mother } = await openCase('Згоденко');
    expect([child.sharingWithProviders, mother.sharingWithProviders]).toEqual([false, false]);
    const noName = await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId, { givenBy: 'parent' }));
    expect([noName.status, noName.body.code]).toEqual([422, 'consent_giver_name_required']);
    const future = await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId, { givenOn: '2026-11-21' }));
    expect([future.status, future.body.code]).toEqual([422, 'date_in_future']);

    const given = await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId, { givenBy: 'parent', givenByName: 'Згоденко Ольга Петрівна', form: 'oral', scope: 'Соціальний супровід сім’ї' }));
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    expect(given.body).toEqual(expect.objectContaining({ personId: child.personId, personName: child.name, kind: 'sharing_providers', givenBy: 'parent', givenByName: 'Згоденко Ольга Петрівна', form: 'oral', status: 'current', withdrawnOn: null, provider: null, allowedActions: ['withdraw'] }));
    const processing = await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(mother.personId, { kind: 'processing' }));
    expect(processing.status).toBe(201);

    let list = await cm.get(`/api/v1/cases/${caseId}/consents`);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.members.map((m: Member) => [m.role, m.sharingWithProviders, m.processing])).toEqual([
      ['child', true, false],
      ['adult', false, true],
    ]);
    expect(list.body.allowedActions).toEqual(['create']);

    const stale = await cm.send('POST', `/api/v1/cases/${caseId}/consents/${given.body.id}/withdrawal`, { withdrawnOn: '2026-11-20', reason: 'Мати відкликала', version: given.body.version + 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    const early = await cm.send('POST', `/api/v1/cases/${caseId}/consents/${given.body.id}/withdrawal`, { withdrawnOn: '2026-11-17', reason: 'Мати відкликала', version: given.body.version });
    expect([early.status, early.body.code]).toEqual([422, 'consent_withdrawal_date_invalid']);
    const withdrawn = await cm.send('POST', `/api/v1/cases/${caseId}/consents/${given.body.id}/withdrawal`, { withdrawnOn: '2026-11-20', reason: 'Мати відкликала згоду письмово', version: given.body.version });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toEqual(expect.objectContaining({ status: 'withdrawn', withdrawnOn: '2026-11-20', withdrawalReason: 'Мати відкликала згоду письмово', withdrawnBy: expect.objectContaining({ id: world.userId('cm.bucha') }), allowedActions: [] }));
    const again = await cm.send('POST', `/api/v1/cases/${caseId}/consents/${given.body.id}/withdrawal`, { withdrawnOn: '2026-11-20', reason: 'ще раз', version: withdrawn.body.version });
    expect([again.status, again.body.code]).toEqual([422, 'consent_already_withdrawn']);

    // History: the withdrawn consent is still listed; a new one may be given after it.
    list = await cm.get(`/api/v1/cases/${caseId}/consents`);
    expect(list.body.items.map((c: { status: string; kind: string }) => [c.kind, c.status]).sort()).toEqual([['processing', 'current'], ['sharing_providers', 'withdrawn']]);
    expect(list.body.members[0].sharingWithProviders).toBe(false);

    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('entity', '=', 'person_consent').where('entity_id', '=', given.body.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('lets the Child Affairs Service read but not record; other hromadas and providers see nothing', async () => {
    const { caseId, child } = await openCase('Доступенко');
    const cas = await loginAs(app, 'cas.bucha');
    expect((await cas.get(`/api/v1/cases/${caseId}/consents`)).body.allowedActions).toEqual([]);
    const refused = await cas.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId));
    expect(refused.status).toBe(403);
    for (const who of ['cm.stryi', 'provider.bucha', 'analyst.national']) {
      const u = await loginAs(app, who);
      expect((await u.get(`/api/v1/cases/${caseId}/consents`)).status, who).toBe(404);
    }
    // A person of another case is not this case's to record.
    const { child: stranger } = await openCase('Сторонненко');
    const foreign = await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(stranger.personId));
    expect([foreign.status, foreign.body.code]).toEqual([422, 'person_not_in_case']);
  });
});

describe('sharing with a provider needs consent or a legal ground (SPEC §11)', () => {
  it('refuses to send without every family member’s consent, naming who is missing, and sends once they consented', async () => {
    const { caseId, child, mother } = await openCase('Направленко');
    const r = await draft(caseId);
    const refused = await send(r);
    expect([refused.status, refused.body.code]).toEqual([422, 'consent_required']);
    expect(refused.body.details.persons.map((p: { personId: string }) => p.personId).sort()).toEqual([child.personId, mother.personId].sort());
    expect(refused.body.details.names).toContain(mother.name);
    // The referral stays a draft.
    expect((await cm.get(`/api/v1/referrals/${r.id}`)).body.status).toBe('draft');

    await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(mother.personId));
    const stillMissing = await send(r);
    expect(stillMissing.body.details.persons.map((p: { personId: string }) => p.personId)).toEqual([child.personId]);
    // A consent limited to another provider does not count for this one.
    await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId, { givenBy: 'parent', givenByName: mother.name, providerOrganisationId: otherProvider }));
    expect((await send(r)).body.code).toBe('consent_required');
    await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId, { givenBy: 'parent', givenByName: mother.name, providerOrganisationId: provider }));
    const sent = await send(r);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.status).toBe('sent');
  });

  it('refuses again once a consent is withdrawn', async () => {
    const { caseId, child, mother } = await openCase('Відкликаненко');
    const a = (await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(mother.personId))).body;
    await cm.send('POST', `/api/v1/cases/${caseId}/consents`, aConsent(child.personId, { givenBy: 'parent', givenByName: mother.name }));
    await cm.send('POST', `/api/v1/cases/${caseId}/consents/${a.id}/withdrawal`, { withdrawnOn: '2026-11-20', reason: 'Мати передумала', version: a.version });
    const refused = await send(await draft(caseId));
    expect(refused.body.details.persons.map((p: { personId: string }) => p.personId)).toEqual([mother.personId]);
  });

  it('sends without consent on a recorded legal ground, which needs a note', async () => {
    const { caseId } = await openCase('Підставенко');
    const noNote = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral({ legalGround: 'child_protection' }));
    expect([noNote.status, noNote.body.code]).toEqual([422, 'legal_ground_note_required']);
    const r = await draft(caseId, { legalGround: 'life_threat', legalGroundNote: 'Загроза життю дитини, акт оцінки безпеки від 20.11.2026' });
    const sent = await send(r);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toEqual(expect.objectContaining({ status: 'sent', legalGround: 'life_threat', legalGroundNote: 'Загроза життю дитини, акт оцінки безпеки від 20.11.2026' }));
  });
});
