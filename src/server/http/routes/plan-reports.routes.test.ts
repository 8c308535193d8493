import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ app, world } = ctx));

type Measure = { key: string; serviceCode: string | null };
type Deadline = { key: string; dueDate: string; status: string; metOn: string | null; sourceUk: string };

async function openCase(): Promise<{ cm: Client; caseId: string; motherId: string }> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  return { cm, caseId: res.body.caseId, motherId: c.members.find((m: { role: string }) => m.role === 'adult').personId };
}

/** Drafts a complete plan with two measures (one with a catalogue service) and records the family's agreement. */
async function agreePlan(cm: Client, caseId: string, motherId: string): Promise<Measure[]> {
  const created = await cm.send('POST', `/api/v1/cases/${caseId}/plans`);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${created.body.id}`, {
    version: created.body.version,
    childViews: 'Марія хоче залишитися вдома',
    childViewsNotHeardReason: '',
    familyParticipation: 'Мати брала участь у плануванні',
    familyConferenceHeld: false,
    familyConferenceDate: null,
    goals: [
      {
        domain: 'economic_housing',
        text: 'Сім\'я має стабільний дохід',
        measures: [
          { action: 'Консультації щодо працевлаштування', measureType: 'employment', responsible: { kind: 'family_member', personId: motherId }, deadline: '2026-12-30', expectedResult: 'Мати працевлаштована', serviceCode: 'basic_counselling' },
          { action: 'Оформити допомогу на дитину', measureType: 'documents_for_state_aid', responsible: { kind: 'agency', name: 'Управління соцзахисту' }, deadline: '2026-12-15', expectedResult: 'Допомогу призначено', serviceCode: null },
        ],
      },
    ],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const agreed = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${created.body.id}/agreement`, { version: saved.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
  return agreed.body.goals[0].measures;
}

describe('quarterly plan reports to the Child Affairs Service (CMU Resolution No. 585; SPEC §2.12)', () => {
  it('has no report deadline before a plan is agreed, then one per quarter; a report asking for the commission flags the case', async () => {
    const { cm, caseId, motherId } = await openCase();
    expect((await cm.get(`/api/v1/cases/${caseId}/plan-reports`)).body).toEqual({ items: [], nextReport: null, needsCommission: false, allowedActions: [] });
    const early = await cm.send('POST', `/api/v1/cases/${caseId}/plan-reports`, { period: '2026-Q4', measures: [], overallStatus: 'on_track' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('no_agreed_plan');
    expect((await cm.get(`/api/v1/cases/${caseId}`)).body.deadlines.map((d: Deadline) => d.key)).toEqual(['needs_assessment']);

    const [m1, m2] = await agreePlan(cm, caseId, motherId);
    // Agreed in 2026-Q4: the report is due 10 days after the quarter, Sunday 10 January 2027 → Monday 11 January.
    let list = (await cm.get(`/api/v1/cases/${caseId}/plan-reports`)).body;
    expect(list.allowedActions).toEqual(['create']);
    expect(list.nextReport).toEqual(expect.objectContaining({ key: 'plan_report', dueDate: '2027-01-11', status: 'upcoming' }));
    expect(list.nextReport.sourceUk).toContain('2026-Q4');
    expect(list.nextReport.sourceUk).toContain('585');

    const statuses = [
      { measureKey: m1!.key, status: 'in_progress', comment: '' },
      { measureKey: m2!.key, status: 'impossible', comment: '' },
    ];
    const invalid = await cm.send('POST', `/api/v1/cases/${caseId}/plan-reports`, { period: '2026-Q4', measures: [statuses[0]], overallStatus: 'partly_on_track', needsCommission: true });
    expect(invalid.status).toBe(422);
    expect(invalid.body.details.problems).toEqual([{ path: 'measures.missing', keys: [m2!.key] }, { path: 'commissionGround' }]);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/plan-reports`, { period: '2027-Q1', measures: statuses, overallStatus: 'on_track' })).body.details.problems).toEqual([
      { path: 'period' },
      { path: 'measures.comment', keys: [m2!.key] },
    ]);

    statuses[1]!.comment = 'Управління соцзахисту відмовило: мати не має реєстрації місця проживання';
    const submitted = await cm.send('POST', `/api/v1/cases/${caseId}/plan-reports`, {
      period: '2026-Q4',
      measures: statuses,
      overallStatus: 'partly_on_track',
      overallComment: 'План виконується частково',
      needsCommission: true,
      commissionGround: 'plan_cannot_be_implemented',
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toEqual(expect.objectContaining({ period: '2026-Q4', planVersionNo: 1, needsCommission: true, commissionGround: 'plan_cannot_be_implemented', commissionSuggested: true }));
    expect(submitted.body.measures.map((m: { action: string; status: string }) => `${m.action}:${m.status}`)).toEqual(['Консультації щодо працевлаштування:in_progress', 'Оформити допомогу на дитину:impossible']);
    const again = await cm.send('POST', `/api/v1/cases/${caseId}/plan-reports`, { period: '2026-Q4', measures: statuses, overallStatus: 'partly_on_track' });
    expect(again.body.code).toBe('plan_report_exists');

    // The case is flagged for the commission; the next quarter's report is due.
    list = (await cm.get(`/api/v1/cases/${caseId}/plan-reports`)).body;
    expect(list.needsCommission).toBe(true);
    expect(list.items).toHaveLength(1);
    expect(list.nextReport).toEqual(expect.objectContaining({ dueDate: '2027-04-12' }));
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    expect(c.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['plan_report_submitted', 'plan_report_commission_needed']));
    expect(c.timeline.find((e: { kind: string }) => e.kind === 'plan_report_commission_needed').data).toEqual(expect.objectContaining({ period: '2026-Q4', ground: 'plan_cannot_be_implemented' }));
    expect(c.deadlines.filter((d: Deadline) => d.key === 'plan_report').map((d: Deadline) => `${d.dueDate}:${d.metOn}`)).toEqual(['2027-01-11:2026-11-20', '2027-04-12:null']);

    // The Child Affairs Service of the hromada reads the reports.
    const cas = await loginAs(app, 'cas.bucha');
    const seen = (await cas.get(`/api/v1/cases/${caseId}/plan-reports`)).body;
    expect(seen.needsCommission).toBe(true);
    expect(seen.allowedActions).toEqual([]);
  });

  it('logs delivered services against the measures of the agreed plan, or as unplanned', async () => {
    const { cm, caseId, motherId } = await openCase();
    const post = (b: unknown) => cm.send('POST', `/api/v1/cases/${caseId}/delivered-services`, b);
    expect((await post({ measureKey: '00000000-0000-4000-8000-000000000000', deliveredOn: '2026-11-20', quantity: 1 })).body.code).toBe('no_agreed_plan');
    const [m1, m2] = await agreePlan(cm, caseId, motherId);

    const planned = await post({ measureKey: m1!.key, deliveredOn: '2026-11-19', quantity: 2, notes: 'Дві консультації' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body).toEqual(expect.objectContaining({ measureKey: m1!.key, measureAction: 'Консультації щодо працевлаштування', serviceCode: 'basic_counselling', quantity: 2, unit: 'консультація' }));
    expect(planned.body.provider.name).toContain('Центр');
    expect((await post({ measureKey: m2!.key, deliveredOn: '2026-11-20', quantity: 1 })).body.code).toBe('service_code_required');
    expect((await post({ measureKey: '00000000-0000-4000-8000-000000000000', serviceCode: 'basic_counselling', deliveredOn: '2026-11-20', quantity: 1 })).body.code).toBe('measure_not_in_plan');
    expect((await post({ serviceCode: 'telepathy', deliveredOn: '2026-11-20', quantity: 1 })).body.code).toBe('unknown_service_code');
    expect((await post({ serviceCode: 'basic_counselling', deliveredOn: '2026-11-21', quantity: 1 })).body.code).toBe('date_in_future');
    expect((await post({ serviceCode: 'basic_counselling', deliveredOn: '2026-11-20', quantity: 0 })).status).toBe(400);
    const unplanned = await post({ serviceCode: 'issb_crisis_intervention', providerName: 'Мобільна бригада соціально-психологічної допомоги', deliveredOn: '2026-11-20', quantity: 1, unit: 'виїзд' });
    expect(unplanned.status, JSON.stringify(unplanned.body)).toBe(201);
    expect(unplanned.body).toEqual(expect.objectContaining({ measureKey: null, planId: null, unit: 'виїзд', provider: { organisationId: null, name: 'Мобільна бригада соціально-психологічної допомоги' } }));

    const page = (await cm.get(`/api/v1/cases/${caseId}/delivered-services?limit=1`)).body;
    expect(page.items.map((d: { deliveredOn: string }) => d.deliveredOn)).toEqual(['2026-11-20']);
    expect(page.allowedActions).toEqual(['create']);
    const rest = (await cm.get(`/api/v1/cases/${caseId}/delivered-services?limit=5&cursor=${page.nextCursor}`)).body;
    expect(rest.items.map((d: { measureKey: string | null }) => d.measureKey)).toEqual([m1!.key]);
    expect(rest.nextCursor).toBeNull();
  });
});
