import { z } from 'zod';
import { noteKinds } from '#domain/cases/case-notes.ts';
import { isoDate, pageQuery, text, uuid } from './common.contract.ts';

/** POST /api/v1/cases/{id}/notes — a note, a phone call or an office meeting on the case (SPEC §2.10). */
export const caseNoteCreateRequest = z.object({
  kind: z.enum(noteKinds),
  /** The day it happened; not in the future. */
  noteDate: isoDate,
  text: text(20000).min(1),
});
/** A note as sent. */
export type CaseNoteCreateRequest = z.infer<typeof caseNoteCreateRequest>;

/** PUT /api/v1/cases/{id}/notes/{noteId} — the author corrects their note within 24 hours; a stale version answers 409. */
export const caseNoteUpdateRequest = caseNoteCreateRequest.extend({ version: z.number().int().min(1) });
/** A correction as sent. */
export type CaseNoteUpdateRequest = z.infer<typeof caseNoteUpdateRequest>;

/** Path parameters of one note. */
export const caseNoteParams = z.object({ id: uuid, noteId: uuid });

/** GET /api/v1/cases/{id}/notes — newest first, keyset-paginated. */
export const caseNotesQuery = pageQuery;

/** What the user may do with a note. */
export const caseNoteActions = ['edit'] as const;

/** One note. */
export const caseNoteView = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  kind: z.enum(noteKinds),
  noteDate: isoDate,
  text: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  /** Until when the author may still correct it; afterwards the note is append-only. */
  editableUntil: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(caseNoteActions)),
});
/** One note. */
export type CaseNoteView = z.infer<typeof caseNoteView>;

/** GET /api/v1/cases/{id}/notes */
export const caseNotesPage = z.object({ items: z.array(caseNoteView), nextCursor: z.string().nullable(), allowedActions: z.array(z.enum(['create'])) });
