import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchCase, fetchCases } from './cases.api.ts';

/** The worklist, loaded page by page with `nextCursor`. */
export const worklistQuery = infiniteQueryOptions({
  queryKey: ['cases', 'list', 'open'],
  queryFn: ({ pageParam }) => fetchCases({ cursor: pageParam, limit: 50 }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  staleTime: 30_000,
});

/** One case. */
export const caseQuery = (id: string) =>
  queryOptions({
    queryKey: ['cases', 'detail', id],
    queryFn: () => fetchCase(id),
    staleTime: 10_000,
  });
