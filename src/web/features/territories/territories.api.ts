import type { z } from 'zod';
import type { assigneesResponse, assigneeView, territoriesResponse, territoryView } from '#contracts/territories.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A unit of the territory tree. */
export type Territory = z.infer<typeof territoryView>;
/** A case manager one may assign. */
export type Assignee = z.infer<typeof assigneeView>;

/** GET /api/v1/territories?level=hromada — only the hromadas the user may use. */
export async function fetchHromadas(): Promise<Territory[]> {
  const res = await apiRequest<z.infer<typeof territoriesResponse>>('/api/v1/territories', { query: { level: 'hromada' } });
  return res.items;
}

/** GET /api/v1/assignees?hromadaId= — case managers of the hromada's Centre of Social Services. */
export async function fetchAssignees(hromadaId: string): Promise<Assignee[]> {
  const res = await apiRequest<z.infer<typeof assigneesResponse>>('/api/v1/assignees', { query: { hromadaId } });
  return res.items;
}
