import { sql, type Selectable } from 'kysely';
import { assertMayEditRecord, checkNoteDate, editableUntil, recordEditRefusal, type NoteKind } from '#domain/cases/case-notes.ts';
import { DomainError } from '#domain/errors.ts';
import type { CaseNoteCreateRequest, CaseNoteUpdateRequest, CaseNoteView } from '#contracts/case-notes.contract.ts';
import { mayOnCase } from '../lib/case-access.ts';
import { todayInKyiv, type Deps, type RequestActor, type Tx } from '../lib/context.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { addCaseEvent } from '../db/repositories/cases.repository.ts';
import { isoOf, userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import type { CaseNotesTable } from '../db/schema-implementation.ts';
import { appendAudit } from './audit.service.ts';
import { loadCaseFor } from './cases.service.ts';
import { assertCurrentVersion, lostUpdate } from '../lib/versioning.ts';

type NoteRow = Selectable<CaseNotesTable>;

async function present(trx: Tx, actor: RequestActor, rows: NoteRow[], mayContribute: boolean, now: Date): Promise<CaseNoteView[]> {
  const names = await userNamesById(trx, rows.map((r) => r.author_id));
  return rows.map((r) => {
    const recordedAt = new Date(r.created_at);
    return {
      id: r.id,
      caseId: r.case_id,
      version: r.version,
      kind: r.kind as NoteKind,
      noteDate: r.note_date,
      text: r.text,
      author: { id: r.author_id, name: names.get(r.author_id) ?? '' },
      editableUntil: editableUntil(recordedAt).toISOString(),
      createdAt: isoOf(r.created_at),
      updatedAt: isoOf(r.updated_at),
      allowedActions: mayContribute && recordEditRefusal({ authorId: r.author_id, recordedAt }, actor.userId, now) === null ? ['edit' as const] : [],
    };
  });
}

async function findNote(trx: Tx, caseId: string, noteId: string): Promise<NoteRow> {
  const row = await trx.selectFrom('case_notes').selectAll().where('id', '=', noteId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Not found');
  return row;
}

/** Notes of a case, newest first, keyset-paginated on (note_date, created_at, id); one audit row per page (SPEC §11). */
export async function listCaseNotes(deps: Deps, actor: RequestActor, caseId: string, opts: { limit: number; cursor?: string | undefined }) {
  const pos = decodeCursor(opts.cursor, ['on', 'at', 'id'] as const);
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.view', today);
    let q = trx.selectFrom('case_notes as n').selectAll('n').where('n.case_id', '=', caseId);
    if (pos?.on && pos.at && pos.id) q = q.where(sql<boolean>`(n.note_date, n.created_at, n.id) < (${pos.on}::date, ${pos.at}::timestamptz, ${pos.id}::uuid)`);
    const rows = await q.orderBy('n.note_date', 'desc').orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(opts.limit + 1).execute();
    const page = rows.slice(0, opts.limit);
    const mayContribute = mayOnCase(actor, 'case.contribute', caseRow);
    await appendAudit(trx, { actor, action: 'list', entity: 'case_note', entityId: '', details: { caseId, ids: page.map((r) => r.id) } }, now);
    const last = page[page.length - 1];
    return {
      items: await present(trx, actor, page, mayContribute, now),
      nextCursor: rows.length > opts.limit && last ? encodeCursor({ on: last.note_date, at: isoOf(last.created_at), id: last.id }) : null,
      allowedActions: mayContribute ? ['create' as const] : [],
    };
  });
}

/** Adds a note to the case (SPEC §2.10): the case manager, the supervisor and members of the case's team may. */
export async function addCaseNote(deps: Deps, actor: RequestActor, caseId: string, input: CaseNoteCreateRequest): Promise<CaseNoteView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    const caseRow = await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    checkNoteDate(input.noteDate, today);
    const row = await trx
      .insertInto('case_notes')
      .values({
        case_id: caseId,
        kind: input.kind,
        note_date: input.noteDate,
        text: input.text,
        author_id: actor.userId,
        hromada_id: caseRow.hromada_id,
        organisation_id: caseRow.organisation_id,
        // From the clock, at millisecond precision, so that the list cursor reproduces it exactly.
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'case_note_added', data: { noteId: row.id, noteKind: input.kind, noteDate: input.noteDate }, at: now });
    await appendAudit(trx, { actor, action: 'create', entity: 'case_note', entityId: row.id, details: { caseId, kind: input.kind } }, now);
    const [view] = await present(trx, actor, [row], true, now);
    return view as CaseNoteView;
  });
}

/**
 * Corrects a note: only its author, only within 24 hours of writing it (then it is append-only and a new note
 * corrects it); the version it was based on must be current (409 otherwise).
 */
export async function updateCaseNote(deps: Deps, actor: RequestActor, caseId: string, noteId: string, input: CaseNoteUpdateRequest): Promise<CaseNoteView> {
  const now = deps.now();
  const today = todayInKyiv(now);
  return deps.db.transaction().execute(async (trx) => {
    await loadCaseFor(trx, actor, caseId, 'case.contribute', today);
    const row = await findNote(trx, caseId, noteId);
    assertMayEditRecord({ authorId: row.author_id, recordedAt: new Date(row.created_at) }, actor.userId, now);
    assertCurrentVersion(row.version, input.version, 'note');
    checkNoteDate(input.noteDate, today);
    const updated = await trx
      .updateTable('case_notes')
      .set({ kind: input.kind, note_date: input.noteDate, text: input.text, version: row.version + 1, updated_at: now })
      .where('id', '=', noteId)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw await lostUpdate(trx, 'case_notes', noteId, 'note');
    await addCaseEvent(trx, { caseId, actorId: actor.userId, kind: 'case_note_edited', data: { noteId, noteKind: input.kind, noteDate: input.noteDate }, at: now });
    await appendAudit(trx, { actor, action: 'update', entity: 'case_note', entityId: noteId, details: { caseId, version: updated.version } }, now);
    const [view] = await present(trx, actor, [updated], true, now);
    return view as CaseNoteView;
  });
}
