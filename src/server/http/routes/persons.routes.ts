import { personMatchQuery, personMatchResponse } from '#contracts/persons.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { findPersonMatches } from '../../services/persons.service.ts';
import { requireActor, type App } from '../app.ts';

/** Duplicate search before creating persons. */
export function registerPersonRoutes(app: App, deps: Deps): void {
  app.get('/api/v1/persons/matches', { schema: { tags: ['persons'], querystring: personMatchQuery, response: { 200: personMatchResponse } } }, async (req) =>
    findPersonMatches(deps, requireActor(req), req.query),
  );
}
