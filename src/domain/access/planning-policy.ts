import { grantsOf, hasRole, type Actor } from './actor.ts';

/**
 * Who plans and who reads community planning (SPEC §8, §11): the hromada's community planner keeps its needs
 * assessment, programme and costing; supervisors (heads of the Centre) of that hromada read them; the oblast
 * coordinator reads the hromadas of the oblast; the national analyst reads all. Only aggregates are held, never names.
 */
export type PlanningScope = {
  all: boolean;
  /** Hromadas read directly (planner or supervisor there). */
  hromadaIds: string[];
  /** Organisations of the actor's oblast-coordinator grants; the caller resolves them to the oblast's hromadas. */
  oblastOrganisationIds: string[];
};

/** The reading scope, or null when the actor has no planning role at all. */
export function planningScopeOf(actor: Actor): PlanningScope | null {
  const all = hasRole(actor, 'national_analyst');
  const hromadaIds = [...grantsOf(actor, 'community_planner'), ...grantsOf(actor, 'supervisor')].map((g) => g.hromadaId).filter((h): h is string => h !== null);
  const oblastOrganisationIds = grantsOf(actor, 'oblast_coordinator').map((g) => g.organisationId);
  if (!all && hromadaIds.length === 0 && oblastOrganisationIds.length === 0) return null;
  return { all, hromadaIds: [...new Set(hromadaIds)], oblastOrganisationIds: [...new Set(oblastOrganisationIds)] };
}

/** May the actor read the hromada's planning, given the hromadas of the oblasts they coordinate? */
export function canReadCommunityPlanning(actor: Actor, hromadaId: string, coordinatedHromadaIds: readonly string[]): boolean {
  const scope = planningScopeOf(actor);
  if (!scope) return false;
  return scope.all || scope.hromadaIds.includes(hromadaId) || coordinatedHromadaIds.includes(hromadaId);
}

/** May the actor create and change the hromada's needs assessment, programme and costing? Its community planner only. */
export function canEditCommunityPlanning(actor: Actor, hromadaId: string): boolean {
  return grantsOf(actor, 'community_planner').some((g) => g.hromadaId === hromadaId);
}

/** Oblasts an actor relates to, resolved by the caller from the territory tree. */
export type OblastTies = {
  /** Oblasts of the actor's oblast-coordinator organisations. */
  coordinated: readonly string[];
  /** Oblasts of the oblast Better Care Councils the actor is a member or secretary of. */
  council: readonly string[];
};

/** The oblast costed implementation plan is kept by the oblast coordinator of that oblast (001 §4.iv). */
export function canEditOblastPlan(ties: OblastTies, oblastId: string): boolean {
  return ties.coordinated.includes(oblastId);
}

/** Read by its coordinator, the oblast council's members and secretary, and the national analyst. */
export function canReadOblastPlan(actor: Actor, ties: OblastTies, oblastId: string): boolean {
  return hasRole(actor, 'national_analyst') || ties.coordinated.includes(oblastId) || ties.council.includes(oblastId);
}

/** May the actor look at oblast plans at all (list)? */
export function mayListOblastPlans(actor: Actor): boolean {
  return hasRole(actor, 'national_analyst') || hasRole(actor, 'oblast_coordinator') || actor.grants.some((g) => (g.role === 'panel_member' || g.role === 'panel_secretary') && g.organisationType === 'oblast_better_care_council');
}
