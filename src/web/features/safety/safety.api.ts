import type { z } from 'zod';
import type { safetyActionRequest, safetyAssessmentContent, safetyAssessmentList, safetyAssessmentView } from '#contracts/safety-assessments.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** A safety-assessment act as the API returns it. */
export type SafetyAct = z.infer<typeof safetyAssessmentView>;
/** The editable content of an act as sent. */
export type SafetyActContent = z.input<typeof safetyAssessmentContent>;
/** An immediate action as sent. */
export type SafetyActionInput = z.input<typeof safetyActionRequest>;
type SafetyActList = z.infer<typeof safetyAssessmentList>;

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/safety-assessments`;

/** GET …/safety-assessments — the acts of a case, newest first. */
export function fetchSafetyActs(caseId: string): Promise<SafetyActList> {
  return apiRequest<SafetyActList>(base(caseId));
}

/** POST …/safety-assessments — start an act for a child (422 `safety_assessment_draft_exists` when one is open). */
export function startSafetyAct(caseId: string, childPersonId: string, content: SafetyActContent = {}): Promise<SafetyAct> {
  return apiRequest<SafetyAct>(base(caseId), { method: 'POST', body: { ...content, childPersonId } });
}

/** PUT …/safety-assessments/{aid} — save the draft based on `version` (409 when someone saved meanwhile). */
export function saveSafetyAct(caseId: string, actId: string, version: number, content: SafetyActContent): Promise<SafetyAct> {
  return apiRequest<SafetyAct>(`${base(caseId)}/${encodeURIComponent(actId)}`, { method: 'PUT', body: { ...content, version } });
}

/** POST …/{aid}/completion — 422 `safety_assessment_incomplete` with `details.missing`. */
export function completeSafetyAct(caseId: string, actId: string, version: number): Promise<SafetyAct> {
  return apiRequest<SafetyAct>(`${base(caseId)}/${encodeURIComponent(actId)}/completion`, { method: 'POST', body: { version } });
}

/** POST …/{aid}/actions — an immediate action taken, and by whom. */
export function addSafetyAction(caseId: string, actId: string, action: SafetyActionInput): Promise<SafetyAct> {
  return apiRequest<SafetyAct>(`${base(caseId)}/${encodeURIComponent(actId)}/actions`, { method: 'POST', body: action });
}

/** The statutory form as PDF (served by the documents API). */
export function safetyActPdfUrl(caseId: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/documents/safety-assessment.pdf`;
}
