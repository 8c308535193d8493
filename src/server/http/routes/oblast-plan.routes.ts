import { z } from 'zod';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import { oblastPlanCreate, oblastPlanList, oblastPlansQuery, oblastPlanUpdate, oblastPlanView } from '#contracts/community-planning.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { oblastPlanXlsx, xlsxType } from '../../services/community-export.service.ts';
import { createOblastPlan, getOblastPlan, listOblastPlans, updateOblastPlan } from '../../services/oblast-plan.service.ts';
import { requireActor, type App } from '../app.ts';

/** The oblast costed implementation plan (SPEC §9). */
export function registerOblastPlanRoutes(app: App, deps: Deps): void {
  const tags = ['oblast-plan'];
  const read = { 403: problemSchema, 404: problemSchema };
  const write = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
  const base = '/api/v1/oblast-plans';
  app.get(base, { schema: { tags, querystring: oblastPlansQuery, response: { 200: oblastPlanList, 400: problemSchema, ...read } } }, async (req) => listOblastPlans(deps, requireActor(req), req.query));
  app.post(base, { schema: { tags, body: oblastPlanCreate, response: { 201: oblastPlanView, ...write } } }, async (req, reply) => reply.code(201).send(await createOblastPlan(deps, requireActor(req), req.body)));
  app.get(`${base}/:id`, { schema: { tags, params: idParams, response: { 200: oblastPlanView, ...read } } }, async (req) => getOblastPlan(deps, requireActor(req), req.params.id));
  app.put(`${base}/:id`, { schema: { tags, params: idParams, body: oblastPlanUpdate, response: { 200: oblastPlanView, ...write } } }, async (req) => updateOblastPlan(deps, requireActor(req), req.params.id, req.body));
  app.get(`${base}/:id/export.xlsx`, { schema: { tags, params: idParams, response: { 200: { description: 'The plan as a spreadsheet (Ukrainian)', content: { [xlsxType]: { schema: z.string().meta({ format: 'binary' }) } } }, ...read } } }, async (req, reply) => {
    const file = await oblastPlanXlsx(deps, requireActor(req), req.params.id);
    return reply.type(xlsxType).header('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.buffer as unknown as string); // binary body
  });
}
