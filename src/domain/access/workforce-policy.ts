import { grantsOf, hasRole, type Actor } from './actor.ts';

/**
 * Access to the workforce area (SPEC §7, §8, §11). The staff register of an organisation is kept by its supervisors
 * and its head of service (a register entry with `is_head` linked to the user) and by the system administrator.
 * Planners and coordinators see only aggregates (workforce need, ratios), never the register's names.
 */

/** Organisations in which the actor supervises. */
export function supervisedOrganisations(actor: Actor): string[] {
  return [...new Set(grantsOf(actor, 'supervisor').map((g) => g.organisationId))];
}

/** Whether the actor may read and keep the staff register of an organisation; `headOf`: organisations the actor heads. */
export function canManageStaff(actor: Actor, organisationId: string, headOf: readonly string[]): boolean {
  return hasRole(actor, 'system_admin') || supervisedOrganisations(actor).includes(organisationId) || headOf.includes(organisationId);
}

/** Whether the actor changes the system-wide caseload weights and travel rule. */
export function canEditWorkforceSettings(actor: Actor): boolean {
  return hasRole(actor, 'system_admin');
}

/** Whether the actor reads the workforce settings (the weights explain the caseload figures). */
export function canReadWorkforceSettings(actor: Actor): boolean {
  return ['system_admin', 'supervisor', 'community_planner', 'oblast_coordinator', 'national_analyst'].some((r) => hasRole(actor, r as Parameters<typeof hasRole>[1]));
}

/** Whether the actor reads the (aggregate) workforce need of a hromada; `oblastIds`: oblasts the actor coordinates. */
export function canReadWorkforceNeed(actor: Actor, hromadaId: string, hromadaOblastId: string | null, oblastIds: readonly string[]): boolean {
  if (hasRole(actor, 'system_admin') || hasRole(actor, 'national_analyst')) return true;
  if (grantsOf(actor, 'community_planner').some((g) => g.hromadaId === hromadaId)) return true;
  return hromadaOblastId !== null && oblastIds.includes(hromadaOblastId);
}

/** Whether the actor enters the workforce-need inputs of a hromada (other services, travel times). */
export function canEditWorkforceNeed(actor: Actor, hromadaId: string): boolean {
  return hasRole(actor, 'system_admin') || grantsOf(actor, 'community_planner').some((g) => g.hromadaId === hromadaId);
}

/** Whether the actor may reassign a case of the organisation: a supervisor of that organisation, or the case manager's own supervisor. */
export function canReassignCase(actor: Actor, facts: { organisationId: string; caseManagerSupervisorId: string | null }): boolean {
  if (!hasRole(actor, 'supervisor')) return false;
  return facts.caseManagerSupervisorId === actor.userId || supervisedOrganisations(actor).includes(facts.organisationId);
}

/** Whether the actor records supervision sessions (a supervisor). */
export function canRecordSupervision(actor: Actor): boolean {
  return hasRole(actor, 'supervisor');
}

/** Roles whose holders make wellbeing check-ins about their own work with families. */
export function canCheckIn(actor: Actor): boolean {
  return ['case_manager', 'supervisor', 'child_affairs_specialist', 'provider_worker'].some((r) => hasRole(actor, r as Parameters<typeof hasRole>[1]));
}

/** Whether the actor may open the staff register at all (which organisations is checked by `canManageStaff`). */
export function mayOpenStaffRegister(actor: Actor): boolean {
  return hasRole(actor, 'system_admin') || hasRole(actor, 'supervisor');
}

/** Whether the actor may open the supervision log (sessions they hold or attend). */
export function mayOpenSupervisionLog(actor: Actor): boolean {
  return hasRole(actor, 'supervisor') || hasRole(actor, 'case_manager');
}

/** Whether the actor may open workforce need at all (which hromadas is checked by `canReadWorkforceNeed`). */
export function mayOpenWorkforceNeed(actor: Actor): boolean {
  return ['community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin'].some((r) => hasRole(actor, r as Parameters<typeof hasRole>[1]));
}
