import { grantsOf, hasRole, type Actor } from './actor.ts';

/** What the policy needs to know of a case to decide access (SPEC §11). */
export type CaseAccessFacts = {
  /** The case's id; needed to recognise an emergency access of the actor (absent: none applies). */
  caseId?: string;
  hromadaId: string;
  organisationId: string;
  caseManagerId: string;
  /** Supervisor of the assigned case manager, if any. */
  caseManagerSupervisorId: string | null;
  status: 'open' | 'closed';
  /** Users on the case's interdisciplinary team today (SPEC §2.16); absent means none. */
  teamMemberIds?: readonly string[];
};

/** Actions on a case and its parts. */
export const caseActions = [
  'case.view',
  'case.transition',
  'needs_assessment.edit',
  'needs_assessment.complete',
] as const;
/** One action on a case. */
export type CaseAction = (typeof caseActions)[number];

/**
 * Actions after the plan that the case page's `allowedActions` does not carry (their resources send their own):
 * post-closure follow-up visits and reopening, which stay possible on a closed case (SPEC §2.14), and the supervisor's
 * decision on an approval (closure, plan), which another supervisor of the same Centre may take in their stead.
 */
export const caseLifecycleActions = ['case.follow_up', 'case.reopen', 'approval.decide'] as const;
/** One lifecycle action. */
export type CaseLifecycleAction = (typeof caseLifecycleActions)[number];

/**
 * Actions of the interdisciplinary team (SPEC §2.16), carried by the `allowedActions` of the case's parts: writing
 * notes, visits, delivered services and plan reports (case manager, supervisor, team members), and managing the
 * team (case manager and supervisor only).
 */
export const caseTeamActions = ['case.contribute', 'case.manage_team'] as const;
/** One team action. */
export type CaseTeamAction = (typeof caseTeamActions)[number];

/**
 * The visibility scope of an actor for cases, shared by `canOnCase` and the SQL list filter so that
 * the two can never disagree: assigned case manager, their supervisor, the Child Affairs Service of the hromada.
 */
export type CaseScope = {
  userId: string;
  /** Sees the cases of case managers they supervise. */
  isSupervisor: boolean;
  /** Hromadas whose Child Affairs Service the actor works for. */
  childAffairsHromadaIds: string[];
  /** Cases opened by an active break-the-glass emergency access (read-only). */
  emergencyCaseIds: string[];
};

/** Derives the case scope of an actor (SPEC §11 need-to-know). */
export function caseScopeOf(actor: Actor): CaseScope {
  const childAffairsHromadaIds = grantsOf(actor, 'child_affairs_specialist')
    .filter((g) => g.organisationType === 'cas' && g.hromadaId !== null)
    .map((g) => g.hromadaId as string);
  return {
    userId: actor.userId,
    isSupervisor: hasRole(actor, 'supervisor'),
    childAffairsHromadaIds: [...new Set(childAffairsHromadaIds)],
    emergencyCaseIds: [...new Set(actor.emergencyCaseIds ?? [])],
  };
}

/** Roles that work with children's cases and so may break the glass on a case outside their scope (SPEC §11). */
export const emergencyAccessRoles = ['case_manager', 'supervisor', 'child_affairs_specialist'] as const;

/** Whether the actor may open a case outside their scope in an emergency, with a stated reason. */
export function mayBreakGlass(actor: Actor): boolean {
  return emergencyAccessRoles.some((r) => hasRole(actor, r));
}

/** One emergency access as stored: the case and when its window closes. */
export type EmergencyGrant = { caseId: string; expiresAt: Date };

/** The cases whose emergency access is still open at `now` (the window closes at `expiresAt`, exclusive). */
export function activeEmergencyCaseIds(grants: readonly EmergencyGrant[], now: Date): string[] {
  return [...new Set(grants.filter((g) => g.expiresAt.getTime() > now.getTime()).map((g) => g.caseId))];
}

/** Why a case relation holds, or null when the actor has none. */
export type CaseRelation = 'case_manager' | 'supervisor' | 'team_member' | 'child_affairs' | 'emergency' | null;

/** The actor's relation to the case, in order of precedence. */
export function relationToCase(actor: Actor, facts: CaseAccessFacts): CaseRelation {
  const scope = caseScopeOf(actor);
  if (facts.caseManagerId === actor.userId && hasRole(actor, 'case_manager')) return 'case_manager';
  if (scope.isSupervisor && facts.caseManagerSupervisorId === actor.userId) return 'supervisor';
  // A member of the team is one by the record, whatever their organisation or hromada (SPEC §2.16).
  if (facts.teamMemberIds?.includes(actor.userId)) return 'team_member';
  if (scope.childAffairsHromadaIds.includes(facts.hromadaId)) return 'child_affairs';
  // Break the glass (SPEC §11): only when no ordinary relation holds, and only for viewing.
  if (facts.caseId !== undefined && scope.emergencyCaseIds.includes(facts.caseId)) return 'emergency';
  return null;
}

/** Decision with a reason code; `hidden` means the record must look absent (404), `forbidden` visible but not allowed (403). */
export type Decision = { allowed: true } | { allowed: false; outcome: 'hidden' | 'forbidden'; reason: string };

const allow: Decision = { allowed: true };

/** Whether the actor holds the supervisor role in the organisation (the Centre of Social Services) that owns the case. */
function isSupervisorOfOrganisation(actor: Actor, organisationId: string): boolean {
  return grantsOf(actor, 'supervisor').some((g) => g.organisationId === organisationId);
}

/** Answers whether the actor may perform the action on the case. */
export function canOnCase(actor: Actor, action: CaseAction | CaseLifecycleAction | CaseTeamAction, facts: CaseAccessFacts): Decision {
  const relation = relationToCase(actor, facts);
  if (action === 'approval.decide') {
    // The case manager's supervisor decides; another supervisor of the same Centre may stand in (Order 5 of 05.01.2015, supervision in social services).
    if (relation === 'supervisor' || isSupervisorOfOrganisation(actor, facts.organisationId)) {
      return facts.status === 'closed' ? { allowed: false, outcome: 'forbidden', reason: 'case_closed' } : allow;
    }
    return relation === null ? { allowed: false, outcome: 'hidden', reason: 'not_in_scope' } : { allowed: false, outcome: 'forbidden', reason: 'not_supervisor' };
  }
  if (relation === null) return { allowed: false, outcome: 'hidden', reason: 'not_in_scope' };
  if (action === 'case.view') return allow;
  // An emergency access is read-only: every write is refused, visibly.
  if (relation === 'emergency') return { allowed: false, outcome: 'forbidden', reason: 'emergency_access_read_only' };
  // Follow-up visits and reopening happen on closed cases (SPEC §2.14); the services check the case's state.
  if (action === 'case.follow_up' || action === 'case.reopen') {
    return relation === 'case_manager' || relation === 'supervisor' ? allow : { allowed: false, outcome: 'forbidden', reason: 'not_case_manager' };
  }
  if (facts.status === 'closed') return { allowed: false, outcome: 'forbidden', reason: 'case_closed' };
  // Team members record their part of the work (notes, visits, services, plan reports) but do not manage the case.
  if (action === 'case.contribute' && relation === 'team_member') return allow;
  // The assigned specialist does the assessment; the supervisor may step in for an absent worker.
  if (relation === 'case_manager' || relation === 'supervisor') return allow;
  return { allowed: false, outcome: 'forbidden', reason: 'not_case_manager' };
}

/** The actions of `caseActions` the actor may perform, sent with the resource as `allowedActions`. */
export function allowedCaseActions(actor: Actor, facts: CaseAccessFacts): CaseAction[] {
  return caseActions.filter((a) => canOnCase(actor, a, facts).allowed);
}
