import type { HromadaKind } from '../organisations/roles.ts';
import type { CaregiverType } from './caregivers.ts';

/**
 * Who may decide what in alternative family care (SPEC §5.3; 003, Session 1): only urban hromadas and rayon
 * administrations create (approve) foster families and family-type homes and place children there; other hromadas
 * decide on guardianship, kinship care, patronage and adoption candidates and ask the rayon for the rest.
 * Settlement hromadas are treated like rural ones: the source names only urban hromadas and rayons.
 */

/** The authority taking a decision: a hromada's guardianship body (by the hromada's kind) or a rayon (or oblast) administration. */
export type DecidingAuthority = { level: 'hromada'; hromadaKind: HromadaKind } | { level: 'rayon' } | { level: 'oblast' };

/** Caregiver types whose creation and placements are reserved to urban hromadas and rayon administrations. */
export const reservedTypes: readonly CaregiverType[] = ['foster_family', 'family_type_home'];

/** Whether the authority may approve a caregiver of the type and decide placements with them. */
export function mayDecide(authority: DecidingAuthority, type: CaregiverType): boolean {
  if (!reservedTypes.includes(type)) return true;
  if (authority.level === 'rayon') return true;
  if (authority.level === 'hromada') return authority.hromadaKind === 'urban';
  return false;
}

/** Who decides instead when the authority may not: the refusal names them. */
export function whoDecidesInstead(type: CaregiverType): 'urban_or_rayon' | null {
  return reservedTypes.includes(type) ? 'urban_or_rayon' : null;
}
