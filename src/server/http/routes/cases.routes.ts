import { caseDetail, casesPage, casesQuery, transitionRequest } from '#contracts/cases.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { getCase, listCases, transitionCase } from '../../services/cases.service.ts';
import { requireActor, type App } from '../app.ts';

/** Worklist, case page and step transitions. */
export function registerCaseRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/cases', { schema: { tags: ['cases'], querystring: casesQuery, response: { 200: casesPage } } }, async (req) => listCases(deps, requireActor(req), req.query));
  app.get('/api/v1/cases/:id', { schema: { tags: ['cases'], params: idParams, response: { 200: caseDetail, 404: problemSchema } } }, async (req) => getCase(deps, requireActor(req), req.params.id));
  app.post(
    '/api/v1/cases/:id/transitions',
    { schema: { tags: ['cases'], params: idParams, body: transitionRequest, response: { 200: caseDetail, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => transitionCase(deps, requireActor(req), req.params.id, req.body),
  );
}
