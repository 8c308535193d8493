import { closureRequestBody, closureRequestsList, closureRequestView, reopeningRequest, reopeningResult } from '#contracts/closure.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listClosureRequests, reopenCase, requestClosure } from '../../services/closure.service.ts';
import { requireActor, type App } from '../app.ts';

/** Closure requests with the Order 1005 results report, and reopening of a closed case (SPEC §2.14). */
export function registerClosureRoutes(app: App, deps: Deps): void {
  const tags = ['closure'];
  const base = '/api/v1/cases/:id/closure-requests';
  app.get(base, { schema: { tags, params: idParams, response: { 200: closureRequestsList, 404: problemSchema } } }, async (req) => listClosureRequests(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: closureRequestBody, response: { 201: closureRequestView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await requestClosure(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post('/api/v1/cases/:id/reopening', { schema: { tags, params: idParams, body: reopeningRequest, response: { 201: reopeningResult, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await reopenCase(deps, requireActor(req), req.params.id, req.body)),
  );
}
