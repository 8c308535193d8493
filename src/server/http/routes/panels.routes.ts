import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  actionItemCreateRequest,
  actionItemUpdateRequest,
  actionItemView,
  actionReport,
  analyticsQuery,
  analyticsView,
  attendanceRequest,
  bodyCreateRequest,
  bodyList,
  bodyUpdateRequest,
  bodyView,
  caseSubmissions,
  determinationRequest,
  meetingCreateRequest,
  meetingView,
  memberCreateRequest,
  memberUpdateRequest,
  signatureRequest,
  submissionRequest,
  submissionView,
  votesRequest,
} from '#contracts/panels.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { panelAnalytics } from '../../services/panels-analytics.service.ts';
import { minutesPdf } from '../../services/panels-minutes.service.ts';
import {
  actionReport as buildActionReport,
  addActionItem,
  addMember,
  createBody,
  createMeeting,
  getBody,
  getMeeting,
  listBodies,
  listCaseSubmissions,
  recordAttendance,
  recordVotes,
  saveDetermination,
  signMinutes,
  submitCase,
  updateActionItem,
  updateBody,
  updateMember,
} from '../../services/panels.service.ts';
import { requireActor, type App } from '../app.ts';

/** Gatekeeping panels and coordination bodies (SPEC §3, §9): bodies, meetings, votes, determinations, minutes, analytics. */
export function registerPanelRoutes(app: App, deps: Deps): void {
  const tags = ['panels'];
  const readErrors = { 403: problemSchema, 404: problemSchema };
  const writeErrors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
  app.get('/api/v1/panel-bodies', { schema: { tags, response: { 200: bodyList, 403: problemSchema } } }, async (req) => listBodies(deps, requireActor(req)));
  app.post('/api/v1/panel-bodies', { schema: { tags, body: bodyCreateRequest, response: { 201: bodyView, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await createBody(deps, requireActor(req), req.body)));
  app.put('/api/v1/panel-bodies/:id', { schema: { tags, params: idParams, body: bodyUpdateRequest, response: { 200: bodyView, ...writeErrors } } }, async (req) => updateBody(deps, requireActor(req), req.params.id, req.body));
  app.get('/api/v1/panel-bodies/:id', { schema: { tags, params: idParams, response: { 200: bodyView, ...readErrors } } }, async (req) => getBody(deps, requireActor(req), req.params.id));
  app.post('/api/v1/panel-bodies/:id/members', { schema: { tags, params: idParams, body: memberCreateRequest, response: { 201: bodyView, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await addMember(deps, requireActor(req), req.params.id, req.body)));
  app.put('/api/v1/panel-members/:id', { schema: { tags, params: idParams, body: memberUpdateRequest, response: { 200: bodyView, ...writeErrors } } }, async (req) => updateMember(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/panel-bodies/:id/meetings', { schema: { tags, params: idParams, body: meetingCreateRequest, response: { 201: meetingView, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await createMeeting(deps, requireActor(req), req.params.id, req.body)));
  app.get('/api/v1/panel-bodies/:id/action-items', { schema: { tags, params: idParams, response: { 200: actionReport, ...readErrors } } }, async (req) => buildActionReport(deps, requireActor(req), req.params.id));
  app.get('/api/v1/panel-meetings/:id', { schema: { tags, params: idParams, response: { 200: meetingView, ...readErrors } } }, async (req) => getMeeting(deps, requireActor(req), req.params.id));
  app.put('/api/v1/panel-meetings/:id/attendance', { schema: { tags, params: idParams, body: attendanceRequest, response: { 200: meetingView, ...writeErrors } } }, async (req) => recordAttendance(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/panel-meetings/:id/signatures', { schema: { tags, params: idParams, body: signatureRequest, response: { 200: meetingView, ...writeErrors } } }, async (req) => signMinutes(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/panel-meetings/:id/action-items', { schema: { tags, params: idParams, body: actionItemCreateRequest, response: { 201: meetingView, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await addActionItem(deps, requireActor(req), req.params.id, req.body)));
  app.get(
    '/api/v1/panel-meetings/:id/minutes.pdf',
    { schema: { tags, params: idParams, response: { 200: { description: 'The minutes as PDF (A4, Ukrainian); unsigned minutes are marked as a draft', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } }, ...readErrors } } },
    async (req, reply) => {
      const doc = await minutesPdf(deps, requireActor(req), req.params.id);
      return (reply as FastifyReply).type('application/pdf').header('Content-Disposition', `inline; filename="${doc.filename}"`).send(doc.pdf);
    },
  );
  app.put('/api/v1/panel-action-items/:id', { schema: { tags, params: idParams, body: actionItemUpdateRequest, response: { 200: actionItemView, ...writeErrors } } }, async (req) => updateActionItem(deps, requireActor(req), req.params.id, req.body));
  app.put('/api/v1/panel-agenda-items/:id/determination', { schema: { tags, params: idParams, body: determinationRequest, response: { 200: meetingView, ...writeErrors } } }, async (req) => saveDetermination(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/panel-agenda-items/:id/votes', { schema: { tags, params: idParams, body: votesRequest, response: { 200: meetingView, ...writeErrors } } }, async (req) => recordVotes(deps, requireActor(req), req.params.id, req.body));
  app.get('/api/v1/cases/:id/panel-submissions', { schema: { tags, params: idParams, response: { 200: caseSubmissions, ...readErrors } } }, async (req) => listCaseSubmissions(deps, requireActor(req), req.params.id));
  app.post('/api/v1/cases/:id/panel-submissions', { schema: { tags, params: idParams, body: submissionRequest, response: { 201: submissionView, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await submitCase(deps, requireActor(req), req.params.id, req.body)));
  app.get('/api/v1/panel-analytics', { schema: { tags, querystring: analyticsQuery, response: { 200: analyticsView, 400: problemSchema, 403: problemSchema, 422: problemSchema } } }, async (req) => panelAnalytics(deps, requireActor(req), req.query));
}
