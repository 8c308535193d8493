import { benchmarkConfigView, benchmarkRecordRequest, benchmarkRecordView, benchmarksList } from '#contracts/benchmarks.contract.ts';
import { idParams, problemSchema } from '#contracts/common.contract.ts';
import type { Deps } from '../../lib/context.ts';
import { benchmarkConfig, listBenchmarks, recordBenchmarks } from '../../services/benchmarks.service.ts';
import { requireActor, type App } from '../app.ts';

/** Well-being benchmarks: the configured domains and scale, and a case's records with the chart series (SPEC §2.6). */
export function registerBenchmarkRoutes(app: App, deps: Deps): void {
  const tags = ['benchmarks'];
  app.get('/api/v1/benchmark-config', { schema: { tags, response: { 200: benchmarkConfigView } } }, async () => benchmarkConfig());
  const base = '/api/v1/cases/:id/benchmarks';
  app.get(base, { schema: { tags, params: idParams, response: { 200: benchmarksList, 404: problemSchema } } }, async (req) => listBenchmarks(deps, requireActor(req), req.params.id));
  app.post(base, { schema: { tags, params: idParams, body: benchmarkRecordRequest, response: { 201: benchmarkRecordView, 403: problemSchema, 404: problemSchema, 422: problemSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordBenchmarks(deps, requireActor(req), req.params.id, req.body)),
  );
}
