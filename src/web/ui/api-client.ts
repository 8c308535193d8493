import type { Problem } from '#contracts/common.contract.ts';

/** An API answer that was not a success, carrying the problem+json body (or a synthetic one for network failures). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.title || problem.code);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The stable error code from the server, e.g. `version_conflict`. */
  get code(): string {
    return this.problem.code;
  }
}

/** True when `e` is an ApiError with the given code or status. */
export function isApiError(e: unknown, codeOrStatus?: string | number): e is ApiError {
  if (!(e instanceof ApiError)) return false;
  if (codeOrStatus === undefined) return true;
  return typeof codeOrStatus === 'number' ? e.status === codeOrStatus : e.code === codeOrStatus;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Sets what happens when any request answers 401 (the app sends the user to the login page). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Do not call the global 401 handler (login and session probe handle 401 themselves). */
  skipUnauthorizedHandler?: boolean;
};

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function syntheticProblem(status: number, code: string): Problem {
  return { type: 'about:blank', title: code, status, code };
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (body && typeof body.code === 'string') {
        return { type: body.type ?? 'about:blank', title: body.title ?? body.code, status: body.status ?? res.status, ...body, code: body.code };
      }
    } catch {
      // fall through to a synthetic problem
    }
  }
  const code = res.status === 401 ? 'unauthorized' : res.status === 403 ? 'forbidden' : res.status === 404 ? 'not_found' : res.status === 409 ? 'version_conflict' : res.status >= 500 ? 'internal_error' : 'unknown';
  return syntheticProblem(res.status, code);
}

/**
 * Calls the Rodyna API on the same origin with the session cookie. Writes carry the CSRF header
 * `X-Requested-With: rodyna`. Non-2xx answers throw an ApiError with the problem+json body.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (method !== 'GET') {
    headers['X-Requested-With'] = 'rodyna';
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
  }
  if (options.signal) init.signal = options.signal;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, syntheticProblem(0, 'network_error'));
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !options.skipUnauthorizedHandler) onUnauthorized();
    throw new ApiError(res.status, problem);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}
