import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { planReportRequest, planReportsList, planReportView } from '#contracts/plan-reports.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listPlanReports, submitPlanReport } from '../../services/plan-reports.service.ts';
import { requireActor, type App } from '../app.ts';

/** Quarterly reports on the implementation of the individual plan to the Child Affairs Service (CMU Resolution No. 585; SPEC §2.12). */
export function registerPlanReportRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/plan-reports';
  const tags = ['plan-reports'];
  app.get(base, { schema: { tags, params: idParams, response: { 200: planReportsList, 404: problemSchema } } }, async (req) => listPlanReports(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: planReportRequest, response: { 201: planReportView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await submitPlanReport(deps, requireActor(req), req.params.id, req.body)),
  );
}
