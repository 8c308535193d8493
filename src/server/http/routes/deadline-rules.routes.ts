import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { deadlineRulesList, deadlineRuleUpdate, deadlineRuleView } from '#contracts/deadline-rules.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listDeadlineRulesForAdmin, updateDeadlineRule } from '../../services/deadline-rules.service.ts';
import { requireActor, type App } from '../app.ts';

/** Administration of the deadline table (SPEC §2.15, issue item 12). */
export function registerDeadlineRuleRoutes(app: App, deps: Deps): void {
  const tags = ['deadline-rules'];
  app.get('/api/v1/deadline-rules', { schema: { tags, response: { 200: deadlineRulesList, 403: problemSchema } } }, async (req) => listDeadlineRulesForAdmin(deps, requireActor(req)));
  app.put('/api/v1/deadline-rules/:id', { schema: { tags, params: idParams, body: deadlineRuleUpdate, response: { 200: deadlineRuleView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    updateDeadlineRule(deps, requireActor(req), req.params.id, req.body),
  );
}
