import type { z } from 'zod';
import type { benchmarkConfigView, benchmarkRecordRequest, benchmarkRecordView, benchmarksList, childBenchmarkInput } from '#contracts/benchmarks.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The configured well-being domains and scale. */
export type BenchmarkConfig = z.infer<typeof benchmarkConfigView>;
/** One record of scores. */
export type BenchmarkRecord = z.infer<typeof benchmarkRecordView>;
/** A case's records with the chart series. */
export type BenchmarksList = z.infer<typeof benchmarksList>;
/** One child's scores as sent (also inside reviews and closure requests). */
export type ChildBenchmarks = z.input<typeof childBenchmarkInput>;
/** A baseline or interim record as sent. */
export type BenchmarkRecordBody = z.input<typeof benchmarkRecordRequest>;

const casePath = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/benchmarks`;

/** GET /api/v1/benchmark-config */
export function fetchBenchmarkConfig(): Promise<BenchmarkConfig> {
  return apiRequest<BenchmarkConfig>('/api/v1/benchmark-config');
}

/** GET /api/v1/cases/{id}/benchmarks — records in date order with the series per child and domain. */
export function fetchBenchmarks(caseId: string): Promise<BenchmarksList> {
  return apiRequest<BenchmarksList>(casePath(caseId));
}

/** POST /api/v1/cases/{id}/benchmarks — a baseline (once per child) or an interim review record. */
export function postBenchmarks(caseId: string, body: BenchmarkRecordBody): Promise<BenchmarkRecord> {
  return apiRequest<BenchmarkRecord>(casePath(caseId), { method: 'POST', body });
}
