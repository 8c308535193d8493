import { grantsOf, hasRole, type Actor } from './actor.ts';

/**
 * Who reads and enters M&E indicators (SPEC §10, §11). Indicators are aggregates: no role ever gets names from them.
 * - national analyst: every territory and the country; enters values anywhere;
 * - oblast coordinator: their oblast and all in it; the country for comparison (published figures); enters values for
 *   their oblast and below;
 * - community planner and supervisor: their hromada; the rayon, oblast and country containing it for comparison
 *   (published figures); the planner enters values for their hromada.
 * Everyone else: nothing.
 */

/** Where a territory sits: the ids of its hromada, rayon and oblast (null above its level; all null = national). */
export type TerritoryPath = { oblastId: string | null; rayonId: string | null; hromadaId: string | null };

/** What an actor may see and enter, resolved from their grants and the territory tree by the caller. */
export type IndicatorScope = {
  national: boolean;
  /** Oblasts of oblast-coordinator grants. */
  oblastIds: readonly string[];
  /** Hromadas (with their rayon and oblast) of community-planner and supervisor grants. */
  hromadas: readonly TerritoryPath[];
  /** Hromadas where the actor is a community planner (they enter values there). */
  plannerHromadaIds: readonly string[];
};

/** Roles that use indicators. */
export const indicatorRoles = ['national_analyst', 'oblast_coordinator', 'community_planner', 'supervisor'] as const;

/** May the actor use indicators at all (the catalogue, the Indicators page)? */
export function canUseIndicators(actor: Actor): boolean {
  return indicatorRoles.some((r) => hasRole(actor, r));
}

/** The hromadas of the actor's community-planner and supervisor grants (resolved to paths by the caller). */
export function indicatorHromadaIdsOf(actor: Actor): string[] {
  return [...new Set([...grantsOf(actor, 'community_planner'), ...grantsOf(actor, 'supervisor')].map((g) => g.hromadaId).filter((h): h is string => h !== null))];
}

/** The actor's indicator scope. */
export function indicatorScopeOf(actor: Actor, coordinatorOblastIds: readonly string[], hromadaPaths: readonly TerritoryPath[]): IndicatorScope {
  return {
    national: hasRole(actor, 'national_analyst'),
    oblastIds: hasRole(actor, 'oblast_coordinator') ? coordinatorOblastIds : [],
    hromadas: hromadaPaths,
    plannerHromadaIds: grantsOf(actor, 'community_planner').map((g) => g.hromadaId).filter((h): h is string => h !== null),
  };
}

function hasAny(scope: IndicatorScope): boolean {
  return scope.national || scope.oblastIds.length > 0 || scope.hromadas.length > 0;
}

/** Is the territory inside the actor's own scope (they are its own staff: exact figures unless published)? */
export function isOwnStaffOf(scope: IndicatorScope, path: TerritoryPath): boolean {
  if (scope.national) return true;
  if (path.oblastId !== null && scope.oblastIds.includes(path.oblastId)) return true;
  return path.hromadaId !== null && scope.hromadas.some((h) => h.hromadaId === path.hromadaId);
}

/** May the actor read the figures of the territory: own scope, or a territory containing their own (for comparison)? */
export function canReadIndicatorsOf(scope: IndicatorScope, path: TerritoryPath): boolean {
  if (!hasAny(scope)) return false;
  if (isOwnStaffOf(scope, path)) return true;
  if (path.oblastId === null) return true; // the country, for comparison
  if (path.hromadaId !== null) return false;
  if (path.rayonId !== null) return scope.hromadas.some((h) => h.rayonId === path.rayonId);
  return scope.hromadas.some((h) => h.oblastId === path.oblastId);
}

/** May the actor enter values of entered indicators somewhere (the territory is checked by `canEnterIndicatorValuesOf`)? */
export function mayEnterIndicatorValues(actor: Actor): boolean {
  return hasRole(actor, 'national_analyst') || hasRole(actor, 'oblast_coordinator') || hasRole(actor, 'community_planner');
}

/** May the actor enter values of entered indicators for the territory? */
export function canEnterIndicatorValuesOf(scope: IndicatorScope, path: TerritoryPath): boolean {
  if (scope.national) return true;
  if (path.oblastId !== null && scope.oblastIds.includes(path.oblastId)) return true;
  return path.hromadaId !== null && scope.plannerHromadaIds.includes(path.hromadaId);
}
