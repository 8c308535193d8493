import { describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs, type Client } from '#test/factories.ts';

let now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(
  () => now,
  (c) => {
    now = new Date('2026-11-20T08:00:00.000Z');
    ctx = c;
  },
);

/** A case of cm.bucha with a one-goal plan agreed by the family; returns the plan id. */
async function caseWithAgreedPlan(cm: Client): Promise<{ caseId: string; planId: string }> {
  const created = await cm.send('POST', '/api/v1/notifications', aNotification(ctx.world.bucha));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const caseId: string = created.body.caseId;
  const draft = (await cm.send('POST', `/api/v1/cases/${caseId}/plans`)).body;
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/plans/${draft.id}`, {
    version: draft.version,
    childViews: 'Хоче залишитися вдома',
    goals: [{ domain: 'safety', text: 'Безпечний дім', measures: [{ action: 'Візит', measureType: 'other', responsible: { kind: 'agency', name: 'ЦНСП' }, deadline: '2026-12-01', expectedResult: 'Безпечно' }] }],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const agreed = await cm.send('POST', `/api/v1/cases/${caseId}/plans/${draft.id}/agreement`, { version: saved.body.version, agreedOn: '2026-11-20', signedBy: 'Тестенко О. П.' });
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
  return { caseId, planId: draft.id };
}

describe('approvals: the requester reads the answer (issue item 11)', () => {
  it('lists the own requests with scope=mine, newest first, with the supervisor’s comment', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const a = await caseWithAgreedPlan(cm);
    const first = await cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId: a.caseId, subjectId: a.planId });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    now = new Date('2026-11-20T08:10:00.000Z');
    const b = await caseWithAgreedPlan(cm);
    const second = await cm.send('POST', '/api/v1/approvals', { kind: 'plan', caseId: b.caseId, subjectId: b.planId });

    // The default scope stays the supervisor's queue: empty for a case manager. The demo world's older requests come after.
    expect((await cm.get('/api/v1/approvals')).body).toEqual({ items: [], nextCursor: null });
    const mine = [second.body.id, first.body.id];
    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id);
    const pending = (await cm.get('/api/v1/approvals?scope=mine')).body;
    expect(ids(pending).slice(0, 2)).toEqual(mine);
    expect(pending.items[0]).toEqual(expect.objectContaining({ status: 'pending', allowedActions: [] }));

    const sv = await loginAs(ctx.app, 'sv.bucha');
    // The queue: oldest pending first.
    expect(ids((await sv.get('/api/v1/approvals')).body).filter((id) => mine.includes(id))).toEqual([first.body.id, second.body.id]);
    const returned = await sv.send('POST', `/api/v1/approvals/${first.body.id}/decision`, { decision: 'return', comment: 'Додайте цілі щодо школи', version: 1 });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);

    const all = (await cm.get('/api/v1/approvals?scope=mine&status=all')).body;
    expect(all.items.slice(0, 2).map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      [second.body.id, 'pending'],
      [first.body.id, 'returned'],
    ]);
    expect(all.items[1]).toEqual(expect.objectContaining({ comment: 'Додайте цілі щодо школи', decidedBy: expect.objectContaining({ name: 'Мельник Галина Іванівна' }) }));
    expect(all.items.every((i: { requestedBy: { id: string } }) => i.requestedBy.id === ctx.world.userId('cm.bucha'))).toBe(true);
    const onlyReturned = (await cm.get('/api/v1/approvals?scope=mine&status=returned')).body;
    expect(ids(onlyReturned)[0]).toBe(first.body.id);
    expect(onlyReturned.items.every((i: { status: string }) => i.status === 'returned')).toBe(true);
    const page1 = (await cm.get('/api/v1/approvals?scope=mine&status=all&limit=1')).body;
    const page2 = (await cm.get(`/api/v1/approvals?scope=mine&status=all&limit=1&cursor=${page1.nextCursor}`)).body;
    expect([...ids(page1), ...ids(page2)]).toEqual(mine);

    // Someone else's requests are never listed as "mine"; the supervisor's lists other than pending are newest first.
    expect(ids((await (await loginAs(ctx.app, 'cm2.bucha')).get('/api/v1/approvals?scope=mine&status=all')).body).filter((id) => mine.includes(id))).toEqual([]);
    expect(ids((await sv.get('/api/v1/approvals?scope=mine&status=all')).body).filter((id) => mine.includes(id))).toEqual([]);
    expect(ids((await sv.get('/api/v1/approvals?status=all')).body).slice(0, 2)).toEqual(mine);
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select('details').where('entity', '=', 'approval').where('action', '=', 'list').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toEqual(expect.objectContaining({ scope: 'queue', status: 'all' }));
  });
});
