import { beforeEach, describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { aNotification, loginAs, type Client } from '#test/factories.ts';
import { consentToSharing } from '#test/consents.ts';
import { demoPassword } from '#server/db/seed/demo.ts';
import { seedDemoProviders } from '#server/db/seed/demo-providers.ts';
import { insertOrganisation } from '#server/db/seed/builders.ts';
import { createUser } from '#server/services/users.service.ts';

// Friday 20 November 2026, 10:00 in Kyiv.
const now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(() => now, (c) => (ctx = c));
beforeEach(async () => {
  await seedDemoProviders(ctx.tdb.deps);
});

async function orgId(nameEnPrefix: string): Promise<string> {
  const row = await ctx.tdb.deps.db.selectFrom('organisations').select('id').where('name_en', 'like', `${nameEnPrefix}%`).executeTakeFirstOrThrow();
  return row.id;
}
const buchaNgo = () => orgId('NGO "Family Circle" (Bucha');
const buchaRehab = () => orgId('Bucha Centre for Comprehensive Rehabilitation');
const stryiNgo = () => orgId('NGO "Family Circle" (Stryi');

/** A user with one role in an organisation, signed in. */
async function userIn(username: string, role: 'provider_worker' | 'reporter', organisationId: string): Promise<Client> {
  await createUser(ctx.tdb.deps, { username, password: demoPassword, surname: 'Тестова', givenName: 'Ганна', patronymic: '', grants: [{ role, organisationId }], supervisorId: null, isDemo: true }, null);
  return loginAs(ctx.app, username);
}

async function registerCase(username = 'cm.bucha', hromada: 'bucha' | 'stryi' = 'bucha'): Promise<string> {
  const cm = await loginAs(ctx.app, username);
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(ctx.world[hromada]));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // The family consents to sharing with providers, so that referrals may be sent (SPEC §11; consent.routes.test.ts).
  await consentToSharing(cm, res.body.caseId as string);
  return res.body.caseId as string;
}

const aReferral = (providerId: string, over: Record<string, unknown> = {}) => ({
  providerId,
  serviceCode: 'issb_family_social_support',
  reason: 'Мати втратила роботу, дитина пропускає заняття; потрібен соціальний супровід сім’ї.',
  contact: 'Тестенко Ольга Петрівна, +380 67 000 00 00',
  signedBy: 'Директор Центру Іваненко І. І.',
  ...over,
});

async function draft(cm: Client, caseId: string, over: Record<string, unknown> = {}) {
  const res = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(await buchaNgo(), over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; status: string };
}

const step = (client: Client, r: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}) =>
  client.send('POST', `/api/v1/referrals/${r.id}/transitions`, { action, version: r.version, ...extra });

describe('referrals: lifecycle (SPEC §4.3)', () => {
  it('drafts, edits, sends with a response deadline, and the provider accepts, starts and completes with feedback', async () => {
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const created = await draft(cm, caseId);
    expect(created).toEqual(expect.objectContaining({ status: 'draft', urgency: 'routine', allowedActions: ['edit', 'send'], responseDeadline: null, case: expect.objectContaining({ id: caseId }) }));
    expect((created as unknown as { child: unknown }).child).toEqual({ surname: 'Тестенко', givenName: 'Марія', patronymic: 'Іванівна', age: 10 });
    const edited = await cm.send('PUT', `/api/v1/referrals/${created.id}`, { ...aReferral(await buchaNgo(), { serviceCode: 'issb_resilience_counselling' }), version: 1 });
    expect([edited.status, edited.body.service.code, edited.body.version]).toEqual([200, 'issb_resilience_counselling', 2]);

    const sent = await step(cm, edited.body, 'send');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // Five working days from Friday 20.11.2026.
    expect(sent.body.responseDeadline).toEqual(expect.objectContaining({ dueDate: '2026-11-27', status: 'upcoming', sourceUk: expect.stringContaining('5 робочих днів') }));
    expect(sent.body.allowedActions).toEqual(['drop']);
    expect((await cm.send('PUT', `/api/v1/referrals/${created.id}`, { ...aReferral(await buchaNgo()), version: 3 })).body.code).toBe('referral_not_draft');

    const provider = await loginAs(ctx.app, 'provider.bucha');
    const incoming = await provider.get('/api/v1/referrals?box=incoming');
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    const seen = incoming.body.items[0];
    expect(seen).toEqual(expect.objectContaining({ case: null, measure: null, reason: expect.stringContaining('соціальний супровід'), contact: expect.stringContaining('+380 67'), allowedActions: ['accept', 'decline'] }));
    expect(seen.child).toEqual({ surname: 'Тестенко', givenName: 'Марія', patronymic: 'Іванівна', age: 10 });
    expect(JSON.stringify(seen)).not.toContain(caseId);

    const accepted = await step(provider, seen, 'accept', { note: 'Приймаємо, перша зустріч 24.11.2026.' });
    expect([accepted.body.status, accepted.body.feedback, accepted.body.responseDeadline.status]).toEqual(['accepted', 'Приймаємо, перша зустріч 24.11.2026.', 'met']);
    const started = await step(provider, accepted.body, 'start');
    expect(started.body.status).toBe('in_service');
    const completed = await step(provider, started.body, 'complete', { note: 'Проведено 6 консультацій, мета досягнута.' });
    expect([completed.body.status, completed.body.allowedActions]).toEqual(['completed', []]);

    // The referrer sees the feedback and every dated step with who took it.
    const mine = await cm.get(`/api/v1/referrals/${created.id}`);
    expect(mine.body.feedback).toBe('Проведено 6 консультацій, мета досягнута.');
    expect(mine.body.history.map((h: { from: string; to: string; by: { name: string }; at: string }) => [h.from, h.to, h.by.name, h.at])).toEqual([
      ['draft', 'sent', 'Коваленко Олена Петрівна', now.toISOString()],
      ['sent', 'accepted', 'Шевчук Тетяна Андріївна', now.toISOString()],
      ['accepted', 'in_service', 'Шевчук Тетяна Андріївна', now.toISOString()],
      ['in_service', 'completed', 'Шевчук Тетяна Андріївна', now.toISOString()],
    ]);
    const events = await ctx.tdb.deps.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).where('kind', 'like', 'referral_%').orderBy('seq').execute();
    expect(events.map((e) => e.kind)).toEqual(['referral_drafted', 'referral_sent', 'referral_accepted', 'referral_in_service', 'referral_completed']);
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['action', 'actor_username', 'details']).where('entity', '=', 'referral').where('entity_id', '=', created.id).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_username])).toEqual([
      ['create', 'cm.bucha'],
      ['update', 'cm.bucha'],
      ['update', 'cm.bucha'],
      ['update', 'provider.bucha'],
      ['update', 'provider.bucha'],
      ['update', 'provider.bucha'],
      ['read', 'cm.bucha'],
    ]);
    const listAudit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['actor_username', 'details']).where('entity', '=', 'referral').where('action', '=', 'list').execute();
    expect(listAudit).toEqual([expect.objectContaining({ actor_username: 'provider.bucha', details: expect.objectContaining({ box: 'incoming', ids: [created.id] }) })]);
  });

  it('gives an emergency referral a same-day answer deadline', async () => {
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const r = await draft(cm, caseId, { urgency: 'emergency', serviceCode: 'issb_crisis_intervention', requestedIntervention: 'Кризове втручання вдома', earlierServices: 'Допомога на дітей' });
    const sent = await step(cm, r, 'send');
    expect(sent.body.responseDeadline).toEqual(expect.objectContaining({ dueDate: '2026-11-20', status: 'due_today', sourceUk: expect.stringContaining('ст. 23') }));
    const rule = await ctx.tdb.deps.db.selectFrom('deadline_rules').selectAll().where('key', '=', 'referral_response_emergency').executeTakeFirstOrThrow();
    expect([rule.unit, rule.amount]).toEqual(['same_day', 0]);
  });

  it('refers for a plan measure, taking the measure’s service, and refuses a measure of another case', async () => {
    const caseId = await registerCase();
    const otherCase = await registerCase();
    const db = ctx.tdb.deps.db;
    const c = await db.selectFrom('cases').select(['hromada_id', 'organisation_id', 'case_manager_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
    const base = { hromada_id: c.hromada_id, organisation_id: c.organisation_id };
    const plan = await db.insertInto('case_plans').values({ case_id: caseId, version_no: 1, created_by: c.case_manager_id, ...base }).returning('id').executeTakeFirstOrThrow();
    const goal = await db.insertInto('plan_goals').values({ plan_id: plan.id, key: crypto.randomUUID(), domain: 'education', goal: 'Відвідує школу', position: 0, ...base }).returning('id').executeTakeFirstOrThrow();
    const measure = await db
      .insertInto('plan_measures')
      .values({ plan_id: plan.id, goal_id: goal.id, key: crypto.randomUUID(), position: 0, action: 'Консультації психолога', measure_type: 'other', service_code: 'issb_resilience_counselling', ...base })
      .returning(['id', 'key'])
      .executeTakeFirstOrThrow();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const { serviceCode: _omit, ...withoutService } = aReferral(await buchaNgo(), { measureId: measure.id });
    const res = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, withoutService);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect([res.body.service.code, res.body.measure]).toEqual(['issb_resilience_counselling', { id: measure.id, key: measure.key, action: 'Консультації психолога' }]);
    const foreign = await cm.send('POST', `/api/v1/cases/${otherCase}/referrals`, withoutService);
    expect([foreign.status, foreign.body.code]).toEqual([422, 'measure_not_found']);
  });

  it('refuses a provider that does not offer the service, is suspended, or is not in the register', async () => {
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const notOffered = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(await buchaNgo(), { serviceCode: 'issb_youth_clubs' }));
    expect([notOffered.status, notOffered.body.code]).toEqual([422, 'provider_service_not_offered']);
    const school = await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(await orgId('Bucha Lyceum')));
    expect(school.body.code).toBe('provider_not_found');
    await ctx.tdb.deps.db.updateTable('provider_profiles').set({ status: 'suspended' }).where('organisation_id', '=', await buchaNgo()).execute();
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(await buchaNgo()))).body.code).toBe('provider_not_active');
  });
});

describe('referrals: every illegal step is refused (SPEC §4.3)', () => {
  type State = 'draft' | 'sent' | 'accepted' | 'declined' | 'in_service' | 'completed' | 'dropped';
  const path: Record<State, Array<[side: 'cm' | 'provider', action: string, extra?: Record<string, unknown>]>> = {
    draft: [],
    sent: [['cm', 'send']],
    accepted: [['cm', 'send'], ['provider', 'accept']],
    declined: [['cm', 'send'], ['provider', 'decline', { reasonCode: 'not_eligible' }]],
    in_service: [['cm', 'send'], ['provider', 'accept'], ['provider', 'start']],
    completed: [['cm', 'send'], ['provider', 'accept'], ['provider', 'start'], ['provider', 'complete']],
    dropped: [['cm', 'send'], ['cm', 'drop', { note: 'Сім’я переїхала' }]],
  };
  // Each step with the side that takes it and what it needs; legal from the listed states only.
  const actions: Array<{ action: string; side: 'cm' | 'provider'; extra: Record<string, unknown>; legalFrom: State[] }> = [
    { action: 'send', side: 'cm', extra: {}, legalFrom: ['draft'] },
    { action: 'accept', side: 'provider', extra: {}, legalFrom: ['sent'] },
    { action: 'decline', side: 'provider', extra: { reasonCode: 'other', note: 'x' }, legalFrom: ['sent'] },
    { action: 'start', side: 'provider', extra: {}, legalFrom: ['accepted'] },
    { action: 'complete', side: 'provider', extra: {}, legalFrom: ['in_service'] },
    { action: 'drop', side: 'cm', extra: { note: 'Сім’я відмовилась' }, legalFrom: ['sent', 'accepted', 'in_service'] },
    { action: 'drop', side: 'provider', extra: { note: 'Сім’я не приходить' }, legalFrom: ['accepted', 'in_service'] },
  ];

  it.each(Object.keys(path) as State[])('from %s', async (state) => {
    const caseId = await registerCase();
    const clients = { cm: await loginAs(ctx.app, 'cm.bucha'), provider: await loginAs(ctx.app, 'provider.bucha') };
    let r = await draft(clients.cm, caseId);
    for (const [side, action, extra] of path[state]) {
      const res = await step(clients[side], r, action, extra);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      r = res.body;
    }
    expect(r.status).toBe(state);
    for (const a of actions.filter((x) => !x.legalFrom.includes(state))) {
      const res = await step(clients[a.side], r, a.action, a.extra);
      // The provider does not see drafts at all.
      const expected = state === 'draft' && a.side === 'provider' ? [404, 'not_found'] : [422, 'referral_transition_not_allowed'];
      expect([res.status, res.body.code], `${a.side} ${a.action} from ${state}`).toEqual(expected);
    }
    const after = await clients.cm.get(`/api/v1/referrals/${r.id}`);
    expect([after.body.status, after.body.version]).toEqual([state, r.version]);
  });

  it('refuses the wrong side, a decline without reason, a drop without a word, and a stale version', async () => {
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const provider = await loginAs(ctx.app, 'provider.bucha');
    const sent = (await step(cm, await draft(cm, caseId), 'send')).body;
    expect([(await step(cm, sent, 'accept')).status, (await step(cm, sent, 'accept')).body.code]).toEqual([403, 'forbidden']);
    expect((await step(provider, sent, 'send')).body.code).toBe('forbidden');
    expect((await step(provider, sent, 'decline')).body.code).toBe('decline_reason_required');
    expect((await step(cm, sent, 'drop')).body.code).toBe('drop_reason_required');
    expect((await step(provider, sent, 'accept', { reasonCode: 'no_capacity' })).status).toBe(400);
    const stale = await step(provider, { id: sent.id, version: sent.version - 1 }, 'accept');
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    expect((await provider.send('POST', `/api/v1/referrals/${sent.id}/transitions`, { action: 'teleport', version: sent.version })).status).toBe(400);
  });
});

describe('referrals: who sees and does what (SPEC §4.3, §11)', () => {
  it('follows the case for the team and Child Affairs, and the addressee for providers; 404 to everyone else', async () => {
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const sent = (await step(cm, await draft(cm, caseId), 'send')).body;
    await userIn('provider.rehab', 'provider_worker', await buchaRehab());

    const expectations: Array<[string, 'full' | 'limited' | 'hidden', string[]]> = [
      ['cm.bucha', 'full', ['drop']],
      ['sv.bucha', 'full', ['drop']],
      ['cas.bucha', 'full', []],
      ['provider.bucha', 'limited', ['accept', 'decline']],
      ['provider.rehab', 'hidden', []],
      ['cm2.bucha', 'hidden', []],
      ['cm.stryi', 'hidden', []],
      ['reporter.school', 'hidden', []],
      ['planner.bucha', 'hidden', []],
      ['analyst.national', 'hidden', []],
      ['coord.kyiv', 'hidden', []],
      ['admin', 'hidden', []],
    ];
    for (const [username, sees, actions] of expectations) {
      const client = await loginAs(ctx.app, username);
      const one = await client.get(`/api/v1/referrals/${sent.id}`);
      const outgoing = (await client.get('/api/v1/referrals?box=outgoing')).body.items.map((r: { id: string }) => r.id);
      const incoming = (await client.get('/api/v1/referrals?box=incoming')).body.items.map((r: { id: string }) => r.id);
      if (sees === 'hidden') {
        expect([one.status, one.body.code], username).toEqual([404, 'not_found']);
        expect([outgoing, incoming], username).toEqual([[], []]);
        expect((await step(client, sent, 'accept')).status, username).toBe(404);
        continue;
      }
      expect(one.status, username).toBe(200);
      expect(one.body.allowedActions, username).toEqual(actions);
      if (sees === 'full') {
        expect([one.body.case?.id, outgoing, incoming], username).toEqual([caseId, [sent.id], []]);
      } else {
        expect([one.body.case, outgoing, incoming], username).toEqual([null, [], [sent.id]]);
        // Never the whole case: the provider gets 404 for the case and its parts.
        expect((await client.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
        expect((await client.get(`/api/v1/cases/${caseId}/referrals`)).status).toBe(404);
      }
    }
  });

  it('lets the case manager and supervisor refer, not Child Affairs nor anyone outside the case', async () => {
    const caseId = await registerCase();
    const ngo = await buchaNgo();
    for (const [username, status] of [['cm.bucha', 201], ['sv.bucha', 201], ['cas.bucha', 403], ['provider.bucha', 404], ['reporter.school', 404], ['cm2.bucha', 404]] as const) {
      const client = await loginAs(ctx.app, username);
      expect((await client.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(ngo))).status, username).toBe(status);
    }
    const cas = await loginAs(ctx.app, 'cas.bucha');
    const list = await cas.get(`/api/v1/cases/${caseId}/referrals`);
    expect([list.body.items.length, list.body.allowedActions]).toEqual([2, []]);
    // Drafts stay with the referring side.
    const provider = await loginAs(ctx.app, 'provider.bucha');
    expect((await provider.get(`/api/v1/referrals/${list.body.items[0].id}`)).status).toBe(404);
    expect((await provider.get('/api/v1/referrals?box=incoming')).body.items).toEqual([]);
  });

  it('pages the boxes with a cursor and filters them by status', async () => {
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await draft(cm, caseId);
      ids.push(r.id);
      if (i < 2) await step(cm, r, 'send');
    }
    const first = await cm.get('/api/v1/referrals?box=outgoing&limit=2');
    const second = await cm.get(`/api/v1/referrals?box=outgoing&limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
    expect(second.body.nextCursor).toBeNull();
    expect((await cm.get('/api/v1/referrals?box=outgoing&status=draft')).body.items.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    const provider = await loginAs(ctx.app, 'provider.bucha');
    expect((await provider.get('/api/v1/referrals?box=incoming&status=sent')).body.items).toHaveLength(2);
    expect((await cm.get('/api/v1/referrals?box=sideways')).status).toBe(400);
  });
});

describe('unmet need (SPEC §4.3, §8)', () => {
  it('counts declines for lack of capacity per hromada and service, for planners, coordinators, analysts and supervisors only', async () => {
    const buchaCase = await registerCase();
    const stryiCase = await registerCase('cm.stryi', 'stryi');
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const provider = await loginAs(ctx.app, 'provider.bucha');
    const decline = async (client: Client, r: { id: string; version: number }, reasonCode: string) => {
      const res = await step(client, r, 'decline', { reasonCode, note: 'Немає вільних місць до лютого' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    for (const [service, reason] of [['issb_family_social_support', 'no_capacity'], ['issb_family_social_support', 'no_capacity'], ['issb_crisis_intervention', 'no_capacity'], ['issb_crisis_intervention', 'not_eligible']] as const) {
      const sent = (await step(cm, await draft(cm, buchaCase, { serviceCode: service }), 'send')).body;
      const declined = await decline(provider, sent, reason);
      expect([declined.declineReason, declined.feedback]).toEqual([reason, 'Немає вільних місць до лютого']);
    }
    const cmStryi = await loginAs(ctx.app, 'cm.stryi');
    const stryiProvider = await userIn('provider.stryi', 'provider_worker', await stryiNgo());
    const stryiDraft = await cmStryi.send('POST', `/api/v1/cases/${stryiCase}/referrals`, aReferral(await stryiNgo()));
    await decline(stryiProvider, (await step(cmStryi, stryiDraft.body, 'send')).body, 'no_capacity');

    type Row = { hromada: { id: string }; service: { code: string }; count: number };
    const summary = (items: Row[]) => items.map((i) => [i.hromada.id === ctx.world.bucha ? 'bucha' : 'stryi', i.service.code, i.count]);
    const bucha = [
      ['bucha', 'issb_family_social_support', 2],
      ['bucha', 'issb_crisis_intervention', 1],
    ];
    for (const username of ['planner.bucha', 'sv.bucha', 'coord.kyiv']) {
      const res = await (await loginAs(ctx.app, username)).get('/api/v1/unmet-need');
      expect(res.status, username).toBe(200);
      expect([summary(res.body.items), res.body.total], username).toEqual([bucha, 3]);
      expect(JSON.stringify(res.body), username).not.toMatch(/Тестенко|referral|caseId/);
    }
    const analyst = await loginAs(ctx.app, 'analyst.national');
    const national = (await analyst.get('/api/v1/unmet-need')).body;
    expect([summary(national.items), national.total]).toEqual([[...bucha, ['stryi', 'issb_family_social_support', 1]], 4]);
    expect((await analyst.get(`/api/v1/unmet-need?hromadaId=${ctx.world.stryi}`)).body.total).toBe(1);
    expect((await analyst.get('/api/v1/unmet-need?from=2026-11-21')).body).toEqual({ from: '2026-11-21', to: null, items: [], total: 0 });
    expect((await analyst.get('/api/v1/unmet-need?from=2026-11-01&to=2026-11-20')).body.total).toBe(4);
    expect((await analyst.get('/api/v1/unmet-need?from=2026-11-21&to=2026-11-01')).body.code).toBe('invalid_period');

    const planner = await loginAs(ctx.app, 'planner.bucha');
    expect((await planner.get(`/api/v1/unmet-need?hromadaId=${ctx.world.stryi}`)).status).toBe(403);
    for (const username of ['cm.bucha', 'cas.bucha', 'provider.bucha', 'reporter.school', 'admin']) {
      const res = await (await loginAs(ctx.app, username)).get('/api/v1/unmet-need');
      expect([res.status, res.body.code], username).toEqual([403, 'forbidden']);
    }
  });
});

describe('reporters (SPEC §0, §2.3): notifications are their referral into Child Affairs and social services', () => {
  it('lets school, health and police reporters submit and see only their own submissions and status, and nothing else', async () => {
    const bucha = ctx.world.bucha;
    const health = await insertOrganisation(ctx.tdb.deps.db, { type: 'health_facility', nameUk: 'Бучанська лікарня', nameEn: 'Bucha Hospital', territoryId: bucha, hromadaId: bucha });
    const police = await insertOrganisation(ctx.tdb.deps.db, { type: 'police', nameUk: 'Бучанське РУП', nameEn: 'Bucha Police', territoryId: bucha, hromadaId: bucha });
    const reporters: Array<[Client, string]> = [
      [await loginAs(ctx.app, 'reporter.school'), 'school'],
      [await userIn('reporter.health', 'reporter', health), 'health_facility'],
      [await userIn('reporter.police', 'reporter', police), 'police'],
    ];
    const caseId = await registerCase();
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const referral = await draft(cm, caseId);
    for (const [client, source] of reporters) {
      const res = await client.send('POST', '/api/v1/notifications', aNotification(bucha, { source: source as 'school', openCase: false, description: `Повідомлення від ${client.username}` }));
      expect(res.status, client.username).toBe(201);
    }
    for (const [client] of reporters) {
      const mine = (await client.get('/api/v1/notifications')).body.items as Array<{ description: string; status: string }>;
      expect(mine.map((n) => [n.description, n.status]), client.username).toEqual([[`Повідомлення від ${client.username}`, 'received']]);
      // They cannot open cases, nor see cases, referrals, providers or aggregates.
      expect((await client.send('POST', '/api/v1/notifications', aNotification(bucha))).status, client.username).toBe(403);
      expect((await client.get('/api/v1/cases')).body.items, client.username).toEqual([]);
      expect((await client.get(`/api/v1/cases/${caseId}`)).status, client.username).toBe(404);
      expect((await client.get(`/api/v1/referrals/${referral.id}`)).status, client.username).toBe(404);
      expect((await client.send('POST', `/api/v1/cases/${caseId}/referrals`, aReferral(await buchaNgo()))).status, client.username).toBe(404);
      expect((await client.get('/api/v1/referrals?box=outgoing')).body.items, client.username).toEqual([]);
      expect((await client.get('/api/v1/providers')).status, client.username).toBe(403);
      expect((await client.get('/api/v1/unmet-need')).status, client.username).toBe(403);
    }
  });
});
