import type { z } from 'zod';
import type { providerCreateRequest, providersPage, providerUpdateRequest, providerView } from '#contracts/providers.contract.ts';
import type { ProviderStatus } from '#domain/services/providers.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One provider of the register (SPEC §4.2). */
export type Provider = z.infer<typeof providerView>;
/** A page of the register. */
export type ProvidersPage = z.infer<typeof providersPage>;
/** A new provider. */
export type ProviderCreateBody = z.input<typeof providerCreateRequest>;
/** A change of a provider. */
export type ProviderUpdateBody = z.input<typeof providerUpdateRequest>;

/** Search filters of the register. */
export type ProviderFilters = { serviceCode?: string | undefined; hromadaId?: string | undefined; q?: string | undefined; status?: ProviderStatus | undefined };

/** GET /api/v1/providers — by service offered, hromada served, name and status; in Ukrainian alphabetical order. */
export function fetchProviders(filters: ProviderFilters, cursor?: string, limit = 50): Promise<ProvidersPage> {
  return apiRequest<ProvidersPage>('/api/v1/providers', { query: { ...filters, cursor, limit } });
}

/** GET /api/v1/providers/{id} */
export function fetchProvider(id: string): Promise<Provider> {
  return apiRequest<Provider>(`/api/v1/providers/${encodeURIComponent(id)}`);
}

/** POST /api/v1/providers */
export function createProvider(body: ProviderCreateBody): Promise<Provider> {
  return apiRequest<Provider>('/api/v1/providers', { method: 'POST', body });
}

/** PUT /api/v1/providers/{id} */
export function updateProvider(id: string, body: ProviderUpdateBody): Promise<Provider> {
  return apiRequest<Provider>(`/api/v1/providers/${encodeURIComponent(id)}`, { method: 'PUT', body });
}
