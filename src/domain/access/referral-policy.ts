import { grantsOf, type Actor } from './actor.ts';
import { canOnCase, type CaseAccessFacts } from './case-policy.ts';
import type { ReferralSide } from '../services/referrals.ts';

/** What the policy needs to know of a referral. */
export type ReferralAccessFacts = { providerOrganisationId: string; status: string; case: CaseAccessFacts };

/** How the actor stands to a referral; null means it must look absent (404). */
export type ReferralAccess = {
  /** Sees the referral as part of the case (the case's team, supervisor, Child Affairs): everything it carries. */
  seesCase: boolean;
  /** Sides whose steps the actor may take. */
  sides: ReferralSide[];
} | null;

/** Provider organisations the actor works for as a provider worker (their incoming box). */
export function providerOrganisationIds(actor: Actor): string[] {
  return [...new Set(grantsOf(actor, 'provider_worker').map((g) => g.organisationId))];
}

/**
 * Access to a referral (SPEC §4.3, §11): whoever sees the case sees its referrals, and those who may contribute to
 * the case (case manager, supervisor, team members; not on a closed case) refer; the provider's workers see and
 * answer only referrals sent to their organisation, never drafts, and never the case itself.
 */
export function referralAccess(actor: Actor, facts: ReferralAccessFacts): ReferralAccess {
  const seesCase = canOnCase(actor, 'case.view', facts.case).allowed;
  const sides: ReferralSide[] = [];
  if (canOnCase(actor, 'case.contribute', facts.case).allowed) sides.push('referrer');
  if (facts.status !== 'draft' && providerOrganisationIds(actor).includes(facts.providerOrganisationId)) sides.push('provider');
  if (!seesCase && sides.length === 0) return null;
  return { seesCase, sides };
}

/**
 * Who reads unmet need (SPEC §8; aggregate numbers only): the national analyst everywhere; the oblast coordinator
 * for the hromadas of their oblast (resolved from their organisations); the community planner and supervisors for
 * the hromada of their organisation. Null: not allowed.
 */
export type UnmetNeedScope = { all: boolean; hromadaIds: string[]; oblastOrganisationIds: string[] } | null;

/** The unmet-need scope of an actor. */
export function unmetNeedScopeOf(actor: Actor): UnmetNeedScope {
  const all = grantsOf(actor, 'national_analyst').length > 0;
  const hromadaIds = [...grantsOf(actor, 'community_planner'), ...grantsOf(actor, 'supervisor')].map((g) => g.hromadaId).filter((h): h is string => h !== null);
  const oblastOrganisationIds = grantsOf(actor, 'oblast_coordinator').map((g) => g.organisationId);
  if (!all && hromadaIds.length === 0 && oblastOrganisationIds.length === 0) return null;
  return { all, hromadaIds: [...new Set(hromadaIds)], oblastOrganisationIds: [...new Set(oblastOrganisationIds)] };
}
