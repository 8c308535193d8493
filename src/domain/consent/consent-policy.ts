import type { Actor } from '../access/actor.ts';
import { canOnCase, type CaseAccessFacts, type Decision } from '../access/case-policy.ts';

/**
 * Who reads and records the consents of a case's family (SPEC §11): everyone who sees the case reads them (the
 * Child Affairs Service included); the case manager and their supervisor record and withdraw them. Closed cases
 * keep their consents readable; a withdrawal stays possible after closure (a person may always withdraw).
 */
export function consentDecision(actor: Actor, action: 'view' | 'record' | 'withdraw', facts: CaseAccessFacts): Decision {
  if (action === 'view') return canOnCase(actor, 'case.view', facts);
  // Recording needs an open case; withdrawing follows the person's wish, also on a closed case.
  const decision = canOnCase(actor, 'needs_assessment.edit', action === 'withdraw' ? { ...facts, status: 'open' } : facts);
  return decision;
}
