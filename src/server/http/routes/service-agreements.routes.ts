import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { agreementRequest, agreementsList, agreementView } from '#contracts/service-decisions.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listAgreements, signAgreement } from '../../services/service-decisions.service.ts';
import { requireActor, type App } from '../app.ts';

/** Agreements (contracts) between recipient and provider, including the agreed plan (Law "On Social Services" art. 22). */
export function registerServiceAgreementRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/agreements';
  app.get(base, { schema: { tags: ['service-agreements'], params: idParams, response: { 200: agreementsList, 404: problemSchema } } }, async (req) => listAgreements(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags: ['service-agreements'], params: idParams, body: agreementRequest, response: { 201: agreementView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await signAgreement(deps, requireActor(req), req.params.id, req.body)),
  );
}
