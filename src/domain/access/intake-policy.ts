import type { Actor, RoleGrant } from './actor.ts';

/** Roles that may record a notification about a child or family in difficult life circumstances (SPEC §2.3). */
const notifyingRoles = new Set(['case_manager', 'child_affairs_specialist', 'supervisor', 'reporter']);
/** Roles that may register a notification and open a case: the CSS and the Child Affairs Service of the hromada. */
const registeringRoles = new Set(['case_manager', 'child_affairs_specialist', 'supervisor']);

/** Grants under which the actor may submit a notification. */
export function notificationGrants(actor: Actor): RoleGrant[] {
  return actor.grants.filter((g) => notifyingRoles.has(g.role));
}

/** Hromadas in which the actor may register notifications and open cases. */
export function registrationHromadaIds(actor: Actor): string[] {
  const ids = actor.grants
    .filter((g) => registeringRoles.has(g.role) && (g.organisationType === 'css' || g.organisationType === 'cas'))
    .map((g) => g.hromadaId)
    .filter((h): h is string => h !== null);
  return [...new Set(ids)];
}

/** May the actor open a case in this hromada? */
export function canRegisterCaseIn(actor: Actor, hromadaId: string): boolean {
  return registrationHromadaIds(actor).includes(hromadaId);
}

/** May the actor read audit trails? Only auditors and system administrators (SPEC §11). */
export function canReadAudit(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'auditor' || g.role === 'system_admin');
}
