import { queryOptions } from '@tanstack/react-query';
import { fetchCaregiver, fetchCaregivers, fetchMatching, type CaregiverFilters } from './caregivers.api.ts';

/** The register with filters. */
export const caregiversQuery = (filters: CaregiverFilters) => queryOptions({ queryKey: ['caregivers', 'list', filters], queryFn: () => fetchCaregivers(filters), staleTime: 15_000 });
/** One caregiver. */
export const caregiverQuery = (id: string) => queryOptions({ queryKey: ['caregivers', 'detail', id], queryFn: () => fetchCaregiver(id), staleTime: 10_000 });
/** Ranked candidates for a child of a case. */
export const matchingQuery = (caseId: string, childId: string) => queryOptions({ queryKey: ['caregivers', 'matching', caseId, childId], queryFn: () => fetchMatching(caseId, childId), staleTime: 5_000 });
