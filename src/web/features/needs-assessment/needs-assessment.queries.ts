import { queryOptions } from '@tanstack/react-query';
import { fetchNeedsAssessment } from './needs-assessment.api.ts';

/** The act of a case; not refetched behind the user's back while they edit. */
export const needsAssessmentQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['needs-assessment', caseId],
    queryFn: () => fetchNeedsAssessment(caseId),
    staleTime: Infinity,
    gcTime: 0,
  });
