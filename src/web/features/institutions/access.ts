import { canReadInstitutions } from '#domain/institutions/institutions.ts';
import type { Me } from '../auth/auth.api.ts';
import { actorOf } from '../auth/auth.queries.ts';

/** May the user open the institutions register? The server's rule, asked of the domain (reporters and provider workers may not). */
export function mayReadInstitutions(me: Me): boolean {
  return canReadInstitutions(actorOf(me));
}
