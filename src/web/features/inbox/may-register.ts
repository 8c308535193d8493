import { registrationHromadaIds } from '#domain/access/intake-policy.ts';
import type { Me } from '../auth/auth.api.ts';

/** May the user register notifications in some hromada (the intake policy: CSS or Child Affairs Service staff)? */
export function mayRegisterCases(me: Me): boolean {
  return registrationHromadaIds({ userId: me.id, grants: me.grants }).length > 0;
}
