import { problemSchema } from '#contracts/common.contract.ts';
import {
  indicatorCatalogue,
  indicatorCodeParams,
  indicatorTable,
  indicatorTableQuery,
  indicatorTrend,
  indicatorTrendQuery,
  indicatorValueRequest,
  indicatorValues,
  indicatorValuesQuery,
  indicatorValueView,
  situationalAnalysis,
  situationalAnalysisQuery,
} from '#contracts/indicators.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { getIndicatorTable, getIndicatorTrend, listIndicatorCatalogue, listIndicatorValues, putIndicatorValue } from '../../services/indicators.service.ts';
import { getSituationalAnalysis } from '../../services/situational-analysis.service.ts';
import { requireActor, type App } from '../app.ts';

/** M&E indicators and the situational analysis (SPEC §10): aggregates only, by territory scope. */
export function registerIndicatorRoutes(app: App, deps: Deps): void {
  const tags = ['indicators'];
  const readErrors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
  app.get('/api/v1/indicators', { schema: { tags, response: { 200: indicatorCatalogue, 403: problemSchema } } }, async (req) => listIndicatorCatalogue(deps, requireActor(req)));
  app.get('/api/v1/indicators/:code/table', { schema: { tags, params: indicatorCodeParams, querystring: indicatorTableQuery, response: { 200: indicatorTable, ...readErrors } } }, async (req) => getIndicatorTable(deps, requireActor(req), req.params.code, req.query));
  app.get('/api/v1/indicators/:code/trend', { schema: { tags, params: indicatorCodeParams, querystring: indicatorTrendQuery, response: { 200: indicatorTrend, ...readErrors } } }, async (req) => getIndicatorTrend(deps, requireActor(req), req.params.code, req.query));
  app.get('/api/v1/indicators/:code/values', { schema: { tags, params: indicatorCodeParams, querystring: indicatorValuesQuery, response: { 200: indicatorValues, ...readErrors } } }, async (req) => listIndicatorValues(deps, requireActor(req), req.params.code, req.query));
  app.put('/api/v1/indicators/:code/values', { schema: { tags, params: indicatorCodeParams, body: indicatorValueRequest, response: { 200: indicatorValueView, ...readErrors, 409: problemSchema } } }, async (req) => putIndicatorValue(deps, requireActor(req), req.params.code, req.body));
  app.get('/api/v1/situational-analysis', { schema: { tags, querystring: situationalAnalysisQuery, response: { 200: situationalAnalysis, ...readErrors } } }, async (req) => getSituationalAnalysis(deps, requireActor(req), req.query));
}
