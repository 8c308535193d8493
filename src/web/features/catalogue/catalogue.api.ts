import type { z } from 'zod';
import type { serviceCatalogueList, serviceUpdateRequest, serviceView } from '#contracts/service-catalogue.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One service of the catalogue (SPEC §4.1). */
export type CatalogueService = z.infer<typeof serviceView>;
/** The administrator's edit of a service. */
export type ServiceUpdateBody = z.input<typeof serviceUpdateRequest>;

/** GET /api/v1/service-catalogue — active services, or every service with `includeInactive`. */
export async function fetchCatalogue(includeInactive = false): Promise<CatalogueService[]> {
  const res = await apiRequest<z.infer<typeof serviceCatalogueList>>('/api/v1/service-catalogue', { query: includeInactive ? { includeInactive: 'true' } : {} });
  return res.items;
}

/** PUT /api/v1/service-catalogue/{code} — the system administrator edits a service (409 on a stale version). */
export function updateService(code: string, body: ServiceUpdateBody): Promise<CatalogueService> {
  return apiRequest<CatalogueService>(`/api/v1/service-catalogue/${encodeURIComponent(code)}`, { method: 'PUT', body });
}
