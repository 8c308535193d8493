import { z } from 'zod';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import {
  needsAssessmentCreate,
  needsAssessmentList,
  needsAssessmentsQuery,
  needsAssessmentUpdate,
  needsAssessmentView,
  programmeCreate,
  programmeList,
  programmesQuery,
  programmeUpdate,
  programmeView,
  publicationRequest,
  publicSummary,
  publicSummaryList,
} from '#contracts/community-planning.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { programmeCsv, programmeXlsx, xlsxType } from '../../services/community-export.service.ts';
import { createNeedsAssessment, getNeedsAssessment, getPublicSummary, listNeedsAssessments, listPublishedSummaries, publishNeedsAssessment, updateNeedsAssessment } from '../../services/community-needs.service.ts';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from '../../services/community-programmes.service.ts';
import { requireActor, type App } from '../app.ts';

/** Community planning (SPEC §8): needs assessment, targeted social programme, costing and exports. */
export function registerCommunityPlanningRoutes(app: App, deps: Deps): void {
  const tags = ['community-planning'];
  const read = { 403: problemSchema, 404: problemSchema };
  const write = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
  const na = '/api/v1/community-needs-assessments';
  app.get(na, { schema: { tags, querystring: needsAssessmentsQuery, response: { 200: needsAssessmentList, 400: problemSchema, ...read } } }, async (req) => listNeedsAssessments(deps, requireActor(req), req.query));
  app.post(na, { schema: { tags, body: needsAssessmentCreate, response: { 201: needsAssessmentView, ...write } } }, async (req, reply) => reply.code(201).send(await createNeedsAssessment(deps, requireActor(req), req.body)));
  app.get(`${na}/:id`, { schema: { tags, params: idParams, response: { 200: needsAssessmentView, ...read } } }, async (req) => getNeedsAssessment(deps, requireActor(req), req.params.id));
  app.put(`${na}/:id`, { schema: { tags, params: idParams, body: needsAssessmentUpdate, response: { 200: needsAssessmentView, ...write } } }, async (req) => updateNeedsAssessment(deps, requireActor(req), req.params.id, req.body));
  app.post(`${na}/:id/publication`, { schema: { tags, params: idParams, body: publicationRequest, response: { 200: needsAssessmentView, ...write } } }, async (req) => publishNeedsAssessment(deps, requireActor(req), req.params.id, req.body));
  app.get('/api/v1/community-needs-assessment-summaries', { schema: { tags, response: { 200: publicSummaryList } } }, async (req) => {
    requireActor(req);
    return listPublishedSummaries(deps);
  });
  app.get('/api/v1/community-needs-assessment-summaries/:id', { schema: { tags, params: idParams, response: { 200: publicSummary, ...read } } }, async (req) => {
    requireActor(req);
    return getPublicSummary(deps, req.params.id);
  });

  const pr = '/api/v1/community-programmes';
  app.get(pr, { schema: { tags, querystring: programmesQuery, response: { 200: programmeList, 400: problemSchema, ...read } } }, async (req) => listProgrammes(deps, requireActor(req), req.query));
  app.post(pr, { schema: { tags, body: programmeCreate, response: { 201: programmeView, ...write } } }, async (req, reply) => reply.code(201).send(await createProgramme(deps, requireActor(req), req.body)));
  app.get(`${pr}/:id`, { schema: { tags, params: idParams, response: { 200: programmeView, ...read } } }, async (req) => getProgramme(deps, requireActor(req), req.params.id));
  app.put(`${pr}/:id`, { schema: { tags, params: idParams, body: programmeUpdate, response: { 200: programmeView, ...write } } }, async (req) => updateProgramme(deps, requireActor(req), req.params.id, req.body));
  app.get(`${pr}/:id/export.xlsx`, { schema: { tags, params: idParams, response: { 200: { description: 'The programme and costing as a spreadsheet (Ukrainian)', content: { [xlsxType]: { schema: z.string().meta({ format: 'binary' }) } } }, ...read } } }, async (req, reply) => {
    const file = await programmeXlsx(deps, requireActor(req), req.params.id);
    return reply.type(xlsxType).header('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.buffer as unknown as string); // binary body; the typed reply knows only the schema's string
  });
  app.get(`${pr}/:id/export.csv`, { schema: { tags, params: idParams, response: { 200: { description: 'The programme and costing as CSV (UTF-8)', content: { 'text/csv': { schema: z.string() } } }, ...read } } }, async (req, reply) => {
    const file = await programmeCsv(deps, requireActor(req), req.params.id);
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });
}
