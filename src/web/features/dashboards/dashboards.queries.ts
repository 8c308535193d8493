import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Disaggregation } from '#domain/indicators/dimensions.ts';
import { fetchCatalogue, fetchDashboard, fetchDashboardMap, fetchDhis2Mappings, fetchDhis2Pushes, fetchIndicatorTable, fetchIndicatorTrend, type DashboardScope } from './dashboards.api.ts';

/** A dashboard. */
export const dashboardQuery = (scope: DashboardScope) => queryOptions({ queryKey: ['dashboards', 'view', scope], queryFn: () => fetchDashboard(scope), staleTime: 60_000, placeholderData: keepPreviousData });
/** The map. */
export const dashboardMapQuery = (q: { territoryId?: string | undefined; period: string; code: string }) =>
  queryOptions({ queryKey: ['dashboards', 'map', q], queryFn: () => fetchDashboardMap(q), staleTime: 60_000, placeholderData: keepPreviousData });
/** The indicator catalogue. */
export const catalogueQuery = queryOptions({ queryKey: ['indicators', 'catalogue'], queryFn: fetchCatalogue, staleTime: 10 * 60_000 });
/** One indicator table. */
export const indicatorTableQuery = (code: string, q: { territoryId?: string | undefined; period: string; disaggregation: Disaggregation }) =>
  queryOptions({ queryKey: ['indicators', 'table', code, q], queryFn: () => fetchIndicatorTable(code, q), staleTime: 60_000, placeholderData: keepPreviousData });
/** One trend. */
export const indicatorTrendQuery = (code: string, q: { territoryId?: string | undefined; period: string; quarters: number }) =>
  queryOptions({ queryKey: ['indicators', 'trend', code, q], queryFn: () => fetchIndicatorTrend(code, q), staleTime: 60_000, placeholderData: keepPreviousData });
/** DHIS2 mappings. */
export const dhis2MappingsQuery = queryOptions({ queryKey: ['dhis2', 'mappings'], queryFn: fetchDhis2Mappings });
/** DHIS2 pushes. */
export const dhis2PushesQuery = queryOptions({ queryKey: ['dhis2', 'pushes'], queryFn: fetchDhis2Pushes });
