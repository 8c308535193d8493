import { approvalDecisionRequest, approvalRequest, approvalsPage, approvalsQuery, approvalView } from '#contracts/approvals.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { decideApproval, listApprovals, requestPlanApproval } from '../../services/approvals.service.ts';
import { requireActor, type App } from '../app.ts';

/** The supervisor's approval queue (closures, plans) and decisions (issue item 11). */
export function registerApprovalRoutes(app: App, deps: Deps): void {
  const tags = ['approvals'];
  app.get('/api/v1/approvals', { schema: { tags, querystring: approvalsQuery, response: { 200: approvalsPage, 400: problemSchema } } }, async (req) => listApprovals(deps, requireActor(req), req.query));
  app.post('/api/v1/approvals', { schema: { tags, body: approvalRequest, response: { 201: approvalView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await requestPlanApproval(deps, requireActor(req), req.body)),
  );
  app.post('/api/v1/approvals/:id/decision', { schema: { tags, params: idParams, body: approvalDecisionRequest, response: { 200: approvalView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    decideApproval(deps, requireActor(req), req.params.id, req.body),
  );
}
