import type { IndicatorDefinitionView, IndicatorTable, IndicatorValueRequest, IndicatorValueView } from '#contracts/indicators.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

export type { IndicatorDefinitionView, IndicatorTable, IndicatorValueView };

/** GET /api/v1/indicators */
export function fetchIndicatorCatalogue(): Promise<{ items: IndicatorDefinitionView[] }> {
  return apiRequest('/api/v1/indicators');
}

/** The parameters of a table. */
export type TableParams = { code: string; territoryId: string | null; period: string; disaggregation: string };

/** GET /api/v1/indicators/{code}/table */
export function fetchIndicatorTable(p: TableParams): Promise<IndicatorTable> {
  return apiRequest(`/api/v1/indicators/${encodeURIComponent(p.code)}/table`, { query: { period: p.period, disaggregation: p.disaggregation, territoryId: p.territoryId ?? undefined } });
}

/** GET /api/v1/indicators/{code}/values */
export function fetchIndicatorValues(code: string, territoryId: string | null, period: string): Promise<{ items: IndicatorValueView[] }> {
  return apiRequest(`/api/v1/indicators/${encodeURIComponent(code)}/values`, { query: { period, territoryId: territoryId ?? undefined } });
}

/** PUT /api/v1/indicators/{code}/values */
export function putIndicatorValue(code: string, body: Partial<IndicatorValueRequest> & Pick<IndicatorValueRequest, 'period' | 'numerator' | 'source'>): Promise<IndicatorValueView> {
  return apiRequest(`/api/v1/indicators/${encodeURIComponent(code)}/values`, { method: 'PUT', body });
}
