import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { deliveredServiceRequest, deliveredServicesPage, deliveredServicesQuery, deliveredServiceView } from '#contracts/delivered-services.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listDeliveredServices, recordDeliveredService } from '../../services/delivered-services.service.ts';
import { requireActor, type App } from '../app.ts';

/** Services delivered on a case, against the measures of the agreed plan or unplanned (SPEC §2.10). */
export function registerDeliveredServiceRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/delivered-services';
  const tags = ['delivered-services'];
  app.get(base, { schema: { tags, params: idParams, querystring: deliveredServicesQuery, response: { 200: deliveredServicesPage, 400: problemSchema, 404: problemSchema } } }, async (req) =>
    listDeliveredServices(deps, requireActor(req), req.params.id, req.query),
  );
  app.post(base, { schema: { tags, params: idParams, body: deliveredServiceRequest, response: { 201: deliveredServiceView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordDeliveredService(deps, requireActor(req), req.params.id, req.body)),
  );
}
