import { grantsOf, hasRole, type Actor } from './actor.ts';

/** What the policy needs to know of a case to decide access (SPEC §11). */
export type CaseAccessFacts = {
  hromadaId: string;
  organisationId: string;
  caseManagerId: string;
  /** Supervisor of the assigned case manager, if any. */
  caseManagerSupervisorId: string | null;
  status: 'open' | 'closed';
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
 * The visibility scope of an actor for cases, shared by `canOnCase` and the SQL list filter so that
 * the two can never disagree: assigned case manager, their supervisor, the Child Affairs Service of the hromada.
 */
export type CaseScope = {
  userId: string;
  /** Sees the cases of case managers they supervise. */
  isSupervisor: boolean;
  /** Hromadas whose Child Affairs Service the actor works for. */
  childAffairsHromadaIds: string[];
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
  };
}

/** Why a case relation holds, or null when the actor has none. */
export type CaseRelation = 'case_manager' | 'supervisor' | 'child_affairs' | null;

/** The actor's relation to the case, in order of precedence. */
export function relationToCase(actor: Actor, facts: CaseAccessFacts): CaseRelation {
  const scope = caseScopeOf(actor);
  if (facts.caseManagerId === actor.userId && hasRole(actor, 'case_manager')) return 'case_manager';
  if (scope.isSupervisor && facts.caseManagerSupervisorId === actor.userId) return 'supervisor';
  if (scope.childAffairsHromadaIds.includes(facts.hromadaId)) return 'child_affairs';
  return null;
}

/** Decision with a reason code; `hidden` means the record must look absent (404), `forbidden` visible but not allowed (403). */
export type Decision = { allowed: true } | { allowed: false; outcome: 'hidden' | 'forbidden'; reason: string };

const allow: Decision = { allowed: true };

/** Answers whether the actor may perform the action on the case. */
export function canOnCase(actor: Actor, action: CaseAction, facts: CaseAccessFacts): Decision {
  const relation = relationToCase(actor, facts);
  if (relation === null) return { allowed: false, outcome: 'hidden', reason: 'not_in_scope' };
  if (action === 'case.view') return allow;
  if (facts.status === 'closed') return { allowed: false, outcome: 'forbidden', reason: 'case_closed' };
  // The assigned specialist does the assessment; the supervisor may step in for an absent worker.
  if (relation === 'case_manager' || relation === 'supervisor') return allow;
  return { allowed: false, outcome: 'forbidden', reason: 'not_case_manager' };
}

/** The actions of `caseActions` the actor may perform, sent with the resource as `allowedActions`. */
export function allowedCaseActions(actor: Actor, facts: CaseAccessFacts): CaseAction[] {
  return caseActions.filter((a) => canOnCase(actor, a, facts).allowed);
}
