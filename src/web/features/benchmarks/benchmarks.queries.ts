import { queryOptions } from '@tanstack/react-query';
import { fetchBenchmarkConfig, fetchBenchmarks } from './benchmarks.api.ts';

/** The domain set and scale: configuration, rarely changes. */
export const benchmarkConfigQuery = queryOptions({
  queryKey: ['benchmark-config'],
  queryFn: fetchBenchmarkConfig,
  staleTime: 10 * 60_000,
});

/** A case's benchmark records and chart series. */
export const benchmarksQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', caseId, 'benchmarks'],
    queryFn: () => fetchBenchmarks(caseId),
    staleTime: 10_000,
  });
