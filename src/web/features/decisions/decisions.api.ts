import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agreementRequest, agreementsList, decisionRequest, decisionsList } from '#contracts/service-decisions.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** Decisions on services with whether a threat is recorded. */
export type DecisionsList = z.infer<typeof decisionsList>;
/** A decision as sent. */
export type DecisionBody = z.input<typeof decisionRequest>;
/** Agreements with the providers to choose from. */
export type AgreementsList = z.infer<typeof agreementsList>;
/** An agreement as sent. */
export type AgreementBody = z.input<typeof agreementRequest>;

const path = (caseId: string, part: 'decisions' | 'agreements') => `/api/v1/cases/${encodeURIComponent(caseId)}/${part}`;

/** GET /api/v1/cases/{id}/decisions */
export function fetchDecisions(caseId: string): Promise<DecisionsList> {
  return apiRequest<DecisionsList>(path(caseId, 'decisions'));
}

/** POST /api/v1/cases/{id}/decisions — refusal and termination answer 422 `services_protected_by_threat` while a threat is recorded. */
export function postDecision(caseId: string, body: DecisionBody): Promise<unknown> {
  return apiRequest(path(caseId, 'decisions'), { method: 'POST', body });
}

/** GET /api/v1/cases/{id}/agreements */
export function fetchAgreements(caseId: string): Promise<AgreementsList> {
  return apiRequest<AgreementsList>(path(caseId, 'agreements'));
}

/** POST /api/v1/cases/{id}/agreements */
export function postAgreement(caseId: string, body: AgreementBody): Promise<unknown> {
  return apiRequest(path(caseId, 'agreements'), { method: 'POST', body });
}

/** Decisions of a case. */
export const decisionsQuery = (caseId: string) => queryOptions({ queryKey: ['decisions', caseId], queryFn: () => fetchDecisions(caseId), staleTime: 10_000 });
/** Agreements of a case. */
export const agreementsQuery = (caseId: string) => queryOptions({ queryKey: ['agreements', caseId], queryFn: () => fetchAgreements(caseId), staleTime: 10_000 });
