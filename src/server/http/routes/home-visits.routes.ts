import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { homeVisitParams, homeVisitRequest, homeVisitSaved, homeVisitsPage, homeVisitsQuery, homeVisitUpdateRequest } from '#contracts/home-visits.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listHomeVisits, recordHomeVisit, updateHomeVisit } from '../../services/home-visits.service.ts';
import { requireActor, type App } from '../app.ts';

/** Home visits, planned and recorded, and the next-visit deadline of the monitoring schedule (SPEC §2.10, §2.12). */
export function registerHomeVisitRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/home-visits';
  const tags = ['home-visits'];
  app.get(base, { schema: { tags, params: idParams, querystring: homeVisitsQuery, response: { 200: homeVisitsPage, 400: problemSchema, 404: problemSchema } } }, async (req) => listHomeVisits(deps, requireActor(req), req.params.id, req.query));
  app.post(base, { schema: { tags, params: idParams, body: homeVisitRequest, response: { 201: homeVisitSaved, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordHomeVisit(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(`${base}/:visitId`, { schema: { tags, params: homeVisitParams, body: homeVisitUpdateRequest, response: { 200: homeVisitSaved, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    updateHomeVisit(deps, requireActor(req), req.params.id, req.params.visitId, req.body),
  );
}
