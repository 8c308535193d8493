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

async function openCase(overrides: Partial<NotificationRequest> = {}): Promise<{ cm: Client; caseId: string }> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha, overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { cm, caseId: res.body.caseId };
}

/** A plan version agreed with the family. */
async function agreedPlan(cm: Client, caseId: string, draft?: { id: string; version: number }): Promise<string> {
  const plan = draft ?? (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${plan.id}`, {
    version: plan.version,
    childViews: 'Хоче жити вдома',
    goals: [{ domain: 'safety', text: 'Безпечне житло', measures: [{ action: 'Встановити замки', measureType: 'safe_conditions_for_children', responsible: { kind: 'agency', name: 'ЖЕК' }, deadline: '2026-12-01', expectedResult: 'Замки встановлено' }] }],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const agreed = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${plan.id}/agreement`, { version: saved.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
  return plan.id;
}

async function providerOf(hromadaId: string): Promise<string> {
  const o = await tdb.deps.db.selectFrom('organisations').select('id').where('hromada_id', '=', hromadaId).where('type', '=', 'service_provider').executeTakeFirstOrThrow();
  return o.id;
}

describe('decision on services (Law "On Social Services" art. 21, 24; SPEC §2.9)', () => {
  it('records decisions to provide and refuse with their grounds, newest first, on the timeline', async () => {
    const { cm, caseId } = await openCase();
    const provide = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide', serviceCodes: ['basic_social_support', 'issb_family_social_support'], legalGrounds: 'Акт оцінки потреб' });
    expect(provide.status, JSON.stringify(provide.body)).toBe(201);
    expect(provide.body).toEqual(expect.objectContaining({ decision: 'provide', terminationGround: null, decidedOn: '2026-11-20', serviceCodes: ['basic_social_support', 'issb_family_social_support'], decidedBy: expect.objectContaining({ id: world.userId('cm.bucha') }) }));

    const noGrounds = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'refuse' });
    expect(noGrounds.status).toBe(422);
    expect(noGrounds.body.code).toBe('legal_grounds_required');
    const noTerminationGround = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'terminate', legalGrounds: 'x' });
    expect(noTerminationGround.body.code).toBe('termination_ground_required');
    const badGround = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'terminate', terminationGround: 'bad_weather' });
    expect(badGround.status).toBe(400);
    const unknownService = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide', serviceCodes: ['teleportation'] });
    expect(unknownService.body.code).toBe('service_not_in_catalogue');
    const future = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide', decidedOn: '2026-12-01' });
    expect(future.body.code).toBe('decision_date_in_future');

    const refuse = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'refuse', legalGrounds: 'Послугу надає інший надавач', decidedOn: '2026-11-20' });
    expect(refuse.status).toBe(201);
    const list = (await cm.get(`/api/v1/cases/${caseId}/decisions`)).body;
    expect(list.threatRecorded).toBe(false);
    expect(list.allowedActions).toEqual(['record']);
    expect(list.items.map((d: { decision: string }) => d.decision)).toEqual(['refuse', 'provide']);
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.timeline.filter((e: { kind: string }) => e.kind === 'service_decision_recorded')).toHaveLength(2);
  });

  it('refuses refusal and termination while a threat to life or health is recorded (art. 24)', async () => {
    const abuse = await openCase({ childFactors: ['domestic_violence'] });
    const threat = await openCase({ childFactors: [], threatToLifeOrHealth: true });
    for (const { cm, caseId } of [abuse, threat]) {
      expect((await cm.get(`/api/v1/cases/${caseId}/decisions`)).body.threatRecorded).toBe(true);
      const refuse = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'refuse', legalGrounds: 'Сім\'я відмовилась' });
      expect(refuse.status).toBe(422);
      expect(refuse.body.code).toBe('services_protected_by_threat');
      const terminate = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'terminate', terminationGround: 'recipient_refusal' });
      expect(terminate.body.code).toBe('services_protected_by_threat');
      expect((await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide' })).status).toBe(201);
      expect((await cm.get(`/api/v1/cases/${caseId}/decisions`)).body.items.map((d: { decision: string }) => d.decision)).toEqual(['provide']);
    }
  });
});

describe('agreement with the provider (Law "On Social Services" art. 22)', () => {
  it('includes the agreed plan, follows a decision to provide, and ends on termination', async () => {
    const { cm, caseId } = await openCase();
    const provider = await providerOf(world.bucha);
    const draft = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
    const body = (planId: string) => ({ planId, providerOrganisationId: provider, signedOn: '2026-11-20', signedByRecipient: 'Тестенко О. П.', validUntil: '2027-05-20' });

    expect((await cm.send('POST', `/api/v1/cases/${caseId}/agreements`, body(draft.id))).body.code).toBe('agreement_plan_not_agreed');
    const planId = await agreedPlan(cm, caseId, draft);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/agreements`, body(planId))).body.code).toBe('service_decision_required');
    await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide', serviceCodes: ['basic_social_support'] });
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/agreements`, { ...body(planId), validUntil: '2026-11-01' })).body.code).toBe('agreement_dates_invalid');
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/agreements`, { ...body(planId), providerOrganisationId: world.bucha })).body.code).toBe('provider_not_found');
    const otherCase = await openCase();
    expect((await cm.send('POST', `/api/v1/cases/${otherCase.caseId}/agreements`, body(planId))).body.code).toBe('plan_not_found');

    const signed = await cm.send('POST', `/api/v1/cases/${caseId}/agreements`, body(planId));
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
    expect(signed.body).toEqual(expect.objectContaining({ plan: { id: planId, versionNo: 1 }, provider: expect.objectContaining({ id: provider }), status: 'active', endedOn: null, validUntil: '2027-05-20' }));
    let c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toContain('agreement_signed');

    const terminated = await cm.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'terminate', terminationGround: 'no_further_need', legalGrounds: 'Мети плану досягнуто' });
    expect(terminated.status).toBe(201);
    const agreements = (await cm.get(`/api/v1/cases/${caseId}/agreements`)).body;
    expect(agreements.allowedActions).toEqual(['sign']);
    // The providers of the case's hromada to choose from: the Centre and the NGO, not the Child Affairs Service.
    expect(agreements.providers).toEqual(expect.arrayContaining([expect.objectContaining({ id: provider })]));
    const types = await tdb.deps.db.selectFrom('organisations').select(['id', 'type']).where('id', 'in', agreements.providers.map((p: { id: string }) => p.id)).execute();
    expect(types.every((o) => ['css', 'service_provider', 'health_facility', 'school'].includes(o.type))).toBe(true);
    expect(types.some((o) => o.type === 'css')).toBe(true);
    expect(agreements.items).toEqual([expect.objectContaining({ id: signed.body.id, status: 'ended', endedOn: '2026-11-20', version: 2 })]);
    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.timeline.find((e: { kind: string }) => e.kind === 'service_decision_recorded').data).toEqual(expect.objectContaining({ decision: 'terminate', endedAgreementIds: [signed.body.id] }));
    // After termination a new agreement needs a new decision to provide.
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/agreements`, body(planId))).body.code).toBe('service_decision_required');
  });
});

describe('access to decisions and agreements (SPEC §11)', () => {
  it('answers 404 to a case manager of another hromada and 403 on writes to the Child Affairs Service', async () => {
    const { cm, caseId } = await openCase();
    const planId = await agreedPlan(cm, caseId);
    const provider = await providerOf(world.bucha);
    const other = await loginAs(app, 'cm.stryi');
    const calls = [
      other.get(`/api/v1/cases/${caseId}/decisions`),
      other.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide' }),
      other.get(`/api/v1/cases/${caseId}/agreements`),
      other.send('POST', `/api/v1/cases/${caseId}/agreements`, { planId, providerOrganisationId: provider, signedOn: '2026-11-20', signedByRecipient: 'x' }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const cas = await loginAs(app, 'cas.bucha');
    const list = await cas.get(`/api/v1/cases/${caseId}/decisions`);
    expect(list.status).toBe(200);
    expect(list.body.allowedActions).toEqual([]);
    expect((await cas.send('POST', `/api/v1/cases/${caseId}/decisions`, { decision: 'provide' })).status).toBe(403);
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity']).where('actor_username', '=', 'cas.bucha').where('entity', '=', 'service_decision').execute();
    expect(audit).toEqual([{ action: 'list', entity: 'service_decision' }]);
  });
});
