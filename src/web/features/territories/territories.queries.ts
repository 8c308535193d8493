import { queryOptions } from '@tanstack/react-query';
import { fetchAssignees, fetchHromadas } from './territories.api.ts';

/** Hromadas the user may work in. */
export const hromadasQuery = queryOptions({ queryKey: ['territories', 'hromada'], queryFn: fetchHromadas, staleTime: 10 * 60_000 });

/** Case managers of a hromada. */
export const assigneesQuery = (hromadaId: string) =>
  queryOptions({ queryKey: ['assignees', hromadaId], queryFn: () => fetchAssignees(hromadaId), staleTime: 5 * 60_000 });
