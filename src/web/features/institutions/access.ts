import type { Me } from '../auth/auth.api.ts';
import { hasRole } from '../auth/auth.queries.ts';

/** Roles that read the register (mirrors the server's rule; reporters and provider workers are refused). */
const readerRoles = ['case_manager', 'child_affairs_specialist', 'supervisor', 'panel_member', 'panel_secretary', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin', 'auditor'] as const;

/** May the user open the institutions register? */
export function mayReadInstitutions(me: Me): boolean {
  return readerRoles.some((r) => hasRole(me, r));
}
