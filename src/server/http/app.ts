import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '#domain/errors.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { resolveSession } from '../services/auth.service.ts';
import { containsNul } from './input-guard.ts';
import { problemFromDomainError, problemOf, type ProblemBody } from './problems.ts';
import { registerRateLimits } from './rate-limit.ts';
import { securityHeaders } from './security-headers.ts';
import { registerApprovalRoutes } from './routes/approvals.routes.ts';
import { registerDeadlineRuleRoutes } from './routes/deadline-rules.routes.ts';
import { registerDashboardRoutes } from './routes/dashboards.routes.ts';
import { registerDhis2Routes } from './routes/dhis2.routes.ts';
import { registerSupervisionRoutes } from './routes/supervision.routes.ts';
import { registerAuthRoutes } from './routes/auth.routes.ts';
import { registerBenchmarkRoutes } from './routes/benchmarks.routes.ts';
import { registerCareEpisodeRoutes } from './routes/care-episodes.routes.ts';
import { registerCaseNoteRoutes } from './routes/case-notes.routes.ts';
import { registerCasePlanRoutes } from './routes/case-plans.routes.ts';
import { registerCaseTeamRoutes } from './routes/case-team.routes.ts';
import { registerCaseRoutes } from './routes/cases.routes.ts';
import { registerEmergencyAccessRoutes } from './routes/emergency-access.routes.ts';
import { registerClosureRoutes } from './routes/closure.routes.ts';
import { registerDeliveredServiceRoutes } from './routes/delivered-services.routes.ts';
import { registerDocumentRoutes } from './routes/documents.routes.ts';
import { registerEmergencyContactRoutes } from './routes/emergency-contacts.routes.ts';
import { registerFamilyTracingRoutes } from './routes/family-tracing.routes.ts';
import { registerFollowUpRoutes } from './routes/follow-ups.routes.ts';
import { registerHomeVisitRoutes } from './routes/home-visits.routes.ts';
import { registerNeedsAssessmentRoutes } from './routes/needs-assessments.routes.ts';
import { registerNotificationRoutes } from './routes/notifications.routes.ts';
import { registerNotificationInboxRoutes } from './routes/notification-inbox.routes.ts';
import { registerPersonRoutes } from './routes/persons.routes.ts';
import { registerPlanReportRoutes } from './routes/plan-reports.routes.ts';
import { registerProviderRoutes } from './routes/providers.routes.ts';
import { registerInstitutionRoutes } from './routes/institutions.routes.ts';
import { registerIndicatorRoutes } from './routes/indicators.routes.ts';
import { registerPanelRoutes } from './routes/panels.routes.ts';
import { registerConsentRoutes } from './routes/consent.routes.ts';
import { registerReferralRoutes } from './routes/referrals.routes.ts';
import { registerReviewRoutes } from './routes/reviews.routes.ts';
import { registerReunificationRoutes } from './routes/reunification.routes.ts';
import { registerCaregiverRoutes } from './routes/caregivers.routes.ts';
import { registerServiceAgreementRoutes } from './routes/service-agreements.routes.ts';
import { registerServiceCatalogueRoutes } from './routes/service-catalogue.routes.ts';
import { registerServiceDecisionRoutes } from './routes/service-decisions.routes.ts';
import { registerSafetyAssessmentRoutes } from './routes/safety-assessments.routes.ts';
import { registerSecondFactorRoutes } from './routes/second-factor.routes.ts';
import { registerSystemRoutes } from './routes/system.routes.ts';
import { registerTerritoryRoutes } from './routes/territories.routes.ts';
import { registerWorkforceRoutes } from './routes/workforce.routes.ts';
import { registerCommunityPlanningRoutes } from './routes/community-planning.routes.ts';
import { registerOblastPlanRoutes } from './routes/oblast-plan.routes.ts';

/** Name of the session cookie. */
export const sessionCookie = 'rodyna_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
    sessionToken: string | null;
    userLocale: 'uk' | 'en';
    userFullName: string;
  }
  interface FastifyContextConfig {
    /** Who may call the route: everyone, or a signed-in user (finer rules live in the services' policies). */
    access?: 'public' | 'user';
  }
}

/** The typed app the route modules register on. */
export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>; // eslint-disable-line @typescript-eslint/no-explicit-any

function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

/** The signed-in actor or a 401 problem. */
export function requireActor(req: FastifyRequest): RequestActor {
  if (!req.actor) throw new DomainError('unauthenticated', 'Please sign in');
  return req.actor;
}

/** Builds the HTTP application over the given dependencies (no listening). */
export async function buildApp(deps: Deps, opts: { logger?: boolean; serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy (TRUST_PROXY=true) the client address and https come from X-Forwarded-For/-Proto.
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    // A malformed or overlong path segment is an invalid request like any other: a problem, not Fastify's own JSON.
    frameworkErrors: (err, _req, reply) =>
      sendProblem(reply, err.code === 'FST_ERR_ASYNC_CONSTRAINT' ? problemOf('internal_error', 'Something went wrong on our side') : problemOf('validation_failed', 'The address is not valid')),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('userLocale', 'uk');
  app.decorateRequest('userFullName', '');

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Rodyna API', version: '1.0.0', description: 'Rodyna — information system for Ukraine\'s child-care reform. Cookie session auth; errors are application/problem+json.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Security headers on every answer (reviewed in security-headers.ts: CSP, frames, referrer, HSTS over TLS).
  app.addHook('onSend', async (req, reply, payload) => {
    const contentType = String(reply.getHeader('content-type') ?? '');
    reply.headers(securityHeaders({ url: req.url, contentType, tls: req.protocol === 'https' }, deps.config));
    return payload;
  });

  // Session: resolve the cookie once; CSRF guard on cookie-authenticated writes.
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[sessionCookie];
    if (token) {
      const user = await resolveSession(deps, token, req.ip);
      if (user) {
        const { locale, fullName, ...actor } = user;
        req.actor = actor;
        req.sessionToken = token;
        req.userLocale = locale;
        req.userFullName = fullName;
      }
    }
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
    if (unsafe && token && req.headers['x-requested-with'] !== 'rodyna') {
      return sendProblem(reply, problemOf('csrf_failed', 'Missing X-Requested-With header on a write'));
    }
    // Everything under /api/v1 needs a session unless the route says it is public; the docs pages are public.
    const routeUrl = req.routeOptions.url ?? '';
    const access = req.routeOptions.config?.access ?? (routeUrl.startsWith('/api/v1/') ? 'user' : 'public');
    if (access === 'user' && !req.actor) {
      return sendProblem(reply, problemOf('unauthenticated', 'Please sign in'));
    }
    return undefined;
  });
  registerRateLimits(app, deps);

  // PostgreSQL text cannot hold U+0000: refuse it in any input before validation (a 400, not a database error).
  app.addHook('preValidation', async (req, reply) => {
    if (req.url.startsWith('/api/') && (containsNul(req.body) || containsNul(req.query) || containsNul(req.params))) {
      return sendProblem(reply, problemOf('validation_failed', 'The request is not valid', { errors: [{ path: '', message: 'NUL characters are not allowed' }] }));
    }
    return undefined;
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof DomainError) return sendProblem(reply, problemFromDomainError(err));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({ path: `${err.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'), message: v.message ?? 'invalid' }));
      return sendProblem(reply, problemOf('validation_failed', 'The request is not valid', { errors }));
    }
    const e = err as { statusCode?: number; code?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, problemOf('payload_too_large', 'The request body is too large'));
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, problemOf('unsupported_media_type', 'Send JSON'));
    if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && err instanceof SyntaxError)) return sendProblem(reply, problemOf('invalid_json', 'The body is not valid JSON'));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return sendProblem(reply, problemOf('validation_failed', 'The request is not valid'));
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problemOf('internal_error', 'Something went wrong on our side. Try again; if it repeats, tell your administrator.'));
  });

  const serveWeb = !!opts.serveWeb && existsSync(path.join(deps.config.webDir, 'index.html'));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !serveWeb || req.method !== 'GET') return sendProblem(reply, problemOf('not_found', 'Not found'));
    // Client-side routes of the web app.
    return reply.type('text/html').sendFile('index.html');
  });

  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const typed = app as unknown as App;
  registerSystemRoutes(typed, deps);
  registerAuthRoutes(typed, deps);
  registerSecondFactorRoutes(typed, deps);
  registerTerritoryRoutes(typed, deps);
  registerPersonRoutes(typed, deps);
  registerNotificationRoutes(typed, deps);
  registerNotificationInboxRoutes(typed, deps);
  registerCaseRoutes(typed, deps);
  registerEmergencyAccessRoutes(typed, deps);
  registerNeedsAssessmentRoutes(typed, deps);
  registerSafetyAssessmentRoutes(typed, deps);
  registerFamilyTracingRoutes(typed, deps);
  registerCareEpisodeRoutes(typed, deps);
  registerDocumentRoutes(typed, deps);
  registerServiceCatalogueRoutes(typed, deps);
  registerCasePlanRoutes(typed, deps);
  registerServiceDecisionRoutes(typed, deps);
  registerServiceAgreementRoutes(typed, deps);
  registerEmergencyContactRoutes(typed, deps);
  registerBenchmarkRoutes(typed, deps);
  registerReviewRoutes(typed, deps);
  registerClosureRoutes(typed, deps);
  registerFollowUpRoutes(typed, deps);
  registerApprovalRoutes(typed, deps);
  registerSupervisionRoutes(typed, deps);
  registerDeadlineRuleRoutes(typed, deps);
  registerCaseTeamRoutes(typed, deps);
  registerCaseNoteRoutes(typed, deps);
  registerHomeVisitRoutes(typed, deps);
  registerDeliveredServiceRoutes(typed, deps);
  registerPlanReportRoutes(typed, deps);
  registerProviderRoutes(typed, deps);
  registerInstitutionRoutes(typed, deps);
  registerIndicatorRoutes(typed, deps);
  registerPanelRoutes(typed, deps);
  registerConsentRoutes(typed, deps);
  registerReferralRoutes(typed, deps);
  registerReunificationRoutes(typed, deps);
  registerCaregiverRoutes(typed, deps);
  registerDashboardRoutes(typed, deps);
  registerDhis2Routes(typed, deps);
  registerWorkforceRoutes(typed, deps);
  registerCommunityPlanningRoutes(typed, deps);
  registerOblastPlanRoutes(typed, deps);

  if (serveWeb) {
    // Hashed assets are immutable; index.html is revalidated so a new build is picked up at once.
    // Precompressed .br/.gz copies are written by the Vite build (slow connections: UX "fast on 4G").
    await app.register(fastifyStatic, {
      root: deps.config.webDir,
      prefix: '/',
      wildcard: true,
      preCompressed: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.header('Cache-Control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
