import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { adultIndicators, childIndicators, familyIndicators, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';
import { consentToSharing } from '#test/consents.ts';
import { seedDemoProviders } from '#server/db/seed/demo-providers.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));

function fillAssessment(content: NeedsAssessmentContent): NeedsAssessmentContent {
  return {
    ...content,
    members: content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учениця', registeredAtResidence: true })),
    children: content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить читати', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка бабусі', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'moderate', summary: 'Потрібен соціальний супровід', otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: '2026-11-20' },
  };
}

async function openCase(): Promise<{ cm: Client; caseId: string; motherId: string }> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  const mother = c.members.find((m: { role: string }) => m.role === 'adult');
  return { cm, caseId: res.body.caseId, motherId: mother.personId };
}

/** Completes the needs assessment (the case moves on to family assessment) and moves the case to case planning. */
async function driveToPlanning(cm: Client, caseId: string): Promise<void> {
  const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content: fillAssessment(na.content) });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const done = await cm.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: saved.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
  expect(c.step).toBe('family_assessment');
  const moved = await cm.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'case_planning', version: c.version });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  expect(moved.body.step).toBe('case_planning');
}

function draftBody(version: number, motherId: string) {
  return {
    version,
    childViews: 'Марія хоче залишитися вдома і ходити на гурток малювання',
    childViewsNotHeardReason: '',
    familyParticipation: 'Мати і бабуся брали участь у плануванні',
    familyConferenceHeld: true,
    familyConferenceDate: '2026-11-19',
    goals: [
      {
        domain: 'economic_housing',
        text: 'Сім\'я має стабільний дохід',
        measures: [
          { action: 'Оформити допомогу на дитину', measureType: 'documents_for_state_aid', responsible: { kind: 'family_member', personId: motherId }, deadline: '2026-12-15', expectedResult: 'Допомогу призначено', serviceCode: null },
          { action: 'Стати на облік у центрі зайнятості', measureType: 'employment', responsible: { kind: 'agency', name: 'Бучанський центр зайнятості' }, deadline: '2026-12-30', expectedResult: 'Мати працевлаштована', serviceCode: 'basic_counselling' },
        ],
      },
      {
        domain: 'education_development',
        text: 'Марія регулярно відвідує школу',
        measures: [{ action: 'Щотижневі зустрічі з класним керівником', measureType: 'other', responsible: { kind: 'specialist', userId: world.userId('cm.bucha') }, deadline: '2027-01-31', expectedResult: 'Пропусків немає', serviceCode: 'issb_family_social_support' }],
      },
    ],
  };
}

type Goal = { key: string; domain: string; text: string; measures: Array<{ key: string; action: string; deadline: string | null }> };

describe('social support plan (Order 1005; SPEC §2.8)', () => {
  it('drafts, edits, refuses stale versions, agrees, gates implementation, revises and compares', async () => {
    const { cm, caseId, motherId } = await openCase();
    expect((await cm.get(`/api/v1/cases/${caseId}/plans`)).body).toEqual({ items: [], allowedActions: ['create'] });

    const created = await cm.send('POST', `/api/v1/cases/${caseId}/plans`);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const v1 = created.body;
    expect(v1).toEqual(expect.objectContaining({ versionNo: 1, status: 'draft', version: 1, goals: [], copiedFromId: null, allowedActions: ['edit', 'agree'] }));
    expect(v1.missing.map((m: { path: string }) => m.path)).toEqual(['goals', 'childViews']);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body).toEqual(expect.objectContaining({ status: 422, code: 'plan_draft_exists' }));

    // An incomplete draft saves; agreement is refused with the missing parts.
    const partial = draftBody(v1.version, motherId);
    partial.childViews = '';
    partial.goals[0]!.measures[1] = { ...partial.goals[0]!.measures[1]!, deadline: null as unknown as string };
    const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, partial);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);
    expect(saved.body.goals).toHaveLength(2);
    expect(saved.body.goals[0].measures[0].responsible).toEqual({ kind: 'family_member', personId: motherId, userId: null, name: '' });
    expect(saved.body.missing.map((m: { path: string }) => m.path)).toEqual(['measure.deadline', 'childViews']);
    const refused = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: saved.body.version, agreedOn: '2026-11-20', signedBy: '' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('plan_incomplete');
    expect(refused.body.details.missing.map((m: { path: string }) => m.path)).toEqual(['measure.deadline', 'childViews', 'agreement.signedBy']);
    expect(refused.body.details.missing[0]).toEqual(expect.objectContaining({ goalKey: saved.body.goals[0].key, measureKey: saved.body.goals[0].measures[1].key }));

    // Keys given back keep the goals and measures; a stale version answers 409.
    const full = draftBody(saved.body.version, motherId);
    const withKeys = { ...full, goals: full.goals.map((g, gi) => ({ ...g, key: saved.body.goals[gi].key, measures: g.measures.map((m, mi) => ({ ...m, key: saved.body.goals[gi].measures[mi].key })) })) };
    const complete = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, withKeys);
    expect(complete.status, JSON.stringify(complete.body)).toBe(200);
    expect(complete.body.missing).toEqual([]);
    expect(complete.body.goals.map((g: Goal) => g.key)).toEqual(saved.body.goals.map((g: Goal) => g.key));
    const stale = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, withKeys);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.details.currentVersion).toBe(complete.body.version);
    const staleAgree = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: saved.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
    expect(staleAgree.status).toBe(409);

    // Before agreement the workflow refuses implementation.
    await driveToPlanning(cm, caseId);
    let c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.availableTransitions).toEqual(expect.objectContaining({ forward: 'implementation', forwardBlockedBy: 'plan_not_agreed' }));
    const blocked = await cm.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'implementation', version: c.version });
    expect(blocked.status).toBe(422);
    expect(blocked.body.details.guard).toBe('plan_not_agreed');

    const future = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: complete.body.version, agreedOn: '2026-11-21', signedBy: 'Тестенко О. П.' });
    expect(future.body.details.missing).toEqual([{ path: 'agreement.dateInFuture' }]);
    const agreed = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: complete.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.status).toBe('agreed');
    expect(agreed.body.agreement).toEqual(expect.objectContaining({ agreed: true, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.', recordedBy: expect.objectContaining({ id: world.userId('cm.bucha') }) }));
    expect(agreed.body.allowedActions).toEqual(['revise', 'request_approval']);
    expect(agreed.body.approval).toBeNull();
    const edited = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, { ...withKeys, version: agreed.body.version });
    expect(edited.body.code).toBe('plan_not_draft');

    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.availableTransitions.forwardBlockedBy).toBeNull();
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['plan_version_created', 'plan_agreed']));
    const moved = await cm.send('POST', `/api/v1/cases/${caseId}/transitions`, { to: 'implementation', version: c.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.step).toBe('implementation');

    // A revision copies the latest version; the agreed one stays readable and in force until the revision is agreed.
    const v2 = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
    expect(v2).toEqual(expect.objectContaining({ versionNo: 2, status: 'draft', copiedFromId: v1.id, familyConferenceHeld: false, childViews: agreed.body.childViews }));
    expect(v2.goals).toEqual(agreed.body.goals);
    expect(v2.agreement).toEqual({ agreed: false, agreedOn: null, signedBy: '', agreedAt: null, recordedBy: null });
    expect((await cm.get(`/api/v1/cases/${caseId}/plans/${v1.id}`)).body.allowedActions).toEqual(['request_approval']);

    const [g1, g2] = v2.goals as Goal[];
    const revised = {
      version: v2.version,
      childViews: v2.childViews,
      childViewsNotHeardReason: '',
      familyParticipation: v2.familyParticipation,
      familyConferenceHeld: false,
      familyConferenceDate: null,
      goals: [
        { ...g1!, text: 'Сім\'я має стабільний дохід і житло', measures: [g1!.measures[0]!] },
        g2!,
        { domain: 'health', text: 'Марія пройшла медичний огляд', measures: [{ action: 'Записатися до педіатра', measureType: 'other', responsible: { kind: 'family_member', personId: motherId }, deadline: '2026-12-10', expectedResult: 'Огляд пройдено' }] },
      ],
    };
    const v2saved = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v2.id}`, revised);
    expect(v2saved.status, JSON.stringify(v2saved.body)).toBe(200);
    const v2agreed = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v2.id}/agreement`, { version: v2saved.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
    expect(v2agreed.status, JSON.stringify(v2agreed.body)).toBe(200);

    const list = (await cm.get(`/api/v1/cases/${caseId}/plans`)).body;
    expect(list.items.map((p: { versionNo: number; status: string; goalCount: number; measureCount: number }) => [p.versionNo, p.status, p.goalCount, p.measureCount])).toEqual([
      [2, 'agreed', 3, 3],
      [1, 'superseded', 2, 3],
    ]);
    expect(list.allowedActions).toEqual(['create']);
    const v1after = (await cm.get(`/api/v1/cases/${caseId}/plans/${v1.id}`)).body;
    expect(v1after.status).toBe('superseded');
    expect(v1after.goals).toEqual(agreed.body.goals);

    const cmp = await cm.get(`/api/v1/cases/${caseId}/plans/compare?from=1&to=2`);
    expect(cmp.status, JSON.stringify(cmp.body)).toBe(200);
    expect(cmp.body.from).toEqual({ id: v1.id, versionNo: 1, status: 'superseded' });
    expect(cmp.body.fields).toEqual(['familyConferenceHeld', 'familyConferenceDate']);
    expect(cmp.body.goals.added.map((g: Goal) => g.domain)).toEqual(['health']);
    expect(cmp.body.goals.removed).toEqual([]);
    expect(cmp.body.goals.changed).toEqual([expect.objectContaining({ key: g1!.key, fields: ['text'] })]);
    expect(cmp.body.measures.added.map((m: { action: string }) => m.action)).toEqual(['Записатися до педіатра']);
    expect(cmp.body.measures.removed.map((m: { key: string }) => m.key)).toEqual([g1!.measures[1]!.key]);
    expect(cmp.body.measures.changed).toEqual([]);
    expect((await cm.get(`/api/v1/cases/${caseId}/plans/compare?from=1&to=9`)).status).toBe(404);
  });

  it('checks domains, persons and services of the plan', async () => {
    const { cm, caseId, motherId } = await openCase();
    const v1 = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
    const body = draftBody(v1.version, motherId);
    const put = (b: unknown) => cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, b);
    expect((await put({ ...body, goals: [{ ...body.goals[0]!, domain: 'astrology' }] })).body.code).toBe('plan_unknown_domain');
    const stranger = { ...body, goals: [{ ...body.goals[0]!, measures: [{ ...body.goals[0]!.measures[0]!, responsible: { kind: 'family_member', personId: '00000000-0000-4000-8000-000000000001' } }] }] };
    expect((await put(stranger)).body.code).toBe('person_not_in_case');
    const service = { ...body, goals: [{ ...body.goals[0]!, measures: [{ ...body.goals[0]!.measures[0]!, serviceCode: 'teleportation' }] }] };
    expect((await put(service)).body.code).toBe('service_not_in_catalogue');
    const badType = { ...body, goals: [{ ...body.goals[0]!, measures: [{ ...body.goals[0]!.measures[0]!, measureType: 'magic' }] }] };
    expect((await put(badType)).status).toBe(400);
    // Nothing was saved by the refused requests.
    expect((await cm.get(`/api/v1/cases/${caseId}/plans/${v1.id}`)).body.version).toBe(1);
  });
});

describe('supervisor approval of a plan version (issue item 11)', () => {
  it('shows the latest approval with the supervisor\'s comment and offers a new request after a return', async () => {
    const { cm, caseId, motherId } = await openCase();
    const v1 = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
    const saved = (await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, draftBody(v1.version, motherId))).body;
    const agreed = (await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: saved.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' })).body;
    expect(agreed.allowedActions).toContain('request_approval');
    const asked = await cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId, subjectId: v1.id });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    let view = (await cm.get(`/api/v1/cases/${caseId}/plans/${v1.id}`)).body;
    expect(view.approval).toEqual(expect.objectContaining({ id: asked.body.id, status: 'pending', requestedBy: expect.objectContaining({ id: world.userId('cm.bucha') }), decidedBy: null, comment: '' }));
    expect(view.allowedActions).toEqual(['revise']);

    const sv = await loginAs(app, 'sv.bucha');
    const returned = await sv.send('POST', `/api/v1/approvals/${asked.body.id}/decision`, { decision: 'return', comment: 'Додайте захід щодо житла', version: asked.body.version });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    view = (await cm.get(`/api/v1/cases/${caseId}/plans/${v1.id}`)).body;
    expect(view.approval).toEqual(expect.objectContaining({ status: 'returned', comment: 'Додайте захід щодо житла', decidedBy: expect.objectContaining({ id: world.userId('sv.bucha') }) }));
    expect(view.allowedActions).toEqual(['revise', 'request_approval']);
    // The supervisor reads the plan but does not ask themself.
    expect((await sv.get(`/api/v1/cases/${caseId}/plans/${v1.id}`)).body.approval.status).toBe('returned');
  });
});

describe('access to plans (SPEC §11)', () => {
  it('answers 404 on every plan route to a case manager of another hromada, and 403 on writes to the Child Affairs Service', async () => {
    const { cm, caseId, motherId } = await openCase();
    const v1 = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
    const other = await loginAs(app, 'cm.stryi');
    const body = draftBody(1, motherId);
    const calls = [
      other.get(`/api/v1/cases/${caseId}/plans`),
      other.send('POST', `/api/v1/cases/${caseId}/plans`),
      other.get(`/api/v1/cases/${caseId}/plans/${v1.id}`),
      other.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, body),
      other.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: 1, agreedOn: '2026-11-20', signedBy: 'x' }),
      other.get(`/api/v1/cases/${caseId}/plans/compare?from=1&to=1`),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    // A plan id of one case is not reachable through another case.
    const second = await openCase();
    expect((await second.cm.get(`/api/v1/cases/${second.caseId}/plans/${v1.id}`)).status).toBe(404);

    const cas = await loginAs(app, 'cas.bucha');
    const read = await cas.get(`/api/v1/cases/${caseId}/plans/${v1.id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowedActions).toEqual([]);
    expect((await cas.get(`/api/v1/cases/${caseId}/plans`)).body.allowedActions).toEqual([]);
    expect((await cas.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, body)).status).toBe(403);

    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity', 'actor_username']).where('entity', '=', 'case_plan').execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'create', entity: 'case_plan', actor_username: 'cm.bucha' },
      { action: 'read', entity: 'case_plan', actor_username: 'cas.bucha' },
      { action: 'list', entity: 'case_plan', actor_username: 'cas.bucha' },
    ]));
  });

  it('refers for a measure of the agreed plan by its key, and the delivered service is logged against the same measure', async () => {
    await seedDemoProviders(tdb.deps);
    const { cm, caseId, motherId } = await openCase();
    await driveToPlanning(cm, caseId);
    const v1 = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
    const saved = (await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${v1.id}`, draftBody(v1.version, motherId))).body;
    const ngo = await tdb.deps.db.selectFrom('organisations').select('id').where('name_en', 'like', 'NGO "Family Circle" (Bucha%').executeTakeFirstOrThrow();
    const measure = saved.goals[1].measures[0];
    const body = { measureKey: measure.key, providerId: ngo.id, reason: 'Потрібен соціальний супровід сім’ї' };
    // A key names the measure of the version in force: none yet while the plan is a draft.
    const early = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, body);
    expect([early.status, early.body.code, early.body.details?.path]).toEqual([422, 'measure_not_found', 'measureKey']);

    const agreed = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${v1.id}/agreement`, { version: saved.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    const row = await tdb.deps.db.selectFrom('plan_measures').select('id').where('plan_id', '=', v1.id).where('key', '=', measure.key).executeTakeFirstOrThrow();
    const referral = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, body);
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    expect([referral.body.service.code, referral.body.measure]).toEqual(['issb_family_social_support', { id: row.id, key: measure.key, action: measure.action }]);
    const { caseId: otherCase } = await openCase();
    const foreign = await cm.send('POST', `/api/v1/cases/${otherCase}/referrals`, body);
    expect([foreign.status, foreign.body.code]).toEqual([422, 'measure_not_found']);

    let r = referral.body;
    await consentToSharing(cm, caseId);
    const provider = await loginAs(app, 'provider.bucha');
    for (const [who, action] of [[cm, 'send'], [provider, 'accept'], [provider, 'start'], [provider, 'complete']] as const) {
      const res = await who.send('POST', `/api/v1/referrals/${r.id}/transitions`, { action, version: r.version, note: action === 'complete' ? 'Проведено 4 зустрічі' : '' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      r = res.body;
    }
    // The provider never sees the measure; the referring worker does, with its key.
    expect([r.status, r.feedback, r.measure]).toEqual(['completed', 'Проведено 4 зустрічі', null]);
    const seen = (await cm.get(`/api/v1/referrals/${r.id}`)).body;
    expect(seen.measure).toEqual({ id: row.id, key: measure.key, action: measure.action });

    const delivered = await cm.send('POST', `/api/v1/cases/${caseId}/delivered-services`, { measureKey: seen.measure.key, serviceCode: seen.service.code, providerOrganisationId: seen.provider.id, deliveredOn: '2026-11-20', quantity: 4 });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(201);
    expect(delivered.body).toEqual(expect.objectContaining({ planId: v1.id, measureKey: measure.key, measureAction: measure.action, serviceCode: 'issb_family_social_support', provider: { organisationId: ngo.id, name: expect.stringContaining('Родинне коло') } }));
  });
});
