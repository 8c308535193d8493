import type { FastifyInstance } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { defaultBenchmarkConfig } from '#domain/cases/benchmarks.ts';
import { reportCriteria } from '#domain/cases/closure.ts';
import { adultIndicators, childIndicators, familyIndicators, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { type TestDatabase } from '#test/db.ts';
import { demoPassword } from '#server/db/seed/demo.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

// Registered on Friday 20 November 2026; the clock moves on for the closure.
let now = new Date('2026-11-20T08:00:00.000Z');
const at = (date: string) => {
  now = new Date(`${date}T08:00:00.000Z`);
};
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(
  () => now,
  (ctx) => {
    ({ tdb, app, world } = ctx);
    at('2026-11-20');
  },
);

type Session = { client: Client; headers: Record<string, string> };

async function signIn(username: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: demoPassword } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
  if (!cookie) throw new Error('no session cookie');
  return { client: await loginAs(app, username), headers: { cookie: `rodyna_session=${cookie.value}` } };
}

async function download(session: Session, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: session.headers });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: () => res.json() };
}

/** The PDF's text with whitespace collapsed, so words wrapped across lines still match. */
async function textOf(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function pdfText(session: Session, url: string): Promise<string> {
  const res = await download(session, url);
  expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return textOf(res.bytes);
}

const family = { surname: 'Гордієнко', child: 'Ярина', mother: 'Леся' };

type Opened = { cm: Session; caseId: string; caseNumber: string; childId: string; motherId: string };

async function openCase(): Promise<Opened> {
  const cm = await signIn('cm.bucha');
  const created = await cm.client.send(
    'POST',
    '/api/v1/notifications',
    aNotification(world.bucha, {
      members: [
        { role: 'child', relationship: 'донька', person: { surname: family.surname, givenName: family.child, patronymic: 'Тарасівна', birthDate: '2014-05-17', sex: 'female', disability: false, latinName: '' } },
        { role: 'adult', relationship: 'мати', person: { surname: family.surname, givenName: family.mother, patronymic: 'Іванівна', birthDate: '1989-02-11', sex: 'female', disability: false, latinName: '' } },
      ],
    }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const c = (await cm.client.get(`/api/v1/cases/${created.body.caseId}`)).body;
  const idOf = (role: string) => c.members.find((m: { role: string }) => m.role === role).personId as string;
  return { cm, caseId: created.body.caseId, caseNumber: created.body.caseNumber, childId: idOf('child'), motherId: idOf('adult') };
}

const fileNumber = (caseNumber: string) => caseNumber.replace(/[^0-9A-Za-z]+/g, '-');

async function move(cm: Client, caseId: string, to: string): Promise<void> {
  const c = (await cm.get(`/api/v1/cases/${caseId}`)).body;
  const moved = await cm.send('POST', `/api/v1/cases/${caseId}/transitions`, { to, version: c.version });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
}

const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'no_concern', note: '' }]));

async function completeNeedsAssessment(o: Opened): Promise<void> {
  const cm = o.cm.client;
  const na = (await cm.get(`/api/v1/cases/${o.caseId}/needs-assessment`)).body;
  const content: NeedsAssessmentContent = {
    ...na.content,
    members: na.content.members.map((m: NeedsAssessmentContent['members'][number]) => ({ ...m, legalCapacity: 'full', occupation: 'учениця', registeredAtResidence: true })),
    children: na.content.children.map((c: NeedsAssessmentContent['children'][number]) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить малювати', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: na.content.adults.map((a: NeedsAssessmentContent['adults'][number]) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка бабусі', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'moderate', summary: 'Потрібен соціальний супровід', otherSpecialists: [], familyAgreement: 'agrees', familyComment: '', agreementDate: '2026-11-20' },
  };
  const saved = await cm.send('PUT', `/api/v1/cases/${o.caseId}/needs-assessment`, { version: na.version, content });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const done = await cm.send('POST', `/api/v1/cases/${o.caseId}/needs-assessment/completion`, { version: saved.body.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  await move(cm, o.caseId, 'case_planning');
}

const goalText = 'Ярина щодня відвідує школу без пропусків';
const measureText = 'Щотижневі зустрічі з класним керівником';

/** A two-goal plan saved as a draft; returns the draft. */
async function draftPlan(o: Opened) {
  const cm = o.cm.client;
  const v1 = (await cm.send('POST', `/api/v1/cases/${o.caseId}/plans`)).body;
  const saved = await cm.send('PUT', `/api/v1/cases/${o.caseId}/plans/${v1.id}`, {
    version: v1.version,
    childViews: 'Ярина хоче ходити на гурток малювання',
    familyParticipation: 'Мати брала участь у складанні плану',
    familyConferenceHeld: true,
    familyConferenceDate: '2026-11-19',
    goals: [
      { domain: 'education_development', text: goalText, measures: [{ action: measureText, measureType: 'other', responsible: { kind: 'specialist', userId: world.userId('cm.bucha') }, deadline: '2027-01-29', expectedResult: 'Пропусків немає', serviceCode: 'issb_family_social_support' }] },
      { domain: 'economic_housing', text: 'Сім’я має стабільний дохід', measures: [{ action: 'Оформити державну допомогу', measureType: 'documents_for_state_aid', responsible: { kind: 'family_member', personId: o.motherId }, deadline: '2026-12-15', expectedResult: 'Допомогу призначено' }] },
    ],
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body as { id: string; version: number; goals: Array<{ key: string }> };
}

function scores(score: number) {
  return defaultBenchmarkConfig.domains.map((d) => ({ domain: d.code, score, strengths: `Сильні сторони: ${d.nameUk}`, needs: '' }));
}

describe('statutory forms of the workflow as PDF (SPEC §12: safety act, support plan, results report)', () => {
  it('prints the safety-assessment act: the child, the people around them, the level, the actions; a draft is marked', async () => {
    const o = await openCase();
    const cm = o.cm.client;
    const missing = await download(o.cm, `/api/v1/cases/${o.caseId}/documents/safety-assessment.pdf`);
    expect(missing.status).toBe(404);

    const created = await cm.send('POST', `/api/v1/cases/${o.caseId}/safety-assessments`, {
      childPersonId: o.childId,
      childStatus: 'with_parents',
      documentType: 'birth_certificate',
      documentNumber: 'I-ОК 123456',
      contacts: 'м. Буча, вул. Вокзальна, 5',
      caregivers: [{ kind: 'parent', name: 'Гордієнко Леся Іванівна', relation: 'мати', contact: '+380 67 000 00 01', present: true }],
      level: 'conditionally_safe',
      threats: 'Дитина часто залишається сама ввечері',
      participants: ['child_affairs_service', 'social_services'],
      assessedAt: '2026-11-20T08:30:00.000Z',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const action = await cm.send('POST', `/api/v1/cases/${o.caseId}/safety-assessments/${created.body.id}/actions`, {
      actionType: 'other',
      description: 'Домовлено, що бабуся забиратиме Ярину зі школи',
      takenAt: '2026-11-20T09:00:00.000Z',
      takenByName: 'Бондаренко А. М.',
      takenByOrganisation: 'Служба у справах дітей',
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    const draftUrl = `/api/v1/cases/${o.caseId}/documents/safety-assessment.pdf`;
    const res = await download(o.cm, draftUrl);
    expect(res.headers['content-disposition']).toBe(`inline; filename="akt-otsinky-bezpeky-${fileNumber(o.caseNumber)}.pdf"`);
    let text = await textOf(res.bytes);
    expect(text).toContain('Акт проведення оцінки рівня безпеки дитини');
    expect(text).toContain('Додаток 10 до Порядку');
    expect(text).toContain('Гордієнко Ярина Тарасівна');
    expect(text).toContain('17.05.2014');
    expect(text).toContain('свідоцтво про народження I-ОК 123456');
    expect(text).toContain('Гордієнко Леся Іванівна');
    expect(text).toContain('умовно безпечно');
    expect(text).toContain('Дитина часто залишається сама ввечері');
    expect(text).toContain('служба у справах дітей');
    expect(text).toContain('20.11.2026 10:30');
    expect(text).toContain('інший захід: Домовлено, що бабуся забиратиме Ярину зі школи');
    expect(text).toContain('Бондаренко А. М., Служба у справах дітей');
    expect(text).toContain('Коваленко О. П.');
    expect(text).toContain('ЧЕРНЕТКА');

    const done = await cm.send('POST', `/api/v1/cases/${o.caseId}/safety-assessments/${created.body.id}/completion`, { version: action.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    text = await pdfText(o.cm, `${draftUrl}?assessmentId=${created.body.id}`);
    expect(text).toContain('завершено 20.11.2026 10:00');
    expect(text).not.toContain('ЧЕРНЕТКА');

    const unknown = await download(o.cm, `${draftUrl}?assessmentId=00000000-0000-4000-8000-000000000001`);
    expect(unknown.status).toBe(404);
  });

  it('prints the support plan: goals per domain, measures with responsible, deadlines, results and services, the agreement', async () => {
    const o = await openCase();
    await completeNeedsAssessment(o);
    expect((await download(o.cm, `/api/v1/cases/${o.caseId}/documents/support-plan.pdf`)).status).toBe(404);
    const draft = await draftPlan(o);

    const url = `/api/v1/cases/${o.caseId}/documents/support-plan.pdf`;
    const res = await download(o.cm, url);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="plan-sotsialnoho-suprovodu-${fileNumber(o.caseNumber)}.pdf"`);
    let text = await textOf(res.bytes);
    expect(text).toContain('План соціального супроводу сім’ї/особи');
    expect(text).toContain('Гордієнко Ярина Тарасівна');
    expect(text).toContain('Освіта та розвиток');
    expect(text).toContain(goalText);
    expect(text).toContain(measureText);
    expect(text).toContain('Коваленко Олена Петрівна (фахівець)');
    expect(text).toContain('Гордієнко Леся Іванівна (член сім’ї, мати)');
    expect(text).toContain('29.01.2027');
    expect(text).toContain('Пропусків немає');
    expect(text).toContain('підготовка документів для отримання державної допомоги');
    expect(text).toContain('Ярина хоче ходити на гурток малювання');
    expect(text).toContain('проведено 19.11.2026');
    expect(text).toContain('згоду сім’ї ще не отримано');
    expect(text).toContain('ЧЕРНЕТКА');

    const agreed = await o.cm.client.send('POST', `/api/v1/cases/${o.caseId}/plans/${draft.id}/agreement`, { version: draft.version, agreedOn: '2026-11-20', signedBy: 'Гордієнко Л. І.' });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    // A new draft exists now, but without planId the agreed version prints.
    const v2 = await o.cm.client.send('POST', `/api/v1/cases/${o.caseId}/plans`);
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    text = await pdfText(o.cm, url);
    expect(text).toContain('Версія плану № 1');
    expect(text).toContain('З планом ознайомлені та згодні');
    expect(text).toContain('20.11.2026');
    expect(text).toContain('Гордієнко Л. І.');
    expect(text).not.toContain('ЧЕРНЕТКА');
    text = await pdfText(o.cm, `${url}?planId=${v2.body.id}`);
    expect(text).toContain('Версія плану № 2');
    expect(text).toContain('ЧЕРНЕТКА');
  });

  it('prints the results report: goals achieved, benchmarks at baseline and closure, criteria and views', async () => {
    const o = await openCase();
    await completeNeedsAssessment(o);
    const draft = await draftPlan(o);
    const agreed = await o.cm.client.send('POST', `/api/v1/cases/${o.caseId}/plans/${draft.id}/agreement`, { version: draft.version, agreedOn: '2026-11-20', signedBy: 'Гордієнко Л. І.' });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    await move(o.cm.client, o.caseId, 'implementation');
    const baseline = await o.cm.client.send('POST', `/api/v1/cases/${o.caseId}/benchmarks`, { occasion: 'baseline', childPersonId: o.childId, scores: scores(2) });
    expect(baseline.status, JSON.stringify(baseline.body)).toBe(201);
    await move(o.cm.client, o.caseId, 'monitoring');
    await move(o.cm.client, o.caseId, 'case_review');
    expect((await download(o.cm, `/api/v1/cases/${o.caseId}/documents/results-report.pdf`)).status).toBe(404);

    at('2027-05-20');
    const cm = await signIn('cm.bucha');
    const [first, second] = agreed.body.goals.map((g: { key: string }) => g.key);
    const requested = await cm.client.send('POST', `/api/v1/cases/${o.caseId}/closure-requests`, {
      criteria: {
        goalsMet: { met: true, note: 'Цілі плану досягнуто' },
        benchmarksAtThreshold: { met: true, note: '' },
        safeStableCare: { met: true, note: 'Ярина живе з мамою, безпечно' },
        supportInPlace: { met: true, note: 'Бабуся допомагає' },
      },
      childViews: 'Ярині подобається в школі',
      familyViews: 'Мати впевнена, що впорається',
      goalResults: [
        { goalKey: first, achievement: 'fully', comment: '' },
        { goalKey: second, achievement: 'partially', comment: 'Допомогу призначено, роботу ще шукають' },
      ],
      benchmarks: [{ childPersonId: o.childId, scores: scores(3) }],
      report: {
        servicesProvided: [{ serviceCode: 'issb_family_social_support', description: 'Соціальний супровід, 6 місяців' }],
        statusByCriterion: reportCriteria.map((criterion) => ({ criterion, atStart: `На початку: ${criterion}`, atEnd: 'Подолано', note: '' })),
        recommendations: 'Продовжити відвідування гуртка малювання',
      },
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);

    const url = `/api/v1/cases/${o.caseId}/documents/results-report.pdf`;
    const res = await download(cm, url);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="zvit-pro-rezultaty-suprovodu-${fileNumber(o.caseNumber)}.pdf"`);
    let text = await textOf(res.bytes);
    expect(text).toContain('Звіт про результати соціального супроводу сім’ї/особи');
    expect(text).toContain('Гордієнко Ярина Тарасівна');
    expect(text).toContain(goalText);
    expect(text).toContain('досягнуто повністю');
    expect(text).toContain('досягнуто частково');
    expect(text).toContain('Допомогу призначено, роботу ще шукають');
    expect(text).toContain('Прив\'язаність і сімейні стосунки');
    expect(text).toContain('На початку (20.11.2026)');
    expect(text).toContain('На завершення (20.05.2027)');
    expect(text).toContain('2 — Потребує підтримки');
    expect(text).toContain('3 — Достатньо (безпечно)');
    expect(text).toContain('+1');
    expect(text).toContain('Соціальний супровід, 6 місяців');
    expect(text).toContain('Дитина перебуває в безпечному та стабільному сімейному середовищі');
    expect(text).toContain('Ярині подобається в школі');
    expect(text).toContain('Мати впевнена, що впорається');
    expect(text).toContain('Продовжити відвідування гуртка малювання');
    expect(text).toContain('очікує погодження керівника');
    expect(text).toContain('з 20.11.2026 по 20.05.2027 (запит на закриття)');
    expect(text).toContain('ЧЕРНЕТКА');

    const sv = await signIn('sv.bucha');
    const approval = (await sv.client.get('/api/v1/approvals')).body.items.find((a: { case: { id: string } }) => a.case.id === o.caseId);
    const decided = await sv.client.send('POST', `/api/v1/approvals/${approval.id}/decision`, { decision: 'approve', comment: 'Погоджую закриття', version: approval.version });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    text = await pdfText(sv, url);
    expect(text).toContain('погоджено, випадок закрито; Мельник Галина Іванівна');
    expect(text).toContain('з 20.11.2026 по 20.05.2027');
    expect(text).toContain('Погоджую закриття');
    expect(text).not.toContain('ЧЕРНЕТКА');
  });

  it('hides the three forms from users out of scope (404 like a missing case) and audits each one produced', async () => {
    const o = await openCase();
    await cmSafetyAct(o);
    await completeNeedsAssessment(o);
    await draftPlan(o);
    const base = `/api/v1/cases/${o.caseId}/documents`;
    for (const username of ['cm.stryi', 'cm.dmytrivka']) {
      const other = await signIn(username);
      for (const kind of ['safety-assessment', 'support-plan', 'results-report']) {
        const res = await download(other, `${base}/${kind}.pdf`);
        expect(res.status, `${username} ${kind}`).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
    }
    expect((await download(o.cm, '/api/v1/cases/00000000-0000-4000-8000-000000000001/documents/support-plan.pdf')).status).toBe(404);

    // The Child Affairs Service of the hromada sees the case and its documents.
    const cas = await signIn('cas.bucha');
    await pdfText(cas, `${base}/safety-assessment.pdf`);
    await pdfText(o.cm, `${base}/support-plan.pdf`);
    const rows = await tdb.deps.db.selectFrom('audit_log').select(['actor_username', 'details']).where('entity', '=', 'document').where('entity_id', '=', o.caseId).orderBy('id').execute();
    expect(rows).toEqual([
      { actor_username: 'cas.bucha', details: expect.objectContaining({ kind: 'safety_assessment', assessmentId: expect.any(String) }) },
      { actor_username: 'cm.bucha', details: expect.objectContaining({ kind: 'support_plan', planId: expect.any(String) }) },
    ]);
    const reads = await tdb.deps.db.selectFrom('audit_log').select(['entity', 'action']).where('actor_username', '=', 'cm.bucha').where('action', 'in', ['read', 'list']).execute();
    expect(reads.map((r) => r.entity)).toEqual(expect.arrayContaining(['case', 'case_plan', 'document']));
  });

  it('describes the three routes in OpenAPI with a binary PDF answer', async () => {
    const paths = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    for (const kind of ['safety-assessment', 'support-plan', 'results-report']) {
      const op = paths[`/api/v1/cases/{id}/documents/${kind}.pdf`]?.get;
      expect(op, kind).toBeDefined();
      expect(op.responses['200'].content['application/pdf'].schema).toEqual(expect.objectContaining({ type: 'string', format: 'binary' }));
    }
  });
});

async function cmSafetyAct(o: Opened): Promise<void> {
  const created = await o.cm.client.send('POST', `/api/v1/cases/${o.caseId}/safety-assessments`, { childPersonId: o.childId, level: 'safe', participants: ['child_affairs_service'] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
}
