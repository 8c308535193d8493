import { canListBodies } from '#domain/access/panel-policy.ts';
import type { Me } from '../auth/auth.api.ts';
import { actorOf } from '../auth/auth.queries.ts';

/** May the user see «Комісії»? The server's rule, asked of the domain. */
export function mayListPanels(me: Me): boolean {
  return canListBodies(actorOf(me));
}
