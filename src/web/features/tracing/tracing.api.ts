import type { z } from 'zod';
import type {
  familyAssessmentContent,
  familyAssessmentList,
  familyAssessmentView,
  relativeCreateRequest,
  relativeList,
  relativeSaveRequest,
  relativeView,
  tracingAttemptRequest,
  tracingAttemptView,
  tracingAttemptsPage,
} from '#contracts/family-tracing.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A tracing attempt. */
export type TracingAttempt = z.infer<typeof tracingAttemptView>;
/** A tracing attempt as sent. */
export type TracingAttemptInput = z.input<typeof tracingAttemptRequest>;
/** A relative found. */
export type Relative = z.infer<typeof relativeView>;
/** A new relative as sent. */
export type RelativeCreateInput = z.input<typeof relativeCreateRequest>;
/** A relative's update as sent. */
export type RelativeSaveInput = z.input<typeof relativeSaveRequest>;
/** A family assessment. */
export type FamilyAssessment = z.infer<typeof familyAssessmentView>;
/** The content of a family assessment. */
export type FamilyAssessmentContent = z.infer<typeof familyAssessmentContent>;

const cases = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

/** GET …/tracing-attempts — newest first. */
export function fetchTracingAttempts(caseId: string, cursor?: string): Promise<z.infer<typeof tracingAttemptsPage>> {
  return apiRequest(`${cases(caseId)}/tracing-attempts`, { query: { limit: 50, cursor } });
}
/** POST …/tracing-attempts */
export function recordTracingAttempt(caseId: string, body: TracingAttemptInput): Promise<TracingAttempt> {
  return apiRequest(`${cases(caseId)}/tracing-attempts`, { method: 'POST', body });
}
/** GET …/relatives */
export function fetchRelatives(caseId: string): Promise<z.infer<typeof relativeList>> {
  return apiRequest(`${cases(caseId)}/relatives`);
}
/** POST …/relatives */
export function addRelative(caseId: string, body: RelativeCreateInput): Promise<Relative> {
  return apiRequest(`${cases(caseId)}/relatives`, { method: 'POST', body });
}
/** PUT …/relatives/{rid} — based on `version`. */
export function saveRelative(caseId: string, relativeId: string, body: RelativeSaveInput): Promise<Relative> {
  return apiRequest(`${cases(caseId)}/relatives/${encodeURIComponent(relativeId)}`, { method: 'PUT', body });
}
/** GET …/family-assessments — newest round first. */
export function fetchFamilyAssessments(caseId: string): Promise<z.infer<typeof familyAssessmentList>> {
  return apiRequest(`${cases(caseId)}/family-assessments`);
}
/** POST …/family-assessments — start the next round. */
export function startFamilyAssessment(caseId: string, content: Partial<FamilyAssessmentContent> = {}): Promise<FamilyAssessment> {
  return apiRequest(`${cases(caseId)}/family-assessments`, { method: 'POST', body: content });
}
/** PUT …/family-assessments/{faId} */
export function saveFamilyAssessment(caseId: string, faId: string, version: number, content: FamilyAssessmentContent): Promise<FamilyAssessment> {
  return apiRequest(`${cases(caseId)}/family-assessments/${encodeURIComponent(faId)}`, { method: 'PUT', body: { ...content, version } });
}
/** POST …/family-assessments/{faId}/completion — 422 `family_assessment_incomplete` with `details.missing`. */
export function completeFamilyAssessment(caseId: string, faId: string, version: number): Promise<FamilyAssessment> {
  return apiRequest(`${cases(caseId)}/family-assessments/${encodeURIComponent(faId)}/completion`, { method: 'POST', body: { version } });
}
