import type { OrganisationType, Role } from '../organisations/roles.ts';

/** A role held by the user in one organisation, with where that organisation sits. */
export type RoleGrant = {
  role: Role;
  organisationId: string;
  organisationType: OrganisationType;
  /** Hromada the organisation is located in, or null for rayon/oblast/national bodies. */
  hromadaId: string | null;
};

/** The signed-in user as the policies see them. */
export type Actor = {
  userId: string;
  grants: RoleGrant[];
  /**
   * Cases the user opened by break-the-glass emergency access whose window is still open at the time of the
   * request (SPEC §11): read-only, outside the usual scope. Loaded with the session by the request's clock.
   */
  emergencyCaseIds?: readonly string[];
};

/** True when the actor holds the role in any organisation. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role);
}

/** Grants of one role. */
export function grantsOf(actor: Actor, role: Role): RoleGrant[] {
  return actor.grants.filter((g) => g.role === role);
}
