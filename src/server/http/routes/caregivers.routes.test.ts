import { describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs, type Client } from '#test/factories.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(() => now, (c) => (ctx = c));

const family = (hromadaId: string, over: Record<string, unknown> = {}) => ({
  caregiverType: 'foster_family',
  name: 'Прийомна сім’я Петренків',
  hromadaId,
  intentDate: '2026-03-02',
  address: 'м. Буча, вул. Садова, 5',
  members: [
    { role: 'applicant', surname: 'Петренко', givenName: 'Ольга', patronymic: 'Іванівна', birthDate: '1984-05-01' },
    { role: 'assistant', surname: 'Петренко', givenName: 'Ігор', patronymic: 'Васильович', birthDate: '1982-01-10' },
  ],
  ...over,
});

const approval = { decisionReference: '112-р від 10.06.2026', decidingAuthority: 'Бучанська міська рада', agreementReference: 'Договір № 7 від 12.06.2026' };

async function move(c: Client, id: string, to: string, date: string, extra: Record<string, unknown> = {}) {
  const current = (await c.get(`/api/v1/caregivers/${id}`)).body;
  return c.send('POST', `/api/v1/caregivers/${id}/stage-moves`, { version: current.version, to, date, ...extra });
}

async function availableFamily(c: Client, hromadaId: string, over: Record<string, unknown> = {}, availability: Record<string, unknown> = {}): Promise<string> {
  const created = await c.send('POST', '/api/v1/caregivers', family(hromadaId, over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const [to, date, extra] of [['screening', '2026-03-20', {}], ['training', '2026-04-01', {}], ['home_assessment', '2026-05-20', {}], ['approved', '2026-06-10', approval]] as const) {
    const r = await move(c, id, to, date, extra);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  const cur = (await c.get(`/api/v1/caregivers/${id}`)).body;
  const put = await c.send('PUT', `/api/v1/caregivers/${id}`, { version: cur.version, name: cur.name, members: family(hromadaId).members, capacity: 2, ageFrom: 3, ageTo: 14, siblingsAccepted: true, disabilitySpecialisation: false, ...availability });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  expect((await move(c, id, 'available', '2026-06-15')).status).toBe(200);
  return id;
}

describe('caregiver pipeline (SPEC §5.2)', () => {
  it('registers a foster family and moves it through the stages to available, with the date of each', async () => {
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const id = await availableFamily(cas, ctx.world.bucha);
    const view = (await cas.get(`/api/v1/caregivers/${id}`)).body;
    expect(view).toEqual(expect.objectContaining({ stage: 'available', stageDate: '2026-06-15', approvedOn: '2026-06-10', decisionReference: approval.decisionReference, capacity: 2, placedNow: 0, mayApprove: true }));
    expect(view.stages.map((s: { toStage: string; date: string }) => `${s.toStage}@${s.date}`)).toEqual(['intent@2026-03-02', 'screening@2026-03-20', 'training@2026-04-01', 'home_assessment@2026-05-20', 'approved@2026-06-10', 'available@2026-06-15']);
    expect(view.nextStages).toEqual(['approved', 'deregistered']);
    expect(view.support).toEqual(expect.objectContaining({ extraMonitoring: false, checkInDue: '2026-09-10', checkInOverdue: true, trainingDue: '2027-06-10' }));
    const list = (await cas.get('/api/v1/caregivers?stage=available')).body.items;
    expect(list.map((c: { id: string }) => c.id)).toEqual([id]);
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'caregiver').execute();
    expect(audit.filter((a) => a.action === 'update').length).toBeGreaterThanOrEqual(6);
  });

  it('refuses illegal moves, missing approval details and future dates', async () => {
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const id = (await cas.send('POST', '/api/v1/caregivers', family(ctx.world.bucha))).body.id;
    expect((await move(cas, id, 'available', '2026-04-01')).body.code).toBe('caregiver_stage_move_invalid');
    expect((await move(cas, id, 'screening', '2026-12-01')).body.code).toBe('date_in_future');
    expect((await move(cas, id, 'screening', '2026-01-01')).body.code).toBe('caregiver_stage_date_before_previous');
    expect((await move(cas, id, 'deregistered', '2026-04-01')).body.code).toBe('caregiver_deregistration_reason_required');
    const stale = await cas.send('POST', `/api/v1/caregivers/${id}/stage-moves`, { version: 99, to: 'screening', date: '2026-04-01' });
    expect(stale.status).toBe(409);
  });

  it('a rural hromada may not approve a foster family, but may approve guardianship (SPEC §5.3)', async () => {
    const cas = await loginAs(ctx.app, 'cas.dmytrivka');
    const id = (await cas.send('POST', '/api/v1/caregivers', family(ctx.world.dmytrivka))).body.id;
    for (const [to, date] of [['screening', '2026-03-20'], ['training', '2026-04-01'], ['home_assessment', '2026-05-20']] as const) expect((await move(cas, id, to, date)).status).toBe(200);
    expect((await cas.get(`/api/v1/caregivers/${id}`)).body.mayApprove).toBe(false);
    const refused = await move(cas, id, 'approved', '2026-06-10', approval);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'power_not_held', details: expect.objectContaining({ caregiverType: 'foster_family', decidesInstead: 'urban_or_rayon' }) }));
    const guardian = (await cas.send('POST', '/api/v1/caregivers', family(ctx.world.dmytrivka, { caregiverType: 'guardianship', name: 'Опікун Мельник' }))).body.id;
    for (const [to, date, extra] of [['screening', '2026-03-20', {}], ['training', '2026-04-01', {}], ['home_assessment', '2026-05-20', {}], ['approved', '2026-06-10', approval]] as const) expect((await move(cas, guardian, to, date, extra)).status).toBe(200);
  });

  it('shows caregivers only to Child Affairs and CSS staff of the hromada; others get 404', async () => {
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const id = (await cas.send('POST', '/api/v1/caregivers', family(ctx.world.bucha))).body.id;
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const seen = (await cm.get(`/api/v1/caregivers/${id}`)).body;
    expect(seen.allowedActions).toEqual(['caregiver.view', 'caregiver.support']);
    expect((await move(cm, id, 'screening', '2026-03-20')).status).toBe(403);
    for (const u of ['cas.dmytrivka', 'cm.stryi', 'provider.bucha']) expect((await (await loginAs(ctx.app, u)).get(`/api/v1/caregivers/${id}`)).status, u).toBe(404);
    expect((await (await loginAs(ctx.app, 'cm.stryi')).get('/api/v1/caregivers')).body.items).toEqual([]);
    expect((await (await loginAs(ctx.app, 'cas.stryi')).send('POST', '/api/v1/caregivers', family(ctx.world.bucha))).status).toBe(403);
  });

  it('records check-ins and training; training needs hours', async () => {
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const id = await availableFamily(cas, ctx.world.bucha);
    const cm = await loginAs(ctx.app, 'cm.bucha');
    expect((await cm.send('POST', `/api/v1/caregivers/${id}/support-events`, { kind: 'training', date: '2026-11-01' })).body.code).toBe('caregiver_training_hours_required');
    await cm.send('POST', `/api/v1/caregivers/${id}/support-events`, { kind: 'training', date: '2026-11-01', hours: 16, notes: 'Онлайн' });
    const r = await cm.send('POST', `/api/v1/caregivers/${id}/support-events`, { kind: 'check_in', date: '2026-11-10', notes: 'Усе гаразд' });
    expect(r.status).toBe(201);
    expect(r.body.supportEvents.map((e: { kind: string; hours: number | null }) => [e.kind, e.hours])).toEqual([['check_in', null], ['training', 16]]);
    expect(r.body.support).toEqual(expect.objectContaining({ checkInDue: '2027-02-10', checkInOverdue: false, trainingDue: '2027-11-01' }));
  });
});

describe('matching and placement (SPEC §5.2, §2.11)', () => {
  async function openCase(cm: Client, hromadaId: string) {
    const res = await cm.send('POST', '/api/v1/notifications', aNotification(hromadaId, { caseType: 'alternative_care' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
    return { caseId: res.body.caseId as string, childId: c.members.find((m: { role: string }) => m.role === 'child').personId as string };
  }

  it('ranks available caregivers with reasons, places the child, starts the care episode and takes the place', async () => {
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const near = await availableFamily(cas, ctx.world.bucha);
    const narrow = await availableFamily(cas, ctx.world.bucha, { name: 'Прийомна сім’я Яковенків' }, { ageFrom: 0, ageTo: 2, capacity: 1 });
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const { caseId, childId } = await openCase(cm, ctx.world.bucha);
    const m = await cm.get(`/api/v1/cases/${caseId}/matching?childId=${childId}`);
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.candidates.map((c: { caregiver: { id: string } }) => c.caregiver.id)).toEqual([near, narrow]);
    expect(m.body.candidates[0].reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['same_hromada', 'free_places', 'age_fits']));
    expect(m.body.candidates[1].reasons.map((r: { code: string }) => r.code)).toContain('age_outside_range');
    expect(m.body.allowedActions).toEqual(['place']);
    const placed = await cm.send('POST', `/api/v1/cases/${caseId}/matching/placement`, { childId, caregiverId: near, startDate: '2026-11-19', decisionReference: '201-р від 18.11.2026', decidingAuthority: 'Бучанська міська рада' });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const episodes = (await cm.get(`/api/v1/persons/${childId}/care-episodes?caseId=${caseId}`)).body.items;
    expect(episodes.at(-1)).toEqual(expect.objectContaining({ id: placed.body.careEpisodeId, careType: 'foster_family', endDate: null, decisionNumber: '201-р від 18.11.2026' }));
    const after = (await cas.get(`/api/v1/caregivers/${near}`)).body;
    expect(after).toEqual(expect.objectContaining({ placedNow: 1, support: expect.objectContaining({ extraMonitoring: true, checkInDue: '2026-12-19' }) }));
    expect(after.placements).toEqual([expect.objectContaining({ caseId, current: true })]);
    const events = await ctx.tdb.deps.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['care_episode_started', 'caregiver_placement_decided']));
  });

  it('refuses a rural hromada’s own foster-family placement, accepts the rayon’s decision, and refuses a full caregiver', async () => {
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const near = await availableFamily(cas, ctx.world.bucha, {}, { capacity: 1 });
    const cm = await loginAs(ctx.app, 'cm.dmytrivka');
    const { caseId, childId } = await openCase(cm, ctx.world.dmytrivka);
    const m = (await cm.get(`/api/v1/cases/${caseId}/matching?childId=${childId}`)).body;
    expect(m.candidates[0]).toEqual(expect.objectContaining({ mayDecideHere: false, reasons: expect.arrayContaining([{ code: 'same_rayon', points: 25 }]) }));
    const body = { childId, caregiverId: near, startDate: '2026-11-19', decisionReference: '7 від 18.11.2026', decidingAuthority: 'Бучанська районна державна адміністрація' };
    const refused = await cm.send('POST', `/api/v1/cases/${caseId}/matching/placement`, body);
    expect(refused.body.code).toBe('power_not_held');
    expect((await cm.get(`/api/v1/persons/${childId}/care-episodes?caseId=${caseId}`)).body.items).toEqual([]);
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/matching/placement`, { ...body, decidedBy: 'rayon' })).status).toBe(201);
    const other = await openCase(cm, ctx.world.dmytrivka);
    expect((await cm.send('POST', `/api/v1/cases/${other.caseId}/matching/placement`, { ...body, childId: other.childId, decidedBy: 'rayon' })).body.code).toBe('caregiver_not_available');
    expect((await cm.get(`/api/v1/cases/${other.caseId}/matching?childId=${other.childId}`)).body.candidates).toEqual([]);
  });

  it('hides matching on a case the user cannot see', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const { caseId, childId } = await openCase(cm, ctx.world.bucha);
    expect((await (await loginAs(ctx.app, 'cm.stryi')).get(`/api/v1/cases/${caseId}/matching?childId=${childId}`)).status).toBe(404);
  });
});

describe('demo caregivers', () => {
  it('seeds a foster family available in Bucha and a family-type home in training, once', async () => {
    const { seedDemoCaregivers } = await import('#server/db/seed/demo-caregivers.ts');
    await seedDemoCaregivers(ctx.tdb.deps);
    await seedDemoCaregivers(ctx.tdb.deps);
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const items = (await cas.get('/api/v1/caregivers')).body.items as Array<{ name: string; stage: string; caregiverType: string }>;
    expect(items.map((c) => [c.caregiverType, c.stage])).toEqual([
      ['family_type_home', 'training'],
      ['foster_family', 'available'],
    ]);
  });
});
