import { canUseIndicators, mayEnterIndicatorValues as mayEnterValues } from '#domain/access/indicator-policy.ts';
import type { Me } from '../auth/auth.api.ts';
import { actorOf } from '../auth/auth.queries.ts';

/** May the user open the Indicators page? The server's rule, asked of the domain. */
export function mayUseIndicators(me: Me): boolean {
  return canUseIndicators(actorOf(me));
}

/** May the user enter figures somewhere (the server checks the territory)? */
export function mayEnterIndicatorValues(me: Me): boolean {
  return mayEnterValues(actorOf(me));
}
