import { beforeEach, describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs } from '#test/factories.ts';
import { seedDemoInstitutions } from '#server/db/seed/demo-institutions.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(() => now, (c) => (ctx = c));
beforeEach(async () => {
  await seedDemoInstitutions(ctx.tdb.deps);
});

async function oblastOf(prefix: string): Promise<string> {
  const row = await ctx.tdb.deps.db.selectFrom('territories').select('id').where('level', '=', 'oblast').where('name_en', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  return row.id;
}

const anInstitution = (oblastId: string, hromadaId: string | null, over: Record<string, unknown> = {}) => ({
  nameUk: 'Дитячий будинок «Тест»',
  type: 'children_home',
  subordination: 'social_policy',
  ownership: 'communal',
  governanceLevel: 'oblast',
  capacity: 40,
  oblastId,
  hromadaId,
  ...over,
});

const counts = (asOf: string) => ({ asOf, total: 5, byAge: { '3_5': 2, '6_10': 3 }, byStatus: { orphans: 1, deprived_of_care: 2, parents_statement: 2 }, withDisability: 1 });

describe('institutions register (SPEC §6)', () => {
  it('loads the demo institutions once (idempotent seed)', async () => {
    await seedDemoInstitutions(ctx.tdb.deps);
    const rows = await ctx.tdb.deps.db.selectFrom('institutions').select('id').execute();
    expect(rows).toHaveLength(2);
  });

  it('lists the demo institutions for staff, filters them, and refuses reporters and providers', async () => {
    const analyst = await loginAs(ctx.app, 'analyst.national');
    const all = await analyst.get('/api/v1/institutions');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0]).toEqual(expect.objectContaining({ type: 'baby_home', capacity: 60, latestCount: { asOf: '2026-07-01', total: 25 }, allowedActions: [] }));
    const lviv = await analyst.get(`/api/v1/institutions?oblastId=${await oblastOf('Lviv')}`);
    expect(lviv.body.items.map((i: { type: string }) => i.type)).toEqual(['special_boarding_school']);
    expect((await analyst.get(`/api/v1/institutions?hromadaId=${ctx.world.bucha}`)).body.items).toHaveLength(1);
    expect((await analyst.get('/api/v1/institutions?type=children_home')).body.items).toHaveLength(0);
    expect((await analyst.get(`/api/v1/institutions?q=${encodeURIComponent('ІНТЕРНАТ')}`)).body.items).toHaveLength(1);
    for (const who of ['reporter.school', 'provider.bucha']) expect((await (await loginAs(ctx.app, who)).get('/api/v1/institutions')).status).toBe(403);
  });

  it('the oblast coordinator registers and edits institutions of their oblast only, audited, with 409 on a stale version', async () => {
    const coord = await loginAs(ctx.app, 'coord.kyiv');
    const kyiv = await oblastOf('Kyiv');
    const created = await coord.send('POST', '/api/v1/institutions', anInstitution(kyiv, ctx.world.bucha));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ version: 1, allowedActions: ['edit', 'record'], counts: [], plan: null, admissions: [] }));
    expect((await coord.send('POST', '/api/v1/institutions', anInstitution(await oblastOf('Lviv'), null))).status).toBe(403);
    expect((await coord.send('POST', '/api/v1/institutions', anInstitution(kyiv, ctx.world.stryi))).body.code).toBe('hromada_not_in_oblast');
    expect((await (await loginAs(ctx.app, 'analyst.national')).send('POST', '/api/v1/institutions', anInstitution(kyiv, null))).status).toBe(403);
    const { id } = created.body;
    const edited = await coord.send('PUT', `/api/v1/institutions/${id}`, { ...anInstitution(kyiv, ctx.world.bucha, { capacity: 30, status: 'transforming' }), version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual(expect.objectContaining({ capacity: 30, status: 'transforming', version: 2 }));
    const stale = await coord.send('PUT', `/api/v1/institutions/${id}`, { ...anInstitution(kyiv, ctx.world.bucha), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'institution').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    const admin = await loginAs(ctx.app, 'admin');
    expect((await admin.send('PUT', `/api/v1/institutions/${id}`, { ...anInstitution(kyiv, null), version: 2 })).status).toBe(200);
  });

  it('records children counts that add up, one per date', async () => {
    const coord = await loginAs(ctx.app, 'coord.kyiv');
    const { id } = (await coord.send('POST', '/api/v1/institutions', anInstitution(await oblastOf('Kyiv'), null))).body;
    const ok = await coord.send('POST', `/api/v1/institutions/${id}/counts`, counts('2026-11-01'));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.counts[0]).toEqual(expect.objectContaining({ asOf: '2026-11-01', total: 5, withDisability: 1, byAge: expect.objectContaining({ '3_5': 2, under_1: 0 }) }));
    expect(ok.body.latestCount).toEqual({ asOf: '2026-11-01', total: 5 });
    expect((await coord.send('POST', `/api/v1/institutions/${id}/counts`, counts('2026-11-01'))).body.code).toBe('institution_count_exists');
    const bad = await coord.send('POST', `/api/v1/institutions/${id}/counts`, { ...counts('2026-11-02'), total: 6 });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual(expect.objectContaining({ code: 'institution_counts_inconsistent', details: { problems: ['age_sum_mismatch', 'status_sum_mismatch'] } }));
    expect((await coord.send('POST', `/api/v1/institutions/${id}/counts`, counts('2026-11-21'))).body.code).toBe('date_in_future');
  });

  it('keeps a transformation plan with milestones, progress and overdue ones', async () => {
    const coord = await loginAs(ctx.app, 'coord.kyiv');
    const { id } = (await coord.send('POST', '/api/v1/institutions', anInstitution(await oblastOf('Kyiv'), null))).body;
    const plan = {
      targetProfile: 'family_type_care',
      status: 'approved',
      milestones: [
        { title: 'Оцінка потреб дітей', dueDate: '2026-11-10' },
        { title: 'Переведення дітей у сімейні форми', dueDate: '2027-05-01' },
      ],
    };
    const created = await coord.send('PUT', `/api/v1/institutions/${id}/plan`, plan);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.plan).toEqual(expect.objectContaining({ progressPercent: 0, overdueCount: 1, version: 1 }));
    const [first, second] = created.body.plan.milestones;
    expect(first.overdue).toBe(true);
    expect((await coord.send('PUT', `/api/v1/institutions/${id}/plan`, plan)).status).toBe(409);
    const done = await coord.send('PUT', `/api/v1/institutions/${id}/plan`, { ...plan, status: 'in_progress', version: 1, milestones: [{ ...first, status: 'done', doneDate: '2026-11-15' }, second] });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.plan).toEqual(expect.objectContaining({ status: 'in_progress', progressPercent: 50, overdueCount: 0, version: 2 }));
    expect(done.body.plan.milestones[0]).toEqual(expect.objectContaining({ id: first.id, status: 'done', doneDate: '2026-11-15' }));
    const noDate = await coord.send('PUT', `/api/v1/institutions/${id}/plan`, { ...plan, version: 2, milestones: [{ ...first, status: 'done', doneDate: null }] });
    expect(noDate.body.code).toBe('milestone_done_date_required');
    expect((await coord.send('PUT', `/api/v1/institutions/${id}/plan`, { ...plan, version: 1 })).status).toBe(409);
    const removed = await coord.send('PUT', `/api/v1/institutions/${id}/plan`, { ...plan, version: 2, milestones: [second] });
    expect(removed.body.plan.milestones).toHaveLength(1);
  });

  it('records admissions and shows first-time admissions per month and place, aggregates only', async () => {
    const coord = await loginAs(ctx.app, 'coord.kyiv');
    const kyiv = await oblastOf('Kyiv');
    const { id } = (await coord.send('POST', '/api/v1/institutions', anInstitution(kyiv, ctx.world.dmytrivka))).body;
    const adm = await coord.send('POST', `/api/v1/institutions/${id}/admissions`, { admittedOn: '2026-11-05', ageGroup: '6_10', reason: 'family_crisis', gatekeepingConsulted: true, children: 2 });
    expect(adm.status, JSON.stringify(adm.body)).toBe(201);
    await coord.send('POST', `/api/v1/institutions/${id}/admissions`, { admittedOn: '2026-11-06', ageGroup: '6_10', reason: 'education', gatekeepingConsulted: false, firstTime: false });
    expect((await coord.send('POST', `/api/v1/institutions/${id}/admissions`, { admittedOn: '2026-11-30', ageGroup: '6_10', reason: 'other', gatekeepingConsulted: false })).body.code).toBe('date_in_future');
    const planner = await loginAs(ctx.app, 'planner.bucha');
    const report = await planner.get(`/api/v1/institution-admissions/monthly?oblastId=${kyiv}&from=2026-08`);
    expect(report.status).toBe(200);
    expect(report.body.items.map((r: { month: string; hromada: { id: string } | null; children: number; withGatekeeping: number }) => [r.month, r.hromada?.id, r.children, r.withGatekeeping])).toEqual([
      ['2026-11', ctx.world.dmytrivka, 2, 2],
      ['2026-09', ctx.world.bucha, 1, 1],
      ['2026-08', ctx.world.bucha, 1, 0],
    ]);
    expect((await planner.get('/api/v1/institution-admissions/monthly?from=2026-10&to=2026-09')).status).toBe(422);
    expect((await (await loginAs(ctx.app, 'reporter.school')).get('/api/v1/institution-admissions/monthly')).status).toBe(403);
  });

  it('links an institutional care episode to the institution; its children are listed only to those who see the case', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const reg = await cm.send('POST', '/api/v1/notifications', aNotification(ctx.world.bucha, { caseType: 'alternative_care' }));
    const caseId = reg.body.caseId as string;
    const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
    const childId = c.members.find((m: { role: string }) => m.role === 'child').personId as string;
    const ep = await cm.send('POST', `/api/v1/cases/${caseId}/care-episodes`, { personId: childId, careType: 'institution', institutionType: 'baby_home', institutionSubordination: 'health', institutionName: 'Будинок дитини', startDate: '2026-10-01', reason: 'Тест' });
    expect(ep.status, JSON.stringify(ep.body)).toBe(201);
    const analyst = await loginAs(ctx.app, 'analyst.national');
    const inst = (await analyst.get('/api/v1/institutions?type=baby_home')).body.items[0];
    const episode = ep.body.episode;
    const link = await cm.send('PUT', `/api/v1/care-episodes/${episode.id}/institution`, { caseId, institutionId: inst.id, version: episode.version });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    expect((await cm.send('PUT', `/api/v1/care-episodes/${episode.id}/institution`, { caseId, institutionId: inst.id, version: episode.version })).status).toBe(409);
    expect((await (await loginAs(ctx.app, 'cm.stryi')).send('PUT', `/api/v1/care-episodes/${episode.id}/institution`, { caseId, institutionId: null, version: 2 })).status).toBe(404);
    const seen = await cm.get(`/api/v1/institutions/${inst.id}/children`);
    expect(seen.body.items).toEqual([expect.objectContaining({ caseId, personId: childId, startDate: '2026-10-01', endDate: null })]);
    expect((await (await loginAs(ctx.app, 'cas.bucha')).get(`/api/v1/institutions/${inst.id}/children`)).body.items).toHaveLength(1);
    expect((await analyst.get(`/api/v1/institutions/${inst.id}/children`)).body.items).toEqual([]);
    expect((await (await loginAs(ctx.app, 'cm.stryi')).get(`/api/v1/institutions/${inst.id}/children`)).body.items).toEqual([]);
  });
});
