import { DomainError } from '../errors.ts';
import type { PlanStatus } from './case-plan.ts';

/**
 * Decision on providing social services (Law of Ukraine "On Social Services" art. 18 step 3 and art. 21; SPEC §2.9):
 * provide, refuse, or terminate services already provided.
 */
export const serviceDecisionKinds = ['provide', 'refuse', 'terminate'] as const;
/** One kind of decision. */
export type ServiceDecisionKind = (typeof serviceDecisionKinds)[number];

/**
 * Grounds for terminating services (Law "On Social Services" art. 24): no further need, expiry of the contract,
 * the recipient's non-compliance with its terms, liquidation of the provider, the recipient's refusal.
 */
export const terminationGrounds = ['no_further_need', 'contract_expiry', 'non_compliance', 'provider_liquidation', 'recipient_refusal'] as const;
/** One ground for termination. */
export type TerminationGround = (typeof terminationGrounds)[number];

/** Status of a service agreement (contract) between recipient and provider (Law "On Social Services" art. 22). */
export const agreementStatuses = ['active', 'ended'] as const;
/** Active or ended. */
export type AgreementStatus = (typeof agreementStatuses)[number];

/** A decision as recorded. */
export type ServiceDecisionInput = { decision: ServiceDecisionKind; terminationGround: TerminationGround | null; legalGrounds: string };

/**
 * A threat to life or health is recorded for the case when it is urgent (abuse or a threat named at intake, Resolution 585 §12)
 * or the notification states such a threat.
 */
export function isThreatRecorded(facts: { caseUrgent: boolean; notificationThreat: boolean }): boolean {
  return facts.caseUrgent || facts.notificationThreat;
}

/**
 * Checks a decision before it is recorded. Law "On Social Services" art. 24: services may not be refused or terminated
 * while there is a threat to the recipient's life or health. Termination names one of the art. 24 grounds; a refusal
 * states its legal grounds (art. 21: the decision is reasoned).
 */
export function checkDecision(decision: ServiceDecisionInput, threatRecorded: boolean): void {
  if (decision.decision !== 'provide' && threatRecorded) {
    throw new DomainError('services_protected_by_threat', 'Services cannot be refused or terminated while a threat to life or health is recorded (Law "On Social Services" art. 24)', { decision: decision.decision });
  }
  if (decision.decision === 'terminate' && decision.terminationGround === null) throw new DomainError('termination_ground_required', 'Termination needs one of the grounds of art. 24');
  if (decision.decision !== 'terminate' && decision.terminationGround !== null) throw new DomainError('termination_ground_not_applicable', 'A termination ground applies only to termination');
  if (decision.decision === 'refuse' && !decision.legalGrounds.trim()) throw new DomainError('legal_grounds_required', 'A refusal states its legal grounds');
}

/**
 * Checks an agreement (contract) before it is signed (Law "On Social Services" art. 22: the contract includes the individual
 * plan; art. 18: it follows the decision to provide services): the plan version is the agreed one, services were decided,
 * and it is valid from the signing date on.
 */
export function checkAgreement(a: { planStatus: PlanStatus; hasProvideDecision: boolean; signedOn: string; validUntil: string | null }): void {
  if (a.planStatus !== 'agreed') throw new DomainError('agreement_plan_not_agreed', 'The agreement includes the plan version agreed with the family');
  if (!a.hasProvideDecision) throw new DomainError('service_decision_required', 'Record the decision to provide services first');
  if (a.validUntil !== null && a.validUntil < a.signedOn) throw new DomainError('agreement_dates_invalid', 'The agreement cannot end before it is signed');
}
