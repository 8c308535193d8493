import { followUpParams, followUpRecordRequest, followUpScheduleRequest, followUpsList, followUpView } from '#contracts/closure.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listFollowUps, recordFollowUp, scheduleFollowUp } from '../../services/follow-ups.service.ts';
import { requireActor, type App } from '../app.ts';

/** Post-closure follow-up visits, scheduled and random (SPEC §2.14; 000 §3.10). */
export function registerFollowUpRoutes(app: App, deps: Deps): void {
  const tags = ['follow-ups'];
  const base = '/api/v1/cases/:id/follow-ups';
  app.get(base, { schema: { tags, params: idParams, response: { 200: followUpsList, 404: problemSchema } } }, async (req) => listFollowUps(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: followUpScheduleRequest, response: { 201: followUpView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await scheduleFollowUp(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(`${base}/:visitId`, { schema: { tags, params: followUpParams, body: followUpRecordRequest, response: { 200: followUpView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    recordFollowUp(deps, requireActor(req), req.params.id, req.params.visitId, req.body),
  );
}
