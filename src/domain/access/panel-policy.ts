import type { OrganisationType, TerritoryLevel } from '../organisations/roles.ts';
import type { BodyKind } from '../panels/panels.ts';
import { grantsOf, hasRole, type Actor } from './actor.ts';

/**
 * Who may do what with gatekeeping panels and coordination bodies (SPEC §3, §9, §11). The people of a body are the
 * users holding a panel role in the body's organisation: its secretary records meetings, attendance, votes,
 * determinations and action items; its chair and secretary sign the minutes (by their member record). The Child
 * Affairs Service of the body's hromada reads the body and its meetings. Coordinators, analysts and planners see
 * aggregates only (the list of bodies and the decision analytics), never names. Case managers submit their own
 * cases through the case policy.
 */

/** What the policy needs to know of a body. */
export type BodyAccessFacts = { organisationId: string | null; territoryId: string };

/** Whether the actor holds a panel role (member or secretary) in the body's organisation. */
export function isOfBody(actor: Actor, body: BodyAccessFacts): boolean {
  if (!body.organisationId) return false;
  return [...grantsOf(actor, 'panel_member'), ...grantsOf(actor, 'panel_secretary')].some((g) => g.organisationId === body.organisationId);
}

/** Whether the actor is the body's secretary (the one who keeps its records). */
export function isSecretaryOf(actor: Actor, body: BodyAccessFacts): boolean {
  return body.organisationId !== null && grantsOf(actor, 'panel_secretary').some((g) => g.organisationId === body.organisationId);
}

/** Decision of the body policy: allowed, or why not (hidden = answers like a missing record, 404). */
export type BodyDecision = { allowed: true } | { allowed: false; outcome: 'hidden' | 'forbidden' };

/** Reading a body with its members, meetings, minutes and action items: its people, the CAS of its hromada, the administrator. */
export function canReadBody(actor: Actor, body: BodyAccessFacts): BodyDecision {
  if (isOfBody(actor, body) || hasRole(actor, 'system_admin')) return { allowed: true };
  if (grantsOf(actor, 'child_affairs_specialist').some((g) => g.hromadaId === body.territoryId)) return { allowed: true };
  return { allowed: false, outcome: 'forbidden' };
}

/** Keeping the body's records (members, meetings, attendance, votes, determinations, action items): its secretary. */
export function canRecordForBody(actor: Actor, body: BodyAccessFacts): BodyDecision {
  if (isSecretaryOf(actor, body)) return { allowed: true };
  return { allowed: false, outcome: 'forbidden' };
}

/** Roles that see the list of bodies (names, kinds, flags and counts; no persons). */
const bodyListRoles = ['panel_member', 'panel_secretary', 'child_affairs_specialist', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin'] as const;

/** Whether the actor may list bodies (aggregates only). */
export function canListBodies(actor: Actor): boolean {
  return bodyListRoles.some((r) => hasRole(actor, r));
}

/** Roles that see the decision analytics (aggregates only, SPEC §11). */
const analyticsRoles = ['panel_member', 'panel_secretary', 'child_affairs_specialist', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin'] as const;

/** Whether the actor may read the decision analytics. */
export function canReadPanelAnalytics(actor: Actor): boolean {
  return analyticsRoles.some((r) => hasRole(actor, r));
}

/** Where a body sits, as the keeping rule sees it: its kind, territory, the territory's level and oblast. */
export type BodyPlaceFacts = { kind: BodyKind; territoryId: string; territoryLevel: TerritoryLevel; oblastId: string | null };

/** The level of the tree each kind of body sits at: the oblast council at the oblast, the others at a hromada. */
export function bodyLevelOf(kind: BodyKind): TerritoryLevel {
  return kind === 'better_care_council' ? 'oblast' : 'hromada';
}

/**
 * Setting a body up and changing its name, kind, territory and organisation (SPEC §3, §9; the narrowest rule):
 * the system administrator anywhere; the oblast coordinator the Better Care Council of their oblast and the
 * community taskforces of its hromadas; the community planner their hromada's taskforce; the Child Affairs Service
 * (the panels' secretariat, SPEC §3) the commission and the guardianship body of its hromada. The body must sit at
 * its kind's level. `coordinated`: the oblasts the actor coordinates.
 */
export function canKeepBody(actor: Actor, place: BodyPlaceFacts, coordinated: readonly string[]): boolean {
  if (place.territoryLevel !== bodyLevelOf(place.kind)) return false;
  if (hasRole(actor, 'system_admin')) return true;
  switch (place.kind) {
    case 'better_care_council':
      return coordinated.includes(place.territoryId);
    case 'community_taskforce':
      return (place.oblastId !== null && coordinated.includes(place.oblastId)) || grantsOf(actor, 'community_planner').some((g) => g.hromadaId === place.territoryId);
    case 'child_rights_commission':
    case 'guardianship_body':
      return grantsOf(actor, 'child_affairs_specialist').some((g) => g.hromadaId === place.territoryId);
  }
}

/** Roles that may set up some body at all (the new-body form); the place is checked by `canKeepBody`. */
const keeperRoles = ['system_admin', 'oblast_coordinator', 'community_planner', 'child_affairs_specialist'] as const;

/** Whether the actor may set up bodies somewhere. */
export function mayKeepSomeBody(actor: Actor): boolean {
  return keeperRoles.some((r) => hasRole(actor, r));
}

/** The kind of organisation whose users hold a body's panel roles, by kind of body (SPEC §0). */
export const bodyOrganisationType: Record<BodyKind, OrganisationType> = {
  child_rights_commission: 'child_rights_commission',
  guardianship_body: 'guardianship_body',
  better_care_council: 'oblast_better_care_council',
  community_taskforce: 'community_taskforce',
};
