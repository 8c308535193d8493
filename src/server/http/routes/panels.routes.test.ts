import type { FastifyInstance } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { seedDemoInstitutions } from '#server/db/seed/demo-institutions.ts';
import { seedDemoPanels } from '#server/db/seed/demo-panels.ts';

// One world for the file: the steps below follow one submission from the case page to the signed minutes.
const now = new Date('2026-11-20T10:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let cm: Client;
let secretary: Client;
let chair: Client;
let caseId: string;
let childId: string;
let bodyId: string;
let providerId: string;
let submissionId: string;
let meetingId: string;
let itemId: string;
let members: Array<{ id: string; surname: string; role: string; conflictOfInterest: boolean; livedExperience: boolean }>;

const member = (surname: string) => {
  const m = members.find((x) => x.surname === surname);
  if (!m) throw new Error(`no member ${surname}`);
  return m.id;
};

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  await seedDemoInstitutions(tdb.deps);
  await seedDemoPanels(tdb.deps);
  cm = await loginAs(app, 'cm.bucha');
  secretary = await loginAs(app, 'panel.secretary');
  chair = await loginAs(app, 'panel.member');
  const reg = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha, { caseType: 'alternative_care' }));
  caseId = reg.body.caseId as string;
  childId = (await cm.get(`/api/v1/cases/${caseId}`)).body.members.find((m: { role: string }) => m.role === 'child').personId as string;
}, 180_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const fosterDetermination = {
  options: [
    { option: 'family_of_origin_with_support', necessity: 'Мати не може забезпечити безпеку дитини', suitability: '', ruledOutReason: 'Загроза життю дитини в сім’ї' },
    { option: 'kinship', ruledOutReason: 'Родичів, готових прийняти дитину, не знайдено' },
    { option: 'foster_family', necessity: 'Дитині потрібен сімейний догляд негайно', suitability: 'Прийомна сім’я Коваленків пройшла навчання і має досвід' },
  ],
  childViews: 'Дитина хоче жити в сім’ї і бачитися з мамою',
  chosenOption: 'foster_family',
  rationale: 'Влаштування в прийомну сім’ю відповідає найкращим інтересам дитини',
  dissentingOpinions: 'Мельник О. І. вважає, що слід ще шукати родичів',
  followUpDate: '2027-02-20',
};

describe('gatekeeping panel: submission → meeting → vote → decision → minutes (SPEC §3)', () => {
  it('the case manager submits the child with assessments; others may not; one open submission per panel', async () => {
    const page = await cm.get(`/api/v1/cases/${caseId}/panel-submissions`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.allowedActions).toEqual(['submit']);
    expect(page.body.bodies).toHaveLength(1);
    bodyId = page.body.bodies[0].id;
    providerId = page.body.providers[0].id;
    const needs = page.body.assessments.find((a: { kind: string }) => a.kind === 'needs_assessment');
    const body = { bodyId, childPersonId: childId, question: 'Про влаштування дитини в прийомну сім’ю', assessments: needs ? [{ kind: needs.kind, id: needs.id }] : [], providerOrganisationId: providerId };
    const created = await cm.send('POST', `/api/v1/cases/${caseId}/panel-submissions`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ status: 'submitted', childName: 'Тестенко Марія Іванівна', provider: expect.objectContaining({ id: providerId }) }));
    submissionId = created.body.id;
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/panel-submissions`, body)).body.code).toBe('panel_submission_open');
    expect((await (await loginAs(app, 'cas.bucha')).send('POST', `/api/v1/cases/${caseId}/panel-submissions`, body)).status).toBe(403);
    expect((await secretary.send('POST', `/api/v1/cases/${caseId}/panel-submissions`, body)).status).toBe(404);
    const events = await tdb.deps.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).where('kind', '=', 'panel_case_submitted').execute();
    expect(events).toHaveLength(1);
  });

  it('the body shows its members with the conflict and lived-experience marks, flags and the waiting submission', async () => {
    const res = await secretary.get(`/api/v1/panel-bodies/${bodyId}`);
    expect(res.status).toBe(200);
    members = res.body.members;
    expect(res.body).toEqual(expect.objectContaining({ currentMembers: 7, livedExperienceMembers: 1, meetingsHeld: 1, notMetInQuarter: false, mentoring: true, allowedActions: ['read', 'record'] }));
    expect(members.filter((m) => m.conflictOfInterest).map((m) => m.surname)).toEqual(['Ткаченко']);
    expect(members.filter((m) => m.livedExperience).map((m) => m.surname)).toEqual(['Гайова']);
    expect(res.body.pendingSubmissions.map((s: { id: string }) => s.id)).toEqual([submissionId]);
    expect((await (await loginAs(app, 'cas.bucha')).get(`/api/v1/panel-bodies/${bodyId}`)).status).toBe(200);
    expect((await (await loginAs(app, 'analyst.national')).get(`/api/v1/panel-bodies/${bodyId}`)).status).toBe(403);
    const list = await (await loginAs(app, 'analyst.national')).get('/api/v1/panel-bodies');
    expect(list.body.items.map((b: { kind: string; notMetInQuarter: boolean }) => [b.kind, b.notMetInQuarter])).toEqual(expect.arrayContaining([['child_rights_commission', false], ['better_care_council', true]]));
    expect(JSON.stringify(list.body)).not.toContain('Павленко');
  });

  it('the secretary schedules a meeting with the submission on the agenda; the chair may not', async () => {
    const input = { scheduledAt: '2026-11-20T09:30:00.000Z', place: 'Зала засідань', submissionIds: [submissionId] };
    expect((await chair.send('POST', `/api/v1/panel-bodies/${bodyId}/meetings`, input)).status).toBe(403);
    const res = await secretary.send('POST', `/api/v1/panel-bodies/${bodyId}/meetings`, input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    meetingId = res.body.id;
    itemId = res.body.items[0].id;
    expect(res.body).toEqual(expect.objectContaining({ rank: 2, mentoring: true, allowedActions: ['record', 'sign'] }));
    expect(res.body.items[0].submission.conflictedMemberIds).toEqual([member('Ткаченко')]);
  });

  it('refuses an institution without reasons ruling out every family-based option, naming them', async () => {
    const res = await secretary.send('PUT', `/api/v1/panel-agenda-items/${itemId}/determination`, { ...fosterDetermination, chosenOption: 'institution', options: [...fosterDetermination.options, { option: 'institution', necessity: 'Так', suitability: 'Так' }] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('panel_institution_without_reasons');
    expect(res.body.title).toBe('An institution may be chosen only when every family-based option is ruled out with a recorded reason; missing: foster_family, family_type_home, guardianship, adoption');
    expect(res.body.details.missing).toEqual(['foster_family', 'family_type_home', 'guardianship', 'adoption']);
  });

  it('records the determination; without quorum nothing is adopted', async () => {
    const saved = await secretary.send('PUT', `/api/v1/panel-agenda-items/${itemId}/determination`, fosterDetermination);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    let meeting = (await secretary.get(`/api/v1/panel-meetings/${meetingId}`)).body;
    const three = ['Павленко', 'Савченко', 'Коваленко'];
    const att = await secretary.send('PUT', `/api/v1/panel-meetings/${meetingId}/attendance`, { version: meeting.version, attendance: members.map((m) => ({ memberId: m.id, presence: three.includes(m.surname) ? 'in_person' : 'absent' })) });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
    expect(att.body.quorum).toEqual({ currentMembers: 7, present: 3, needed: 4, reached: false });
    meeting = att.body;
    const vote = await secretary.send('POST', `/api/v1/panel-agenda-items/${itemId}/votes`, { version: meeting.items[0].version, votes: three.map((s) => ({ memberId: member(s), vote: 'for' })) });
    expect(vote.status).toBe(422);
    expect(vote.body.code).toBe('panel_no_quorum');
    expect((await secretary.get(`/api/v1/panel-meetings/${meetingId}`)).body.items[0].outcome).toBe('pending');
  });

  it('refuses the vote of a member who works for the provider concerned', async () => {
    const meeting = (await secretary.get(`/api/v1/panel-meetings/${meetingId}`)).body;
    const present = ['Павленко', 'Савченко', 'Коваленко', 'Мельник', 'Ткаченко'];
    const att = await secretary.send('PUT', `/api/v1/panel-meetings/${meetingId}/attendance`, { version: meeting.version, attendance: members.map((m) => ({ memberId: m.id, presence: m.surname === 'Мельник' ? 'online' : present.includes(m.surname) ? 'in_person' : 'absent' })) });
    expect(att.body.quorum.reached).toBe(true);
    const res = await secretary.send('POST', `/api/v1/panel-agenda-items/${itemId}/votes`, { version: att.body.items[0].version, votes: present.map((s) => ({ memberId: member(s), vote: 'for' })) });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(expect.objectContaining({ code: 'panel_member_conflict', details: expect.objectContaining({ memberId: member('Ткаченко'), member: 'Ткаченко Андрій Миколайович' }) }));
  });

  it('adopts on a 2–2 tie by the chair’s casting vote; the decision updates the case and the care history', async () => {
    const meeting = (await secretary.get(`/api/v1/panel-meetings/${meetingId}`)).body;
    const votes = [
      { memberId: member('Павленко'), vote: 'for' },
      { memberId: member('Коваленко'), vote: 'for' },
      { memberId: member('Савченко'), vote: 'against' },
      { memberId: member('Мельник'), vote: 'against' },
    ];
    const res = await secretary.send('POST', `/api/v1/panel-agenda-items/${itemId}/votes`, { version: meeting.items[0].version, votes });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items[0]).toEqual(expect.objectContaining({ outcome: 'adopted', votes: { for: 2, against: 2, abstain: 0 }, castingVote: true }));
    expect((await secretary.send('POST', `/api/v1/panel-agenda-items/${itemId}/votes`, { version: res.body.items[0].version, votes })).body.code).toBe('panel_item_decided');
    const onCase = await cm.get(`/api/v1/cases/${caseId}/panel-submissions`);
    expect(onCase.body.items[0]).toEqual(expect.objectContaining({ status: 'decided', determination: expect.objectContaining({ chosenOption: 'foster_family', followUpDate: '2027-02-20', adoptedAt: now.toISOString() }) }));
    const episodes = await cm.get(`/api/v1/persons/${childId}/care-episodes?caseId=${caseId}`);
    expect(episodes.status, JSON.stringify(episodes.body)).toBe(200);
    expect(episodes.body.items.at(-1)).toEqual(expect.objectContaining({ careType: 'foster_family', startDate: '2026-11-20', endDate: null, decidingAuthority: 'Комісія з питань захисту прав дитини Бучанської міської ради', decisionDate: '2026-11-20' }));
    const events = await tdb.deps.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['panel_decision_adopted', 'care_episode_started']));
    const audit = await tdb.deps.db.selectFrom('audit_log').select('entity').where('entity', 'in', ['panel_determination', 'panel_agenda_item', 'care_episode']).execute();
    expect(new Set(audit.map((a) => a.entity))).toEqual(new Set(['panel_determination', 'panel_agenda_item', 'care_episode']));
  });

  it('keeps action items with the secretary’s progress report', async () => {
    const added = await secretary.send('POST', `/api/v1/panel-meetings/${meetingId}/action-items`, { title: 'Підготувати прийомну сім’ю до влаштування', owner: 'Центр надання соціальних послуг', dueDate: '2026-11-27' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const item = added.body.actionItems[0];
    const done = await secretary.send('PUT', `/api/v1/panel-action-items/${item.id}`, { ...item, status: 'done', version: 1 });
    expect(done.body).toEqual(expect.objectContaining({ status: 'done', version: 2 }));
    expect((await secretary.send('PUT', `/api/v1/panel-action-items/${item.id}`, { ...item, status: 'open', version: 1 })).status).toBe(409);
    const report = await chair.get(`/api/v1/panel-bodies/${bodyId}/action-items`);
    expect(report.status).toBe(200);
    expect(report.body.counts).toEqual({ open: 1, in_progress: 1, done: 1, cancelled: 0 });
    expect(report.body.overdue).toBe(1);
  });

  it('the chair and the secretary sign; the minutes PDF carries the decision in Ukrainian', async () => {
    let meeting = (await secretary.get(`/api/v1/panel-meetings/${meetingId}`)).body;
    expect((await (await loginAs(app, 'cas.bucha')).send('POST', `/api/v1/panel-meetings/${meetingId}/signatures`, { version: meeting.version })).status).toBe(403);
    meeting = (await chair.send('POST', `/api/v1/panel-meetings/${meetingId}/signatures`, { version: meeting.version })).body;
    expect(meeting.signatures.chair.name).toBe('Павленко Віктор Семенович');
    const signed = await secretary.send('POST', `/api/v1/panel-meetings/${meetingId}/signatures`, { version: meeting.version });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.signatures.secretary).not.toBeNull();
    expect((await secretary.send('PUT', `/api/v1/panel-meetings/${meetingId}/attendance`, { version: signed.body.version, attendance: [] })).body.code).toBe('panel_minutes_signed');
    const res = await app.inject({ method: 'GET', url: `/api/v1/panel-meetings/${meetingId}/minutes.pdf`, headers: { cookie: (await cookieOf('panel.secretary')) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('ПРОТОКОЛ засідання № 2');
    expect(text).toContain('Рішення в найкращих інтересах дитини прийомна сім’я');
    expect(text).toContain('УХВАЛЕНО');
    expect(text).toContain('за — 2, проти — 2, утрималися — 0 (вирішальний голос голови)');
    expect(text).toContain('Кворум є (потрібно щонайменше 4)');
    expect(text).toContain('Голова комісії');
    expect(text).toContain('Павленко В. С.');
    expect(text).not.toContain('ЧЕРНЕТКА');
    const other = await app.inject({ method: 'GET', url: `/api/v1/panel-meetings/${meetingId}/minutes.pdf`, headers: { cookie: await cookieOf('analyst.national') } });
    expect(other.statusCode).toBe(403);
  });

  it('analytics: aggregates only, for coordinators and analysts; reporters are refused', async () => {
    const analyst = await loginAs(app, 'analyst.national');
    const res = await analyst.get('/api/v1/panel-analytics');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.byOption.find((o: { key: string }) => o.key === 'foster_family').count).toBe(1);
    expect(res.body.bySex).toEqual([{ key: 'female', count: 1 }]);
    expect(res.body.byAgeBand).toEqual([{ key: '6_10', count: 1 }]);
    expect(res.body.overTime).toEqual([expect.objectContaining({ quarter: '2026-Q4', familyBased: 1, institutional: 0, familyBasedPercent: 100 })]);
    expect(JSON.stringify(res.body)).not.toContain('Тестенко');
    expect((await analyst.get(`/api/v1/panel-analytics?territoryId=${world.stryi}`)).body.total).toBe(0);
    expect((await (await loginAs(app, 'reporter.school')).get('/api/v1/panel-analytics')).status).toBe(403);
  });
});

describe('members and their periods', () => {
  it('the secretary adds a member and ends a membership; only current members count; stale versions 409', async () => {
    const added = await secretary.send('POST', `/api/v1/panel-bodies/${bodyId}/members`, { surname: 'Остапчук', givenName: 'Марія', patronymic: 'Андріївна', organisationName: 'Спілка прийомних батьків', sector: 'civil_society', livedExperience: true, fromDate: '2026-11-01' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toEqual(expect.objectContaining({ currentMembers: 8, livedExperienceMembers: 2 }));
    expect((await chair.send('POST', `/api/v1/panel-bodies/${bodyId}/members`, { surname: 'Х', givenName: 'Х', sector: 'other', fromDate: '2026-11-01' })).status).toBe(403);
    const m = added.body.members.find((x: { surname: string }) => x.surname === 'Бондар');
    const fields = { surname: m.surname, givenName: m.givenName, patronymic: m.patronymic, organisationName: m.organisationName, sector: m.sector, role: m.role, fromDate: m.fromDate };
    expect((await secretary.send('PUT', `/api/v1/panel-members/${m.id}`, { ...fields, toDate: '2000-01-01', version: m.version })).body.code).toBe('panel_membership_period_invalid');
    const ended = await secretary.send('PUT', `/api/v1/panel-members/${m.id}`, { ...fields, toDate: '2026-11-19', version: m.version });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.currentMembers).toBe(7);
    expect(ended.body.members.find((x: { id: string }) => x.id === m.id)).toEqual(expect.objectContaining({ current: false, toDate: '2026-11-19' }));
    expect((await secretary.send('PUT', `/api/v1/panel-members/${m.id}`, { ...fields, toDate: null, version: m.version })).status).toBe(409);
  });
});

async function cookieOf(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Rodyna-Demo-2026' } });
  const c = res.cookies.find((x) => x.name === 'rodyna_session');
  return `rodyna_session=${c?.value ?? ''}`;
}

describe('setting bodies up and changing them (SPEC §3, §9)', () => {
  let taskforceId: string;
  /** The oblast of a hromada (hromada → rayon → oblast). */
  const oblastOf = async (hromadaId: string) =>
    (await tdb.deps.db.selectFrom('territories as h').innerJoin('territories as r', 'r.id', 'h.parent_id').select('r.parent_id').where('h.id', '=', hromadaId).executeTakeFirstOrThrow()).parent_id as string;

  it('the Child Affairs Service sets up its hromada’s commission; the places offered are its own; others are refused', async () => {
    const cas = await loginAs(app, 'cas.bucha');
    const list = await cas.get('/api/v1/panel-bodies');
    expect(list.body.places).toEqual([expect.objectContaining({ id: world.bucha, level: 'hromada', kinds: ['child_rights_commission', 'guardianship_body'] })]);
    const org = list.body.places[0].organisations.find((o: { kind: string }) => o.kind === 'child_rights_commission');
    expect(org).toBeDefined();
    const input = { kind: 'guardianship_body', nameUk: 'Орган опіки та піклування Бучанської міської ради', territoryId: world.bucha, organisationId: null };
    const created = await cas.send('POST', '/api/v1/panel-bodies', input);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ kind: 'guardianship_body', currentMembers: 0, version: 1, organisation: null, allowedActions: ['read', 'edit'] }));
    const audit = await tdb.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'panel_body').where('entity_id', '=', created.body.id).execute();
    expect(audit.map((a) => a.action)).toContain('create');
    expect((await cas.send('POST', '/api/v1/panel-bodies', { ...input, organisationId: org.id })).body.code).toBe('panel_body_organisation_invalid');
    expect((await cas.send('POST', '/api/v1/panel-bodies', { ...input, kind: 'community_taskforce' })).status).toBe(403);
    expect((await cas.send('POST', '/api/v1/panel-bodies', { ...input, territoryId: world.stryi })).status).toBe(403);
    expect((await cm.send('POST', '/api/v1/panel-bodies', input)).status).toBe(403);
    expect((await secretary.send('POST', '/api/v1/panel-bodies', input)).status).toBe(403);
  });

  it('the planner sets up the taskforce, the coordinator the oblast council; wrong level 422, another oblast 403', async () => {
    const planner = await loginAs(app, 'planner.bucha');
    const tf = await planner.send('POST', '/api/v1/panel-bodies', { kind: 'community_taskforce', nameUk: 'Робоча група громади', territoryId: world.bucha });
    expect(tf.status, JSON.stringify(tf.body)).toBe(201);
    taskforceId = tf.body.id;
    expect((await planner.send('POST', '/api/v1/panel-bodies', { kind: 'child_rights_commission', nameUk: 'Х', territoryId: world.bucha })).status).toBe(403);
    const coord = await loginAs(app, 'coord.kyiv');
    const kyiv = await oblastOf(world.bucha);
    const lviv = await oblastOf(world.stryi);
    expect(kyiv).not.toBe(lviv);
    const council = await coord.send('POST', '/api/v1/panel-bodies', { kind: 'better_care_council', nameUk: 'Обласна рада (друга)', territoryId: kyiv });
    expect(council.status, JSON.stringify(council.body)).toBe(201);
    expect((await coord.send('POST', '/api/v1/panel-bodies', { kind: 'better_care_council', nameUk: 'Х', territoryId: lviv })).status).toBe(403);
    expect((await coord.send('POST', '/api/v1/panel-bodies', { kind: 'better_care_council', nameUk: 'Х', territoryId: world.bucha })).body.code).toBe('panel_body_level_invalid');
    expect((await coord.send('POST', '/api/v1/panel-bodies', { kind: 'community_taskforce', nameUk: 'Х', territoryId: world.stryi })).status).toBe(403);
    // The coordinator keeps the taskforces of the oblast's hromadas and sees them; the commission is not theirs.
    expect((await coord.get(`/api/v1/panel-bodies/${taskforceId}`)).body.allowedActions).toEqual(['read', 'edit']);
    expect((await coord.get(`/api/v1/panel-bodies/${bodyId}`)).status).toBe(403);
  });

  it('changes a body on its version (409 when stale); 403 for its people, 404 outside scope; audited', async () => {
    const planner = await loginAs(app, 'planner.bucha');
    const before = (await planner.get(`/api/v1/panel-bodies/${taskforceId}`)).body;
    const input = { kind: 'community_taskforce', nameUk: 'Робоча група Бучанської громади з питань кращого догляду', nameEn: 'Bucha Better Care Taskforce', territoryId: world.bucha, organisationId: null, version: before.version };
    const changed = await planner.send('PUT', `/api/v1/panel-bodies/${taskforceId}`, input);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toEqual(expect.objectContaining({ nameUk: input.nameUk, nameEn: 'Bucha Better Care Taskforce', version: before.version + 1 }));
    expect((await planner.send('PUT', `/api/v1/panel-bodies/${taskforceId}`, input)).status).toBe(409);
    expect((await planner.send('PUT', `/api/v1/panel-bodies/${taskforceId}`, { ...input, territoryId: world.stryi, version: before.version + 1 })).status).toBe(403);
    expect((await (await loginAs(app, 'cas.stryi')).send('PUT', `/api/v1/panel-bodies/${taskforceId}`, input)).status).toBe(404);
    const commission = (await secretary.get(`/api/v1/panel-bodies/${bodyId}`)).body;
    const same = { kind: commission.kind, nameUk: commission.nameUk, nameEn: commission.nameEn, territoryId: world.bucha, organisationId: commission.organisation.id, version: commission.version };
    expect((await secretary.send('PUT', `/api/v1/panel-bodies/${bodyId}`, same)).status).toBe(403);
    expect((await planner.send('PUT', `/api/v1/panel-bodies/${bodyId}`, same)).status).toBe(404);
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'panel_body').where('entity_id', '=', taskforceId).where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual(expect.objectContaining({ changed: ['name_uk', 'name_en'] }));
  });

  it('an ended membership counts for quorum up to its last day and not after', async () => {
    const body = (await secretary.get(`/api/v1/panel-bodies/${bodyId}`)).body;
    const m = body.members.find((x: { surname: string }) => x.surname === 'Мельник');
    const before = body.currentMembers;
    const fields = { surname: m.surname, givenName: m.givenName, patronymic: m.patronymic, organisationName: m.organisationName, sector: m.sector, role: m.role, fromDate: m.fromDate, version: m.version };
    const ended = await secretary.send('PUT', `/api/v1/panel-members/${m.id}`, { ...fields, toDate: '2026-11-25' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.currentMembers).toBe(before);
    const meetingOn = async (day: string) => {
      const created = await secretary.send('POST', `/api/v1/panel-bodies/${bodyId}/meetings`, { scheduledAt: `${day}T08:00:00.000Z`, items: [{ title: 'Поточні питання' }] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.quorum;
    };
    expect(await meetingOn('2026-11-25')).toEqual({ currentMembers: before, present: 0, needed: Math.floor(before / 2) + 1, reached: false });
    expect(await meetingOn('2026-11-26')).toEqual({ currentMembers: before - 1, present: 0, needed: Math.floor((before - 1) / 2) + 1, reached: false });
  });
});

describe('analytics filtered per body and per territory, per quarter (fixed data)', () => {
  let stryiBodyId: string;
  /** An adopted decision of the body at a meeting on the day (the child of the file's case). */
  const decided = async (body: string, day: string, option: string) => {
    const db = tdb.deps.db;
    const at = new Date(`${day}T08:00:00.000Z`);
    const s = await db.insertInto('panel_submissions').values({ body_id: body, case_id: caseId, child_person_id: childId, question: 'Про влаштування', status: 'decided', submitted_by: world.userId('cm.bucha'), submitted_at: at }).returning('id').executeTakeFirstOrThrow();
    const m = await db.insertInto('panel_meetings').values({ body_id: body, scheduled_at: at }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('panel_agenda_items').values({ meeting_id: m.id, position: 1, submission_id: s.id, title: 'Про влаштування', outcome: 'adopted', decided_at: at }).execute();
    await db.insertInto('panel_determinations').values({ submission_id: s.id, chosen_option: option, rationale: 'Обґрунтування', recorded_by: world.userId('panel.secretary'), adopted_at: at }).execute();
  };

  beforeAll(async () => {
    const admin = await loginAs(app, 'admin');
    const created = await admin.send('POST', '/api/v1/panel-bodies', { kind: 'child_rights_commission', nameUk: 'Комісія з питань захисту прав дитини Стрийської міської ради', territoryId: world.stryi });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    stryiBodyId = created.body.id;
    await decided(bodyId, '2026-07-10', 'institution');
    await decided(bodyId, '2026-08-01', 'kinship');
    await decided(stryiBodyId, '2026-10-05', 'institution');
    await decided(stryiBodyId, '2026-11-02', 'guardianship');
  });

  it('counts every panel, one panel, one hromada and an oblast with everything within it', async () => {
    const analyst = await loginAs(app, 'analyst.national');
    const all = (await analyst.get('/api/v1/panel-analytics')).body;
    expect(all.total).toBe(5);
    expect(all.byQuarter).toEqual([
      { quarter: '2026-Q3', familyBased: 1, institutional: 1, familyBasedPercent: 50 },
      { quarter: '2026-Q4', familyBased: 2, institutional: 1, familyBasedPercent: 67 },
    ]);
    const bucha = (await analyst.get(`/api/v1/panel-analytics?bodyId=${bodyId}`)).body;
    expect(bucha.total).toBe(3);
    expect(bucha.byQuarter).toEqual([
      { quarter: '2026-Q3', familyBased: 1, institutional: 1, familyBasedPercent: 50 },
      { quarter: '2026-Q4', familyBased: 1, institutional: 0, familyBasedPercent: 100 },
    ]);
    expect(bucha.byOption.filter((o: { count: number }) => o.count > 0)).toEqual([
      { key: 'kinship', count: 1 },
      { key: 'foster_family', count: 1 },
      { key: 'institution', count: 1 },
    ]);
    const stryi = (await analyst.get(`/api/v1/panel-analytics?territoryId=${world.stryi}`)).body;
    expect(stryi.total).toBe(2);
    expect(stryi.byQuarter).toEqual([{ quarter: '2026-Q4', familyBased: 1, institutional: 1, familyBasedPercent: 50 }]);
    expect(stryi.overTime).toEqual([expect.objectContaining({ quarter: '2026-Q4', body: expect.objectContaining({ id: stryiBodyId }), familyBased: 1, institutional: 1, familyBasedPercent: 50 })]);
    const lviv = (await tdb.deps.db.selectFrom('territories as h').innerJoin('territories as r', 'r.id', 'h.parent_id').select('r.parent_id').where('h.id', '=', world.stryi).executeTakeFirstOrThrow()).parent_id as string;
    expect((await analyst.get(`/api/v1/panel-analytics?territoryId=${lviv}`)).body.total).toBe(2);
    const both = (await analyst.get(`/api/v1/panel-analytics?bodyId=${bodyId}&territoryId=${world.stryi}`)).body;
    expect(both).toEqual(expect.objectContaining({ total: 0, byQuarter: [], overTime: [] }));
  });
});
