import { problemSchema } from '#contracts/common.contract.ts';
import { teamView } from '#contracts/supervision.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { getTeam } from '../../services/supervision.service.ts';
import { requireActor, type App } from '../app.ts';

/** The supervisor's team view (SPEC §7 supervision). */
export function registerSupervisionRoutes(app: App, deps: Deps): void {
  const tags = ['supervision'];
  app.get('/api/v1/supervision/team', { schema: { tags, response: { 200: teamView, 403: problemSchema } } }, async (req) => getTeam(deps, requireActor(req)));
}
