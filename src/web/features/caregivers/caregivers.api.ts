import type { z } from 'zod';
import type { caregiverCreateRequest, caregiversList, caregiverUpdateRequest, caregiverView, matchingView, placementRequest, placementView, stageMoveRequest, supportEventRequest } from '#contracts/caregivers.contract.ts';
import type { CaregiverStage, CaregiverType } from '#domain/caregivers/caregivers.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A caregiver with its history (SPEC §5). */
export type Caregiver = z.infer<typeof caregiverView>;
/** A row of the register. */
export type CaregiverRow = z.infer<typeof caregiversList>['items'][number];
/** Matching result for a child. */
export type Matching = z.infer<typeof matchingView>;
/** Filters of the register. */
export type CaregiverFilters = { caregiverType?: CaregiverType | undefined; stage?: CaregiverStage | undefined; hromadaId?: string | undefined };

/** GET /api/v1/caregivers */
export function fetchCaregivers(filters: CaregiverFilters): Promise<z.infer<typeof caregiversList>> {
  return apiRequest('/api/v1/caregivers', { query: filters });
}
/** GET /api/v1/caregivers/{id} */
export function fetchCaregiver(id: string): Promise<Caregiver> {
  return apiRequest(`/api/v1/caregivers/${encodeURIComponent(id)}`);
}
/** POST /api/v1/caregivers */
export function createCaregiver(body: z.input<typeof caregiverCreateRequest>): Promise<Caregiver> {
  return apiRequest('/api/v1/caregivers', { method: 'POST', body });
}
/** PUT /api/v1/caregivers/{id} */
export function updateCaregiver(id: string, body: z.input<typeof caregiverUpdateRequest>): Promise<Caregiver> {
  return apiRequest(`/api/v1/caregivers/${encodeURIComponent(id)}`, { method: 'PUT', body });
}
/** POST /api/v1/caregivers/{id}/stage-moves */
export function moveStage(id: string, body: z.input<typeof stageMoveRequest>): Promise<Caregiver> {
  return apiRequest(`/api/v1/caregivers/${encodeURIComponent(id)}/stage-moves`, { method: 'POST', body });
}
/** POST /api/v1/caregivers/{id}/support-events */
export function addSupportEvent(id: string, body: z.input<typeof supportEventRequest>): Promise<Caregiver> {
  return apiRequest(`/api/v1/caregivers/${encodeURIComponent(id)}/support-events`, { method: 'POST', body });
}
/** GET /api/v1/cases/{id}/matching?childId= */
export function fetchMatching(caseId: string, childId: string): Promise<Matching> {
  return apiRequest(`/api/v1/cases/${encodeURIComponent(caseId)}/matching`, { query: { childId } });
}
/** POST /api/v1/cases/{id}/matching/placement */
export function placeWithCaregiver(caseId: string, body: z.input<typeof placementRequest>): Promise<z.infer<typeof placementView>> {
  return apiRequest(`/api/v1/cases/${encodeURIComponent(caseId)}/matching/placement`, { method: 'POST', body });
}
