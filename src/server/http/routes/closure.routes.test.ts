import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '#domain/calendar/working-calendar.ts';
import { defaultBenchmarkConfig } from '#domain/cases/benchmarks.ts';
import { reportCriteria } from '#domain/cases/closure.ts';
import { defaultFollowUpPolicy, isPickedForRandomFollowUp, randomFollowUpDate, scheduledFollowUpDate } from '#domain/cases/follow-up.ts';
import { adultIndicators, childIndicators, familyIndicators, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { defaultDeadlineRules } from '#domain/deadlines/deadline-rules.ts';
import { createTestDatabase, resetDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';

// The clock moves through the case: registered on Friday 20 November 2026, 10:00 in Kyiv.
let now = new Date('2026-11-20T08:00:00.000Z');
const at = (date: string) => {
  now = new Date(`${date}T08:00:00.000Z`);
};
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});
beforeEach(async () => {
  at('2026-11-20');
  await resetDatabase(tdb.handle);
  world = await seedWorld(tdb.deps);
});

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

/** Every configured domain scored `score`, some domains overridden. */
function scores(score: number, overrides: Record<string, number> = {}) {
  return defaultBenchmarkConfig.domains.map((d) => ({ domain: d.code, score: overrides[d.code] ?? score, strengths: `Сильні сторони: ${d.nameUk}`, needs: '' }));
}

type Opened = { cm: Client; caseId: string; childId: string; motherId: string };

async function openCase(): Promise<Opened> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  return { cm, caseId: res.body.caseId, childId: c.members.find((m: { role: string }) => m.role === 'child').personId, motherId: c.members.find((m: { role: string }) => m.role === 'adult').personId };
}

async function move(cm: Client, caseId: string, to: string): Promise<void> {
  const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
  const moved = await cm.send('POST', `/api/v1/cases/${caseId}/transitions`, { to, version: c.version });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  expect(moved.body.step).toBe(to);
}

/** Needs assessment completed (the case moves on to family assessment), then case planning. */
async function assess(cm: Client, caseId: string): Promise<void> {
  const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content: fillAssessment(na.content) });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const done = await cm.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: saved.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect((await cm.get(`/api/v1/cases/${caseId}`)).body.step).toBe('family_assessment');
  await move(cm, caseId, 'case_planning');
}

/** A plan with two goals agreed by the family through the plans API; returns the goal keys. */
async function agreePlan(o: Opened): Promise<{ planId: string; goalKeys: string[] }> {
  const v1 = (await o.cm.send('POST', `/api/v1/cases/${o.caseId}/plans`)).body;
  const saved = await o.cm.send('PUT', `/api/v1/cases/${o.caseId}/plans/${v1.id}`, {
    version: v1.version,
    childViews: 'Марія хоче залишитися вдома',
    familyParticipation: 'Мати брала участь',
    goals: [
      { domain: 'economic_housing', text: 'Сім’я має стабільний дохід', measures: [{ action: 'Оформити допомогу', measureType: 'documents_for_state_aid', responsible: { kind: 'family_member', personId: o.motherId }, deadline: '2026-12-15', expectedResult: 'Допомогу призначено' }] },
      { domain: 'education_development', text: 'Марія регулярно відвідує школу', measures: [{ action: 'Зустрічі з класним керівником', measureType: 'other', responsible: { kind: 'specialist', userId: world.userId('cm.bucha') }, deadline: '2027-01-31', expectedResult: 'Пропусків немає', serviceCode: 'issb_family_social_support' }] },
    ],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const agreed = await o.cm.send('POST', `/api/v1/cases/${o.caseId}/plans/${v1.id}/agreement`, { version: saved.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
  return { planId: v1.id, goalKeys: agreed.body.goals.map((g: { key: string }) => g.key) };
}

/** Writes a one-goal plan on the draft and has the family agree it; returns the plan id. */
async function agreeSmallPlan(o: Opened, draft: { id: string; version: number }): Promise<string> {
  const full = await o.cm.send('PUT', `/api/v1/cases/${o.caseId}/plans/${draft.id}`, {
    version: draft.version,
    childViews: 'Марія хоче залишитися вдома',
    goals: [{ domain: 'safety', text: 'Безпечний дім', measures: [{ action: 'Візит', measureType: 'other', responsible: { kind: 'agency', name: 'ЦНСП' }, deadline: '2026-12-01', expectedResult: 'Безпечно' }] }],
  });
  expect(full.status, JSON.stringify(full.body)).toBe(200);
  const agreed = await o.cm.send('POST', `/api/v1/cases/${o.caseId}/plans/${draft.id}/agreement`, { version: full.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
  return draft.id;
}

function closureBody(o: Opened, goalKeys: string[], benchmarkScores: ReturnType<typeof scores>) {
  return {
    criteria: {
      goalsMet: { met: true, note: 'Усі цілі плану досягнуто' },
      benchmarksAtThreshold: { met: true, note: '' },
      safeStableCare: { met: true, note: 'Марія живе з мамою, безпечно' },
      supportInPlace: { met: true, note: 'Бабуся і школа підтримують' },
    },
    childViews: 'Марія каже, що їй добре вдома',
    familyViews: 'Мати вважає, що впорається сама',
    goalResults: goalKeys.map((goalKey) => ({ goalKey, achievement: 'fully', comment: '' })),
    benchmarks: [{ childPersonId: o.childId, scores: benchmarkScores }],
    report: {
      servicesProvided: [{ serviceCode: 'issb_family_social_support', description: 'Соціальний супровід, 6 місяців' }],
      statusByCriterion: reportCriteria.map((criterion) => ({ criterion, atStart: 'Складні життєві обставини', atEnd: 'Подолано', note: '' })),
      recommendations: 'Продовжити відвідування гуртка',
    },
  };
}

describe('benchmarks, review, closure with supervisor approval, follow-up and reopening (SPEC §2.6, §2.13, §2.14)', () => {
  it('drives a prevention case from needs assessment to closure and back', async () => {
    const o = await openCase();
    const { caseId, childId } = o;
    let cm = o.cm;
    await assess(cm, caseId);

    // A review judges the goals of an agreed plan: refused before agreement.
    const early = await cm.send('POST', `/api/v1/cases/${caseId}/reviews`, { kind: 'periodic_review', heldOn: '2026-11-20', childViews: 'x', goalResults: [], decision: 'continue' });
    expect(early.body.code).toBe('review_needs_agreed_plan');

    const { goalKeys } = await agreePlan(o);
    await move(cm, caseId, 'implementation');

    // Baseline at the start of implementation; it opens the review cycle (moderate: every 6 months).
    const baseline = await cm.send('POST', `/api/v1/cases/${caseId}/benchmarks`, { occasion: 'baseline', childPersonId: childId, scores: scores(2, { safety: 1 }) });
    expect(baseline.status, JSON.stringify(baseline.body)).toBe(201);
    expect(baseline.body).toEqual(expect.objectContaining({ occasion: 'baseline', recordedOn: '2026-11-20', child: { personId: childId, name: 'Тестенко Марія' } }));
    expect(baseline.body.belowThreshold).toHaveLength(defaultBenchmarkConfig.domains.length);
    expect(baseline.body.scores.find((s: { domain: string }) => s.domain === 'economic_housing').subject).toBe('caregivers');
    const again = await cm.send('POST', `/api/v1/cases/${caseId}/benchmarks`, { occasion: 'baseline', childPersonId: childId, scores: scores(3) });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('benchmark_baseline_exists');
    let c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'case_review', dueDate: '2027-05-20', status: 'upcoming', sourceEn: expect.stringContaining('6 months') })]));

    await move(cm, caseId, 'monitoring');
    // Sessions expire: everyone signs in again after the clock jumps.
    at('2027-02-19');
    cm = await loginAs(app, 'cm.bucha');
    await move(cm, caseId, 'case_review');

    // The periodic review re-scores benchmarks and judges each goal; the next review follows the rule.
    const reviewBody = {
      kind: 'periodic_review',
      heldOn: '2027-02-19',
      participants: [{ name: 'Коваленко О. П.', role: 'фахівець із соціальної роботи', organisation: 'ЦНСП Бучі' }],
      childPresent: true,
      familyPresent: true,
      childViews: 'Марії подобається в школі',
      goalResults: [
        { goalKey: goalKeys[0], achievement: 'partially', comment: 'Допомогу призначено, робота ще шукається' },
        { goalKey: goalKeys[1], achievement: 'fully' },
      ],
      benchmarks: [{ childPersonId: childId, scores: scores(3, { safety: 2 }) }],
      decision: 'continue',
    };
    const noScores = await cm.send('POST', `/api/v1/cases/${caseId}/reviews`, { ...reviewBody, benchmarks: [] });
    expect(noScores.body).toEqual(expect.objectContaining({ status: 422, code: 'review_incomplete' }));
    expect(noScores.body.details.missing).toEqual([{ path: 'benchmarks', keys: [childId] }]);
    const review = await cm.send('POST', `/api/v1/cases/${caseId}/reviews`, reviewBody);
    expect(review.status, JSON.stringify(review.body)).toBe(201);
    expect(review.body).toEqual(expect.objectContaining({ nextReviewDue: '2027-08-19', nextReviewRule: 'review_other', decision: 'continue' }));
    expect(review.body.goalResults.map((g: { domain: string; achievement: string }) => [g.domain, g.achievement])).toEqual([['economic_housing', 'partially'], ['education_development', 'fully']]);
    expect(review.body.benchmarkRecordIds).toHaveLength(1);
    const reviews = (await cm.get(`/api/v1/cases/${caseId}/reviews`)).body;
    expect(reviews.nextReviewDue).toBe('2027-08-19');
    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.deadlines.filter((d: { key: string }) => d.key === 'case_review').map((d: { dueDate: string; metOn: string | null }) => [d.dueDate, d.metOn])).toEqual([['2027-05-20', '2027-02-19'], ['2027-08-19', null]]);

    // Below the threshold closure is refused, naming the domains; nothing is saved.
    at('2027-05-20');
    cm = await loginAs(app, 'cm.bucha');
    const refused = await cm.send('POST', `/api/v1/cases/${caseId}/closure-requests`, closureBody(o, goalKeys, scores(3, { safety: 2, caregiving_capacity: 1 })));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('closure_blocked');
    expect(refused.body.details.blockers).toEqual([{ code: 'benchmarks_below_threshold', domains: ['safety', 'caregiving_capacity'], children: [{ childPersonId: childId, domains: ['safety', 'caregiving_capacity'] }] }]);
    let closure = (await cm.get(`/api/v1/cases/${caseId}/closure-requests`)).body;
    expect(closure.items).toEqual([]);
    expect(closure.belowThreshold).toEqual([{ childPersonId: childId, domains: ['safety'] }]);
    expect(closure.allowedActions).toEqual(['request']);

    // At the threshold the request goes to the supervisor of the case manager.
    const first = await cm.send('POST', `/api/v1/cases/${caseId}/closure-requests`, closureBody(o, goalKeys, scores(3)));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual(expect.objectContaining({ status: 'pending', decidedBy: null, approvalId: expect.any(String) }));
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/closure-requests`, closureBody(o, goalKeys, scores(3)))).body.code).toBe('closure_request_pending');

    let sv = await loginAs(app, 'sv.bucha');
    // The demo world has approvals of its own cases; this case's request is the one looked at.
    type Approval = { id: string; version: number; case: { id: string } };
    const ofThisCase = (items: Approval[]) => items.filter((a) => a.case.id === caseId);
    const queue = (await sv.get('/api/v1/approvals?status=pending')).body;
    expect(ofThisCase(queue.items)).toEqual([expect.objectContaining({ id: first.body.approvalId, kind: 'closure', subjectId: first.body.id, status: 'pending', allowedActions: ['decide'], case: expect.objectContaining({ id: caseId, title: 'Тестенко Марія', step: 'case_review' }) })]);
    const [approval] = ofThisCase(queue.items);
    if (!approval) throw new Error('no approval for this case');

    // Another case manager of the centre and one of another hromada see nothing and cannot decide (404).
    for (const username of ['cm2.bucha', 'cm.stryi']) {
      const other = await loginAs(app, username);
      expect((await other.get('/api/v1/approvals')).body.items).toEqual([]);
      const decided = await other.send('POST', `/api/v1/approvals/${approval.id}/decision`, { decision: 'approve', comment: '', version: approval.version });
      expect(decided.status).toBe(404);
    }
    // The case manager sees the case but does not decide; neither does the Child Affairs Service.
    expect((await cm.send('POST', `/api/v1/approvals/${approval.id}/decision`, { decision: 'approve', version: approval.version })).status).toBe(403);
    expect((await (await loginAs(app, 'cas.bucha')).send('POST', `/api/v1/approvals/${approval.id}/decision`, { decision: 'approve', version: approval.version })).status).toBe(403);

    // Returning needs a comment; the case manager sees the outcome on the case.
    expect((await sv.send('POST', `/api/v1/approvals/${approval.id}/decision`, { decision: 'return', comment: ' ', version: approval.version })).body.code).toBe('approval_comment_required');
    const returned = await sv.send('POST', `/api/v1/approvals/${approval.id}/decision`, { decision: 'return', comment: 'Додайте рекомендації щодо школи', version: approval.version });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toEqual(expect.objectContaining({ status: 'returned', comment: 'Додайте рекомендації щодо школи', decidedBy: expect.objectContaining({ id: world.userId('sv.bucha') }), allowedActions: [] }));
    closure = (await cm.get(`/api/v1/cases/${caseId}/closure-requests`)).body;
    expect(closure.items[0]).toEqual(expect.objectContaining({ status: 'returned', decisionComment: 'Додайте рекомендації щодо школи' }));
    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c).toEqual(expect.objectContaining({ status: 'open', step: 'case_review' }));
    expect(c.timeline[0]).toEqual(expect.objectContaining({ kind: 'closure_returned', data: expect.objectContaining({ comment: 'Додайте рекомендації щодо школи' }) }));
    expect(c.availableTransitions.forwardBlockedBy).toBe('closure_not_approved');
    expect(ofThisCase((await sv.get('/api/v1/approvals')).body.items)).toEqual([]);
    expect(ofThisCase((await sv.get('/api/v1/approvals?status=returned')).body.items).map((a) => a.id)).toEqual([approval.id]);

    // The reworked request is approved: the case closes at step closure and follow-ups are scheduled.
    at('2027-05-21');
    cm = await loginAs(app, 'cm.bucha');
    sv = await loginAs(app, 'sv.bucha');
    const second = await cm.send('POST', `/api/v1/cases/${caseId}/closure-requests`, closureBody(o, goalKeys, scores(3, { safety: 4 })));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const [pending] = ofThisCase((await sv.get('/api/v1/approvals')).body.items);
    if (!pending) throw new Error('no pending approval for this case');
    expect((await sv.send('POST', `/api/v1/approvals/${pending.id}/decision`, { decision: 'approve', version: pending.version + 1 })).status).toBe(409);
    const approved = await sv.send('POST', `/api/v1/approvals/${pending.id}/decision`, { decision: 'approve', comment: 'Погоджую', version: pending.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await sv.send('POST', `/api/v1/approvals/${pending.id}/decision`, { decision: 'approve', version: approved.body.version })).body.code).toBe('approval_already_decided');

    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c).toEqual(expect.objectContaining({ status: 'closed', step: 'closure', allowedActions: ['case.view'] }));
    expect(c.timeline.slice(0, 3).map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['follow_up_scheduled']));
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['closure_approved', 'case_closed', 'step_changed']));
    closure = (await cm.get(`/api/v1/cases/${caseId}/closure-requests`)).body;
    expect(closure.closedOn).toBe('2027-05-21');
    expect(closure.items.map((r: { status: string }) => r.status)).toEqual(['approved', 'returned']);
    expect(closure.allowedActions).toEqual(['reopen']);

    const due = scheduledFollowUpDate('2027-05-21', defaultDeadlineRules, 'prevention', defaultCalendarConfig).dueDate;
    expect(due).toBe('2027-08-23'); // 3 months after closure; 21 August 2027 is a Saturday
    const picked = isPickedForRandomFollowUp(caseId, defaultFollowUpPolicy.randomShare);
    const followUps = (await cm.get(`/api/v1/cases/${caseId}/follow-ups`)).body;
    const expected = [{ selection: 'scheduled', dueDate: due }];
    if (picked) expected.push({ selection: 'random', dueDate: randomFollowUpDate(caseId, '2027-05-21', defaultFollowUpPolicy, defaultCalendarConfig, due) });
    const bySelection = (a: { selection: string }, b: { selection: string }) => b.selection.localeCompare(a.selection);
    expect(followUps.items.map((v: { selection: string; dueDate: string }) => ({ selection: v.selection, dueDate: v.dueDate })).sort(bySelection)).toEqual(expected);
    expect(followUps.allowedActions).toEqual(['schedule', 'record']);
    expect(c.deadlines.filter((d: { metOn: string | null }) => d.metOn === null).map((d: { key: string }) => d.key)).toEqual(expected.map(() => 'post_closure_follow_up'));

    // A closed case is read by those in scope; its parts are no longer written, except follow-ups and reopening.
    let cas = await loginAs(app, 'cas.bucha');
    expect((await cas.get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    expect((await cas.get(`/api/v1/cases/${caseId}/follow-ups`)).body.allowedActions).toEqual([]);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/benchmarks`, { occasion: 'review', childPersonId: childId, scores: scores(3) })).status).toBe(403);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/reviews`, reviewBody)).status).toBe(403);

    // The scheduled visit is recorded on the closed case.
    at('2027-08-23');
    cm = await loginAs(app, 'cm.bucha');
    const visit = followUps.items.find((v: { selection: string }) => v.selection === 'scheduled');
    let stryi = await loginAs(app, 'cm.stryi');
    expect((await stryi.send('PUT', `/api/v1/cases/${caseId}/follow-ups/${visit.id}`, { version: visit.version, doneOn: '2027-08-23', outcome: 'family_care_stable' })).status).toBe(404);
    expect((await cm.send('PUT', `/api/v1/cases/${caseId}/follow-ups/${visit.id}`, { version: visit.version, doneOn: '2027-08-23', outcome: 'concerns' })).body.code).toBe('follow_up_notes_required');
    expect((await cm.send('PUT', `/api/v1/cases/${caseId}/follow-ups/${visit.id}`, { version: visit.version + 1, doneOn: '2027-08-23', outcome: 'family_care_stable' })).status).toBe(409);
    const recorded = await cm.send('PUT', `/api/v1/cases/${caseId}/follow-ups/${visit.id}`, { version: visit.version, doneOn: '2027-08-23', outcome: 'family_care_stable', notes: 'Марія ходить до школи, мати працює' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toEqual(expect.objectContaining({ status: 'done', doneOn: '2027-08-23', outcome: 'family_care_stable', doneBy: expect.objectContaining({ id: world.userId('cm.bucha') }) }));
    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.deadlines.find((d: { key: string; dueDate: string }) => d.key === 'post_closure_follow_up' && d.dueDate === due).metOn).toBe('2027-08-23');

    // Reopening keeps the history and brings the case back to the review step; the old approval no longer counts.
    at('2027-09-01');
    [cm, cas, stryi] = [await loginAs(app, 'cm.bucha'), await loginAs(app, 'cas.bucha'), await loginAs(app, 'cm.stryi')];
    expect((await cas.send('POST', `/api/v1/cases/${caseId}/reopening`, { reason: 'Нове повідомлення зі школи' })).status).toBe(403);
    expect((await stryi.send('POST', `/api/v1/cases/${caseId}/reopening`, { reason: 'Нове повідомлення зі школи' })).status).toBe(404);
    const before = c.timeline.length;
    const reopened = await cm.send('POST', `/api/v1/cases/${caseId}/reopening`, { reason: 'Нове повідомлення зі школи' });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(201);
    expect(reopened.body.case).toEqual(expect.objectContaining({ status: 'open', step: 'case_review' }));
    expect(reopened.body.reopening).toEqual(expect.objectContaining({ reopenedOn: '2027-09-01', previousClosedOn: '2027-05-21', reason: 'Нове повідомлення зі школи' }));
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/reopening`, { reason: 'ще раз' })).body.code).toBe('case_not_closed');
    c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c).toEqual(expect.objectContaining({ status: 'open', step: 'case_review' }));
    expect(c.allowedActions).toEqual(['case.view', 'case.transition', 'needs_assessment.edit', 'needs_assessment.complete']);
    expect(c.availableTransitions.forwardBlockedBy).toBe('closure_not_approved');
    expect(c.timeline.length).toBeGreaterThan(before);
    expect(c.timeline[0].kind).toBe('case_reopened');
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['case_registered', 'plan_agreed', 'benchmarks_recorded', 'case_review_recorded', 'closure_requested', 'closure_returned', 'closure_approved', 'case_closed', 'follow_up_recorded', 'case_reopened']));
    expect(c.deadlines.filter((d: { metOn: string | null }) => d.metOn === null).map((d: { key: string; dueDate: string }) => [d.key, d.dueDate])).toEqual([['case_review', '2028-03-01']]);
    closure = (await cm.get(`/api/v1/cases/${caseId}/closure-requests`)).body;
    expect(closure.items).toHaveLength(2);
    expect(closure.reopenings).toEqual([expect.objectContaining({ reason: 'Нове повідомлення зі школи', previousClosedOn: '2027-05-21' })]);
    expect(closure.closedOn).toBeNull();
    const afterReopen = (await cm.get(`/api/v1/cases/${caseId}/follow-ups`)).body.items;
    expect(afterReopen.find((v: { id: string }) => v.id === visit.id).status).toBe('done');
    expect(afterReopen.filter((v: { selection: string }) => v.selection === 'random').map((v: { status: string }) => v.status)).toEqual(picked ? ['cancelled'] : []);

    // The chart: baseline, review and closure points per domain.
    const bench = (await cm.get(`/api/v1/cases/${caseId}/benchmarks`)).body;
    expect(bench.items.map((r: { occasion: string }) => r.occasion)).toEqual(['baseline', 'review', 'closure', 'closure']);
    expect(bench.series).toHaveLength(1);
    expect(bench.series[0].child).toEqual({ personId: childId, name: 'Тестенко Марія' });
    expect(bench.series[0].domains.map((d: { domain: string }) => d.domain)).toEqual(defaultBenchmarkConfig.domains.map((d) => d.code));
    expect(bench.series[0].domains.find((d: { domain: string }) => d.domain === 'safety').points).toEqual([
      { date: '2026-11-20', occasion: 'baseline', score: 1 },
      { date: '2027-02-19', occasion: 'review', score: 2 },
      { date: '2027-05-20', occasion: 'closure', score: 3 },
      { date: '2027-05-21', occasion: 'closure', score: 4 },
    ]);
    for (const d of bench.series[0].domains) expect(d.points.map((p: { occasion: string }) => p.occasion)).toEqual(['baseline', 'review', 'closure', 'closure']);

    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity', 'actor_username']).where('entity', 'in', ['benchmark_record', 'case_review', 'closure_request', 'approval', 'follow_up_visit', 'case']).execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'create', entity: 'benchmark_record', actor_username: 'cm.bucha' },
      { action: 'list', entity: 'benchmark_record', actor_username: 'cm.bucha' },
      { action: 'create', entity: 'case_review', actor_username: 'cm.bucha' },
      { action: 'create', entity: 'closure_request', actor_username: 'cm.bucha' },
      { action: 'list', entity: 'approval', actor_username: 'sv.bucha' },
      { action: 'update', entity: 'approval', actor_username: 'sv.bucha' },
      { action: 'update', entity: 'case', actor_username: 'sv.bucha' },
      { action: 'update', entity: 'follow_up_visit', actor_username: 'cm.bucha' },
      { action: 'list', entity: 'follow_up_visit', actor_username: 'cas.bucha' },
      { action: 'update', entity: 'case', actor_username: 'cm.bucha' },
    ]));
  });

  it('reopens a case from a follow-up visit that found it must be', async () => {
    // The random share is configuration: here every closed case gets a random visit.
    await tdb.deps.db.insertInto('app_settings').values({ key: 'follow_up_policy', value: JSON.stringify({ randomShare: 1 }) }).execute();
    const o = await openCase();
    await assess(o.cm, o.caseId);
    const { goalKeys } = await agreePlan(o);
    await move(o.cm, o.caseId, 'implementation');
    await move(o.cm, o.caseId, 'monitoring');
    await move(o.cm, o.caseId, 'case_review');
    const requested = await o.cm.send('POST', `/api/v1/cases/${o.caseId}/closure-requests`, closureBody(o, goalKeys, scores(3)));
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const sv = await loginAs(app, 'sv.bucha');
    expect((await sv.send('POST', `/api/v1/approvals/${requested.body.approvalId}/decision`, { decision: 'approve', version: 1 })).status).toBe(200);
    const planned = (await o.cm.get(`/api/v1/cases/${o.caseId}/follow-ups`)).body.items;
    expect(planned.map((v: { selection: string; status: string }) => `${v.selection}:${v.status}`).sort()).toEqual(['random:planned', 'scheduled:planned']);
    const visit = planned.find((v: { selection: string }) => v.selection === 'scheduled');
    // An extra visit may be added by hand.
    expect((await o.cm.send('POST', `/api/v1/cases/${o.caseId}/follow-ups`, { dueDate: '2026-12-01' })).status).toBe(201);
    at('2026-12-10');
    o.cm = await loginAs(app, 'cm.bucha');
    const recorded = await o.cm.send('PUT', `/api/v1/cases/${o.caseId}/follow-ups/${visit.id}`, { version: visit.version, doneOn: '2026-12-10', outcome: 'case_reopened', notes: 'Мати втратила роботу, дитина пропускає школу' });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const c = (await o.cm.get(`/api/v1/cases/${o.caseId}`)).body;
    expect(c).toEqual(expect.objectContaining({ status: 'open', step: 'case_review' }));
    const closure = (await o.cm.get(`/api/v1/cases/${o.caseId}/closure-requests`)).body;
    expect(closure.reopenings).toEqual([expect.objectContaining({ followUpVisitId: visit.id, reason: 'Мати втратила роботу, дитина пропускає школу', previousClosedOn: '2026-11-20' })]);
    const visits = (await o.cm.get(`/api/v1/cases/${o.caseId}/follow-ups`)).body;
    expect(visits.items.map((v: { selection: string; status: string }) => `${v.selection}:${v.status}`).sort()).toEqual(['random:cancelled', 'scheduled:cancelled', 'scheduled:done']);
    expect(visits.allowedActions).toEqual([]);
    // A second closure can be proposed and approved again after the reopening.
    const again = await o.cm.send('POST', `/api/v1/cases/${o.caseId}/closure-requests`, closureBody(o, goalKeys, scores(3)));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const sv2 = await loginAs(app, 'sv.bucha');
    expect((await sv2.send('POST', `/api/v1/approvals/${again.body.approvalId}/decision`, { decision: 'approve', version: 1 })).status).toBe(200);
    expect((await o.cm.get(`/api/v1/cases/${o.caseId}`)).body).toEqual(expect.objectContaining({ status: 'closed', step: 'closure' }));
  });

  it('sends an agreed plan to the supervisor for approval', async () => {
    const o = await openCase();
    const draft = (await o.cm.send('POST', `/api/v1/cases/${o.caseId}/plans`)).body;
    expect((await o.cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId: o.caseId, subjectId: draft.id })).body.code).toBe('plan_not_agreed');
    const planId = await agreeSmallPlan(o, draft);
    expect((await (await loginAs(app, 'cm.stryi')).send('POST', '/api/v1/approvals', { kind: 'plan', caseId: o.caseId, subjectId: planId })).status).toBe(404);
    const requested = await o.cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId: o.caseId, subjectId: planId });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toEqual(expect.objectContaining({ kind: 'plan', subjectId: planId, status: 'pending', allowedActions: [] }));
    expect((await o.cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId: o.caseId, subjectId: planId })).body.code).toBe('approval_pending');
    const sv = await loginAs(app, 'sv.bucha');
    const decided = await sv.send('POST', `/api/v1/approvals/${requested.body.id}/decision`, { decision: 'approve', version: 1 });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const c = (await o.cm.get(`/api/v1/cases/${o.caseId}`)).body;
    expect(c.status).toBe('open');
    expect(c.timeline.slice(0, 2).map((e: { kind: string }) => e.kind)).toEqual(['plan_approved', 'plan_approval_requested']);
  });

  it('keeps the queue keyset-paginated and empty for non-supervisors', async () => {
    for (let i = 0; i < 3; i += 1) {
      const o = await openCase();
      const draft = (await o.cm.send('POST', `/api/v1/cases/${o.caseId}/plans`)).body;
      await agreeSmallPlan(o, draft);
      expect((await o.cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId: o.caseId, subjectId: draft.id })).status).toBe(201);
    }
    const sv = await loginAs(app, 'sv.bucha');
    // The demo world's own pending approvals come along; every page but the last is full and none repeats.
    const all = (await sv.get('/api/v1/approvals?limit=200')).body.items as Array<{ id: string }>;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await sv.get(`/api/v1/approvals?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.items).toHaveLength(page.nextCursor ? 2 : all.length - seen.length);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((a) => a.id));
    expect(new Set(seen).size).toBe(all.length);
    expect((await sv.get('/api/v1/approvals?cursor=nonsense')).status).toBe(400);
    expect((await (await loginAs(app, 'cm.bucha')).get('/api/v1/approvals')).body).toEqual({ items: [], nextCursor: null });
  });
});
