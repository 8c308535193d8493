import { queryOptions } from '@tanstack/react-query';
import { fetchClosure, fetchFollowUps, fetchReviews } from './closure.api.ts';

// Keys under the case's key: invalidating `caseQuery(id).queryKey` refreshes them too.
const key = (caseId: string, part: string) => ['cases', 'detail', caseId, part] as const;

export const reviewsQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'reviews'), queryFn: () => fetchReviews(caseId), staleTime: 10_000 });
export const closureQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'closure'), queryFn: () => fetchClosure(caseId), staleTime: 10_000 });
export const followUpsQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'follow-ups'), queryFn: () => fetchFollowUps(caseId), staleTime: 10_000 });
