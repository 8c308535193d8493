import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchApprovals, fetchBenchmarkConfig, fetchBenchmarks, fetchClosureRequests, type ApprovalsFilter } from './approvals.api.ts';

/** Every approvals list shares this prefix: invalidate it after a decision. */
export const approvalsKey = ['approvals'] as const;

/** A list of approvals, page by page. */
export const approvalsQuery = (filter: ApprovalsFilter) =>
  infiniteQueryOptions({
    queryKey: [...approvalsKey, filter.scope, filter.status],
    queryFn: ({ pageParam }) => fetchApprovals(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 15_000,
  });

/** How many requests wait for the supervisor (up to 200; more is shown as "200+"). */
export const pendingCountQuery = queryOptions({
  queryKey: [...approvalsKey, 'queue', 'pending', 'count'],
  queryFn: async () => {
    const page = await fetchApprovals({ scope: 'queue', status: 'pending' }, undefined, 200);
    return { count: page.items.length, more: page.nextCursor !== null };
  },
  staleTime: 30_000,
});

/** The closure requests of a case (for the closure approval panel). */
export const closureRequestsQuery = (caseId: string) => queryOptions({ queryKey: ['cases', 'detail', caseId, 'closure-requests'], queryFn: () => fetchClosureRequests(caseId), staleTime: 10_000 });

/** The benchmark records of a case. */
export const caseBenchmarksQuery = (caseId: string) => queryOptions({ queryKey: ['cases', 'detail', caseId, 'benchmarks'], queryFn: () => fetchBenchmarks(caseId), staleTime: 10_000 });

/** Benchmark domains and scale (configuration). */
export const benchmarkConfigQuery = queryOptions({ queryKey: ['benchmark-config'], queryFn: fetchBenchmarkConfig, staleTime: 10 * 60_000 });
