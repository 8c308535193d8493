import { DomainError } from '../errors.ts';

/**
 * Referrals to service providers (SPEC §4.3; Order 1005 referral form, Order 135 emergency referral): the
 * lifecycle draft → sent → accepted / declined → in service → completed / dropped, with who may take each step.
 */
export const referralStatuses = ['draft', 'sent', 'accepted', 'declined', 'in_service', 'completed', 'dropped'] as const;
/** One status. */
export type ReferralStatus = (typeof referralStatuses)[number];

/** Routine, or emergency (crisis) with a same-day answer. */
export const referralUrgencies = ['routine', 'emergency'] as const;
/** One urgency. */
export type ReferralUrgency = (typeof referralUrgencies)[number];

/** Why a provider declines; `no_capacity` is recorded as unmet need (SPEC §8). */
export const declineReasons = ['no_capacity', 'not_eligible', 'service_not_offered', 'outside_territory', 'family_refused', 'other'] as const;
/** One reason. */
export type DeclineReason = (typeof declineReasons)[number];

/** Steps of the lifecycle. */
export const referralActions = ['send', 'accept', 'decline', 'start', 'complete', 'drop'] as const;
/** One step. */
export type ReferralAction = (typeof referralActions)[number];

/** Who takes a step: the case's team that refers, or the provider the referral is addressed to. */
export type ReferralSide = 'referrer' | 'provider';

type Step = { from: readonly ReferralStatus[]; to: ReferralStatus; by: Partial<Record<ReferralSide, readonly ReferralStatus[]>> };

/** The lifecycle as data: the statuses each step starts from, per side, and where it leads. */
const steps: Record<ReferralAction, Step> = {
  send: { from: ['draft'], to: 'sent', by: { referrer: ['draft'] } },
  accept: { from: ['sent'], to: 'accepted', by: { provider: ['sent'] } },
  decline: { from: ['sent'], to: 'declined', by: { provider: ['sent'] } },
  start: { from: ['accepted'], to: 'in_service', by: { provider: ['accepted'] } },
  complete: { from: ['in_service'], to: 'completed', by: { provider: ['in_service'] } },
  // The referrer withdraws a referral at any point before it ends; the provider ends a service the family stopped using.
  drop: { from: ['sent', 'accepted', 'in_service'], to: 'dropped', by: { referrer: ['sent', 'accepted', 'in_service'], provider: ['accepted', 'in_service'] } },
};

/** Final statuses: nothing follows. */
export const finalReferralStatuses: readonly ReferralStatus[] = ['declined', 'completed', 'dropped'];

/** The steps a side may take from a status (for `allowedActions`). */
export function allowedReferralActions(status: ReferralStatus, sides: readonly ReferralSide[]): ReferralAction[] {
  return referralActions.filter((a) => sides.some((s) => steps[a].by[s]?.includes(status)));
}

/** What a step carries: a decline reason, and a note (the provider's feedback, or why the referral was dropped). */
export type ReferralStepInput = { action: ReferralAction; reasonCode?: DeclineReason | null | undefined; note: string };

/**
 * Decides a step: the status it leads to. Refuses a side that never takes this step (`forbidden`), a step the
 * status does not allow (`referral_transition_not_allowed`), a decline without its reason and a drop without a word.
 */
export function decideReferralStep(status: ReferralStatus, sides: readonly ReferralSide[], input: ReferralStepInput): ReferralStatus {
  const step = steps[input.action];
  const mySides = sides.filter((s) => step.by[s] !== undefined);
  if (mySides.length === 0) throw new DomainError('forbidden', 'You may not take this step on this referral', { action: input.action });
  if (!mySides.some((s) => step.by[s]?.includes(status))) {
    throw new DomainError('referral_transition_not_allowed', `A ${status} referral cannot be ${input.action}`, { from: status, action: input.action, allowed: allowedReferralActions(status, sides) });
  }
  if (input.action === 'decline' && !input.reasonCode) throw new DomainError('decline_reason_required', 'Say why the referral is declined', { path: 'reasonCode' });
  if (input.action !== 'decline' && input.reasonCode) throw new DomainError('validation_failed', 'A reason code goes with a decline only', { path: 'reasonCode' });
  if (input.action === 'drop' && input.note.trim() === '') throw new DomainError('drop_reason_required', 'Say why the referral is dropped', { path: 'note' });
  return step.to;
}

/** The deadline rule of the provider's answer: same day for an emergency referral (Law art. 23), else the routine term. */
export function responseRuleKey(urgency: ReferralUrgency): string {
  return urgency === 'emergency' ? 'referral_response_emergency' : 'referral_response';
}

/** Whole years of age on a date (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
