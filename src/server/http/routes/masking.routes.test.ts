import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { maskFactors, seesSensitive } from '#domain/privacy/masking.ts';
import { seedDemoCaregivers } from '#server/db/seed/demo-caregivers.ts';
import { seedDemoProviders } from '#server/db/seed/demo-providers.ts';

// Sensitive fields (abuse details, health, disability) masked in lists unless the viewer is on the case (SPEC §11).
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let cm: Client;
let cas: Client;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedDemoCaregivers(tdb.deps);
  await seedDemoProviders(tdb.deps);
  cm = await loginAs(app, 'cm.bucha');
  cas = await loginAs(app, 'cas.bucha');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('masking rule', () => {
  it('shows sensitive fields to the case manager, supervisor and team, not to Child Affairs, emergency access or strangers', () => {
    expect(['case_manager', 'supervisor', 'team_member', 'child_affairs', 'emergency', null].map((r) => seesSensitive(r as never))).toEqual([true, true, true, false, false, false]);
    expect(maskFactors(['homelessness', 'domestic_violence', 'incurable_disease'], false)).toEqual({ codes: ['homelessness'], hidden: 2 });
    expect(maskFactors(['homelessness', 'domestic_violence'], true)).toEqual({ codes: ['homelessness', 'domestic_violence'], hidden: 0 });
  });
});

type InboxItem = { id: string; description: string; childFactors: string[]; adultFactors: string[]; maskedFields: string[]; case: { id: string } | null };

describe('the notification inbox list (abuse details, health)', () => {
  it('masks the description and the sensitive factors in the list, shows them in the notification, and to the case manager once it is their case', async () => {
    const reporter = await loginAs(app, 'reporter.school');
    const description = 'Дитина розповіла вчительці, що батько її б’є (Маскенко)';
    const n = aNotification(world.bucha, { description, childFactors: ['domestic_violence', 'parents_evading_duties'], adultFactors: ['addiction', 'unemployment'], openCase: false });
    const sent = await reporter.send('POST', '/api/v1/notifications', { ...n, members: n.members.map((m) => ({ ...m, person: { ...m.person, surname: 'Маскенко' } })) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const id = (sent.body.id ?? sent.body.notificationId) as string;

    const listed = ((await cm.get('/api/v1/notifications/inbox?status=received')).body.items as InboxItem[]).find((i) => i.id === id);
    expect(listed).toEqual(expect.objectContaining({ description: '', childFactors: ['parents_evading_duties'], adultFactors: ['unemployment'], maskedFields: ['description', 'childFactors', 'adultFactors'] }));
    const whole = await cm.get(`/api/v1/notifications/inbox/${id}`);
    expect(whole.body).toEqual(expect.objectContaining({ description, childFactors: ['domestic_violence', 'parents_evading_duties'], adultFactors: ['addiction', 'unemployment'], maskedFields: [] }));

    const registered = await cm.send('POST', `/api/v1/notifications/${id}/registration`, { caseType: 'prevention', version: whole.body.version });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const mine = ((await cm.get('/api/v1/notifications/inbox?status=registered')).body.items as InboxItem[]).find((i) => i.id === id);
    expect(mine).toEqual(expect.objectContaining({ description, childFactors: ['domestic_violence', 'parents_evading_duties'], maskedFields: [] }));
    // The Child Affairs Service sees the case, but is not on it: masked in the list.
    const theirs = ((await cas.get('/api/v1/notifications/inbox?status=registered')).body.items as InboxItem[]).find((i) => i.id === id);
    expect(theirs).toEqual(expect.objectContaining({ description: '', childFactors: ['parents_evading_duties'], maskedFields: ['description', 'childFactors', 'adultFactors'] }));
  });
});

describe('caregiver matching (disability)', () => {
  it('shows the child’s disability and its reasons to the case manager, masks both for the Child Affairs Service', async () => {
    const n = aNotification(world.bucha);
    const members = n.members.map((m) => (m.role === 'child' ? { ...m, person: { ...m.person, surname: 'Підбірненко', disability: true } } : m));
    const res = await cm.send('POST', '/api/v1/notifications', { ...n, members });
    const caseId = res.body.caseId as string;
    const child = (await cm.get(`/api/v1/cases/${caseId}`)).body.members.find((m: { role: string }) => m.role === 'child');
    const url = `/api/v1/cases/${caseId}/matching?childId=${child.personId}`;
    const seen = await cm.get(url);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect([seen.body.child.disability, seen.body.maskedFields]).toEqual([true, []]);
    const reasonCodes = (b: { candidates: Array<{ reasons: Array<{ code: string }> }> }) => b.candidates.flatMap((c) => c.reasons.map((r) => r.code));
    expect(seen.body.candidates.length).toBeGreaterThan(0);
    expect(reasonCodes(seen.body).some((c) => c.includes('disability'))).toBe(true);

    const masked = await cas.get(url);
    expect(masked.status).toBe(200);
    expect([masked.body.child.disability, masked.body.maskedFields]).toEqual([null, ['disability']]);
    expect(reasonCodes(masked.body).some((c) => c.includes('disability'))).toBe(false);
  });
});

type ReferralItem = { id: string; reason: string; earlierServices: string; additionalInfo: string; contact: string; maskedFields: string[] };

describe('the outgoing referrals box (abuse details, health in free text)', () => {
  it('shows the reason and earlier services to the case manager, empties them in the list for Child Affairs, and keeps the referral itself whole', async () => {
    const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const caseId = res.body.caseId as string;
    const ngo = await tdb.deps.db.selectFrom('organisations').select('id').where('name_en', 'like', 'NGO "Family Circle" (Bucha%').executeTakeFirstOrThrow();
    const reason = 'Батько б’є дитину, у матері залежність (Направленко)';
    const created = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, {
      providerId: ngo.id, serviceCode: 'issb_family_social_support', reason, earlierServices: 'Лікування в наркологічному диспансері', additionalInfo: '', contact: '+380 67 000 00 00', signedBy: 'Директор Центру',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    const own = ((await cm.get('/api/v1/referrals?box=outgoing')).body.items as ReferralItem[]).find((r) => r.id === id);
    expect(own).toEqual(expect.objectContaining({ reason, earlierServices: 'Лікування в наркологічному диспансері', maskedFields: [] }));
    const listed = await cas.get('/api/v1/referrals?box=outgoing');
    expect(listed.status).toBe(200);
    const theirs = (listed.body.items as ReferralItem[]).find((r) => r.id === id);
    // Empty fields are not secret and are not listed as masked; the contact is what the referral is for.
    expect(theirs).toEqual(expect.objectContaining({ reason: '', earlierServices: '', additionalInfo: '', contact: '+380 67 000 00 00', maskedFields: ['reason', 'earlierServices'] }));
    const whole = await cas.get(`/api/v1/referrals/${id}`);
    expect([whole.status, whole.body.reason, whole.body.maskedFields]).toEqual([200, reason, []]);
  });
});
