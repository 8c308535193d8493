import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { needsAssessmentCompleteRequest, needsAssessmentSaveRequest, needsAssessmentView } from '#contracts/needs-assessments.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { completeNeedsAssessment, getNeedsAssessment, saveNeedsAssessment } from '../../services/needs-assessments.service.ts';
import { requireActor, type App } from '../app.ts';

/** The needs-assessment act of a case (Order 1005). */
export function registerNeedsAssessmentRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/needs-assessment';
  app.get(base, { schema: { tags: ['needs-assessment'], params: idParams, response: { 200: needsAssessmentView, 404: problemSchema } } }, async (req) => getNeedsAssessment(deps, requireActor(req), req.params.id));
  app.put(
    base,
    { schema: { tags: ['needs-assessment'], params: idParams, body: needsAssessmentSaveRequest, response: { 200: needsAssessmentView, 404: problemSchema, 409: problemSchema } } },
    async (req) => saveNeedsAssessment(deps, requireActor(req), req.params.id, req.body),
  );
  app.post(
    `${base}/completion`,
    { schema: { tags: ['needs-assessment'], params: idParams, body: needsAssessmentCompleteRequest, response: { 200: needsAssessmentView, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => completeNeedsAssessment(deps, requireActor(req), req.params.id, req.body),
  );
}
