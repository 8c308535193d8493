import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  familyAssessmentCompleteRequest,
  familyAssessmentCreateRequest,
  familyAssessmentList,
  familyAssessmentParams,
  familyAssessmentSaveRequest,
  familyAssessmentView,
  relativeCreateRequest,
  relativeList,
  relativeParams,
  relativeSaveRequest,
  relativeView,
  tracingAttemptRequest,
  tracingAttemptView,
  tracingAttemptsPage,
  tracingAttemptsQuery,
} from '#contracts/family-tracing.contract.ts';
import type { Deps } from '../../lib/context.ts';
import {
  addRelative,
  completeFamilyAssessment,
  createFamilyAssessment,
  listFamilyAssessments,
  listRelatives,
  listTracingAttempts,
  recordTracingAttempt,
  saveFamilyAssessment,
  saveRelative,
} from '../../services/family-tracing.service.ts';
import { requireActor, type App } from '../app.ts';

/** Family tracing (attempts, relatives found) and family assessment of a case (SPEC §2.7). */
export function registerFamilyTracingRoutes(app: App, deps: Deps): void {
  const cases = '/api/v1/cases/:id';

  const attempts = { tags: ['family-tracing'] };
  app.get(`${cases}/tracing-attempts`, { schema: { ...attempts, params: idParams, querystring: tracingAttemptsQuery, response: { 200: tracingAttemptsPage, 404: problemSchema } } }, async (req) =>
    listTracingAttempts(deps, requireActor(req), req.params.id, req.query),
  );
  app.post(
    `${cases}/tracing-attempts`,
    { schema: { ...attempts, params: idParams, body: tracingAttemptRequest, response: { 201: tracingAttemptView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await recordTracingAttempt(deps, requireActor(req), req.params.id, req.body)),
  );

  app.get(`${cases}/relatives`, { schema: { ...attempts, params: idParams, response: { 200: relativeList, 404: problemSchema } } }, async (req) => listRelatives(deps, requireActor(req), req.params.id));
  app.post(
    `${cases}/relatives`,
    { schema: { ...attempts, params: idParams, body: relativeCreateRequest, response: { 201: relativeView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await addRelative(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(
    `${cases}/relatives/:relativeId`,
    { schema: { ...attempts, params: relativeParams, body: relativeSaveRequest, response: { 200: relativeView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => saveRelative(deps, requireActor(req), req.params.id, req.params.relativeId, req.body),
  );

  const assessments = { tags: ['family-assessments'] };
  app.get(`${cases}/family-assessments`, { schema: { ...assessments, params: idParams, response: { 200: familyAssessmentList, 404: problemSchema } } }, async (req) =>
    listFamilyAssessments(deps, requireActor(req), req.params.id),
  );
  app.post(
    `${cases}/family-assessments`,
    { schema: { ...assessments, params: idParams, body: familyAssessmentCreateRequest, response: { 201: familyAssessmentView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await createFamilyAssessment(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(
    `${cases}/family-assessments/:faId`,
    { schema: { ...assessments, params: familyAssessmentParams, body: familyAssessmentSaveRequest, response: { 200: familyAssessmentView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => saveFamilyAssessment(deps, requireActor(req), req.params.id, req.params.faId, req.body),
  );
  app.post(
    `${cases}/family-assessments/:faId/completion`,
    { schema: { ...assessments, params: familyAssessmentParams, body: familyAssessmentCompleteRequest, response: { 200: familyAssessmentView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => completeFamilyAssessment(deps, requireActor(req), req.params.id, req.params.faId, req.body),
  );
}
