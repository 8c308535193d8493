import type { z } from 'zod';
import type { caseDetail, caseSummary, casesPage, deadlineView, timelineEvent, transitionRequest } from '#contracts/cases.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One row of the worklist. */
export type CaseSummary = z.infer<typeof caseSummary>;
/** A page of the worklist. */
export type CasesPage = z.infer<typeof casesPage>;
/** The case page. */
export type CaseDetail = z.infer<typeof caseDetail>;
/** A deadline with its legal source. */
export type Deadline = z.infer<typeof deadlineView>;
/** One event of the timeline. */
export type TimelineEvent = z.infer<typeof timelineEvent>;
/** A move between steps. */
export type TransitionRequest = z.input<typeof transitionRequest>;

/** GET /api/v1/cases — my open cases, overdue first then by next deadline (server order). */
export function fetchCases(params: { cursor?: string | undefined; limit?: number }): Promise<CasesPage> {
  return apiRequest<CasesPage>('/api/v1/cases', { query: { status: 'open', limit: params.limit ?? 50, cursor: params.cursor } });
}

/** GET /api/v1/cases/{id} */
export function fetchCase(id: string): Promise<CaseDetail> {
  return apiRequest<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
}

/** POST /api/v1/cases/{id}/transitions */
export function postTransition(id: string, body: TransitionRequest): Promise<unknown> {
  return apiRequest<unknown>(`/api/v1/cases/${encodeURIComponent(id)}/transitions`, { method: 'POST', body });
}
