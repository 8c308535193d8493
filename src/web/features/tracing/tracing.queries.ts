import { queryOptions } from '@tanstack/react-query';
import { fetchFamilyAssessments, fetchRelatives, fetchTracingAttempts } from './tracing.api.ts';

/** Tracing attempts of a case (first page of 50, newest first). */
export const tracingAttemptsQuery = (caseId: string) => queryOptions({ queryKey: ['tracing', caseId, 'attempts'], queryFn: () => fetchTracingAttempts(caseId), staleTime: 10_000 });
/** Relatives found for a case. */
export const relativesQuery = (caseId: string) => queryOptions({ queryKey: ['tracing', caseId, 'relatives'], queryFn: () => fetchRelatives(caseId), staleTime: 10_000 });
/** Family assessments of a case, newest round first. */
export const familyAssessmentsQuery = (caseId: string) => queryOptions({ queryKey: ['tracing', caseId, 'family-assessments'], queryFn: () => fetchFamilyAssessments(caseId), staleTime: 10_000 });
