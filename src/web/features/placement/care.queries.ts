import { queryOptions } from '@tanstack/react-query';
import { fetchCareEpisodes, fetchPreparationActivities } from './care.api.ts';

/** A child's care-arrangement history seen through a case. */
export const careEpisodesQuery = (personId: string, caseId: string) =>
  queryOptions({ queryKey: ['care-episodes', caseId, personId], queryFn: () => fetchCareEpisodes(personId, caseId), staleTime: 10_000 });
/** Preparation activities of a case. */
export const preparationQuery = (caseId: string) => queryOptions({ queryKey: ['preparation', caseId], queryFn: () => fetchPreparationActivities(caseId), staleTime: 10_000 });
