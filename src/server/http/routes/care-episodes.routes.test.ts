import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

type Opened = { cm: Client; caseId: string; childId: string; adultId: string };

async function openCase(): Promise<Opened> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha, { caseType: 'alternative_care' }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const c = (await cm.get(`/api/v1/cases/${res.body.caseId}`)).body;
  const child = c.members.find((m: { role: string }) => m.role === 'child');
  const adult = c.members.find((m: { role: string }) => m.role === 'adult');
  return { cm, caseId: res.body.caseId, childId: child.personId, adultId: adult.personId };
}

const atHome = (personId: string) => ({ personId, careType: 'own_family', startDate: '2016-03-01', reason: 'Від народження' });
const shelter = (personId: string) => ({
  personId,
  careType: 'institution',
  institutionType: 'shelter',
  institutionSubordination: 'social_policy',
  institutionName: 'Притулок для дітей Київської області',
  startDate: '2026-10-01',
  reason: 'Домашнє насильство',
  decidingAuthority: 'Служба у справах дітей Бучанської міської ради',
  decisionNumber: '45-р',
  decisionDate: '2026-09-30',
});

describe('care-arrangement history (SPEC §2.11)', () => {
  it('records episodes, ends the current one the day before a new one starts, and shows the history oldest first', async () => {
    const { cm, caseId, childId } = await openCase();
    const base = `/api/v1/cases/${caseId}/care-episodes`;
    const home = await cm.send('POST', base, atHome(childId));
    expect(home.status, JSON.stringify(home.body)).toBe(201);
    expect(home.body.ended).toBeNull();
    expect(home.body.episode).toEqual(expect.objectContaining({ careType: 'own_family', familyBased: true, startDate: '2016-03-01', endDate: null, caseId, version: 1, allowedActions: ['end'] }));

    const missing = await cm.send('POST', base, { ...shelter(childId), institutionSubordination: null });
    expect(missing.status).toBe(422);
    expect(missing.body.code).toBe('institution_details_required');

    const placed = await cm.send('POST', base, shelter(childId));
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.episode).toEqual(expect.objectContaining({ careType: 'institution', familyBased: false, institutionType: 'shelter', institutionSubordination: 'social_policy', decisionNumber: '45-р', decisionDate: '2026-09-30' }));
    expect(placed.body.ended).toEqual(expect.objectContaining({ id: home.body.episode.id, endDate: '2026-09-30', version: 2, allowedActions: [] }));

    const history = await cm.get(`/api/v1/persons/${childId}/care-episodes?caseId=${caseId}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { careType: string; startDate: string; endDate: string | null }) => [e.careType, e.startDate, e.endDate])).toEqual([
      ['own_family', '2016-03-01', '2026-09-30'],
      ['institution', '2026-10-01', null],
    ]);
    const timeline = (await cm.get(`/api/v1/cases/${caseId}`)).body.timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'care_episode_started')).toHaveLength(2);
    expect(timeline.find((e: { kind: string }) => e.kind === 'care_episode_ended').data).toEqual(expect.objectContaining({ episodeId: home.body.episode.id, endDate: '2026-09-30', endedByEpisodeId: placed.body.episode.id }));
  });

  it('refuses overlapping episodes and accepts earlier history that fits', async () => {
    const { cm, caseId, childId } = await openCase();
    const base = `/api/v1/cases/${caseId}/care-episodes`;
    const current = (await cm.send('POST', base, { ...atHome(childId), startDate: '2020-01-01' })).body.episode;
    const inside = await cm.send('POST', base, { personId: childId, careType: 'kinship', startDate: '2021-01-01', endDate: '2021-06-30' });
    expect(inside.status).toBe(422);
    expect(inside.body.code).toBe('care_episode_overlap');
    expect(inside.body.details.episodeId).toBe(current.id);
    const sameDay = await cm.send('POST', base, { personId: childId, careType: 'kinship', startDate: '2020-01-01' });
    expect(sameDay.status).toBe(422);
    expect(sameDay.body.code).toBe('care_episode_overlap');
    const future = await cm.send('POST', base, { personId: childId, careType: 'kinship', startDate: '2026-12-01' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('date_in_future');
    const earlier = await cm.send('POST', base, { personId: childId, careType: 'guardianship', startDate: '2016-03-01', endDate: '2019-12-31', reason: 'Опіка бабусі' });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
    expect(earlier.body.ended).toBeNull();
    const rows = await tdb.deps.db.selectFrom('care_episodes').select(['start_date', 'end_date']).where('person_id', '=', childId).orderBy('start_date').execute();
    expect(rows).toEqual([
      { start_date: '2016-03-01', end_date: '2019-12-31' },
      { start_date: '2020-01-01', end_date: null },
    ]);
  });

  it('ends an episode once, on a valid date, refusing stale versions', async () => {
    const { cm, caseId, childId } = await openCase();
    const base = `/api/v1/cases/${caseId}/care-episodes`;
    const ep = (await cm.send('POST', base, shelter(childId))).body.episode;
    const stale = await cm.send('POST', `${base}/${ep.id}/end`, { version: 2, endDate: '2026-11-15' });
    expect(stale.status).toBe(409);
    expect(stale.body.details.currentVersion).toBe(1);
    const early = await cm.send('POST', `${base}/${ep.id}/end`, { version: 1, endDate: '2026-09-01' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('care_episode_dates_invalid');
    const ended = await cm.send('POST', `${base}/${ep.id}/end`, { version: 1, endDate: '2026-11-15', endReason: 'Повернення в сім\'ю' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toEqual(expect.objectContaining({ endDate: '2026-11-15', endReason: 'Повернення в сім\'ю', version: 2, allowedActions: [] }));
    const twice = await cm.send('POST', `${base}/${ep.id}/end`, { version: 2, endDate: '2026-11-16' });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('care_episode_already_ended');
    // The child may now start a new arrangement after the gap.
    expect((await cm.send('POST', base, { personId: childId, careType: 'own_family', startDate: '2026-11-16' })).status).toBe(201);
  });

  it('is only about children of the case', async () => {
    const { cm, caseId, childId, adultId } = await openCase();
    const base = `/api/v1/cases/${caseId}/care-episodes`;
    const stranger = await cm.send('POST', base, atHome('00000000-0000-4000-8000-000000000001'));
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('person_not_in_case');
    const adult = await cm.send('POST', base, atHome(adultId));
    expect(adult.status).toBe(422);
    expect(adult.body.code).toBe('person_not_child');

    // Reading goes through a case the person belongs to.
    const other = await openCase();
    expect((await cm.get(`/api/v1/persons/${childId}/care-episodes?caseId=${other.caseId}`)).status).toBe(404);
    expect((await cm.get(`/api/v1/persons/${childId}/care-episodes`)).status).toBe(400);
    const ep = (await cm.send('POST', base, atHome(childId))).body.episode;
    // An episode is ended only through a case of its child.
    expect((await cm.send('POST', `/api/v1/cases/${other.caseId}/care-episodes/${ep.id}/end`, { version: 1, endDate: '2026-11-01' })).status).toBe(404);
  });

  it('audits the history read once, lets the Child Affairs Service read, and hides everything from another hromada', async () => {
    const { cm, caseId, childId } = await openCase();
    const ep = (await cm.send('POST', `/api/v1/cases/${caseId}/care-episodes`, atHome(childId))).body.episode;
    const count = async () => (await tdb.deps.db.selectFrom('audit_log').select('id').where('entity', '=', 'care_episode').where('action', '=', 'list').execute()).length;
    const before = await count();
    const cas = await loginAs(app, 'cas.bucha');
    const read = await cas.get(`/api/v1/persons/${childId}/care-episodes?caseId=${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body.items[0].allowedActions).toEqual([]);
    expect(await count()).toBe(before + 1);

    const other = await loginAs(app, 'cm.stryi');
    const answers = [
      await other.get(`/api/v1/persons/${childId}/care-episodes?caseId=${caseId}`),
      await other.send('POST', `/api/v1/cases/${caseId}/care-episodes`, shelter(childId)),
      await other.send('POST', `/api/v1/cases/${caseId}/care-episodes/${ep.id}/end`, { version: 1, endDate: '2026-11-01' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
  });
});
