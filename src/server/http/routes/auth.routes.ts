import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localeRequest, loginRequest, meResponse } from '#contracts/auth.contract.ts';
import { problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { secondFactorChallengeResponse } from '#contracts/second-factor.contract.ts';
import { dropSession, loadGrants, loadProfile, login, logout, setLocale, type LoginResult } from '../../services/auth.service.ts';
import { isEnrolmentOnly } from '../../services/second-factor.service.ts';
import { systemStatus } from '../../services/users.service.ts';
import { requireActor, sessionCookie, type App } from '../app.ts';

/** The signed-in user as `meResponse` (the login answer and GET /auth/me). */
export async function meOf(deps: Deps, userId: string, username: string, fullName: string, locale: 'uk' | 'en') {
  const grants = await loadGrants(deps, userId);
  const status = await systemStatus(deps);
  const secondFactorEnrolmentRequired = await isEnrolmentOnly(deps, { userId, grants });
  return { id: userId, username, fullName, locale, grants, demoMode: status.demoMode, secondFactorEnrolmentRequired };
}

/** Sets the new session's cookie, drops the session the browser carried in (rotation), answers the signed-in user (both login steps end here). */
export async function signedIn(deps: Deps, req: FastifyRequest, reply: FastifyReply, result: LoginResult) {
  const previous = req.cookies[sessionCookie];
  if (previous && previous !== result.token) await dropSession(deps, previous);
  reply.setCookie(sessionCookie, result.token, { httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, path: '/', expires: result.expiresAt });
  const profile = await loadProfile(deps, result.userId);
  return meOf(deps, result.userId, profile.username, profile.fullName, profile.locale);
}

/** Login, logout, the current user and their language. */
export function registerAuthRoutes(app: App, deps: Deps): void {
  const me = (userId: string, username: string, fullName: string, locale: 'uk' | 'en') => meOf(deps, userId, username, fullName, locale);

  app.post(
    '/api/v1/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], security: [], body: loginRequest, response: { 200: meResponse, 202: secondFactorChallengeResponse, 401: problemSchema, 423: problemSchema } } },
    async (req, reply) => {
      const result = await login(deps, { username: req.body.username, password: req.body.password, ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
      if (result.kind === 'second_factor_required') {
        // Right password, second factor on: no session yet; the code goes to POST /api/v1/auth/login/second-factor.
        return reply.code(202).send({ status: 'second_factor_required', pendingToken: result.pendingToken, expiresAt: result.expiresAt.toISOString() });
      }
      return signedIn(deps, req, reply, result);
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.sessionToken) await logout(deps, req.sessionToken, actor);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], response: { 200: meResponse } } }, async (req) => {
    const actor = requireActor(req);
    return me(actor.userId, actor.username, req.userFullName, req.userLocale);
  });

  app.put('/api/v1/auth/me/locale', { schema: { tags: ['auth'], body: localeRequest, response: { 204: z.null() } } }, async (req, reply) => {
    await setLocale(deps, requireActor(req), req.body.locale);
    return reply.code(204).send(null);
  });
}
