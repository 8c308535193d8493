import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { consentCreateRequest, consentList, consentView, consentWithdrawalRequest } from '#contracts/consent.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The consents of a case's family (SPEC §11). */
export type ConsentList = z.infer<typeof consentList>;
/** One consent. */
export type Consent = z.infer<typeof consentView>;
/** A new consent. */
export type ConsentBody = z.input<typeof consentCreateRequest>;
/** A withdrawal. */
export type WithdrawalBody = z.input<typeof consentWithdrawalRequest>;

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/consents`;

/** GET /api/v1/cases/{id}/consents */
export function fetchConsents(caseId: string): Promise<ConsentList> {
  return apiRequest<ConsentList>(base(caseId));
}
/** POST /api/v1/cases/{id}/consents */
export function recordConsent(caseId: string, body: ConsentBody): Promise<Consent> {
  return apiRequest<Consent>(base(caseId), { method: 'POST', body });
}
/** POST /api/v1/cases/{id}/consents/{consentId}/withdrawal */
export function withdrawConsent(caseId: string, consentId: string, body: WithdrawalBody): Promise<Consent> {
  return apiRequest<Consent>(`${base(caseId)}/${encodeURIComponent(consentId)}/withdrawal`, { method: 'POST', body });
}

// Under the case's key: invalidating the case refreshes the consents too.
export const consentsQuery = (caseId: string) => queryOptions({ queryKey: ['cases', 'detail', caseId, 'consents'] as const, queryFn: () => fetchConsents(caseId), staleTime: 10_000 });
