import { queryOptions } from '@tanstack/react-query';
import { fetchSafetyActs } from './safety.api.ts';

/** The safety-assessment acts of a case, newest first. */
export const safetyActsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['safety-acts', caseId],
    queryFn: () => fetchSafetyActs(caseId),
    staleTime: 10_000,
  });
