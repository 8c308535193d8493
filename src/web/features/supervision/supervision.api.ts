import type { z } from 'zod';
import type { teamDeadlineItem, teamView, teamWorker } from '#contracts/supervision.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The supervisor's team. */
export type Team = z.infer<typeof teamView>;
/** One case manager of the team. */
export type TeamWorker = z.infer<typeof teamWorker>;
/** One deadline of the team view. */
export type TeamDeadline = z.infer<typeof teamDeadlineItem>;

/** GET /api/v1/supervision/team */
export function fetchTeam(): Promise<Team> {
  return apiRequest<Team>('/api/v1/supervision/team');
}
