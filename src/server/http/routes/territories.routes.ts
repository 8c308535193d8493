import { assigneesQuery, assigneesResponse, territoriesQuery, territoriesResponse } from '#contracts/territories.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listAssignees, listTerritories } from '../../services/territories.service.ts';
import { requireActor, type App } from '../app.ts';

/** Territory tree and assignable case managers. */
export function registerTerritoryRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/territories', { schema: { tags: ['territories'], querystring: territoriesQuery, response: { 200: territoriesResponse } } }, async (req) =>
    listTerritories(deps, requireActor(req), req.query),
  );
  app.get('/api/v1/assignees', { schema: { tags: ['territories'], querystring: assigneesQuery, response: { 200: assigneesResponse } } }, async (req) =>
    listAssignees(deps, requireActor(req), req.query.hromadaId),
  );
}
