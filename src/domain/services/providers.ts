import { grantsOf, hasRole, type Actor } from '../access/actor.ts';

/**
 * The register of service providers (SPEC §4.2; Law "On Social Services" art. 15): legal form and status of a
 * provider organisation, and who keeps the register.
 */
export const providerKinds = ['public', 'ngo', 'cso', 'faith_based', 'private'] as const;
/** Legal form: public (communal or state), NGO, civil-society organisation, faith-based, private. */
export type ProviderKind = (typeof providerKinds)[number];

/** A suspended or closed provider receives no new referrals. */
export const providerStatuses = ['active', 'suspended', 'closed'] as const;
/** One status. */
export type ProviderStatus = (typeof providerStatuses)[number];

/** Roles that may look providers up (everyone who works with cases or plans services; reporters may not). */
const providerReaderRoles = new Set(['case_manager', 'child_affairs_specialist', 'supervisor', 'panel_member', 'panel_secretary', 'provider_worker', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin', 'auditor']);

/** May the actor search the providers register? Every staff role; a reporter may not (SPEC §0). */
export function canReadProviders(actor: Actor): boolean {
  return actor.grants.some((g) => providerReaderRoles.has(g.role));
}

/**
 * May the actor register or edit a provider located in this hromada? The system administrator anywhere; the
 * community planner of that hromada (service mapping is the community's, SPEC §8).
 */
export function canManageProviderIn(actor: Actor, hromadaId: string | null): boolean {
  if (hasRole(actor, 'system_admin')) return true;
  return hromadaId !== null && grantsOf(actor, 'community_planner').some((g) => g.hromadaId === hromadaId);
}

/** May the actor edit the service catalogue? Only the system administrator (SPEC §4.1: the catalogue is configuration). */
export function canEditServiceCatalogue(actor: Actor): boolean {
  return hasRole(actor, 'system_admin');
}
