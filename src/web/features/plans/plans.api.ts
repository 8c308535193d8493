import type { z } from 'zod';
import type { planComparison, planSaveRequest, plansList, planView } from '#contracts/case-plans.contract.ts';
import type { approvalView } from '#contracts/approvals.contract.ts';
import type { benchmarkConfigView } from '#contracts/benchmarks.contract.ts';
import type { serviceCatalogueList } from '#contracts/service-catalogue.contract.ts';
import { apiRequest } from '../../ui/api-client.ts';

/** One plan version as the API returns it. */
export type PlanView = z.infer<typeof planView>;
/** The list of versions. */
export type PlansList = z.infer<typeof plansList>;
/** A draft as sent. */
export type PlanSaveBody = z.input<typeof planSaveRequest>;
/** Differences between two versions. */
export type PlanComparison = z.infer<typeof planComparison>;
/** Well-being domains and scale. */
export type BenchmarkConfig = z.infer<typeof benchmarkConfigView>;
/** The service catalogue. */
export type ServiceCatalogue = z.infer<typeof serviceCatalogueList>;
/** One goal and one measure of a version. */
export type PlanGoalView = PlanView['goals'][number];
export type PlanMeasureView = PlanGoalView['measures'][number];

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/plans`;

/** GET /api/v1/cases/{id}/plans — every version, newest first. */
export function fetchPlans(caseId: string): Promise<PlansList> {
  return apiRequest<PlansList>(base(caseId));
}

/** GET /api/v1/cases/{id}/plans/{planId} */
export function fetchPlan(caseId: string, planId: string): Promise<PlanView> {
  return apiRequest<PlanView>(`${base(caseId)}/${encodeURIComponent(planId)}`);
}

/** POST /api/v1/cases/{id}/plans — a new draft (the first empty, a later one copied from the latest). */
export function createPlanVersion(caseId: string): Promise<PlanView> {
  return apiRequest<PlanView>(base(caseId), { method: 'POST' });
}

/** PUT /api/v1/cases/{id}/plans/{planId} — saves a draft based on `version` (409 when someone saved meanwhile). */
export function savePlanDraft(caseId: string, planId: string, body: PlanSaveBody): Promise<PlanView> {
  return apiRequest<PlanView>(`${base(caseId)}/${encodeURIComponent(planId)}`, { method: 'PUT', body });
}

/** POST …/plans/{planId}/agreement — 422 `plan_incomplete` with `details.missing`. */
export function agreePlan(caseId: string, planId: string, body: { version: number; agreedOn: string; signedBy: string }): Promise<PlanView> {
  return apiRequest<PlanView>(`${base(caseId)}/${encodeURIComponent(planId)}/agreement`, { method: 'POST', body });
}

/** GET …/plans/compare?from=&to= (version numbers). */
export function comparePlans(caseId: string, from: number, to: number): Promise<PlanComparison> {
  return apiRequest<PlanComparison>(`${base(caseId)}/compare`, { query: { from, to } });
}

/** POST /api/v1/approvals — asks the supervisor to approve the agreed version. */
export function requestPlanApproval(caseId: string, planId: string): Promise<z.infer<typeof approvalView>> {
  return apiRequest(`/api/v1/approvals`, { method: 'POST', body: { kind: 'plan', caseId, subjectId: planId } });
}

/** GET /api/v1/benchmark-config — the domains plan goals belong to. */
export function fetchBenchmarkConfig(): Promise<BenchmarkConfig> {
  return apiRequest<BenchmarkConfig>('/api/v1/benchmark-config');
}

/** GET /api/v1/service-catalogue — every service (filtered on the client by name or code). */
export function fetchServiceCatalogue(): Promise<ServiceCatalogue> {
  return apiRequest<ServiceCatalogue>('/api/v1/service-catalogue');
}

/** The printable plan (Order 1005 form) as PDF. */
export function planPdfUrl(caseId: string, planId: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/documents/support-plan.pdf?planId=${encodeURIComponent(planId)}`;
}
