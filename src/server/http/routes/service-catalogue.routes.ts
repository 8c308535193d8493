import { problemSchema } from '#contracts/common.contract.ts';
import { serviceCatalogueList, serviceCatalogueQuery, serviceCodeParams, serviceUpdateRequest, serviceView } from '#contracts/service-catalogue.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listServiceCatalogue, updateService } from '../../services/service-catalogue.service.ts';
import { requireActor, type App } from '../app.ts';

/** The service catalogue (ISSB packages and basic social services; SPEC §4.1): read by any signed-in user, edited by the system administrator. */
export function registerServiceCatalogueRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/service-catalogue', { schema: { tags: ['services'], querystring: serviceCatalogueQuery, response: { 200: serviceCatalogueList, 401: problemSchema } } }, async (req) => {
    requireActor(req);
    return listServiceCatalogue(deps, req.query);
  });
  app.put(
    '/api/v1/service-catalogue/:code',
    { schema: { tags: ['services'], params: serviceCodeParams, body: serviceUpdateRequest, response: { 200: serviceView, 403: problemSchema, 404: problemSchema, 409: problemSchema } } },
    async (req) => updateService(deps, requireActor(req), req.params.code, req.body),
  );
}
