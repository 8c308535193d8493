import { canOnDhis2 } from '#domain/access/dhis2-policy.ts';
import { canUseIndicators } from '#domain/access/indicator-policy.ts';
import type { Me } from '../auth/auth.api.ts';
import { actorOf } from '../auth/auth.queries.ts';

/** May the user open the dashboards? The indicator engine's rule, asked of the domain. */
export function mayUseDashboards(me: Me): boolean {
  return canUseIndicators(actorOf(me));
}

/** May the user open the DHIS2 page (mappings, dry runs, pushes)? */
export function mayUseDhis2(me: Me): boolean {
  return canOnDhis2(actorOf(me), 'read');
}
