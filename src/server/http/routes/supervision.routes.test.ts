import { describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs } from '#test/factories.ts';

// Friday 20 November 2026, 10:00 in Kyiv; the demo world's cases are counted against their own worklists and case pages.
let now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(
  () => now,
  (c) => {
    now = new Date('2026-11-20T08:00:00.000Z');
    ctx = c;
  },
);

type Item = { caseId: string; key: string; dueDate: string; sourceUk: string };
type Worker = { id: string; name: string; openCases: number; byComplexity: Record<string, number>; overdue: number; dueThisWeek: number; pendingApprovals: number; overdueItems: Item[]; dueThisWeekItems: Item[] };
type Deadline = { key: string; dueDate: string; metOn: string | null };

/** The numbers of the team view worked out independently: the worker's own worklist and case pages, and the approvals table. */
async function expectedFor(username: string, today: string, weekEnd: string) {
  const client = await loginAs(ctx.app, username);
  const me = (await client.get('/api/v1/auth/me')).body as { id: string; fullName: string };
  const cases = ((await client.get('/api/v1/cases?limit=200')).body.items as Array<{ id: string; caseManagerName: string; complexity: string | null }>).filter((c) => c.caseManagerName === me.fullName);
  const byComplexity: Record<string, number> = { simple: 0, moderate: 0, complex: 0, emergency: 0, not_assessed: 0 };
  const open: Array<Deadline & { caseId: string }> = [];
  for (const c of cases) {
    byComplexity[c.complexity ?? 'not_assessed'] = (byComplexity[c.complexity ?? 'not_assessed'] ?? 0) + 1;
    const deadlines = (await client.get(`/api/v1/cases/${c.id}`)).body.deadlines as Deadline[];
    open.push(...deadlines.filter((d) => !d.metOn).map((d) => ({ ...d, caseId: c.id })));
  }
  const pending = await ctx.tdb.deps.db
    .selectFrom('approvals')
    .innerJoin('cases', 'cases.id', 'approvals.case_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('approvals.status', '=', 'pending')
    .where('cases.case_manager_id', '=', me.id)
    .executeTakeFirstOrThrow();
  const key = (d: { caseId: string; key: string; dueDate: string }) => `${d.dueDate} ${d.caseId} ${d.key}`;
  return {
    id: me.id,
    name: me.fullName,
    openCases: cases.length,
    byComplexity,
    overdue: open.filter((d) => d.dueDate < today).length,
    dueThisWeek: open.filter((d) => d.dueDate >= today && d.dueDate <= weekEnd).length,
    pendingApprovals: Number(pending.n),
    overdueKeys: open.filter((d) => d.dueDate < today).map(key).sort(),
    weekKeys: open.filter((d) => d.dueDate >= today && d.dueDate <= weekEnd).map(key).sort(),
    key,
  };
}

describe('supervisor team view (SPEC §7)', () => {
  it('counts open cases, complexity, overdue and due-this-week deadlines and pending approvals of the supervisor’s own workers', async () => {
    // Friday 20.11: an urgent case of cm2.bucha (safety assessment due the same day, needs assessment in 5 working days),
    // assessed as complex, with a closure request waiting; and a case of another centre that must never appear.
    const cm2 = await loginAs(ctx.app, 'cm2.bucha');
    const ofCm2 = await cm2.send('POST', '/api/v1/notifications', aNotification(ctx.world.bucha, { threatToLifeOrHealth: true }));
    expect(ofCm2.status, JSON.stringify(ofCm2.body)).toBe(201);
    const mine: string = ofCm2.body.caseId;
    expect(((await cm2.get(`/api/v1/cases/${mine}`)).body.deadlines as Deadline[]).map((d) => [d.key, d.dueDate]).sort()).toEqual(
      expect.arrayContaining([
        ['needs_assessment', '2026-11-27'],
        ['safety_assessment', '2026-11-20'],
      ]),
    );
    const stryi = await (await loginAs(ctx.app, 'cm.stryi')).send('POST', '/api/v1/notifications', aNotification(ctx.world.stryi));
    expect(stryi.status, JSON.stringify(stryi.body)).toBe(201);
    const db = ctx.tdb.deps.db;
    await db.updateTable('cases').set({ complexity: 'complex' }).where('id', '=', mine).execute();
    const row = await db.selectFrom('cases').select(['hromada_id', 'organisation_id']).where('id', '=', mine).executeTakeFirstOrThrow();
    await db
      .insertInto('approvals')
      .values({ kind: 'closure', case_id: mine, subject_id: crypto.randomUUID(), requested_by: ctx.world.userId('cm2.bucha'), requested_at: now, hromada_id: row.hromada_id, organisation_id: row.organisation_id, created_at: now, updated_at: now })
      .execute();

    // Tuesday 24.11: the safety assessment is overdue, the needs assessment falls within the week (24.11–30.11).
    now = new Date('2026-11-24T08:00:00.000Z');
    const sv = await loginAs(ctx.app, 'sv.bucha');
    const res = await sv.get('/api/v1/supervision/team');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ today: '2026-11-24', weekEnd: '2026-11-30' }));
    const workers = res.body.workers as Worker[];
    expect(workers.map((w) => w.name)).toEqual(['Коваленко Олена Петрівна', 'Ткаченко Ірина Василівна']);
    for (const [i, username] of [[0, 'cm.bucha'], [1, 'cm2.bucha']] as const) {
      const w = workers[i] as Worker;
      const exp = await expectedFor(username, '2026-11-24', '2026-11-30');
      expect(w).toEqual(expect.objectContaining({ id: exp.id, openCases: exp.openCases, byComplexity: exp.byComplexity, overdue: exp.overdue, dueThisWeek: exp.dueThisWeek, pendingApprovals: exp.pendingApprovals }));
      expect(w.overdueItems.map(exp.key).sort()).toEqual(exp.overdueKeys);
      expect(w.dueThisWeekItems.map(exp.key).sort()).toEqual(exp.weekKeys);
      // Earliest first.
      expect(w.overdueItems.map((i) => i.dueDate)).toEqual([...w.overdueItems.map((i) => i.dueDate)].sort());
    }
    const iryna = workers[1] as Worker;
    expect(iryna.byComplexity.complex).toBeGreaterThanOrEqual(1);
    expect(iryna.pendingApprovals).toBeGreaterThanOrEqual(1);
    expect(iryna.overdueItems).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: mine, key: 'safety_assessment', dueDate: '2026-11-20', sourceUk: expect.stringContaining('585') })]));
    expect(iryna.dueThisWeekItems).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: mine, key: 'needs_assessment', dueDate: '2026-11-27' })]));
    // Nothing of the other centre's case leaks into the answer.
    expect(JSON.stringify(res.body)).not.toContain(stryi.body.caseId);

    // A week later the needs assessment is overdue too.
    now = new Date('2026-12-01T08:00:00.000Z');
    const later = ((await (await loginAs(ctx.app, 'sv.bucha')).get('/api/v1/supervision/team')).body.workers as Worker[])[1] as Worker;
    expect(later.overdueItems.filter((i) => i.caseId === mine).map((i) => i.key).sort()).toEqual(expect.arrayContaining(['needs_assessment', 'safety_assessment']));
    const laterExp = await expectedFor('cm2.bucha', '2026-12-01', '2026-12-07');
    expect([later.overdue, later.dueThisWeek]).toEqual([laterExp.overdue, laterExp.dueThisWeek]);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'supervision_team').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('list');
  });

  it('refuses anyone who is not a supervisor', async () => {
    for (const username of ['cm.bucha', 'cas.bucha', 'admin']) {
      const res = await (await loginAs(ctx.app, username)).get('/api/v1/supervision/team');
      expect(res.status, username).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });

  it('shows a supervisor without workers an empty team', async () => {
    await ctx.tdb.deps.db.updateTable('users').set({ supervisor_id: null }).execute();
    const res = await (await loginAs(ctx.app, 'sv.bucha')).get('/api/v1/supervision/team');
    expect(res.status).toBe(200);
    expect(res.body.workers).toEqual([]);
  });
});
