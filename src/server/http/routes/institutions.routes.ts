import { z } from 'zod';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  admissionRequest,
  childCountRequest,
  episodeInstitutionRequest,
  institutionChildren,
  institutionCreateRequest,
  institutionsPage,
  institutionsQuery,
  institutionUpdateRequest,
  institutionView,
  monthlyAdmissions,
  monthlyAdmissionsQuery,
  transformationPlanRequest,
} from '#contracts/institutions.contract.ts';
import type { Deps } from '../../lib/context.ts';
import {
  createInstitution,
  getInstitution,
  linkEpisodeInstitution,
  listInstitutionChildren,
  listInstitutions,
  monthlyFirstTimeAdmissions,
  recordAdmission,
  recordChildCount,
  saveTransformationPlan,
  updateInstitution,
} from '../../services/institutions.service.ts';
import { requireActor, type App } from '../app.ts';

/** Residential institutions and their transformation (SPEC §6): read by staff, kept by the administrator and oblast coordinators. */
export function registerInstitutionRoutes(app: App, deps: Deps): void {
  const tags = ['institutions'];
  const writeErrors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
  app.get('/api/v1/institutions', { schema: { tags, querystring: institutionsQuery, response: { 200: institutionsPage, 400: problemSchema, 403: problemSchema } } }, async (req) => listInstitutions(deps, requireActor(req), req.query));
  app.get('/api/v1/institutions/:id', { schema: { tags, params: idParams, response: { 200: institutionView, 403: problemSchema, 404: problemSchema } } }, async (req) => getInstitution(deps, requireActor(req), req.params.id));
  app.post('/api/v1/institutions', { schema: { tags, body: institutionCreateRequest, response: { 201: institutionView, ...writeErrors } } }, async (req, reply) => reply.code(201).send(await createInstitution(deps, requireActor(req), req.body)));
  app.put('/api/v1/institutions/:id', { schema: { tags, params: idParams, body: institutionUpdateRequest, response: { 200: institutionView, ...writeErrors } } }, async (req) => updateInstitution(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/institutions/:id/counts', { schema: { tags, params: idParams, body: childCountRequest, response: { 201: institutionView, ...writeErrors } } }, async (req, reply) =>
    reply.code(201).send(await recordChildCount(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put('/api/v1/institutions/:id/plan', { schema: { tags, params: idParams, body: transformationPlanRequest, response: { 200: institutionView, ...writeErrors } } }, async (req) => saveTransformationPlan(deps, requireActor(req), req.params.id, req.body));
  app.post('/api/v1/institutions/:id/admissions', { schema: { tags, params: idParams, body: admissionRequest, response: { 201: institutionView, ...writeErrors } } }, async (req, reply) =>
    reply.code(201).send(await recordAdmission(deps, requireActor(req), req.params.id, req.body)),
  );
  app.get('/api/v1/institutions/:id/children', { schema: { tags, params: idParams, response: { 200: institutionChildren, 403: problemSchema, 404: problemSchema } } }, async (req) => listInstitutionChildren(deps, requireActor(req), req.params.id));
  app.get('/api/v1/institution-admissions/monthly', { schema: { tags, querystring: monthlyAdmissionsQuery, response: { 200: monthlyAdmissions, 400: problemSchema, 403: problemSchema, 422: problemSchema } } }, async (req) =>
    monthlyFirstTimeAdmissions(deps, requireActor(req), req.query),
  );
  app.put('/api/v1/care-episodes/:id/institution', { schema: { tags, params: idParams, body: episodeInstitutionRequest, response: { 200: z.object({ episodeId: z.string(), institutionId: z.string().nullable(), version: z.number().int() }), ...writeErrors } } }, async (req) =>
    linkEpisodeInstitution(deps, requireActor(req), req.params.id, req.body),
  );
}
