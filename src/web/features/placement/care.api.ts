import type { z } from 'zod';
import type { careEpisodeCreated, careEpisodeCreateRequest, careEpisodeEndRequest, careEpisodeList, careEpisodeView } from '#contracts/care-episodes.contract.ts';
import type { preparationActivitiesPage, preparationActivityRequest, preparationActivityView } from '#contracts/reunification.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One care episode. */
export type CareEpisode = z.infer<typeof careEpisodeView>;
/** A new episode as sent. */
export type CareEpisodeInput = z.input<typeof careEpisodeCreateRequest>;
/** Ending an episode as sent. */
export type CareEpisodeEndInput = z.input<typeof careEpisodeEndRequest>;
/** A preparation activity. */
export type PreparationActivity = z.infer<typeof preparationActivityView>;
/** A preparation activity as sent. */
export type PreparationActivityInput = z.input<typeof preparationActivityRequest>;

const cases = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

/** GET /api/v1/persons/{pid}/care-episodes?caseId= — the child's history, oldest first. */
export function fetchCareEpisodes(personId: string, caseId: string): Promise<z.infer<typeof careEpisodeList>> {
  return apiRequest(`/api/v1/persons/${encodeURIComponent(personId)}/care-episodes`, { query: { caseId } });
}
/** POST …/care-episodes — the new placement; the answer names the episode it ended, if any. */
export function recordCareEpisode(caseId: string, body: CareEpisodeInput): Promise<z.infer<typeof careEpisodeCreated>> {
  return apiRequest(`${cases(caseId)}/care-episodes`, { method: 'POST', body });
}
/** POST …/care-episodes/{eid}/end */
export function endCareEpisode(caseId: string, episodeId: string, body: CareEpisodeEndInput): Promise<CareEpisode> {
  return apiRequest(`${cases(caseId)}/care-episodes/${encodeURIComponent(episodeId)}/end`, { method: 'POST', body });
}
/** GET …/preparation-activities — newest first. */
export function fetchPreparationActivities(caseId: string): Promise<z.infer<typeof preparationActivitiesPage>> {
  return apiRequest(`${cases(caseId)}/preparation-activities`, { query: { limit: 100 } });
}
/** POST …/preparation-activities */
export function recordPreparationActivity(caseId: string, body: PreparationActivityInput): Promise<PreparationActivity> {
  return apiRequest(`${cases(caseId)}/preparation-activities`, { method: 'POST', body });
}
