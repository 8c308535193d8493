import { all, simple, type RoutePolicy } from '../route-policy-kit.ts';

/**
 * The second factor (SPEC §11): the login's second step is public (it carries the pending token of the password
 * step); every other route acts only on the signed-in user's own second factor, so every user is allowed. With
 * generated bodies the writes answer 409/422 (no pending enrolment, a stale version, a wrong code) after the check.
 */
export const policies: Record<string, RoutePolicy> = {
  'POST /api/v1/auth/login/second-factor': simple('public: the second step of signing in (pending token + code)', all),
  'GET /api/v1/auth/second-factor': simple('any signed-in user (own second factor)', all),
  'POST /api/v1/auth/second-factor/enrolment': simple('any signed-in user (own second factor)', all),
  'POST /api/v1/auth/second-factor/enrolment/confirmation': simple('any signed-in user (own second factor)', all, { body: () => ({ code: '12', version: 0 }) }),
  'POST /api/v1/auth/second-factor/recovery-codes': simple('any signed-in user (own second factor)', all, { body: () => ({ code: '12', version: 0 }) }),
  'POST /api/v1/auth/second-factor/disable': simple('any signed-in user (own second factor)', all, { body: () => ({ code: '12', version: 999 }) }),
};
