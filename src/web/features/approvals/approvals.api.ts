import type { z } from 'zod';
import type { approvalDecisionRequest, approvalsPage, approvalView } from '#contracts/approvals.contract.ts';
import type { benchmarkConfigView, benchmarksList } from '#contracts/benchmarks.contract.ts';
import type { closureRequestsList } from '#contracts/closure.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One approval request. */
export type Approval = z.infer<typeof approvalView>;
/** A page of approvals. */
export type ApprovalsPage = z.infer<typeof approvalsPage>;
/** A decision as sent. */
export type ApprovalDecision = z.input<typeof approvalDecisionRequest>;
/** Closure requests of a case. */
export type ClosureRequests = z.infer<typeof closureRequestsList>;
/** Benchmark records of a case. */
export type BenchmarksList = z.infer<typeof benchmarksList>;
/** Benchmark domains and scale. */
export type BenchmarkConfig = z.infer<typeof benchmarkConfigView>;
/** Which approvals to list. */
export type ApprovalsFilter = { scope: 'queue' | 'mine'; status: 'pending' | 'approved' | 'returned' | 'all' };

/** GET /api/v1/approvals — the supervisor's queue (`queue`) or the user's own requests (`mine`). */
export function fetchApprovals(filter: ApprovalsFilter, cursor?: string, limit = 50): Promise<ApprovalsPage> {
  return apiRequest<ApprovalsPage>('/api/v1/approvals', { query: { scope: filter.scope, status: filter.status, limit, cursor } });
}

/** POST /api/v1/approvals/{id}/decision */
export function postDecision(id: string, body: ApprovalDecision): Promise<Approval> {
  return apiRequest<Approval>(`/api/v1/approvals/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
}

/** GET /api/v1/cases/{id}/closure-requests */
export function fetchClosureRequests(caseId: string): Promise<ClosureRequests> {
  return apiRequest<ClosureRequests>(`/api/v1/cases/${encodeURIComponent(caseId)}/closure-requests`);
}

/** GET /api/v1/cases/{id}/benchmarks */
export function fetchBenchmarks(caseId: string): Promise<BenchmarksList> {
  return apiRequest<BenchmarksList>(`/api/v1/cases/${encodeURIComponent(caseId)}/benchmarks`);
}

/** GET /api/v1/benchmark-config */
export function fetchBenchmarkConfig(): Promise<BenchmarkConfig> {
  return apiRequest<BenchmarkConfig>('/api/v1/benchmark-config');
}
