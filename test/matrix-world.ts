import type { FastifyInstance } from 'fastify';
import { seedDemoCaregivers } from '#server/db/seed/demo-caregivers.ts';
import { seedDemoInstitutions } from '#server/db/seed/demo-institutions.ts';
import { demoPassword } from '#server/db/seed/demo.ts';
import type { Deps } from '#server/lib/context.ts';
import { aNotification, seedWorld } from './factories.ts';
import { policyParts } from './policies/index.ts';

/** The 18 demo users of the README table. */
export const demoUsers = [
  'cm.bucha', 'cm2.bucha', 'sv.bucha', 'cas.bucha', 'cm.dmytrivka', 'cas.dmytrivka', 'cm.stryi', 'cas.stryi', 'cm.obroshyne',
  'provider.bucha', 'reporter.school', 'panel.member', 'panel.secretary', 'planner.bucha', 'coord.kyiv', 'analyst.national', 'admin', 'auditor',
] as const;
/** One demo user's name. */
export type DemoUser = (typeof demoUsers)[number];

/** An answer as the tests look at it. */
export type Answer = { status: number; type: string; body: string; json: unknown };

/** Sends one request as a demo user (cookie session + CSRF header) or anonymously (`null`). */
export type Caller = (user: DemoUser | null, req: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) => Promise<Answer>;

/** The ids the routes are called with: a case inside and one outside most users' scope, and one record of each kind. */
export type MatrixWorld = {
  call: Caller;
  world: Awaited<ReturnType<typeof seedWorld>>;
  buchaCaseId: string;
  stryiCaseId: string;
  buchaChildId: string;
  ids: Record<string, string>;
};

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Seeds the demo world, signs every demo user in and creates the records the matrix needs through the API. */
export async function buildMatrixWorld(app: FastifyInstance, deps: Deps): Promise<MatrixWorld> {
  const world = await seedWorld(deps);
  // The register records the matrix addresses (the test world leaves the showcase out).
  await seedDemoInstitutions(deps);
  await seedDemoCaregivers(deps);
  const cookies = new Map<string, string>();
  for (const username of demoUsers) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: demoPassword } });
    const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
    if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    cookies.set(username, `rodyna_session=${cookie.value}`);
  }
  const call: Caller = async (user, req) => {
    const headers: Record<string, string> = user ? { cookie: cookies.get(user) as string, 'x-requested-with': 'rodyna' } : {};
    const res = await app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: { ...headers, ...req.headers },
      ...(req.payload === undefined ? {} : { payload: req.payload as string }),
    });
    return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.body, json: parse(res.body) };
  };
  const created = async (user: DemoUser, url: string, payload: unknown): Promise<Record<string, unknown>> => {
    const res = await call(user, { method: 'POST', url, payload });
    if (res.status !== 201 && res.status !== 200) throw new Error(`${user} POST ${url}: ${res.status} ${res.body}`);
    return res.json as Record<string, unknown>;
  };
  const bucha = await created('cm.bucha', '/api/v1/notifications', aNotification(world.bucha));
  const stryi = await created('cm.stryi', '/api/v1/notifications', aNotification(world.stryi));
  const buchaCaseId = String(bucha.caseId);
  const stryiCaseId = String(stryi.caseId);
  const caseRes = await call('cm.bucha', { method: 'GET', url: `/api/v1/cases/${buchaCaseId}` });
  const members = ((caseRes.json as { members?: Array<{ role: string; personId: string }> }).members ?? []);
  const buchaChildId = members.find((m) => m.role === 'child')?.personId ?? '';
  const ids: Record<string, string> = {};
  const on = `/api/v1/cases/${buchaCaseId}`;
  const idOf = (x: Record<string, unknown>, ...path: string[]) => String(path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], x));
  ids.notification = idOf(await created('reporter.school', '/api/v1/notifications', aNotification(world.bucha, { openCase: false })), 'id');
  const person = { surname: 'Тестенко', givenName: 'Галина', patronymic: 'Степанівна', birthDate: '1958-05-10', sex: 'female', disability: false, latinName: '' };
  ids.safetyAssessment = idOf(await created('cm.bucha', `${on}/safety-assessments`, { childPersonId: buchaChildId, level: 'safe', participants: ['child_affairs_service'] }), 'id');
  ids.relative = idOf(await created('cm.bucha', `${on}/relatives`, { person, relation: 'grandmother' }), 'id');
  ids.familyAssessment = idOf(await created('cm.bucha', `${on}/family-assessments`, {}), 'id');
  ids.careEpisode = idOf(await created('cm.bucha', `${on}/care-episodes`, { personId: buchaChildId, careType: 'foster_family', startDate: '2026-10-01', reason: 'Тимчасове влаштування' }), 'episode', 'id');
  ids.plan = idOf(await created('cm.bucha', `${on}/plans`, undefined), 'id');
  ids.note = idOf(await created('cm.bucha', `${on}/notes`, { kind: 'office_meeting', noteDate: '2026-11-20', text: 'Мати прийшла до центру' }), 'id');
  ids.homeVisit = idOf(await created('cm.bucha', `${on}/home-visits`, { doneDate: '2026-11-20', place: 'home', childSeenAlone: 'yes', observations: 'Житлові умови задовільні' }), 'visit', 'id');
  ids.teamMember = idOf(await created('cm.bucha', `${on}/team`, { externalName: 'Іваненко Петро Іванович', teamRole: 'teacher' }), 'id');
  const first = async (user: DemoUser, url: string, pick: (item: Record<string, unknown>) => boolean = () => true) => {
    const items = ((await call(user, { method: 'GET', url })).json as { items: Array<Record<string, unknown>> }).items;
    const found = items.find(pick);
    if (!found) throw new Error(`nothing in ${url}`);
    return found;
  };
  const inHromada = (h: string) => (x: Record<string, unknown>) => (x.hromada as { id: string } | undefined)?.id === h;
  ids.deadlineRule = String((await first('admin', '/api/v1/deadline-rules')).id);
  ids.serviceCode = String((await first('admin', '/api/v1/service-catalogue')).code);
  ids.buchaProvider = String((await first('admin', '/api/v1/providers', inHromada(world.bucha))).id);
  ids.stryiProvider = String((await first('admin', '/api/v1/providers', inHromada(world.stryi))).id);
  ids.institution = String((await first('admin', '/api/v1/institutions')).id);
  ids.kyivOblast = String((await first('admin', '/api/v1/territories?level=oblast', (x) => String(x.nameEn).startsWith('Kyiv'))).id);
  ids.buchaCaregiver = String((await first('cm.bucha', '/api/v1/caregivers', inHromada(world.bucha))).id);
  ids.emergencyContact = idOf(
    await created('cm.bucha', '/api/v1/emergency-contacts', { hromadaId: world.bucha, occurredAt: '2026-11-20T09:00:00.000Z', situation: 'Дзвінок сусідів уночі', serviceCodes: [ids.serviceCode], members: aNotification(world.bucha).members }),
    'id',
  );
  // A referral of the Bucha case to provider.bucha's organisation, sent (the provider sees it), and a draft (only the case's side does).
  const providerOrg = await deps.db.selectFrom('user_roles').select('organisation_id').where('user_id', '=', world.userId('provider.bucha')).executeTakeFirstOrThrow();
  ids.providerOrganisation = providerOrg.organisation_id;
  // Sent on a recorded legal ground (SPEC §11: sharing needs consent or a legal ground; consents: test/policies/consent.ts).
  const referral = { providerId: providerOrg.organisation_id, serviceCode: 'issb_family_social_support', reason: 'Потрібен соціальний супровід сім’ї', contact: 'Тестенко Ольга', signedBy: 'Директор Центру', legalGround: 'child_protection', legalGroundNote: 'Закон України «Про охорону дитинства», ст. 10' };
  const sent = await created('cm.bucha', `${on}/referrals`, referral);
  ids.sentReferral = String(sent.id);
  const sending = await call('cm.bucha', { method: 'POST', url: `/api/v1/referrals/${ids.sentReferral}/transitions`, payload: { action: 'send', version: sent.version } });
  if (sending.status !== 200) throw new Error(`send referral: ${sending.status} ${sending.body}`);
  ids.draftReferral = String((await created('cm.bucha', `${on}/referrals`, referral)).id);
  // A pending plan approval asked by cm.bucha (inserted directly: the API asks for an agreed plan first; only the decision's access is checked here).
  const caseRow = await deps.db.selectFrom('cases').select(['hromada_id', 'organisation_id']).where('id', '=', buchaCaseId).executeTakeFirstOrThrow();
  const at = deps.now();
  const approval = await deps.db
    .insertInto('approvals')
    .values({ kind: 'plan', case_id: buchaCaseId, subject_id: ids.plan, requested_by: world.userId('cm.bucha'), requested_at: at, hromada_id: caseRow.hromada_id, organisation_id: caseRow.organisation_id, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.approval = approval.id;
  // Each area's own records (test/policies/*.ts).
  for (const part of policyParts) {
    if (part.seedIds) Object.assign(ids, await part.seedIds({ call, world, deps, buchaCaseId, stryiCaseId, buchaChildId, ids, created }));
  }
  return { call, world, buchaCaseId, stryiCaseId, buchaChildId, ids };
}
