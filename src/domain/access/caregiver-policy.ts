import type { Actor } from './actor.ts';

/**
 * Who sees and keeps the register of alternative family caregivers (SPEC §5, §11). The Child Affairs Service
 * establishes and oversees caregivers; the Centre of Social Services supports them (assigned worker, check-ins).
 * Staff see the caregivers of their own hromada, rayon bodies those of the rayon's hromadas; everyone else is
 * answered 404, as for a record that does not exist.
 */

/** Where the caregiver is kept: the responsible hromada and the rayon containing it. */
export type CaregiverPlace = { hromadaId: string; rayonId: string | null };

/** Actions on a caregiver. */
export const caregiverActions = ['caregiver.view', 'caregiver.edit', 'caregiver.move_stage', 'caregiver.support'] as const;
/** One action. */
export type CaregiverAction = (typeof caregiverActions)[number];

/**
 * The actor's reach: the hromadas and rayons where they hold each kind of role. Rayon ids come from the
 * organisation's territory (grants carry only the hromada), so the service passes them in.
 */
export type CaregiverReach = { childAffairs: Set<string>; socialServices: Set<string>; planners: Set<string> };

/** Builds the reach from the grants; `rayonOfOrganisation` gives the rayon of a rayon-level body. */
export function caregiverReachOf(actor: Actor, rayonOfOrganisation: ReadonlyMap<string, string> = new Map()): CaregiverReach {
  const reach: CaregiverReach = { childAffairs: new Set(), socialServices: new Set(), planners: new Set() };
  for (const g of actor.grants) {
    const where = g.hromadaId ?? rayonOfOrganisation.get(g.organisationId) ?? null;
    if (where === null) continue;
    if (g.role === 'child_affairs_specialist') reach.childAffairs.add(where);
    else if ((g.role === 'case_manager' || g.role === 'supervisor') && g.organisationType === 'css') reach.socialServices.add(where);
    else if (g.role === 'community_planner') reach.planners.add(where);
  }
  return reach;
}

function within(set: Set<string>, place: CaregiverPlace): boolean {
  return set.has(place.hromadaId) || (place.rayonId !== null && set.has(place.rayonId));
}

/** Whether the actor may do the action on a caregiver kept at the place. */
export function canOnCaregiver(reach: CaregiverReach, action: CaregiverAction, place: CaregiverPlace): boolean {
  const cas = within(reach.childAffairs, place);
  const css = within(reach.socialServices, place);
  if (action === 'caregiver.view') return cas || css || within(reach.planners, place);
  if (action === 'caregiver.support') return cas || css;
  return cas;
}

/** Whether the actor may register a caregiver in the hromada (Child Affairs of the hromada or of its rayon). */
export function canRegisterCaregiverIn(reach: CaregiverReach, place: CaregiverPlace): boolean {
  return within(reach.childAffairs, place);
}

/** The places whose register the actor reads (for the list's SQL filter). */
export function readablePlaces(reach: CaregiverReach): string[] {
  return [...new Set([...reach.childAffairs, ...reach.socialServices, ...reach.planners])];
}

/** The allowed actions on one caregiver, sent as `allowedActions`. */
export function allowedCaregiverActions(reach: CaregiverReach, place: CaregiverPlace): CaregiverAction[] {
  return caregiverActions.filter((a) => canOnCaregiver(reach, a, place));
}
