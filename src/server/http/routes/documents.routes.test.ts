import type { FastifyInstance } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { adultIndicators, childIndicators, familyIndicators, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { type TestDatabase } from '#test/db.ts';
import { demoPassword } from '#server/db/seed/demo.ts';
import { aNotification, loginAs, seedWorld, type Client } from '#test/factories.ts';
import { useApiContext } from '#test/api-context.ts';

const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

useApiContext(() => now, (ctx) => ({ tdb, app, world } = ctx));

const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'some_concern', note: 'Спостереження фахівця' }]));

function fill(content: NeedsAssessmentContent): NeedsAssessmentContent {
  return {
    ...content,
    members: content.members.map((m) => ({ ...m, legalCapacity: 'full', occupation: 'учениця 5 класу', registeredAtResidence: true, phone: '+380 67 123 45 67' })),
    children: content.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 'Любить читати', needs: 'Підтримка з навчання', childViews: 'Хоче жити з мамою' })),
    adults: content.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 'Турботлива мати', needs: 'Робота' })),
    family: { indicators: rated(familyIndicators), strengths: 'Підтримка бабусі', needs: 'Стабільний дохід' },
    conclusion: { complexity: 'moderate', summary: 'Потрібен соціальний супровід', otherSpecialists: [{ name: 'Коваль Ірина', position: 'психолог ЦНСП' }], familyAgreement: 'agrees', familyComment: '', agreementDate: '2026-11-20' },
  };
}

type Session = { client: Client; headers: Record<string, string> };

/** Signs a demo user in: a JSON client for the API, and the session headers for raw downloads. */
async function signIn(username: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: demoPassword } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'rodyna_session');
  if (!cookie) throw new Error('no session cookie');
  return { client: await loginAs(app, username), headers: { cookie: `rodyna_session=${cookie.value}` } };
}

/** Downloads a document through the API: status, headers and the raw bytes. */
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

async function openCaseWithAssessment(): Promise<{ cm: Session; caseId: string; caseNumber: string }> {
  const session = await signIn('cm.bucha');
  const cm = session.client;
  const created = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha, { reporterContact: '+380 44 000 00 00', actionsTaken: 'Проведено бесіду з матір’ю' }));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const caseId: string = created.body.caseId;
  const na = (await cm.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
  const saved = await cm.send('PUT', `/api/v1/cases/${caseId}/needs-assessment`, { version: na.version, content: fill(na.content) });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return { cm: session, caseId, caseNumber: created.body.caseNumber };
}

describe('statutory documents as PDF (SPEC §12)', () => {
  it('prints the notification in Ukrainian with the child, the coded factors and the case number', async () => {
    const { cm, caseId, caseNumber } = await openCaseWithAssessment();
    const res = await download(cm, `/api/v1/cases/${caseId}/documents/notification.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="povidomlennia-${caseNumber.replace('/', '-')}.pdf"`);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = await textOf(res.bytes);
    expect(text).toContain('Повідомлення (інформація) про сім’ю (особу), яка перебуває у складних життєвих обставинах');
    expect(text).toContain('Тестенко Марія Іванівна');
    expect(text).toContain('01.03.2016');
    expect(text).toContain('ухилення батьків або осіб, які їх замінюють, від виконання обов’язків з виховання дитини');
    expect(text).toContain('безробіття');
    expect(text).toContain('заклад освіти');
    expect(text).toContain('20.11.2026 11:00'); // 09:00 UTC received = 11:00 in Kyiv (winter time)
    expect(text).toContain('Проведено бесіду з матір’ю');
    expect(text).toContain(caseNumber);
  });

  it('prints the act of needs assessment with indicators, strengths, the complexity and signature lines', async () => {
    const { cm, caseId, caseNumber } = await openCaseWithAssessment();
    const res = await download(cm, `/api/v1/cases/${caseId}/documents/needs-assessment.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="akt-otsinky-potreb-${caseNumber.replace('/', '-')}.pdf"`);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = await textOf(res.bytes);
    expect(text).toContain('Акт оцінки потреб сім’ї/особи');
    expect(text).toContain('Тестенко Марія');
    expect(text).toContain('Відповідність ваги та зросту віку');
    expect(text).toContain('Виконання батьківських обов’язків');
    expect(text).toContain('Житлові умови та стан майна');
    expect(text).toContain('є певне занепокоєння');
    expect(text).toContain('середньої складності');
    expect(text).toContain('Хоче жити з мамою');
    expect(text).toContain('Коваль Ірина, психолог ЦНСП');
    expect(text).toContain('погоджується з результатами оцінювання');
    expect(text).toContain('ЧЕРНЕТКА'); // saved, not completed: marked as a draft
    expect(text).toContain(caseNumber);
    expect(text.indexOf('Сильні сторони')).toBeLessThan(text.indexOf('Потреби'));
  });

  it('prints a completed act without the draft mark', async () => {
    const { cm, caseId } = await openCaseWithAssessment();
    const na = (await cm.client.get(`/api/v1/cases/${caseId}/needs-assessment`)).body;
    const done = await cm.client.send('POST', `/api/v1/cases/${caseId}/needs-assessment/completion`, { version: na.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const text = await textOf((await download(cm, `/api/v1/cases/${caseId}/documents/needs-assessment.pdf`)).bytes);
    expect(text).toContain('завершено 20.11.2026 10:00');
    expect(text).not.toContain('ЧЕРНЕТКА');
  });

  it('hides both documents from a user of another hromada (404 like a missing case)', async () => {
    const { caseId } = await openCaseWithAssessment();
    const other = await signIn('cm.stryi');
    for (const kind of ['notification', 'needs-assessment']) {
      const res = await download(other, `/api/v1/cases/${caseId}/documents/${kind}.pdf`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('not_found');
    }
    const missing = await download(other, '/api/v1/cases/00000000-0000-4000-8000-000000000001/documents/notification.pdf');
    expect(missing.status).toBe(404);
  });

  it('audits each document produced', async () => {
    const { cm, caseId } = await openCaseWithAssessment();
    await download(cm, `/api/v1/cases/${caseId}/documents/notification.pdf`);
    await download(cm, `/api/v1/cases/${caseId}/documents/needs-assessment.pdf`);
    const rows = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'actor_username', 'details']).where('entity', '=', 'document').orderBy('id').execute();
    expect(rows).toEqual([
      expect.objectContaining({ action: 'read', entity: 'document', entity_id: caseId, actor_username: 'cm.bucha', details: { kind: 'notification' } }),
      expect.objectContaining({ action: 'read', entity: 'document', entity_id: caseId, actor_username: 'cm.bucha', details: { kind: 'needs_assessment' } }),
    ]);
    const reads = await tdb.deps.db.selectFrom('audit_log').select('entity').where('action', '=', 'read').where('entity_id', '=', caseId).execute();
    expect(reads.map((r) => r.entity)).toEqual(expect.arrayContaining(['case', 'document']));
  });

  it('describes both routes in OpenAPI with a binary PDF answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = res.json().paths;
    for (const kind of ['notification', 'needs-assessment']) {
      const op = paths[`/api/v1/cases/{id}/documents/${kind}.pdf`]?.get;
      expect(op, kind).toBeDefined();
      expect(op.responses['200'].content['application/pdf'].schema).toEqual(expect.objectContaining({ type: 'string', format: 'binary' }));
    }
  });
});
