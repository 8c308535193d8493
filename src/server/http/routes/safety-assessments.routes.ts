import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  safetyActionRequest,
  safetyAssessmentCompleteRequest,
  safetyAssessmentCreateRequest,
  safetyAssessmentList,
  safetyAssessmentParams,
  safetyAssessmentSaveRequest,
  safetyAssessmentView,
} from '#contracts/safety-assessments.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { addSafetyAction, completeSafetyAssessment, createSafetyAssessment, listSafetyAssessments, saveSafetyAssessment } from '../../services/safety-assessments.service.ts';
import { requireActor, type App } from '../app.ts';

/** The child safety-assessment acts of a case and their immediate actions (Resolution 585 Annex 10; SPEC §2.4). */
export function registerSafetyAssessmentRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/safety-assessments';
  const tags = ['safety-assessments'];
  app.get(base, { schema: { tags, params: idParams, response: { 200: safetyAssessmentList, 404: problemSchema } } }, async (req) => listSafetyAssessments(deps, requireActor(req), req.params.id));
  app.post(
    base,
    { schema: { tags, params: idParams, body: safetyAssessmentCreateRequest, response: { 201: safetyAssessmentView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await createSafetyAssessment(deps, requireActor(req), req.params.id, req.body)),
  );
  app.put(
    `${base}/:assessmentId`,
    { schema: { tags, params: safetyAssessmentParams, body: safetyAssessmentSaveRequest, response: { 200: safetyAssessmentView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => saveSafetyAssessment(deps, requireActor(req), req.params.id, req.params.assessmentId, req.body),
  );
  app.post(
    `${base}/:assessmentId/completion`,
    { schema: { tags, params: safetyAssessmentParams, body: safetyAssessmentCompleteRequest, response: { 200: safetyAssessmentView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => completeSafetyAssessment(deps, requireActor(req), req.params.id, req.params.assessmentId, req.body),
  );
  app.post(
    `${base}/:assessmentId/actions`,
    { schema: { tags, params: safetyAssessmentParams, body: safetyActionRequest, response: { 201: safetyAssessmentView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await addSafetyAction(deps, requireActor(req), req.params.id, req.params.assessmentId, req.body)),
  );
}
