import type { z } from 'zod';
import type { closureRequestBody, closureRequestsList, followUpRecordRequest, followUpsList, reopeningRequest } from '#contracts/closure.contract.ts';
import type { reviewRequest, reviewsList } from '#contracts/reviews.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

export type ReviewsList = z.infer<typeof reviewsList>;
export type ReviewBody = z.input<typeof reviewRequest>;
export type ClosureList = z.infer<typeof closureRequestsList>;
export type ClosureBody = z.input<typeof closureRequestBody>;
export type FollowUpsList = z.infer<typeof followUpsList>;
export type FollowUpRecordBody = z.input<typeof followUpRecordRequest>;
export type ReopeningBody = z.input<typeof reopeningRequest>;

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const fetchReviews = (caseId: string) => apiRequest<ReviewsList>(`${base(caseId)}/reviews`);
export const createReview = (caseId: string, body: ReviewBody) => apiRequest<unknown>(`${base(caseId)}/reviews`, { method: 'POST', body });
export const fetchClosure = (caseId: string) => apiRequest<ClosureList>(`${base(caseId)}/closure-requests`);
export const requestClosure = (caseId: string, body: ClosureBody) => apiRequest<unknown>(`${base(caseId)}/closure-requests`, { method: 'POST', body });
export const reopenCase = (caseId: string, body: ReopeningBody) => apiRequest<unknown>(`${base(caseId)}/reopening`, { method: 'POST', body });
export const fetchFollowUps = (caseId: string) => apiRequest<FollowUpsList>(`${base(caseId)}/follow-ups`);
export const recordFollowUp = (caseId: string, visitId: string, body: FollowUpRecordBody) =>
  apiRequest<unknown>(`${base(caseId)}/follow-ups/${encodeURIComponent(visitId)}`, { method: 'PUT', body });
export const scheduleFollowUp = (caseId: string, dueDate: string) => apiRequest<unknown>(`${base(caseId)}/follow-ups`, { method: 'POST', body: { dueDate } });

/** The results report (Order 1005) as PDF; served by the documents endpoint. */
export const resultsReportPdfUrl = (caseId: string) => `${base(caseId)}/documents/results-report.pdf`;
