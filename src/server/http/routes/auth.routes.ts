import { z } from 'zod';
import { localeRequest, loginRequest, meResponse } from '#contracts/auth.contract.ts';
import { problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { loadGrants, loadProfile, login, logout, setLocale } from '../../services/auth.service.ts';
import { systemStatus } from '../../services/users.service.ts';
import { requireActor, sessionCookie, type App } from '../app.ts';

/** Login, logout, the current user and their language. */
export function registerAuthRoutes(app: App, deps: Deps): void {
  const me = async (userId: string, username: string, fullName: string, locale: 'uk' | 'en') => {
    const grants = await loadGrants(deps, userId);
    const status = await systemStatus(deps);
    return { id: userId, username, fullName, locale, grants, demoMode: status.demoMode };
  };

  app.post(
    '/api/v1/auth/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], security: [], body: loginRequest, response: { 200: meResponse, 401: problemSchema, 423: problemSchema } } },
    async (req, reply) => {
      const result = await login(deps, { username: req.body.username, password: req.body.password, ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
      reply.setCookie(sessionCookie, result.token, { httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, path: '/', expires: result.expiresAt });
      const profile = await loadProfile(deps, result.userId);
      return me(result.userId, profile.username, profile.fullName, profile.locale);
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
