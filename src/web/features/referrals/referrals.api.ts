import type { z } from 'zod';
import type { referralCreateRequest, referralsPage, referralTransitionRequest, referralUpdateRequest, referralView } from '#contracts/referrals.contract.ts';
import type { ReferralStatus } from '#domain/services/referrals.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One referral (SPEC §4.3); the provider's workers get only what it carries, `case` is null for them. */
export type Referral = z.infer<typeof referralView>;
/** A page of referrals. */
export type ReferralsPage = z.infer<typeof referralsPage>;
/** A case's referrals, with whether the user may refer. */
export type CaseReferralsPage = ReferralsPage & { allowedActions: Array<'create'> };
/** A new draft. */
export type ReferralCreateBody = z.input<typeof referralCreateRequest>;
/** A change of a draft. */
export type ReferralUpdateBody = z.input<typeof referralUpdateRequest>;
/** One step of the lifecycle. */
export type ReferralStepBody = z.input<typeof referralTransitionRequest>;
/** The two boxes of the referrals page. */
export type ReferralBox = 'outgoing' | 'incoming';

const one = (id: string) => `/api/v1/referrals/${encodeURIComponent(id)}`;

/** GET /api/v1/cases/{id}/referrals — newest first. */
export function fetchCaseReferrals(caseId: string, cursor?: string): Promise<CaseReferralsPage> {
  return apiRequest<CaseReferralsPage>(`/api/v1/cases/${encodeURIComponent(caseId)}/referrals`, { query: { cursor, limit: 50 } });
}

/** POST /api/v1/cases/{id}/referrals — a draft. */
export function createReferral(caseId: string, body: ReferralCreateBody): Promise<Referral> {
  return apiRequest<Referral>(`/api/v1/cases/${encodeURIComponent(caseId)}/referrals`, { method: 'POST', body });
}

/** GET /api/v1/referrals?box=&status= — the user's outgoing or incoming box. */
export function fetchReferrals(box: ReferralBox, status: ReferralStatus | undefined, cursor?: string): Promise<ReferralsPage> {
  return apiRequest<ReferralsPage>('/api/v1/referrals', { query: { box, status, cursor, limit: 50 } });
}

/** GET /api/v1/referrals/{id} */
export function fetchReferral(id: string): Promise<Referral> {
  return apiRequest<Referral>(one(id));
}

/** PUT /api/v1/referrals/{id} — edits a draft. */
export function updateReferral(id: string, body: ReferralUpdateBody): Promise<Referral> {
  return apiRequest<Referral>(one(id), { method: 'PUT', body });
}

/** POST /api/v1/referrals/{id}/transitions */
export function referralStep(id: string, body: ReferralStepBody): Promise<Referral> {
  return apiRequest<Referral>(`${one(id)}/transitions`, { method: 'POST', body });
}
