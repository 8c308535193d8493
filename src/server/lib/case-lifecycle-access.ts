import { canOnCase, type CaseLifecycleAction } from '#domain/access/case-policy.ts';
import { DomainError } from '#domain/errors.ts';
import { findCaseWithAccessFacts } from '../db/repositories/cases.repository.ts';
import { caseAccessFacts } from './case-access.ts';
import type { RequestActor, Tx } from './context.ts';

/** A case row with the facts the access policy needs. */
export type LoadedCase = NonNullable<Awaited<ReturnType<typeof findCaseWithAccessFacts>>>;

/**
 * Loads a case for a lifecycle action (follow-up, reopening, approval decision) and checks the policy; like
 * `loadCaseFor`, a case out of scope answers exactly like a missing one (404), a visible one refused answers 403.
 */
export async function loadCaseForLifecycle(trx: Tx, actor: RequestActor, caseId: string, action: CaseLifecycleAction): Promise<LoadedCase> {
  const row = await findCaseWithAccessFacts(trx, caseId);
  if (!row) throw new DomainError('not_found', 'Not found');
  const decision = canOnCase(actor, action, caseAccessFacts(row));
  if (!decision.allowed) {
    if (decision.outcome === 'hidden') throw new DomainError('not_found', 'Not found');
    throw new DomainError('forbidden', 'You may not do this on this case', { reason: decision.reason });
  }
  return row;
}

/** Whether the actor may take a lifecycle action on a loaded case (for `allowedActions`). */
export function mayOnCaseLifecycle(actor: RequestActor, action: CaseLifecycleAction, row: LoadedCase): boolean {
  return canOnCase(actor, action, caseAccessFacts(row)).allowed;
}
