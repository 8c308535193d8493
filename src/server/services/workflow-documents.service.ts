import { DomainError } from '#domain/errors.ts';
import type { Deps, RequestActor } from '../lib/context.ts';
import { userNamesById } from '../db/repositories/safety-tracing.repository.ts';
import { resultsReportDocument } from '../documents/results-report.document.ts';
import { safetyAssessmentDocument } from '../documents/safety-assessment.document.ts';
import { supportPlanDocument } from '../documents/support-plan.document.ts';
import { benchmarkConfig, listBenchmarks } from './benchmarks.service.ts';
import { getPlan, listPlans } from './case-plans.service.ts';
import { getCase } from './cases.service.ts';
import { listClosureRequests } from './closure.service.ts';
import { deliver, type RenderedDocument } from './documents.service.ts';
import { listSafetyAssessments } from './safety-assessments.service.ts';
import { listServiceCatalogue } from './service-catalogue.service.ts';

// The statutory forms of the workflow after intake (SPEC §12): each reads through the services the API uses, so the
// case policy (404 out of scope) and their read audits apply unchanged; `deliver` adds the audit row of the document.

async function serviceNames(deps: Deps): Promise<Map<string, string>> {
  const { items } = await listServiceCatalogue(deps, {});
  return new Map(items.map((s) => [s.code, s.nameUk]));
}

/**
 * The child safety-assessment act (Resolution 585 Annex 10) as PDF: the given act of the case, or its latest one;
 * a draft prints marked as a draft. 404 when the case has no such act.
 */
export async function safetyAssessmentPdf(deps: Deps, actor: RequestActor, caseId: string, assessmentId?: string): Promise<RenderedDocument> {
  const detail = await getCase(deps, actor, caseId);
  const { items } = await listSafetyAssessments(deps, actor, caseId);
  const act = assessmentId ? items.find((a) => a.id === assessmentId) : items[0];
  if (!act) throw new DomainError('not_found', 'The case has no such safety assessment');
  const doc = safetyAssessmentDocument({ caseInfo: detail, act, generatedAt: deps.now() });
  return deliver(deps, actor, caseId, 'safety_assessment', detail.number, doc, { assessmentId: act.id });
}

/**
 * The social support plan (Order 1005) as PDF: the given version, or else the latest version agreed with the family,
 * or else the latest draft (marked as a draft). 404 when the case has no plan.
 */
export async function supportPlanPdf(deps: Deps, actor: RequestActor, caseId: string, planId?: string): Promise<RenderedDocument> {
  const detail = await getCase(deps, actor, caseId);
  let id = planId;
  if (!id) {
    const { items } = await listPlans(deps, actor, caseId);
    id = (items.find((p) => p.status === 'agreed') ?? items.find((p) => p.status === 'draft') ?? items[0])?.id;
    if (!id) throw new DomainError('not_found', 'The case has no social support plan');
  }
  const plan = await getPlan(deps, actor, caseId, id);
  const userIds = plan.goals.flatMap((g) => g.measures.flatMap((m) => (m.responsible?.userId ? [m.responsible.userId] : [])));
  const doc = supportPlanDocument({
    caseInfo: detail,
    plan,
    domainNames: new Map(benchmarkConfig().domains.map((d) => [d.code, d.nameUk])),
    serviceNames: await serviceNames(deps),
    userNames: await userNamesById(deps.db, userIds),
    generatedAt: deps.now(),
  });
  return deliver(deps, actor, caseId, 'support_plan', detail.number, doc, { planId: plan.id });
}

/**
 * The report on the results of social support (Order 1005) of the case's latest closure request as PDF, with the
 * benchmarks at baseline and at closure; until the supervisor approves it, it prints marked as a draft. 404 without one.
 */
export async function resultsReportPdf(deps: Deps, actor: RequestActor, caseId: string): Promise<RenderedDocument> {
  const detail = await getCase(deps, actor, caseId);
  const closures = await listClosureRequests(deps, actor, caseId);
  const closure = closures.items[0];
  if (!closure) throw new DomainError('not_found', 'The case has no closure request');
  const { items: benchmarks } = await listBenchmarks(deps, actor, caseId);
  const doc = resultsReportDocument({
    caseInfo: detail,
    closure,
    benchmarks,
    config: benchmarkConfig(),
    serviceNames: await serviceNames(deps),
    closedOn: closure.status === 'approved' ? closures.closedOn : null,
    generatedAt: deps.now(),
  });
  return deliver(deps, actor, caseId, 'results_report', detail.number, doc, { closureRequestId: closure.id });
}
