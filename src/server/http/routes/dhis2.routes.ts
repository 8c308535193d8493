import { z } from 'zod';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { dhis2ElementMappingRequest, dhis2Mappings, dhis2OrgUnitMappingRequest, dhis2PushList, dhis2PushRequest, dhis2PushResult } from '#contracts/dhis2.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { createElementMapping, deleteDhis2Mapping, listDhis2Mappings, listDhis2Pushes, pushDataValueSets, putOrgUnitMapping, updateElementMapping } from '../../services/dhis2.service.ts';
import { requireActor, type App } from '../app.ts';

/** DHIS2 aggregate push (SPEC §10.4): mapping tables kept by the administrator; dry runs, pushes and their import summaries. */
export function registerDhis2Routes(app: App, deps: Deps): void {
  const tags = ['dhis2'];
  const writeErrors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
  const versionQuery = z.object({ version: z.coerce.number().int().min(1) });
  app.get('/api/v1/dhis2/mappings', { schema: { tags, response: { 200: dhis2Mappings, 403: problemSchema } } }, async (req) => listDhis2Mappings(deps, requireActor(req)));
  app.post('/api/v1/dhis2/mappings/elements', { schema: { tags, body: dhis2ElementMappingRequest, response: { 201: dhis2Mappings, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await createElementMapping(deps, requireActor(req), req.body)));
  app.put('/api/v1/dhis2/mappings/elements/:id', { schema: { tags, params: idParams, body: dhis2ElementMappingRequest, response: { 200: dhis2Mappings, ...writeErrors } } }, async (req) => updateElementMapping(deps, requireActor(req), req.params.id, req.body));
  app.delete('/api/v1/dhis2/mappings/elements/:id', { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: dhis2Mappings, ...writeErrors } } }, async (req) => deleteDhis2Mapping(deps, requireActor(req), 'elements', req.params.id, req.query.version));
  app.put('/api/v1/dhis2/mappings/org-units', { schema: { tags, body: dhis2OrgUnitMappingRequest, response: { 200: dhis2Mappings, ...writeErrors } } }, async (req) => putOrgUnitMapping(deps, requireActor(req), req.body));
  app.delete('/api/v1/dhis2/mappings/org-units/:id', { schema: { tags, params: idParams, querystring: versionQuery, response: { 200: dhis2Mappings, ...writeErrors } } }, async (req) => deleteDhis2Mapping(deps, requireActor(req), 'org-units', req.params.id, req.query.version));
  app.get('/api/v1/dhis2/pushes', { schema: { tags, response: { 200: dhis2PushList, 403: problemSchema } } }, async (req) => listDhis2Pushes(deps, requireActor(req)));
  app.post('/api/v1/dhis2/pushes', { schema: { tags, summary: 'Build the quarter’s dataValueSets; dry run (default) validates only, otherwise POSTs to DHIS2 and keeps the import summary', body: dhis2PushRequest, response: { 201: dhis2PushResult, ...writeErrors } } }, async (req, reply) =>
    reply.code(201).send(await pushDataValueSets(deps, requireActor(req), req.body)),
  );
}
