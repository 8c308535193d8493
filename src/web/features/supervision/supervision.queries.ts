import { queryOptions } from '@tanstack/react-query';
import { fetchTeam } from './supervision.api.ts';

/** The supervisor's team view. */
export const teamQuery = queryOptions({ queryKey: ['supervision', 'team'], queryFn: fetchTeam, staleTime: 30_000 });
