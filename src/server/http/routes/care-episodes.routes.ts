import {
  careEpisodeCreated,
  careEpisodeCreateRequest,
  careEpisodeEndRequest,
  careEpisodeList,
  careEpisodeParams,
  careEpisodesQuery,
  careEpisodeView,
  personParams,
} from '#contracts/care-episodes.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { endCareEpisode, listCareEpisodes, startCareEpisode } from '../../services/care-episodes.service.ts';
import { requireActor, type App } from '../app.ts';

/** A child's care-arrangement history (SPEC §2.11): read through a case, recorded under a case. */
export function registerCareEpisodeRoutes(app: App, deps: Deps): void {
  const tags = ['care-episodes'];
  app.get(
    '/api/v1/persons/:personId/care-episodes',
    { schema: { tags, params: personParams, querystring: careEpisodesQuery, response: { 200: careEpisodeList, 404: problemSchema } } },
    async (req) => listCareEpisodes(deps, requireActor(req), req.params.personId, req.query.caseId),
  );
  app.post(
    '/api/v1/cases/:id/care-episodes',
    { schema: { tags, params: idParams, body: careEpisodeCreateRequest, response: { 201: careEpisodeCreated, 403: problemSchema, 404: problemSchema, 422: problemSchema } } },
    async (req, reply) => reply.code(201).send(await startCareEpisode(deps, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/cases/:id/care-episodes/:episodeId/end',
    { schema: { tags, params: careEpisodeParams, body: careEpisodeEndRequest, response: { 200: careEpisodeView, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema } } },
    async (req) => endCareEpisode(deps, requireActor(req), req.params.id, req.params.episodeId, req.body),
  );
}
