import { beforeEach, describe, expect, it } from 'vitest';
import { useApiContext, type ApiContext } from '#test/api-context.ts';
import { loginAs } from '#test/factories.ts';
import { seedDemoProviders } from '#server/db/seed/demo-providers.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let ctx: ApiContext;
useApiContext(() => now, (c) => (ctx = c));
beforeEach(async () => {
  await seedDemoProviders(ctx.tdb.deps);
});

type Provider = { id: string; nameUk: string; kind: string; status: string; services: Array<{ serviceCode: string; capacity: number | null; inUse: number }>; servedHromadas: Array<{ id: string }>; version: number; allowedActions: string[] };

const aProvider = (hromadaId: string, over: Record<string, unknown> = {}) => ({
  nameUk: 'Благодійний фонд «Тест»',
  nameEn: 'Charity "Test"',
  hromadaId,
  kind: 'cso',
  phone: '+380 44 111 22 33',
  email: 'test@example.org',
  services: [{ serviceCode: 'issb_youth_clubs', capacity: 30 }],
  ...over,
});

describe('providers register: search (SPEC §4.2)', () => {
  it('lists the demo providers in Ukrainian order with services, places and territory served', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const res = await cm.get('/api/v1/providers');
    expect(res.status).toBe(200);
    const items: Provider[] = res.body.items;
    expect(items).toHaveLength(4);
    const names = items.map((p) => p.nameUk);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'uk')));
    const ngo = items.find((p) => p.nameUk.includes('Бучанська'));
    expect(ngo).toEqual(expect.objectContaining({ kind: 'ngo', status: 'active', allowedActions: [] }));
    expect(ngo?.services).toEqual(expect.arrayContaining([expect.objectContaining({ serviceCode: 'issb_crisis_intervention', capacity: 4, inUse: 0 })]));
    expect(ngo?.servedHromadas.map((h) => h.id).sort()).toEqual([ctx.world.bucha, ctx.world.dmytrivka].sort());
  });

  it('finds providers by service, by hromada served and by a part of the name', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const byService = (await cm.get('/api/v1/providers?serviceCode=issb_early_intervention')).body.items as Provider[];
    expect(byService.map((p) => p.nameUk)).toEqual(['Комунальна установа «Бучанський центр комплексної реабілітації дітей з інвалідністю»']);
    const byPlace = (await cm.get(`/api/v1/providers?hromadaId=${ctx.world.dmytrivka}`)).body.items as Provider[];
    expect(byPlace.map((p) => p.nameUk)).toEqual(['Громадська організація «Родинне коло» (Бучанська)']);
    const both = (await cm.get(`/api/v1/providers?hromadaId=${ctx.world.stryi}&serviceCode=issb_family_social_support`)).body.items as Provider[];
    expect(both.map((p) => p.nameUk)).toEqual(['Громадська організація «Родинне коло» (Стрийська)']);
    const byName = (await cm.get(`/api/v1/providers?q=${encodeURIComponent('МИЛОСЕРД')}`)).body.items as Provider[];
    expect(byName.map((p) => p.nameUk)).toEqual(['Благодійна організація «Милосердя» (Стрий)']);
    const english = (await cm.get('/api/v1/providers?q=rehabilitation')).body.items as Provider[];
    expect(english).toHaveLength(1);
  });

  it('pages with a cursor without repeating or skipping providers', async () => {
    const cm = await loginAs(ctx.app, 'cm.bucha');
    const first = await cm.get('/api/v1/providers?limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await cm.get(`/api/v1/providers?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = (await cm.get('/api/v1/providers')).body.items.map((p: Provider) => p.id);
    expect([...first.body.items, ...second.body.items].map((p: Provider) => p.id)).toEqual(all);
    expect((await cm.get('/api/v1/providers?cursor=garbage')).body.code).toBe('invalid_cursor');
  });

  it('is open to every staff role but not to reporters or anonymous callers', async () => {
    for (const username of ['cm.bucha', 'sv.bucha', 'cas.stryi', 'provider.bucha', 'planner.bucha', 'coord.kyiv', 'analyst.national', 'admin', 'auditor', 'panel.member']) {
      const client = await loginAs(ctx.app, username);
      expect((await client.get('/api/v1/providers')).status, username).toBe(200);
    }
    const reporter = await loginAs(ctx.app, 'reporter.school');
    const refused = await reporter.get('/api/v1/providers');
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const one = (await (await loginAs(ctx.app, 'cm.bucha')).get('/api/v1/providers')).body.items[0] as Provider;
    expect((await reporter.get(`/api/v1/providers/${one.id}`)).status).toBe(403);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/providers' })).statusCode).toBe(401);
  });
});

describe('providers register: keeping it (SPEC §4.2)', () => {
  it('lets the system administrator register a provider anywhere, audited', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const res = await admin.send('POST', '/api/v1/providers', aProvider(ctx.world.stryi, { servedHromadaIds: [ctx.world.stryi, ctx.world.obroshyne] }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ nameUk: 'Благодійний фонд «Тест»', kind: 'cso', status: 'active', version: 1, allowedActions: ['edit'] }));
    expect(res.body.servedHromadas).toHaveLength(2);
    const org = await ctx.tdb.deps.db.selectFrom('organisations').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect([org.type, org.hromada_id]).toEqual(['service_provider', ctx.world.stryi]);
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').selectAll().where('entity', '=', 'provider').execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.actor_username])).toEqual([['create', res.body.id, 'admin']]);
  });

  it('lets the community planner register and edit providers of their own hromada only', async () => {
    const planner = await loginAs(ctx.app, 'planner.bucha');
    const created = await planner.send('POST', '/api/v1/providers', aProvider(ctx.world.bucha));
    expect(created.status).toBe(201);
    // Without hromadas served, the provider serves the one where it is.
    expect(created.body.servedHromadas.map((h: { id: string }) => h.id)).toEqual([ctx.world.bucha]);
    const elsewhere = await planner.send('POST', '/api/v1/providers', aProvider(ctx.world.stryi));
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'forbidden']);

    const edited = await planner.send('PUT', `/api/v1/providers/${created.body.id}`, { ...aProvider(ctx.world.bucha, { status: 'suspended', services: [{ serviceCode: 'issb_youth_clubs', capacity: 10 }, { serviceCode: 'basic_mediation', capacity: null }] }), version: 1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.status).toBe('suspended');
    expect(edited.body.services.map((s: { serviceCode: string }) => s.serviceCode)).toEqual(['issb_youth_clubs', 'basic_mediation']);
    expect(edited.body.version).toBe(2);
    const stale = await planner.send('PUT', `/api/v1/providers/${created.body.id}`, { ...aProvider(ctx.world.bucha), version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    // Moving it away to a hromada that is not the planner's is refused.
    const moved = await planner.send('PUT', `/api/v1/providers/${created.body.id}`, { ...aProvider(ctx.world.stryi), version: 2 });
    expect(moved.status).toBe(403);
    const stryiProvider = ((await planner.get(`/api/v1/providers?hromadaId=${ctx.world.stryi}`)).body.items as Provider[])[0] as Provider;
    expect(stryiProvider.allowedActions).toEqual([]);
    expect((await planner.send('PUT', `/api/v1/providers/${stryiProvider.id}`, { ...aProvider(ctx.world.stryi), version: stryiProvider.version })).status).toBe(403);
    const audit = await ctx.tdb.deps.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'provider').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('refuses other roles, unknown services and places, and a second entry for the same organisation', async () => {
    for (const username of ['cm.bucha', 'sv.bucha', 'cas.bucha', 'provider.bucha', 'coord.kyiv', 'analyst.national', 'reporter.school']) {
      const client = await loginAs(ctx.app, username);
      expect((await client.send('POST', '/api/v1/providers', aProvider(ctx.world.bucha))).status, username).toBe(403);
    }
    const admin = await loginAs(ctx.app, 'admin');
    const unknownService = await admin.send('POST', '/api/v1/providers', aProvider(ctx.world.bucha, { services: [{ serviceCode: 'space_travel', capacity: 1 }] }));
    expect([unknownService.status, unknownService.body.code]).toEqual([422, 'service_not_in_catalogue']);
    const unknownPlace = await admin.send('POST', '/api/v1/providers', aProvider(ctx.world.bucha, { servedHromadaIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect([unknownPlace.status, unknownPlace.body.code]).toEqual([404, 'hromada_not_found']);
    // The demo world's Dmytrivka NGO has no register entry yet: it can be registered once.
    const dmytrivkaOrg = await ctx.tdb.deps.db.selectFrom('organisations').select('id').where('type', '=', 'service_provider').where('hromada_id', '=', ctx.world.dmytrivka).executeTakeFirstOrThrow();
    const entry = { ...aProvider(ctx.world.dmytrivka, { nameUk: 'ГО «Родинне коло» (Дмитрівська)', nameEn: 'NGO "Family Circle" (Dmytrivka)', kind: 'ngo' }), organisationId: dmytrivkaOrg.id };
    const first = await admin.send('POST', '/api/v1/providers', entry);
    expect([first.status, first.body.id]).toEqual([201, dmytrivkaOrg.id]);
    const again = await admin.send('POST', '/api/v1/providers', entry);
    expect([again.status, again.body.code]).toEqual([422, 'provider_already_registered']);
    expect((await admin.get('/api/v1/providers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
