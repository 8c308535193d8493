import { queryOptions } from '@tanstack/react-query';
import { fetchAgreedPlan, fetchAssignees, fetchDeliveredServices, fetchHomeVisits, fetchNotes, fetchPlanReports, fetchServiceCatalogue, fetchTeam } from './implementation.api.ts';

// Keys under the case's key: invalidating `caseQuery(id).queryKey` refreshes them too.
const key = (caseId: string, part: string) => ['cases', 'detail', caseId, part] as const;

export const teamQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'team'), queryFn: () => fetchTeam(caseId), staleTime: 10_000 });
export const notesQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'notes'), queryFn: () => fetchNotes(caseId), staleTime: 10_000 });
export const homeVisitsQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'home-visits'), queryFn: () => fetchHomeVisits(caseId), staleTime: 10_000 });
export const deliveredServicesQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'delivered-services'), queryFn: () => fetchDeliveredServices(caseId), staleTime: 10_000 });
export const planReportsQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'plan-reports'), queryFn: () => fetchPlanReports(caseId), staleTime: 10_000 });
export const agreedPlanQuery = (caseId: string) => queryOptions({ queryKey: key(caseId, 'agreed-plan'), queryFn: () => fetchAgreedPlan(caseId), staleTime: 30_000 });
export const assigneesQuery = (hromadaId: string) => queryOptions({ queryKey: ['assignees', hromadaId], queryFn: () => fetchAssignees(hromadaId), staleTime: 5 * 60_000 });
export const serviceCatalogueQuery = queryOptions({ queryKey: ['service-catalogue', 'active'], queryFn: fetchServiceCatalogue, staleTime: 10 * 60_000 });
