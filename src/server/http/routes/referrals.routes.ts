import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  caseReferralsQuery,
  referralCreateRequest,
  referralParams,
  referralsPage,
  referralsQuery,
  referralTransitionRequest,
  referralUpdateRequest,
  referralView,
  unmetNeedQuery,
  unmetNeedReport as unmetNeedReportSchema,
} from '#contracts/referrals.contract.ts';
import { z } from 'zod';
import type { Deps } from '../../lib/context.ts';
import { createReferral, getReferral, listCaseReferrals, listReferrals, transitionReferral, updateReferral } from '../../services/referrals.service.ts';
import { unmetNeedReport } from '../../services/unmet-need.service.ts';
import { requireActor, type App } from '../app.ts';

/** Referrals to providers (SPEC §4.3) and the unmet need they reveal (§8). */
export function registerReferralRoutes(app: App, deps: Deps): void {
  const tags = ['referrals'];
  const caseList = referralsPage.extend({ allowedActions: z.array(z.enum(['create'])) });
  app.get('/api/v1/cases/:id/referrals', { schema: { tags, params: idParams, querystring: caseReferralsQuery, response: { 200: caseList, 400: problemSchema, 404: problemSchema } } }, async (req) =>
    listCaseReferrals(deps, requireActor(req), req.params.id, req.query),
  );
  app.post('/api/v1/cases/:id/referrals', { schema: { tags, params: idParams, body: referralCreateRequest, response: { 201: referralView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await createReferral(deps, requireActor(req), req.params.id, req.body)),
  );
  app.get('/api/v1/referrals', { schema: { tags, querystring: referralsQuery, response: { 200: referralsPage, 400: problemSchema } } }, async (req) => listReferrals(deps, requireActor(req), req.query));
  app.get('/api/v1/referrals/:id', { schema: { tags, params: referralParams, response: { 200: referralView, 404: problemSchema } } }, async (req) => getReferral(deps, requireActor(req), req.params.id));
  app.put('/api/v1/referrals/:id', { schema: { tags, params: referralParams, body: referralUpdateRequest, response: { 200: referralView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    updateReferral(deps, requireActor(req), req.params.id, req.body),
  );
  app.post('/api/v1/referrals/:id/transitions', { schema: { tags, params: referralParams, body: referralTransitionRequest, response: { 200: referralView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    transitionReferral(deps, requireActor(req), req.params.id, req.body),
  );
  app.get('/api/v1/unmet-need', { schema: { tags, querystring: unmetNeedQuery, response: { 200: unmetNeedReportSchema, 403: problemSchema, 422: problemSchema } } }, async (req) => unmetNeedReport(deps, requireActor(req), req.query));
}
