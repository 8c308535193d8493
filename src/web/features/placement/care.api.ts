import type { z } from 'zod';
import type { careEpisodeCreated, careEpisodeCreateRequest, careEpisodeEndRequest, careEpisodeList, careEpisodeView } from '#contracts/care-episodes.contract.ts';
import type { episodeInstitutionRequest, institutionsPage } from '#contracts/institutions.contract.ts';
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

/** An institution of the register, as the placement form offers it. */
export type RegisterInstitution = z.infer<typeof institutionsPage>['items'][number];

/** GET /api/v1/institutions?hromadaId=&q= — institutions of the register whose name contains `q` (at most 20). */
export function searchInstitutions(filters: { hromadaId?: string | undefined; q?: string | undefined }): Promise<z.infer<typeof institutionsPage>> {
  return apiRequest('/api/v1/institutions', { query: { ...filters, limit: 20 } });
}
/** PUT /api/v1/care-episodes/{id}/institution — links an institutional episode to the institution of the register. */
export function linkEpisodeInstitution(episodeId: string, body: z.input<typeof episodeInstitutionRequest>): Promise<{ episodeId: string; institutionId: string | null; version: number }> {
  return apiRequest(`/api/v1/care-episodes/${encodeURIComponent(episodeId)}/institution`, { method: 'PUT', body });
}
