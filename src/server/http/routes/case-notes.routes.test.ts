import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from '#test/db.ts';
import { aNotification, loginAs, seedWorld, testApp, type Client } from '#test/factories.ts';

// Friday 20 November 2026, 10:00 in Kyiv; tests move the clock to close the 24-hour correction window.
const start = new Date('2026-11-20T08:00:00.000Z');
let now = start;
let tdb: TestDatabase;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  tdb = await createTestDatabase(undefined, () => now);
  app = await testApp(tdb.deps);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});
beforeEach(async () => {
  now = start;
  await resetDatabase(tdb.handle);
  world = await seedWorld(tdb.deps);
});

async function openCase(): Promise<{ cm: Client; caseId: string }> {
  const cm = await loginAs(app, 'cm.bucha');
  const res = await cm.send('POST', '/api/v1/notifications', aNotification(world.bucha));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { cm, caseId: res.body.caseId };
}

const note = { kind: 'office_meeting', noteDate: '2026-11-20', text: 'Мати прийшла до центру, обговорили план' };

describe('case notes (SPEC §2.10)', () => {
  it('lets the author correct a note within 24 hours with its version, and keeps it append-only afterwards', async () => {
    const opened = await openCase();
    const { caseId } = opened;
    let cm = opened.cm;
    const created = await cm.send('POST', `/api/v1/cases/${caseId}/notes`, note);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ kind: 'office_meeting', version: 1, editableUntil: '2026-11-21T08:00:00.000Z', allowedActions: ['edit'] }));
    const id = created.body.id;

    const edited = await cm.send('PUT', `/api/v1/cases/${caseId}/notes/${id}`, { ...note, text: 'Мати прийшла до центру з бабусею', version: 1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toEqual(expect.objectContaining({ version: 2, text: 'Мати прийшла до центру з бабусею' }));
    const stale = await cm.send('PUT', `/api/v1/cases/${caseId}/notes/${id}`, { ...note, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual(expect.objectContaining({ code: 'version_conflict', details: { currentVersion: 2 } }));

    // Someone else on the case reads it but may not change it.
    const sv = await loginAs(app, 'sv.bucha');
    const seen = (await sv.get(`/api/v1/cases/${caseId}/notes`)).body;
    expect(seen.items[0]).toEqual(expect.objectContaining({ id, allowedActions: [] }));
    expect(seen.allowedActions).toEqual(['create']);
    const notAuthor = await sv.send('PUT', `/api/v1/cases/${caseId}/notes/${id}`, { ...note, version: 2 });
    expect(notAuthor.status).toBe(403);
    expect(notAuthor.body.details.reason).toBe('not_author');

    // A day later the window is closed (sessions expire when idle, so sign in again).
    now = new Date(start.getTime() + 24 * 3_600_000);
    cm = await loginAs(app, 'cm.bucha');
    const late = await cm.send('PUT', `/api/v1/cases/${caseId}/notes/${id}`, { ...note, version: 2 });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('edit_window_closed');
    expect((await cm.get(`/api/v1/cases/${caseId}/notes`)).body.items[0].allowedActions).toEqual([]);
    const kinds = (await cm.get(`/api/v1/cases/${caseId}`)).body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['case_note_added', 'case_note_edited']));
    // Notes of the demo world's cases have their own audit rows; these are this case's.
    const audit = await tdb.deps.db.selectFrom('audit_log').select(['action', 'entity_id', 'details']).where('entity', '=', 'case_note').orderBy('id').execute();
    expect(audit.filter((a) => (a.details as { caseId?: string }).caseId === caseId).map((a) => a.action)).toEqual(['create', 'update', 'list', 'list']);
  });

  it('pages newest first, refuses future dates and empty text, and lets the Child Affairs Service only read', async () => {
    const { cm, caseId } = await openCase();
    for (const [noteDate, kind] of [['2026-11-18', 'note'], ['2026-11-20', 'phone_call'], ['2026-11-19', 'other']] as const) {
      expect((await cm.send('POST', `/api/v1/cases/${caseId}/notes`, { ...note, noteDate, kind })).status).toBe(201);
    }
    const first = (await cm.get(`/api/v1/cases/${caseId}/notes?limit=2`)).body;
    expect(first.items.map((n: { noteDate: string }) => n.noteDate)).toEqual(['2026-11-20', '2026-11-19']);
    const second = (await cm.get(`/api/v1/cases/${caseId}/notes?limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((n: { kind: string }) => n.kind)).toEqual(['note']);
    expect(second.nextCursor).toBeNull();
    expect((await cm.get(`/api/v1/cases/${caseId}/notes?cursor=garbage`)).status).toBe(400);

    const future = await cm.send('POST', `/api/v1/cases/${caseId}/notes`, { ...note, noteDate: '2026-11-21' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('date_in_future');
    expect((await cm.send('POST', `/api/v1/cases/${caseId}/notes`, { ...note, text: '   ' })).status).toBe(400);

    const cas = await loginAs(app, 'cas.bucha');
    const read = (await cas.get(`/api/v1/cases/${caseId}/notes`)).body;
    expect(read.items).toHaveLength(3);
    expect(read.allowedActions).toEqual([]);
    expect((await cas.send('POST', `/api/v1/cases/${caseId}/notes`, note)).status).toBe(403);
  });
});
