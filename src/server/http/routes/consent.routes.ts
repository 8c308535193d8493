import { consentCreateRequest, consentList, consentParams, consentView, consentWithdrawalRequest } from '#contracts/consent.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listCaseConsents, recordConsent, withdrawConsent } from '../../services/consent.service.ts';
import { requireActor, type App } from '../app.ts';

/** Consents of the family members of a case (SPEC §11): recorded, withdrawn, never deleted. */
export function registerConsentRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/consents';
  const tags = ['consents'];
  app.get(base, { schema: { tags, params: idParams, response: { 200: consentList, 404: problemSchema } } }, async (req) => listCaseConsents(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: consentCreateRequest, response: { 201: consentView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordConsent(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(`${base}/:consentId/withdrawal`, { schema: { tags, params: consentParams, body: consentWithdrawalRequest, response: { 200: consentView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } }, async (req) =>
    withdrawConsent(deps, requireActor(req), req.params.id, req.params.consentId, req.body),
  );
}
