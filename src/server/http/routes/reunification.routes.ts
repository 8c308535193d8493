import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { preparationActivitiesPage, preparationActivitiesQuery, preparationActivityRequest, preparationActivityView } from '#contracts/reunification.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listPreparationActivities, recordPreparationActivity } from '../../services/reunification.service.ts';
import { requireActor, type App } from '../app.ts';

/** Preparation of the child and family for reunification or placement (SPEC §2.10, §2.11). */
export function registerReunificationRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/preparation-activities';
  const tags = ['reunification'];
  app.get(base, { schema: { tags, params: idParams, querystring: preparationActivitiesQuery, response: { 200: preparationActivitiesPage, 400: problemSchema, 404: problemSchema } } }, async (req) =>
    listPreparationActivities(deps, requireActor(req), req.params.id, req.query),
  );
  app.post(base, { schema: { tags, params: idParams, body: preparationActivityRequest, response: { 201: preparationActivityView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordPreparationActivity(deps, requireActor(req), req.params.id, req.body)),
  );
}
