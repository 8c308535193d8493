import { describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs } from '#test/factories.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(
  () => now,
  (c) => {
    ctx = c;
  },
);

type Rule = { id: string; key: string; caseType: string | null; amount: number; unit: string; sourceUk: string; sourceEn: string; updatedAt: string };

async function needsAssessmentRule(): Promise<{ admin: Awaited<ReturnType<typeof loginAs>>; rule: Rule }> {
  const admin = await loginAs(ctx.app, 'admin');
  const list = await admin.get('/api/v1/deadline-rules');
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const rule = (list.body.items as Rule[]).find((r) => r.key === 'needs_assessment' && r.caseType === null);
  if (!rule) throw new Error('needs_assessment rule missing');
  return { admin, rule };
}

describe('deadline rules administration (SPEC §2.15, issue item 12)', () => {
  it('lists the rules and the calendar regimes for a system administrator', async () => {
    const { admin, rule } = await needsAssessmentRule();
    expect(rule).toEqual(expect.objectContaining({ amount: 5, unit: 'working_days', sourceUk: expect.stringContaining('ст. 20') }));
    const body = (await admin.get('/api/v1/deadline-rules')).body;
    expect(body.items.map((r: Rule) => r.key)).toEqual(expect.arrayContaining(['safety_assessment', 'plan_report', 'review_complex', 'home_visit_simple']));
    expect(body.regimes).toEqual([
      { regime: 'peacetime', from: '1991-08-24', to: '2022-02-23' },
      { regime: 'martial_law', from: '2022-02-24', to: null },
    ]);
    expect(body.allowedActions).toEqual(['edit']);
  });

  it('changes a rule, audits it, and the next new case gets the new due date', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const before = await cm.send('POST', '/api/v1/notifications', aNotification(ctx.world.bucha));
    const { admin, rule } = await needsAssessmentRule();
    const body = { amount: 10, unit: 'working_days', sourceUk: '10 робочих днів — тестове правило', sourceEn: '10 working days — test rule', updatedAt: rule.updatedAt };
    const saved = await admin.send('PUT', `/api/v1/deadline-rules/${rule.id}`, body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual(expect.objectContaining({ id: rule.id, amount: 10, unit: 'working_days', sourceEn: '10 working days — test rule' }));
    expect(saved.body.updatedAt).not.toBe(rule.updatedAt);

    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['action', 'actor_username', 'details']).where('entity', '=', 'deadline_rule').where('entity_id', '=', rule.id).executeTakeFirstOrThrow();
    expect(audit).toEqual(expect.objectContaining({ action: 'update', actor_username: 'admin' }));
    expect(audit.details).toEqual(expect.objectContaining({ key: 'needs_assessment', before: expect.objectContaining({ amount: 5 }), after: expect.objectContaining({ amount: 10 }) }));

    // The same stale token is refused: someone changed the row since it was read.
    const stale = await admin.send('PUT', `/api/v1/deadline-rules/${rule.id}`, { ...body, amount: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');

    // Deadlines computed before keep their date; a case registered now counts 10 working days (Fri 20.11 → Fri 04.12).
    const due = async (caseId: string) => ((await cm.get(`/api/v1/cases/${caseId}`)).body.deadlines as Array<{ key: string; dueDate: string; sourceEn: string }>).find((d) => d.key === 'needs_assessment');
    expect((await due(before.body.caseId))?.dueDate).toBe('2026-11-27');
    const after = await cm.send('POST', '/api/v1/notifications', aNotification(ctx.world.bucha));
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(await due(after.body.caseId)).toEqual(expect.objectContaining({ dueDate: '2026-12-04', sourceEn: '10 working days — test rule' }));
  });

  it('refuses everyone but system administrators (403) and bad input (422, 400, 404)', async () => {
    const { admin, rule } = await needsAssessmentRule();
    const body = { amount: 7, unit: 'working_days', sourceUk: 'x', sourceEn: 'x', updatedAt: rule.updatedAt };
    for (const username of ['cm.bucha', 'sv.bucha', 'auditor']) {
      const user = await loginAs(ctx.app, username);
      expect((await user.get('/api/v1/deadline-rules')).status, username).toBe(403);
      const put = await user.send('PUT', `/api/v1/deadline-rules/${rule.id}`, body);
      expect(put.status, username).toBe(403);
      expect(put.body.code).toBe('forbidden');
    }
    for (const bad of [{ amount: 0 }, { amount: 367 }, { amount: -1 }, { unit: 'same_day', amount: 3 }, { unit: 'months', amount: 121 }]) {
      const res = await admin.send('PUT', `/api/v1/deadline-rules/${rule.id}`, { ...body, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body).toEqual(expect.objectContaining({ code: 'invalid_deadline_amount', details: expect.objectContaining({ unit: bad.unit ?? 'working_days' }) }));
    }
    expect((await admin.send('PUT', `/api/v1/deadline-rules/${rule.id}`, { ...body, sourceUk: ' ' })).status).toBe(400);
    expect((await admin.send('PUT', `/api/v1/deadline-rules/${rule.id}`, { ...body, unit: 'weeks' })).status).toBe(400);
    expect((await admin.send('PUT', `/api/v1/deadline-rules/${crypto.randomUUID()}`, body)).status).toBe(404);
    const unchanged = (await admin.get('/api/v1/deadline-rules')).body.items.find((r: Rule) => r.id === rule.id);
    expect(unchanged).toEqual(rule);
    // A same-day rule takes 0.
    const same = (await admin.get('/api/v1/deadline-rules')).body.items.find((r: Rule) => r.key === 'safety_assessment');
    expect((await admin.send('PUT', `/api/v1/deadline-rules/${same.id}`, { amount: 0, unit: 'same_day', sourceUk: same.sourceUk, sourceEn: same.sourceEn, updatedAt: same.updatedAt })).status).toBe(200);
  });
});
