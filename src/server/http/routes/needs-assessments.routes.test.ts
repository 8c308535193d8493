import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { childIndicators, adultIndicators, familyIndicators, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ app, world } = ctx));

const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));

function fill(content: NeedsAssessmentContent): NeedsAssessmentContent {
  return {
    ...content,
    members: content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учениця', registeredAtResidence: true })),
    children: content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить читати', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка бабусі', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'complex', summary: 'Потрібен соціальний супровід', otherSpecialists: [{ name: 'Психолог', position: 'психолог ЦНСП' }], familyAgreement: 'agrees', familyComment: '', agreementDate: '2026-11-20' },
  };
}

async function openCase(): Promise<{ cm: Client; caseId: string }> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  return { cm, caseId: res.body.caseId };
}

describe('needs assessment act (SPEC §2.5)', () => {
  it('saves drafts, refuses stale versions, lists what is missing, and completes', async () => {
    const { cm, caseId } = await openCase();
    const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
    expect(na.status).toBe('draft');
    expect(na.dueDate).toBe('2026-11-27');
    expect(na.content.children).toHaveLength(1);
    expect(na.content.adults).toHaveLength(1);
    expect(na.canEdit).toBe(true);

    const incomplete = await cm.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: na.version });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('needs_assessment_incomplete');
    expect(incomplete.body.details.missing.length).toBeGreaterThan(10);

    const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content: fill(na.content) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(na.version + 1);
    expect(saved.body.percent).toBe(100);
    expect(saved.body.missing).toEqual([]);

    // Autosaves by the same person collapse into one timeline entry with a count.
    const resaved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: saved.body.version, content: saved.body.content });
    expect(resaved.status).toBe(200);
    const saves = (await cm.get(`/api/v1/cases/${caseId}`)).body.timeline.filter((e: { kind: string }) => e.kind === 'needs_assessment_saved');
    expect(saves).toEqual([expect.objectContaining({ data: { count: 2 } })]);
    saved.body.version = resaved.body.version;

    const stale = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content: na.content });
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(resaved.body.version);

    const done = await cm.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: saved.body.version });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.canEdit).toBe(false);

    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.complexity).toBe('complex');
    expect(c.step).toBe('family_assessment');
    expect(c.availableTransitions.forwardBlockedBy).toBeNull();
    expect(c.deadlines.find((d: { key: string }) => d.key === 'needs_assessment')).toEqual(expect.objectContaining({ status: 'met', metOn: '2026-11-20' }));
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['needs_assessment_saved', 'needs_assessment_completed', 'step_changed']));
    const list = (await cm.get('/api/v1/cases')).body.items.find((x: { id: string }) => x.id === caseId);
    expect(list.complexity).toBe('complex');

    const again = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: done.body.version, content: done.body.content });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('needs_assessment_completed');
  });

  it('requires the child\'s views or the reason they could not be heard', async () => {
    const { cm, caseId } = await openCase();
    const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
    const content = fill(na.content);
    content.children = content.children.map((c) => ({ ...c, childViews: '', childViewsNotHeardReason: '' }));
    const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content });
    expect(saved.body.missing).toEqual([expect.objectContaining({ section: 'children', path: 'childViews' })]);
    const res = await cm.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: saved.body.version });
    expect(res.status).toBe(422);
  });

  it('rejects persons who are not members of the case', async () => {
    const { cm, caseId } = await openCase();
    const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
    const content = fill(na.content);
    content.adults.push({ ...content.adults[0]!, personId: '00000000-0000-4000-8000-000000000001' });
    const res = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('person_not_in_case');
  });

  it('lets the supervisor read but hides the act from another hromada', async () => {
    const { caseId } = await openCase();
    const sv = await loginAs(app, 'sv.bucha');
    expect((await sv.get(`/api/v1/cases/${caseId}/needs-assessment`)).status).toBe(200);
    const other = await loginAs(app, 'cm.stryi');
    const res = await other.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: 1, content: (await sv.get(`/api/v1/cases/${caseId}/needs-assessment`)).body.content });
    expect(res.status).toBe(404);
  });
});
