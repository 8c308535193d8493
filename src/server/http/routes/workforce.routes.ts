import { z } from 'zod';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  assignmentHistory,
  checkinRequest,
  myWorkforce,
  needInputsRequest,
  needQuery,
  reassignCandidates,
  reassignmentRequest,
  reassignmentResult,
  sessionRequest,
  sessionUpdateRequest,
  sessionView,
  staffQuery,
  staffRegister,
  staffRequest,
  staffUpdateRequest,
  staffView,
  submitRequest,
  supervisionLog,
  teamWellbeing,
  trainingRequest,
  workforceNeedView,
  workforceSettingsRequest,
  workforceSettingsView,
} from '#contracts/workforce.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { createSession, getSession, getSupervisionLog, submitSession, supervisionCardPdf, updateSession } from '../../services/supervision-sessions.service.ts';
import { getWorkforceNeed, saveNeedInputs, workforceNeedXlsx } from '../../services/workforce-need.service.ts';
import {
  addTraining,
  createStaff,
  getAssignmentHistory,
  getMyWorkforce,
  getStaffRegister,
  getTeamWellbeing,
  getWorkforceSettings,
  listReassignCandidates,
  reassignCase,
  recordCheckin,
  saveWorkforceSettings,
  updateStaff,
} from '../../services/workforce.service.ts';
import { requireActor, type App } from '../app.ts';

/** Workforce (SPEC §7, §8): staff register, caseload weights, reassignment, supervision log and cards, training, wellbeing, workforce need. */
export function registerWorkforceRoutes(app: App, deps: Deps): void {
  const tags = ['workforce'];
  const read = { 403: problemSchema, 404: problemSchema };
  const write = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

  app.get('/api/v1/workforce/settings', { schema: { tags, response: { 200: workforceSettingsView, ...read } } }, async (req) => getWorkforceSettings(deps, requireActor(req)));
  app.put('/api/v1/workforce/settings', { schema: { tags, body: workforceSettingsRequest, response: { 200: workforceSettingsView, ...write } } }, async (req) => saveWorkforceSettings(deps, requireActor(req), req.body));

  app.get('/api/v1/workforce/staff', { schema: { tags, querystring: staffQuery, response: { 200: staffRegister, 400: problemSchema, ...read } } }, async (req) => getStaffRegister(deps, requireActor(req), req.query));
  app.post('/api/v1/workforce/staff', { schema: { tags, body: staffRequest, response: { 201: staffView, ...write } } }, async (req, reply) => reply.code(201).send(await createStaff(deps, requireActor(req), req.body)));
  app.put('/api/v1/workforce/staff/:id', { schema: { tags, params: idParams, body: staffUpdateRequest, response: { 200: staffView, ...write } } }, async (req) => updateStaff(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/workforce/staff/:id/trainings', { schema: { tags, params: idParams, body: trainingRequest, response: { 201: staffView, ...write } } }, async (req, reply) =>
    reply.code(201).send(await addTraining(deps, requireActor(req), req.params.id, req.body)),
  );

  app.get('/api/v1/workforce/me', { schema: { tags, response: { 200: myWorkforce } } }, async (req) => getMyWorkforce(deps, requireActor(req)));
  app.post('/api/v1/workforce/me/checkins', { schema: { tags, body: checkinRequest, response: { 201: myWorkforce, ...write } } }, async (req, reply) => reply.code(201).send(await recordCheckin(deps, requireActor(req), req.body)));
  app.get('/api/v1/workforce/wellbeing', { schema: { tags, querystring: staffQuery, response: { 200: teamWellbeing, 400: problemSchema, ...read } } }, async (req) => getTeamWellbeing(deps, requireActor(req), req.query));

  app.get('/api/v1/cases/:id/assignments', { schema: { tags, params: idParams, response: { 200: assignmentHistory, ...read } } }, async (req) => getAssignmentHistory(deps, requireActor(req), req.params.id));
  app.get('/api/v1/cases/:id/reassignment-candidates', { schema: { tags, params: idParams, response: { 200: reassignCandidates, ...read } } }, async (req) => listReassignCandidates(deps, requireActor(req), req.params.id));
  app.post('/api/v1/cases/:id/reassignment', { schema: { tags, params: idParams, body: reassignmentRequest, response: { 200: reassignmentResult, ...write } } }, async (req) => reassignCase(deps, requireActor(req), req.params.id, req.body));

  app.get('/api/v1/supervision/sessions', { schema: { tags, response: { 200: supervisionLog } } }, async (req) => getSupervisionLog(deps, requireActor(req)));
  app.post('/api/v1/supervision/sessions', { schema: { tags, body: sessionRequest, response: { 201: sessionView, ...write } } }, async (req, reply) => reply.code(201).send(await createSession(deps, requireActor(req), req.body)));
  app.get('/api/v1/supervision/sessions/:id', { schema: { tags, params: idParams, response: { 200: sessionView, ...read } } }, async (req) => getSession(deps, requireActor(req), req.params.id));
  app.put('/api/v1/supervision/sessions/:id', { schema: { tags, params: idParams, body: sessionUpdateRequest, response: { 200: sessionView, ...write } } }, async (req) => updateSession(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/supervision/sessions/:id/submission', { schema: { tags, params: idParams, body: submitRequest, response: { 200: sessionView, ...write } } }, async (req) => submitSession(deps, requireActor(req), req.params.id, req.body));

  app.get(
    '/api/v1/supervision/sessions/:id/card.pdf',
    { schema: { tags, params: idParams, response: { 200: { description: 'The supervision card as PDF (A4, Ukrainian); a card not yet submitted is marked as a draft', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } }, ...read } } },
    async (req, reply) => {
      const doc = await supervisionCardPdf(deps, requireActor(req), req.params.id);
      return reply.type('application/pdf').header('Content-Disposition', `inline; filename="${doc.filename}"`).send(doc.pdf as unknown as string); // the binary body; the typed reply only knows the schema's string
    },
  );

  app.get('/api/v1/workforce/need', { schema: { tags, querystring: needQuery, response: { 200: workforceNeedView, 400: problemSchema, ...read } } }, async (req) => getWorkforceNeed(deps, requireActor(req), req.query.hromadaId));
  app.put('/api/v1/workforce/need', { schema: { tags, querystring: needQuery, body: needInputsRequest, response: { 200: workforceNeedView, ...write } } }, async (req) => saveNeedInputs(deps, requireActor(req), req.query.hromadaId, req.body));
  app.get(
    '/api/v1/workforce/need.xlsx',
    {
      schema: {
        tags,
        querystring: needQuery,
        response: { 200: { description: 'Workforce need as a spreadsheet (Ukrainian)', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } } }, 400: problemSchema, ...read },
      },
    },
    async (req, reply) => {
      const file = await workforceNeedXlsx(deps, requireActor(req), req.query.hromadaId);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.buffer as unknown as string); // the binary body; the typed reply only knows the schema's string
    },
  );
}
