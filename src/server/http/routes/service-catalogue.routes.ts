import { problemSchema } from '#contracts/common.contract.ts';
import { serviceCatalogueList, serviceCatalogueQuery } from '#contracts/service-catalogue.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listServiceCatalogue } from '../../services/service-catalogue.service.ts';
import { requireActor, type App } from '../app.ts';

/** The service catalogue (ISSB packages and basic social services; SPEC §4.1), for any signed-in user. */
export function registerServiceCatalogueRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/service-catalogue', { schema: { tags: ['services'], querystring: serviceCatalogueQuery, response: { 200: serviceCatalogueList, 401: problemSchema } } }, async (req) => {
    requireActor(req);
    return listServiceCatalogue(deps, req.query);
  });
}
