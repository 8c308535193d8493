import { queryOptions } from '@tanstack/react-query';
import { fetchBenchmarkConfig, fetchPlan, fetchPlans, fetchServiceCatalogue } from './plans.api.ts';

/** The versions of a case's plan. */
export const plansQuery = (caseId: string) => queryOptions({ queryKey: ['plans', caseId, 'list'], queryFn: () => fetchPlans(caseId), staleTime: 10_000 });

/** One version; not refetched behind the user's back while they edit. */
export const planQuery = (caseId: string, planId: string) =>
  queryOptions({ queryKey: ['plans', caseId, 'version', planId], queryFn: () => fetchPlan(caseId, planId), staleTime: Infinity, gcTime: 0 });

/** Well-being domains (configuration, rarely changes). */
export const benchmarkConfigQuery = queryOptions({ queryKey: ['benchmark-config'], queryFn: fetchBenchmarkConfig, staleTime: 60 * 60_000 });

/** The service catalogue (configuration, rarely changes). */
export const serviceCatalogueQuery = queryOptions({ queryKey: ['service-catalogue', 'all'], queryFn: fetchServiceCatalogue, staleTime: 60 * 60_000 });
