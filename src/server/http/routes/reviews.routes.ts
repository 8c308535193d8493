import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { reviewRequest, reviewsList, reviewView } from '#contracts/reviews.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { listReviews, recordReview } from '../../services/reviews.service.ts';
import { requireActor, type App } from '../app.ts';

/** Case reviews and case conferences (SPEC §2.13). */
export function registerReviewRoutes(app: App, deps: Deps): void {
  const base = '/api/v1/cases/:id/reviews';
  const tags = ['reviews'];
  app.get(base, { schema: { tags, params: idParams, response: { 200: reviewsList, 404: problemSchema } } }, async (req) => listReviews(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: reviewRequest, response: { 201: reviewView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordReview(deps, requireActor(req), req.params.id, req.body)),
  );
}
