import { caregiverCreateRequest, caregiversList, caregiversQuery, caregiverUpdateRequest, caregiverView, matchingQuery, matchingView, placementRequest, placementView, stageMoveRequest, supportEventRequest } from '#contracts/caregivers.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { addSupportEvent, createCaregiver, getCaregiver, listCaregivers, moveCaregiverStage, updateCaregiver } from '../../services/caregivers.service.ts';
import { matchCaregivers, placeWithCaregiver } from '../../services/matching.service.ts';
import { requireActor, type App } from '../app.ts';

/** Alternative family caregivers (SPEC §5): register, pipeline, support; matching a child of a case and the placement decision. */
export function registerCaregiverRoutes(app: App, deps: Deps): void {
  const tags = ['caregivers'];
  const errors = { 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
  app.get('/api/v1/caregivers', { schema: { tags, querystring: caregiversQuery, response: { 200: caregiversList, 403: problemSchema } } }, async (req) => listCaregivers(deps, requireActor(req), req.query));
  app.post('/api/v1/caregivers', { schema: { tags, body: caregiverCreateRequest, response: { 201: caregiverView, ...errors } } }, async (req, reply) => reply.code(201).send(await createCaregiver(deps, requireActor(req), req.body)));
  app.get('/api/v1/caregivers/:id', { schema: { tags, params: idParams, response: { 200: caregiverView, 404: problemSchema } } }, async (req) => getCaregiver(deps, requireActor(req), req.params.id));
  app.put('/api/v1/caregivers/:id', { schema: { tags, params: idParams, body: caregiverUpdateRequest, response: { 200: caregiverView, ...errors } } }, async (req) => updateCaregiver(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/caregivers/:id/stage-moves', { schema: { tags, params: idParams, body: stageMoveRequest, response: { 200: caregiverView, ...errors } } }, async (req) => moveCaregiverStage(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/caregivers/:id/support-events', { schema: { tags, params: idParams, body: supportEventRequest, response: { 201: caregiverView, ...errors } } }, async (req, reply) => reply.code(201).send(await addSupportEvent(deps, requireActor(req), req.params.id, req.body)));
  app.get('/api/v1/cases/:id/matching', { schema: { tags, params: idParams, querystring: matchingQuery, response: { 200: matchingView, 404: problemSchema, 422: problemSchema } } }, async (req) => matchCaregivers(deps, requireActor(req), req.params.id, req.query.childId));
  app.post('/api/v1/cases/:id/matching/placement', { schema: { tags, params: idParams, body: placementRequest, response: { 201: placementView, ...errors } } }, async (req, reply) => reply.code(201).send(await placeWithCaregiver(deps, requireActor(req), req.params.id, req.body)));
}
