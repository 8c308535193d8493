import type { z } from 'zod';
import type { dashboardMap, dashboardView } from '#contracts/dashboards.contract.ts';
import type { dhis2ElementMappingRequest, dhis2Mappings, dhis2OrgUnitMappingRequest, dhis2PushList, dhis2PushRequest, dhis2PushResult } from '#contracts/dhis2.contract.ts';
import type { indicatorCatalogue, indicatorTable, indicatorTrend } from '#contracts/indicators.contract.ts';
import type { Disaggregation } from '#domain/indicators/dimensions.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A territory's dashboard. */
export type Dashboard = z.infer<typeof dashboardView>;
/** The schematic map. */
export type DashboardMapData = z.infer<typeof dashboardMap>;
/** An indicator table. */
export type IndicatorTableData = z.infer<typeof indicatorTable>;
/** A trend. */
export type IndicatorTrendData = z.infer<typeof indicatorTrend>;
/** The catalogue. */
export type IndicatorCatalogueData = z.infer<typeof indicatorCatalogue>;
/** DHIS2 mapping tables. */
export type Dhis2MappingsData = z.infer<typeof dhis2Mappings>;
/** Kept pushes. */
export type Dhis2PushListData = z.infer<typeof dhis2PushList>;
/** A push's answer. */
export type Dhis2PushResultData = z.infer<typeof dhis2PushResult>;

/** Where the dashboard looks. */
export type DashboardScope = { territoryId?: string | undefined; period?: string | undefined };

/** GET /api/v1/dashboards */
export function fetchDashboard(scope: DashboardScope): Promise<Dashboard> {
  return apiRequest('/api/v1/dashboards', { query: scope });
}
/** GET /api/v1/dashboards/map */
export function fetchDashboardMap(q: { territoryId?: string | undefined; period: string; code: string }): Promise<DashboardMapData> {
  return apiRequest('/api/v1/dashboards/map', { query: q });
}
/** GET /api/v1/indicators (the catalogue, owned by the indicator engine). */
export function fetchCatalogue(): Promise<IndicatorCatalogueData> {
  return apiRequest('/api/v1/indicators');
}
/** GET /api/v1/indicators/{code}/table */
export function fetchIndicatorTable(code: string, q: { territoryId?: string | undefined; period: string; disaggregation: Disaggregation }): Promise<IndicatorTableData> {
  return apiRequest(`/api/v1/indicators/${encodeURIComponent(code)}/table`, { query: q });
}
/** GET /api/v1/indicators/{code}/trend */
export function fetchIndicatorTrend(code: string, q: { territoryId?: string | undefined; period: string; quarters: number }): Promise<IndicatorTrendData> {
  return apiRequest(`/api/v1/indicators/${encodeURIComponent(code)}/trend`, { query: q });
}

/** The address of an export of the table (a plain link: the browser downloads it with the session cookie). */
export function exportUrl(code: string, q: { territoryId?: string | undefined; period: string; disaggregation: Disaggregation }, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ code, period: q.period, disaggregation: q.disaggregation, format });
  if (q.territoryId) params.set('territoryId', q.territoryId);
  return `/api/v1/indicator-exports?${params.toString()}`;
}
/** The address of the quarterly council report. */
export function councilReportUrl(q: { territoryId?: string | undefined; period: string }): string {
  const params = new URLSearchParams({ period: q.period });
  if (q.territoryId) params.set('territoryId', q.territoryId);
  return `/api/v1/council-reports/quarterly.pdf?${params.toString()}`;
}

/** GET /api/v1/dhis2/mappings */
export function fetchDhis2Mappings(): Promise<Dhis2MappingsData> {
  return apiRequest('/api/v1/dhis2/mappings');
}
/** POST /api/v1/dhis2/mappings/elements */
export function addElementMapping(body: z.input<typeof dhis2ElementMappingRequest>): Promise<Dhis2MappingsData> {
  return apiRequest('/api/v1/dhis2/mappings/elements', { method: 'POST', body });
}
/** DELETE /api/v1/dhis2/mappings/{kind}/{id} */
export function deleteMapping(kind: 'elements' | 'org-units', id: string, version: number): Promise<Dhis2MappingsData> {
  return apiRequest(`/api/v1/dhis2/mappings/${kind}/${id}`, { method: 'DELETE', query: { version } });
}
/** PUT /api/v1/dhis2/mappings/org-units */
export function putOrgUnit(body: z.input<typeof dhis2OrgUnitMappingRequest>): Promise<Dhis2MappingsData> {
  return apiRequest('/api/v1/dhis2/mappings/org-units', { method: 'PUT', body });
}
/** GET /api/v1/dhis2/pushes */
export function fetchDhis2Pushes(): Promise<Dhis2PushListData> {
  return apiRequest('/api/v1/dhis2/pushes');
}
/** POST /api/v1/dhis2/pushes */
export function pushDhis2(body: z.input<typeof dhis2PushRequest>): Promise<Dhis2PushResultData> {
  return apiRequest('/api/v1/dhis2/pushes', { method: 'POST', body });
}

/** Oblasts, rayons and hromadas for the org-unit mapping (GET /api/v1/territories). */
export async function fetchMappableTerritories(): Promise<Array<{ id: string; level: string; nameUk: string; nameEn: string }>> {
  const res = await apiRequest<{ items: Array<{ id: string; level: string; nameUk: string; nameEn: string }> }>('/api/v1/territories');
  return res.items.filter((t) => t.level !== 'starostat');
}
