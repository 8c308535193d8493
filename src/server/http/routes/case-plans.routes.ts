import { planAgreementRequest, planCompareQuery, planComparison, planParams, planSaveRequest, plansList, planView } from '#contracts/case-plans.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { agreePlan, comparePlans, createPlanVersion, getPlan, listPlans, savePlan } from '../../services/case-plans.service.ts';
import { requireActor, type App } from '../app.ts';

/** Versions of the social support plan of a case (Order 1005; SPEC §2.8). */
export function registerCasePlanRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/plans';
  const tags = ['case-plans'];
  app.get(base, { schema: { tags, params: idParams, response: { 200: plansList, 404: problemSchema } } }, async (req) => listPlans(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, response: { 201: planView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await createPlanVersion(deps, requireActor(req), req.params.id)),
  );
  app.get(`${base}/compare`, { schema: { tags, params: idParams, querystring: planCompareQuery, response: { 200: planComparison, 404: problemSchema } } }, async (req) =>
    comparePlans(deps, requireActor(req), req.params.id, req.query),
  );
  app.get(`${base}/:planId`, { schema: { tags, params: planParams, response: { 200: planView, 404: problemSchema } } }, async (req) => getPlan(deps, requireActor(req), req.params.id, req.params.planId));
  app.put(`${base}/:planId`, { schema: { tags, params: planParams, body: planSaveRequest, response: { 200: planView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    savePlan(deps, requireActor(req), req.params.id, req.params.planId, req.body),
  );
  app.post(
    `${base}/:planId/agreement`,
    { schema: { tags, params: planParams, body: planAgreementRequest, response: { 200: planView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => agreePlan(deps, requireActor(req), req.params.id, req.params.planId, req.body),
  );
}
