import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../lib/context.ts';
import { problemOf } from './problems.ts';

/** Outcome of one counted call: allowed, or refused with the seconds until the window ends. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counters per key, kept in memory (enough for one server process; see README).
 * The map is bounded: when full, expired windows are dropped first, then the oldest keys.
 */
export class FixedWindowLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => Date;
  readonly #windows = new Map<string, { count: number; resetAt: number }>();

  constructor(opts: { limit: number; windowSeconds: number; now: () => Date; maxKeys?: number }) {
    this.#limit = opts.limit;
    this.#windowMs = Math.max(1, opts.windowSeconds) * 1000;
    this.#now = opts.now;
    this.#maxKeys = opts.maxKeys ?? 10_000;
  }

  /** Counts one call for `key`; a limit of 0 never refuses. */
  hit(key: string): RateDecision {
    if (this.#limit <= 0) return { allowed: true };
    const now = this.#now().getTime();
    let w = this.#windows.get(key);
    if (!w || w.resetAt <= now) {
      if (w) this.#windows.delete(key);
      this.#makeRoom(now);
      w = { count: 0, resetAt: now + this.#windowMs };
      this.#windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.#limit) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  /** How many keys are tracked (for tests of the bound). */
  get size(): number {
    return this.#windows.size;
  }

  #makeRoom(now: number): void {
    if (this.#windows.size < this.#maxKeys) return;
    for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
    // Insertion order is age order: drop the oldest windows until there is room.
    for (const k of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break;
      this.#windows.delete(k);
    }
  }
}

const loginRoute = '/api/v1/auth/login';
/** The login's second step (TOTP or recovery code) counts towards the same per-address limit as the password step. */
const loginSecondFactorRoute = '/api/v1/auth/login/second-factor';

/** Endpoints that read much data at once: PDF documents, spreadsheet and CSV exports, and the person duplicate search. */
export function isSensitiveRoute(routeUrl: string): boolean {
  return /\.(pdf|xlsx|csv)$/.test(routeUrl) || /[/-]exports?(\/|$|\.)/.test(routeUrl) || routeUrl === '/api/v1/persons/matches';
}

function refuse(reply: FastifyReply, decision: { retryAfterSeconds: number }): FastifyReply {
  const body = problemOf('too_many_requests', 'Too many requests; wait and try again', { details: { retryAfterSeconds: decision.retryAfterSeconds } });
  return reply.code(429).header('Retry-After', String(decision.retryAfterSeconds)).type('application/problem+json').send(body);
}

/**
 * Rate limits (SPEC §11), on top of the per-account lockout: login attempts per client address and per
 * username, and a looser limit per session on sensitive endpoints. Register after the session hook.
 */
export function registerRateLimits(app: FastifyInstance, deps: Deps): void {
  const c = deps.config;
  const window = c.rateLimitWindowSeconds;
  const perIp = new FixedWindowLimiter({ limit: c.loginRateLimitPerIp, windowSeconds: window, now: deps.now });
  const perUsername = new FixedWindowLimiter({ limit: c.loginRateLimitPerUsername, windowSeconds: window, now: deps.now });
  const perSession = new FixedWindowLimiter({ limit: c.sensitiveRateLimitPerSession, windowSeconds: window, now: deps.now });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const routeUrl = req.routeOptions.url ?? '';
    if ((routeUrl === loginRoute || routeUrl === loginSecondFactorRoute) && req.method === 'POST') {
      const d = perIp.hit(req.ip);
      if (!d.allowed) return refuse(reply, d);
    } else if (req.sessionToken && req.method === 'GET' && isSensitiveRoute(routeUrl)) {
      // Keyed by a digest so the map never holds session tokens.
      const d = perSession.hit(createHash('sha256').update(req.sessionToken).digest('base64url'));
      if (!d.allowed) return refuse(reply, d);
    }
    return undefined;
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.routeOptions.url !== loginRoute || req.method !== 'POST') return undefined;
    const username = (req.body as { username?: unknown } | undefined)?.username;
    if (typeof username !== 'string') return undefined;
    const d = perUsername.hit(username.trim().toLowerCase());
    if (!d.allowed) return refuse(reply, d);
    return undefined;
  });
}
