import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';
import { anonymisedSurname, anonymisedText } from '#domain/privacy/retention.ts';
import { verifyAuditChain } from './audit.service.ts';
import { runRetention } from './retention.service.ts';

// A fixed clock: Friday 20 November 2026, 10:00 in Kyiv; the retention period is the default 5 years.
const now = new Date('2026-11-20T08:00:00.000Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;
let cm: Client;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
  world = await seedWorld(tdb.deps);
  cm = await loginAs(app, 'cm.bucha');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

type Member = { personId: string; role: 'child' | 'adult' };

/** A case registered through the API with a note and a consent, then closed on `closedOn` (the closure workflow itself is covered by closure.routes.test.ts). */
async function closedCase(surname: string, closedOn: string | null, members?: unknown[]): Promise<{ caseId: string; members: Member[] }> {
  const n = aNotification(world.bucha, { description: `Сусіди повідомили про жорстоке поводження з дитиною (${surname})`, childFactors: ['domestic_violence'], reporterContact: '+380 50 111 22 33' });
  const res = await cm.send('POST', '/api/v1/notifications', { ...n, members: members ?? n.members.map((m) => ({ ...m, person: { ...m.person, surname } })) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const caseId = res.body.caseId as string;
  expect((await cm.send('POST', `/api/v1/cases/${caseId}/notes`, { kind: 'note', noteDate: '2026-11-20', text: `Мати ${surname} розповіла про побої` })).status).toBe(201);
  const list = (await cm.get(`/api/v1/cases/${caseId}/consents`)).body;
  const child = list.members.find((m: Member) => m.role === 'child');
  expect((await cm.send('POST', `/api/v1/cases/${caseId}/consents`, { personId: child.personId, kind: 'processing', givenBy: 'parent', givenByName: `${surname} Ольга Петрівна`, givenOn: '2026-11-19', form: 'written' })).status).toBe(201);
  if (closedOn) await tdb.deps.db.updateTable('cases').set({ status: 'closed', closed_on: closedOn }).where('id', '=', caseId).execute();
  return { caseId, members: list.members };
}

const person = (id: string) => tdb.deps.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('retention and anonymisation of closed records (SPEC §11)', () => {
  it('anonymises the persons and texts of a case closed 6 years ago, keeps one closed 4 years ago and open ones, changes nothing on a second run, and the audit chain verifies', async () => {
    const old = await closedCase('Давненко', '2020-10-01');
    const recent = await closedCase('Недавненко', '2022-11-01');
    // The mother of a case closed 6 years ago is in an open case now: she and that old case keep their data; her child does not.
    const shared = await closedCase('Спільненко', '2020-09-01');
    const mother = shared.members.find((m) => m.role === 'adult') as Member;
    const sharedChild = shared.members.find((m) => m.role === 'child') as Member;
    const n = aNotification(world.bucha);
    await closedCase('Відкритенко', null, [n.members[0], { role: 'adult', relationship: 'мати', personId: mother.personId }]);
    const casesBefore = await tdb.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    const dry = await runRetention(tdb.deps, { trigger: 'cli', dryRun: true });
    expect(dry).toEqual(expect.objectContaining({ ran: true, dryRun: true, cutoffDate: '2021-11-20', yearsAfterClosure: 5, personsAnonymised: 3, casesAnonymised: 1 }));
    expect((await person(old.members[0]!.personId)).surname).toBe('Давненко');

    const first = await runRetention(tdb.deps, { trigger: 'cli' });
    expect([first.personsAnonymised, first.casesAnonymised]).toEqual([3, 1]);

    for (const m of old.members) {
      const p = await person(m.personId);
      expect([p.surname, p.given_name, p.patronymic, p.name_key, p.latin_key]).toEqual([anonymisedSurname, '', '', '', '']);
      expect(p.birth_date.slice(5)).toBe('01-01');
      expect(p.anonymised_at).not.toBeNull();
    }
    expect((await person(old.members.find((m) => m.role === 'child')!.personId)).birth_date).toBe('2016-01-01');
    const notification = await tdb.deps.db.selectFrom('notifications').selectAll().where('case_id', '=', old.caseId).executeTakeFirstOrThrow();
    // Free text replaced; coded facts kept for the indicators.
    expect([notification.description, notification.reporter_contact, notification.child_factors]).toEqual([anonymisedText, anonymisedText, ['domestic_violence']]);
    expect((await tdb.deps.db.selectFrom('case_notes').select('text').where('case_id', '=', old.caseId).executeTakeFirstOrThrow()).text).toBe(anonymisedText);
    expect((await tdb.deps.db.selectFrom('person_consents').select('given_by_name').where('case_id', '=', old.caseId).executeTakeFirstOrThrow()).given_by_name).toBe(anonymisedText);
    // The case closed 4 years ago, and the mother now in an open case, are untouched; so is the old case she was in.
    for (const m of recent.members) expect((await person(m.personId)).surname).toBe('Недавненко');
    expect((await person(mother.personId)).surname).toBe('Спільненко');
    expect((await person(sharedChild.personId)).surname).toBe(anonymisedSurname);
    expect((await tdb.deps.db.selectFrom('case_notes').select('text').where('case_id', '=', shared.caseId).executeTakeFirstOrThrow()).text).toBe('Мати Спільненко розповіла про побої');
    expect((await tdb.deps.db.selectFrom('notifications').select('description').where('case_id', '=', recent.caseId).executeTakeFirstOrThrow()).description).toContain('Недавненко');
    // Ids and aggregates stay: every case is still counted, and the anonymised case still opens.
    expect(await tdb.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(casesBefore);
    const page = await cm.get(`/api/v1/cases/${old.caseId}`);
    expect(page.status).toBe(200);
    expect(page.body.members.map((m: { surname: string }) => m.surname)).toEqual([anonymisedSurname, anonymisedSurname]);

    const second = await runRetention(tdb.deps, { trigger: 'schedule' });
    expect([second.ran, second.personsAnonymised, second.casesAnonymised]).toEqual([true, 0, 0]);

    const runs = await tdb.deps.db.selectFrom('retention_runs').selectAll().orderBy('started_at').execute();
    expect(runs.map((r) => [r.trigger, r.dry_run, r.persons_anonymised, r.cases_anonymised])).toEqual([
      ['cli', true, 3, 1],
      ['cli', false, 3, 1],
      ['schedule', false, 0, 0],
    ]);
    const audited = await tdb.deps.db.selectFrom('audit_log').select(['entity_id', 'details']).where('entity', '=', 'retention_run').orderBy('id').execute();
    expect(audited.map((a) => a.entity_id)).toEqual(runs.map((r) => r.id));
    expect(await verifyAuditChain(tdb.deps)).toEqual(expect.objectContaining({ ok: true }));
  });

  it('blanks the free text inside the JSON documents and the safety act of an anonymised case, keeps codes and dates, and a second run changes nothing', async () => {
    const c = await closedCase('Документенко', null);
    const child = c.members.find((m) => m.role === 'child') as Member;
    // The needs-assessment act with names, a phone and views written in it.
    const na = (await cm.get(`/api/v1/cases/${c.caseId}/needs-assessment`)).body;
    const content = structuredClone(na.content);
    content.family.strengths = 'Бабуся Документенко Ганна живе поруч';
    content.members[0].phone = '0501112233';
    content.members[0].occupation = 'вчителька';
    content.conclusion.complexity = 'complex';
    content.conclusion.agreementDate = '2020-05-01';
    const saved = await cm.send('PUT', `/api/v1/cases/${c.caseId}/needs-assessment`, { version: na.version, content });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // The safety act: threats, the document number, the caregivers' names.
    const act = await cm.send('POST', `/api/v1/cases/${c.caseId}/safety-assessments`, { childPersonId: child.personId });
    expect(act.status, JSON.stringify(act.body)).toBe(201);
    const actSaved = await cm.send('PUT', `/api/v1/cases/${c.caseId}/safety-assessments/${act.body.id}`, {
      version: act.body.version, childStatus: 'with_parents', documentType: 'birth_certificate', documentNumber: 'I-ОК 123456', contacts: 'м. Буча, вул. Вокзальна, 1',
      caregivers: [{ kind: 'parent', name: 'Документенко Ольга Петрівна', relation: 'мати', contact: '+380 67 000 00 00', present: true }],
      level: 'unsafe', threats: 'Сліди побоїв на руках Документенко', participants: ['police'],
    });
    expect(actSaved.status, JSON.stringify(actSaved.body)).toBe(200);
    // A timeline event carrying a name (fixed data, as an older version might have written it).
    await tdb.deps.db.insertInto('case_events').values({ case_id: c.caseId, kind: 'note_added', data: JSON.stringify({ kind: 'note', by: 'Документенко О. П.', on: '2020-01-02' }) as never }).execute();
    await tdb.deps.db.updateTable('cases').set({ status: 'closed', closed_on: '2020-06-01' }).where('id', '=', c.caseId).execute();

    const run = await runRetention(tdb.deps, { trigger: 'cli' });
    expect(run.casesAnonymised).toBe(1);
    expect(run.documentsAnonymised).toBeGreaterThanOrEqual(2);

    const after = await tdb.deps.db.selectFrom('needs_assessments').select('content').where('case_id', '=', c.caseId).executeTakeFirstOrThrow();
    const doc = after.content as typeof content;
    expect([doc.family.strengths, doc.members[0].phone, doc.members[0].occupation]).toEqual([anonymisedText, anonymisedText, anonymisedText]);
    expect([doc.conclusion.complexity, doc.conclusion.agreementDate, doc.members[0].personId]).toEqual(['complex', '2020-05-01', content.members[0].personId]);
    const safety = await tdb.deps.db.selectFrom('safety_assessments').selectAll().where('case_id', '=', c.caseId).executeTakeFirstOrThrow();
    expect([safety.threats, safety.document_number, safety.contacts, safety.caregivers, safety.safety_level, safety.participants]).toEqual([anonymisedText, anonymisedText, anonymisedText, [], 'unsafe', ['police']]);
    const event = await tdb.deps.db.selectFrom('case_events').select('data').where('case_id', '=', c.caseId).where('kind', '=', 'note_added').executeTakeFirstOrThrow();
    expect(event.data).toEqual({ kind: 'note', by: anonymisedText, on: '2020-01-02' });
    // No trace of the family's name is left in any row of the case's documents.
    for (const table of ['needs_assessments', 'case_events', 'safety_assessments', 'notifications', 'case_notes'] as const) {
      const rows = await tdb.deps.db.selectFrom(table).selectAll().where('case_id', '=', c.caseId).execute();
      expect(JSON.stringify(rows), table).not.toContain('Документенко');
    }
    // The act still opens through the API.
    expect((await cm.get(`/api/v1/cases/${c.caseId}/needs-assessment`)).status).toBe(200);

    const again = await runRetention(tdb.deps, { trigger: 'schedule' });
    expect([again.personsAnonymised, again.casesAnonymised, again.documentsAnonymised]).toEqual([0, 0, 0]);
    expect((await tdb.deps.db.selectFrom('needs_assessments').select('content').where('case_id', '=', c.caseId).executeTakeFirstOrThrow()).content).toEqual(doc);
  });
});
