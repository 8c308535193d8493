import { grantsOf, hasRole, type Actor } from '../access/actor.ts';
import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { institutionSubordinations, institutionTypes } from '../cases/care-episodes.ts';
import { DomainError } from '../errors.ts';

/**
 * The register of residential institutions for children and their transformation (SPEC §6; 001 §6.xi; National
 * Strategy indicators SG4.3–SG4.5: children in institutional care, first-time placements, institutions by type,
 * form of ownership and subordination).
 */
export { institutionSubordinations, institutionTypes };
export type { InstitutionSubordination, InstitutionType } from '../cases/care-episodes.ts';

/** Form of ownership. */
export const institutionOwnerships = ['state', 'communal', 'private'] as const;
/** One form of ownership. */
export type InstitutionOwnership = (typeof institutionOwnerships)[number];

/** The level of government that runs the institution (central body, oblast council, hromada). */
export const institutionGovernanceLevels = ['national', 'oblast', 'hromada'] as const;
/** One level. */
export type InstitutionGovernanceLevel = (typeof institutionGovernanceLevels)[number];

/** Status of the institution in the reform. */
export const institutionStatuses = ['operating', 'transforming', 'transformed', 'closed'] as const;
/** One status. */
export type InstitutionStatus = (typeof institutionStatuses)[number];

/** Age bands of SPEC §10.3 (under 1, 1–2, 3–5, 6–10, 11–14, 15–17). */
export const ageGroups = ['under_1', '1_2', '3_5', '6_10', '11_14', '15_17'] as const;
/** One age band. */
export type AgeGroup = (typeof ageGroups)[number];

/** Legal status of children living in an institution, as counted (SPEC §14 terms; placed at the parents' statement). */
export const childLegalStatuses = ['orphans', 'deprived_of_care', 'parents_statement', 'other_status'] as const;
/** One counted status. */
export type ChildLegalStatus = (typeof childLegalStatuses)[number];

/** Counts of children on a date: the total, per age band, per legal status, and how many have a disability. */
export type ChildCounts = { total: number; byAge: Record<AgeGroup, number>; byStatus: Record<ChildLegalStatus, number>; withDisability: number };

/** A problem in a set of counts. */
export type CountProblem = 'age_sum_mismatch' | 'status_sum_mismatch' | 'disability_exceeds_total';

/** The age bands and the statuses each add up to the total; children with disabilities are among them. */
export function countProblems(c: ChildCounts): CountProblem[] {
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const problems: CountProblem[] = [];
  if (sum(c.byAge) !== c.total) problems.push('age_sum_mismatch');
  if (sum(c.byStatus) !== c.total) problems.push('status_sum_mismatch');
  if (c.withDisability > c.total) problems.push('disability_exceeds_total');
  return problems;
}

/** Refuses counts that do not add up, and a count dated after today. */
export function checkChildCounts(c: ChildCounts, asOf: IsoDate, today: IsoDate): void {
  if (compareIsoDates(asOf, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'asOf' });
  const problems = countProblems(c);
  if (problems.length > 0) throw new DomainError('institution_counts_inconsistent', 'The counts do not add up to the total', { problems });
}

/** Why children are admitted to an institution (coded for the "back door" indicator, 001 §6.xi). */
export const admissionReasons = ['parents_statement', 'family_crisis', 'abuse_or_neglect', 'disability_or_health', 'orphanhood', 'education', 'other'] as const;
/** One reason. */
export type AdmissionReason = (typeof admissionReasons)[number];

/** Roles that read the register (every staff role; reporters and provider workers may not, SPEC §0, §11). */
const readerRoles = new Set(['case_manager', 'child_affairs_specialist', 'supervisor', 'panel_member', 'panel_secretary', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin', 'auditor']);

/** May the actor read the institutions register and its aggregate figures? */
export function canReadInstitutions(actor: Actor): boolean {
  return actor.grants.some((g) => readerRoles.has(g.role));
}

/**
 * May the actor register or change an institution of this oblast, its counts, plan and admissions? The system
 * administrator anywhere; the oblast coordinator of that oblast (the oblast administration develops each
 * institution's transformation plan, 001 §6.xi). `coordinatorOblastIds` are the oblasts of the actor's
 * oblast-coordinator organisations, resolved from the territory tree by the caller.
 */
export function canManageInstitutionIn(actor: Actor, coordinatorOblastIds: readonly string[], oblastId: string): boolean {
  if (hasRole(actor, 'system_admin')) return true;
  return grantsOf(actor, 'oblast_coordinator').length > 0 && coordinatorOblastIds.includes(oblastId);
}
