import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { decisionRequest, decisionsList, decisionView } from '#contracts/service-decisions.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listDecisions, recordDecision } from '../../services/service-decisions.service.ts';
import { requireActor, type App } from '../app.ts';

/** Decisions to provide, refuse or terminate services (Law "On Social Services" art. 21, 24; SPEC §2.9). */
export function registerServiceDecisionRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/decisions';
  app.get(base, { schema: { tags: ['service-decisions'], params: idParams, response: { 200: decisionsList, 404: problemSchema } } }, async (req) => listDecisions(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags: ['service-decisions'], params: idParams, body: decisionRequest, response: { 201: decisionView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordDecision(deps, requireActor(req), req.params.id, req.body)),
  );
}
