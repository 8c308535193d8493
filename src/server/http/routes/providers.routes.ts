import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { providerCreateRequest, providersPage, providersQuery, providerUpdateRequest, providerView } from '#contracts/providers.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { createProvider, getProvider, listProviders, updateProvider } from '../../services/providers.service.ts';
import { requireActor, type App } from '../app.ts';

/** The register of service providers (SPEC §4.2): searched by staff, kept by the administrator and community planners. */
export function registerProviderRoutes(app: App, deps: Deps): void {
  const tags = ['providers'];
  app.get('/api/v1/providers', { schema: { tags, querystring: providersQuery, response: { 200: providersPage, 400: problemSchema, 403: problemSchema } } }, async (req) => listProviders(deps, requireActor(req), req.query));
  app.get('/api/v1/providers/:id', { schema: { tags, params: idParams, response: { 200: providerView, 403: problemSchema, 404: problemSchema } } }, async (req) => getProvider(deps, requireActor(req), req.params.id));
  app.post('/api/v1/providers', { schema: { tags, body: providerCreateRequest, response: { 201: providerView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await createProvider(deps, requireActor(req), req.body)),
  );
  app.put('/api/v1/providers/:id', { schema: { tags, params: idParams, body: providerUpdateRequest, response: { 200: providerView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    updateProvider(deps, requireActor(req), req.params.id, req.body),
  );
}
