import { DomainError } from '#domain/errors.ts';

/** HTTP status of each stable error code; unknown codes of domain rules are 422. */
const statusByCode: Record<string, number> = {
  validation_failed: 400,
  invalid_cursor: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  registration_not_allowed: 403,
  csrf_failed: 403,
  not_found: 404,
  person_not_found: 404,
  hromada_not_found: 404,
  method_not_allowed: 405,
  version_conflict: 409,
  username_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/** The status for a code. */
export function statusForCode(code: string): number {
  return statusByCode[code] ?? 422;
}

/** An `application/problem+json` body (RFC 9457) with our stable code. */
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
  details?: Record<string, unknown>;
};

/** Builds the problem body; never includes stacks or internal messages for 5xx. */
export function problemOf(code: string, title: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  const status = statusForCode(code);
  return { type: `https://rodyna.org.ua/problems/${code.replace(/_/g, '-')}`, title, status, code, ...extra };
}

/** Maps a domain error to a problem body. */
export function problemFromDomainError(err: DomainError): ProblemBody {
  return problemOf(err.code, err.message, err.details ? { details: err.details } : {});
}
