import type { z } from 'zod';
import type { needsAssessmentView } from '#contracts/needs-assessments.contract.ts';
import type { NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** The act as the API returns it. */
export type NeedsAssessmentView = z.infer<typeof needsAssessmentView>;

const path = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/needs-assessment`;

/** GET /api/v1/cases/{id}/needs-assessment — 404 when the case has none. */
export function fetchNeedsAssessment(caseId: string): Promise<NeedsAssessmentView> {
  return apiRequest<NeedsAssessmentView>(path(caseId));
}

/** PUT /api/v1/cases/{id}/needs-assessment — save a draft based on `version` (409 when someone saved meanwhile). */
export function saveNeedsAssessmentDraft(caseId: string, version: number, content: NeedsAssessmentContent): Promise<NeedsAssessmentView> {
  return apiRequest<NeedsAssessmentView>(path(caseId), { method: 'PUT', body: { version, content } });
}

/** POST /api/v1/cases/{id}/needs-assessment/completion — 422 `needs_assessment_incomplete` with `details.missing`. */
export function completeNeedsAssessment(caseId: string, version: number): Promise<NeedsAssessmentView> {
  return apiRequest<NeedsAssessmentView>(`${path(caseId)}/completion`, { method: 'POST', body: { version } });
}
