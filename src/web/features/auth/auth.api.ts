import type { z } from 'zod';
import type { meResponse, systemStatusResponse } from '#contracts/auth.contract.ts';
import type { SecondFactorChallenge } from '#contracts/second-factor.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The signed-in user as the API returns it. */
export type Me = z.infer<typeof meResponse>;
/** Public facts about the installation. */
export type SystemStatus = z.infer<typeof systemStatusResponse>;

/** GET /api/v1/system/status (public). */
export function fetchSystemStatus(): Promise<SystemStatus> {
  return apiRequest<SystemStatus>('/api/v1/system/status', { skipUnauthorizedHandler: true });
}

/** GET /api/v1/auth/me — 401 when nobody is signed in. */
export function fetchMe(): Promise<Me> {
  return apiRequest<Me>('/api/v1/auth/me', { skipUnauthorizedHandler: true });
}

/** POST /api/v1/auth/login — the user, or (202) a challenge for the second factor. */
export function login(username: string, password: string): Promise<Me | SecondFactorChallenge> {
  return apiRequest<Me | SecondFactorChallenge>('/api/v1/auth/login', { method: 'POST', body: { username, password }, skipUnauthorizedHandler: true });
}

/** True when the login answered a second-factor challenge instead of a session. */
export function isChallenge(answer: Me | SecondFactorChallenge): answer is SecondFactorChallenge {
  return 'status' in answer && answer.status === 'second_factor_required';
}

/** POST /api/v1/auth/logout */
export function logout(): Promise<void> {
  return apiRequest<void>('/api/v1/auth/logout', { method: 'POST', skipUnauthorizedHandler: true });
}

/** PUT /api/v1/auth/me/locale — remembers the interface language for the user. */
export function saveLocale(locale: 'uk' | 'en'): Promise<void> {
  return apiRequest<void>('/api/v1/auth/me/locale', { method: 'PUT', body: { locale } });
}
