import type { Enrolment, RecoveryCodes, SecondFactorStatus } from '#contracts/second-factor.contract.ts';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../ui/api-client.ts';
import type { Me } from '../auth/auth.api.ts';

/** GET /api/v1/auth/second-factor — the signed-in user's second factor. */
export const secondFactorQuery = queryOptions({
  queryKey: ['auth', 'second-factor'],
  queryFn: () => apiRequest<SecondFactorStatus>('/api/v1/auth/second-factor'),
});

/** POST …/enrolment — a new secret, shown once. */
export function startEnrolment(): Promise<Enrolment> {
  return apiRequest<Enrolment>('/api/v1/auth/second-factor/enrolment', { method: 'POST' });
}

/** POST …/enrolment/confirmation — the first code turns the factor on; answers the recovery codes. */
export function confirmEnrolment(code: string, version: number): Promise<RecoveryCodes> {
  return apiRequest<RecoveryCodes>('/api/v1/auth/second-factor/enrolment/confirmation', { method: 'POST', body: { code, version } });
}

/** Proof of presence: a code or the password (whichever was typed). */
export type Proof = { code?: string; password?: string };

/** POST …/recovery-codes — new codes, the old ones stop working. */
export function regenerateRecoveryCodes(proof: Proof, version: number): Promise<RecoveryCodes> {
  return apiRequest<RecoveryCodes>('/api/v1/auth/second-factor/recovery-codes', { method: 'POST', body: { ...proof, version } });
}

/** POST …/disable */
export function disableSecondFactor(proof: Proof, version: number): Promise<SecondFactorStatus> {
  return apiRequest<SecondFactorStatus>('/api/v1/auth/second-factor/disable', { method: 'POST', body: { ...proof, version } });
}

/** POST /api/v1/auth/login/second-factor — the login's second step. */
export function loginSecondFactor(pendingToken: string, code: string): Promise<Me> {
  return apiRequest<Me>('/api/v1/auth/login/second-factor', { method: 'POST', body: { pendingToken, code }, skipUnauthorizedHandler: true });
}
