import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { problemSchema } from '#contracts/common.contract.ts';
import { councilReportQuery, dashboardMap, dashboardMapQuery, dashboardQuery, dashboardView, indicatorExportQuery } from '#contracts/dashboards.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { councilReportPdf, getDashboard, getDashboardMap } from '../../services/dashboards.service.ts';
import { exportIndicatorTable } from '../../services/indicator-exports.service.ts';
import { requireActor, type App } from '../app.ts';

const fileResponse = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().meta({ format: 'binary', description }) } } });

/** Dashboards, indicator exports and the quarterly council report (SPEC §10.4); figures and access come from the indicator engine. */
export function registerDashboardRoutes(app: App, deps: Deps): void {
  const tags = ['dashboards'];
  const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
  app.get('/api/v1/dashboards', { schema: { tags, summary: 'Key indicator tiles of a territory for a quarter', querystring: dashboardQuery, response: { 200: dashboardView, ...errors } } }, async (req) => getDashboard(deps, requireActor(req), req.query));
  app.get('/api/v1/dashboards/map', { schema: { tags, summary: 'Schematic map: child units coloured by an indicator', querystring: dashboardMapQuery, response: { 200: dashboardMap, ...errors } } }, async (req) => getDashboardMap(deps, requireActor(req), req.query));
  app.get(
    '/api/v1/indicator-exports',
    {
      schema: {
        tags,
        summary: 'An indicator table as CSV or XLSX (small cells suppressed for anyone outside the territory’s own staff)',
        querystring: indicatorExportQuery,
        response: { 200: { description: 'CSV or XLSX', content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors },
      },
    },
    async (req, reply) => {
      const { code, format, ...query } = req.query;
      const file = await exportIndicatorTable(deps, requireActor(req), code, query, format, req.userLocale);
      return (reply as FastifyReply).type(file.contentType).header('Content-Disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );
  app.get(
    '/api/v1/council-reports/quarterly.pdf',
    { schema: { tags, summary: 'Quarterly council report (PDF, Ukrainian, published figures)', querystring: councilReportQuery, response: { 200: fileResponse('application/pdf', 'PDF file'), ...errors } } },
    async (req, reply) => {
      const doc = await councilReportPdf(deps, requireActor(req), req.query);
      return (reply as FastifyReply).type('application/pdf').header('Content-Disposition', `inline; filename="${doc.filename}"`).send(doc.pdf);
    },
  );
}
