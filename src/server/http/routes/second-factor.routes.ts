import type { FastifyReply, FastifyRequest } from 'fastify';
import { meResponse } from '#contracts/auth.contract.ts';
import { problemSchema } from '#contracts/common.contract.ts';
import {
  confirmEnrolmentRequest,
  enrolmentResponse,
  loginSecondFactorRequest,
  reauthenticationRequest,
  recoveryCodesResponse,
  secondFactorStatusResponse,
} from '#contracts/second-factor.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { startSession } from '../../services/auth.service.ts';
import {
  answerLoginChallenge,
  confirmEnrolment,
  disableSecondFactor,
  isEnrolmentOnly,
  regenerateRecoveryCodes,
  secondFactorStatus,
  startEnrolment,
} from '../../services/second-factor.service.ts';
import { problemOf } from '../problems.ts';
import { requireActor, type App } from '../app.ts';
import { signedIn } from './auth.routes.ts';

/** What a session limited to enrolment may still call: public routes, its own user, language, logout and the second-factor routes. */
const enrolmentRoutes = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'PUT /api/v1/auth/me/locale']);

function enrolmentAllowed(req: FastifyRequest): boolean {
  const url = req.routeOptions.url ?? '';
  if (req.routeOptions.config?.access === 'public') return true;
  return url.startsWith('/api/v1/auth/second-factor') || url === '/api/v1/auth/login/second-factor' || enrolmentRoutes.has(`${req.method} ${url}`);
}

/**
 * The second factor (SPEC §11): the login's second step, the user's own enrolment, recovery codes and disabling,
 * and the guard that limits a session of a required role without a second factor to enrolment.
 */
export function registerSecondFactorRoutes(app: App, deps: Deps): void {
  // Runs after the session hook of app.ts (hooks run in the order added), so `req.actor` is known here.
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.actor || deps.config.secondFactorRequiredRoles.length === 0 || !req.url.startsWith('/api/v1/') || enrolmentAllowed(req)) return undefined;
    if (!(await isEnrolmentOnly(deps, req.actor))) return undefined;
    const body = problemOf('second_factor_enrolment_required', 'Your role requires a second factor: set it up first');
    return reply.code(403).type('application/problem+json').send({ ...body, status: 403 });
  });

  app.post(
    '/api/v1/auth/login/second-factor',
    { config: { access: 'public' }, schema: { tags: ['auth'], security: [], body: loginSecondFactorRequest, response: { 200: meResponse, 401: problemSchema, 422: problemSchema, 423: problemSchema } } },
    async (req, reply) => {
      const ok = await answerLoginChallenge(deps, { pendingToken: req.body.pendingToken, code: req.body.code, ip: req.ip });
      const result = await startSession(deps, { userId: ok.userId, username: ok.username, ip: req.ip, userAgent: req.headers['user-agent'] ?? '', details: { secondFactor: ok.method } });
      return signedIn(deps, req, reply, result);
    },
  );

  app.get('/api/v1/auth/second-factor', { schema: { tags: ['auth'], response: { 200: secondFactorStatusResponse } } }, async (req) => secondFactorStatus(deps, requireActor(req)));

  app.post('/api/v1/auth/second-factor/enrolment', { schema: { tags: ['auth'], response: { 200: enrolmentResponse, 422: problemSchema } } }, async (req) => startEnrolment(deps, requireActor(req)));

  app.post(
    '/api/v1/auth/second-factor/enrolment/confirmation',
    { schema: { tags: ['auth'], body: confirmEnrolmentRequest, response: { 200: recoveryCodesResponse, 409: problemSchema, 422: problemSchema } } },
    async (req) => confirmEnrolment(deps, requireActor(req), req.body),
  );

  app.post(
    '/api/v1/auth/second-factor/recovery-codes',
    { schema: { tags: ['auth'], body: reauthenticationRequest, response: { 200: recoveryCodesResponse, 409: problemSchema, 422: problemSchema } } },
    async (req) => regenerateRecoveryCodes(deps, requireActor(req), req.body),
  );

  app.post(
    '/api/v1/auth/second-factor/disable',
    { schema: { tags: ['auth'], body: reauthenticationRequest, response: { 200: secondFactorStatusResponse, 409: problemSchema, 422: problemSchema } } },
    async (req) => disableSecondFactor(deps, requireActor(req), req.body),
  );
}
