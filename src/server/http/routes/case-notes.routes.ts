import { caseNoteCreateRequest, caseNoteParams, caseNotesPage, caseNotesQuery, caseNoteUpdateRequest, caseNoteView } from '#contracts/case-notes.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { addCaseNote, listCaseNotes, updateCaseNote } from '../../services/case-notes.service.ts';
import { requireActor, type App } from '../app.ts';

/** Case notes: notes, phone calls, office meetings (SPEC §2.10). */
export function registerCaseNoteRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/notes';
  const tags = ['case-notes'];
  app.get(base, { schema: { tags, params: idParams, querystring: caseNotesQuery, response: { 200: caseNotesPage, 400: problemSchema, 404: problemSchema } } }, async (req) => listCaseNotes(deps, requireActor(req), req.params.id, req.query));
  app.post(base, { schema: { tags, params: idParams, body: caseNoteCreateRequest, response: { 201: caseNoteView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await addCaseNote(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(`${base}/:noteId`, { schema: { tags, params: caseNoteParams, body: caseNoteUpdateRequest, response: { 200: caseNoteView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    updateCaseNote(deps, requireActor(req), req.params.id, req.params.noteId, req.body),
  );
}
