import { z } from 'zod';
import { reportCriteria } from '#domain/cases/closure.ts';
import { followUpOutcomes, followUpSelections, followUpStatuses } from '#domain/cases/follow-up.ts';
import { childBenchmarkInput } from './benchmarks.contract.ts';
import { isoDate, text, uuid } from './common.contract.ts';
import { goalResultInput, goalResultView } from './reviews.contract.ts';

const named = z.object({ id: z.string(), name: z.string() });
const criterion = z.object({ met: z.boolean(), note: text(2000).default('') });
const closureStatuses = ['pending', 'approved', 'returned'] as const;

/** The Order 1005 "report on results of social support": services provided, status at start and end per criterion, recommendations. */
export const closureReport = z.object({
  servicesProvided: z.array(z.object({ serviceCode: z.string().trim().max(100).nullable().default(null), description: text(2000).default('') })).max(60),
  statusByCriterion: z.array(z.object({ criterion: z.enum(reportCriteria), atStart: text(4000), atEnd: text(4000), note: text(2000).default('') })).max(reportCriteria.length),
  recommendations: text(8000),
});
/** The results report. */
export type ClosureReportInput = z.infer<typeof closureReport>;

/** POST /api/v1/cases/{id}/closure-requests — proposes closure to the supervisor (SPEC §2.14). */
export const closureRequestBody = z.object({
  criteria: z.object({ goalsMet: criterion, benchmarksAtThreshold: criterion, safeStableCare: criterion, supportInPlace: criterion }),
  childViews: text().default(''),
  childViewsNotHeardReason: text(1000).default(''),
  familyViews: text().default(''),
  /** The final judgement of every goal of the agreed plan. */
  goalResults: z.array(goalResultInput).max(60),
  /** Closure benchmarks, one entry per child of the case. */
  benchmarks: z.array(childBenchmarkInput).max(30),
  report: closureReport,
});
/** A closure request as sent. */
export type ClosureRequestBody = z.infer<typeof closureRequestBody>;

/** One closure request with its decision. */
export const closureRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  plan: z.object({ id: z.string(), versionNo: z.number().int() }),
  criteria: z.object({
    goalsMet: z.object({ met: z.boolean(), note: z.string() }),
    benchmarksAtThreshold: z.object({ met: z.boolean(), note: z.string() }),
    safeStableCare: z.object({ met: z.boolean(), note: z.string() }),
    supportInPlace: z.object({ met: z.boolean(), note: z.string() }),
  }),
  childViews: z.string(),
  childViewsNotHeardReason: z.string(),
  familyViews: z.string(),
  goalResults: z.array(goalResultView),
  benchmarkRecordIds: z.array(z.string()),
  report: closureReport,
  status: z.enum(closureStatuses),
  requestedBy: named,
  requestedAt: z.string(),
  decidedBy: named.nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
  approvalId: z.string().nullable(),
  version: z.number().int(),
});
/** One closure request. */
export type ClosureRequestView = z.infer<typeof closureRequestView>;

/** One reopening of the case. */
export const reopeningView = z.object({
  id: z.string(),
  caseId: z.string(),
  reopenedOn: isoDate,
  reason: z.string(),
  previousClosedOn: isoDate,
  followUpVisitId: z.string().nullable(),
  reopenedBy: named,
});

/** GET /api/v1/cases/{id}/closure-requests — newest first, with reopenings and the domains still below the threshold. */
export const closureRequestsList = z.object({
  items: z.array(closureRequestView),
  reopenings: z.array(reopeningView),
  closedOn: isoDate.nullable(),
  /** From each child's latest benchmark record: domains below the closure threshold (all domains when none is recorded). */
  belowThreshold: z.array(z.object({ childPersonId: z.string(), domains: z.array(z.string()) })),
  allowedActions: z.array(z.enum(['request', 'reopen'])),
});

/** POST /api/v1/cases/{id}/reopening — reopens a closed case; its history stays. */
export const reopeningRequest = z.object({ reason: text(4000).min(1) });

/** The reopening with the case's new state. */
export const reopeningResult = z.object({ reopening: reopeningView, case: z.object({ status: z.enum(['open', 'closed']), step: z.string(), version: z.number().int() }) });

/** One post-closure follow-up visit (SPEC §2.14). */
export const followUpView = z.object({
  id: z.string(),
  caseId: z.string(),
  closureRequestId: z.string().nullable(),
  dueDate: isoDate,
  selection: z.enum(followUpSelections),
  status: z.enum(followUpStatuses),
  doneOn: isoDate.nullable(),
  doneBy: named.nullable(),
  outcome: z.enum(followUpOutcomes).nullable(),
  notes: z.string(),
  cancelledOn: isoDate.nullable(),
  scheduledBy: named,
  version: z.number().int(),
  createdAt: z.string(),
});
/** One follow-up visit. */
export type FollowUpView = z.infer<typeof followUpView>;

/** GET /api/v1/cases/{id}/follow-ups — in due-date order. */
export const followUpsList = z.object({ items: z.array(followUpView), allowedActions: z.array(z.enum(['schedule', 'record'])) });

/** POST /api/v1/cases/{id}/follow-ups — an extra visit on a closed case. */
export const followUpScheduleRequest = z.object({ dueDate: isoDate });

/** PUT /api/v1/cases/{id}/follow-ups/{visitId} — records the visit; `case_reopened` reopens the case with the notes as the reason. */
export const followUpRecordRequest = z.object({
  version: z.number().int().min(1),
  doneOn: isoDate,
  outcome: z.enum(followUpOutcomes),
  notes: text(8000).default(''),
});
/** A visit record as sent. */
export type FollowUpRecordRequest = z.infer<typeof followUpRecordRequest>;

/** Path parameters of one follow-up visit. */
export const followUpParams = z.object({ id: uuid, visitId: uuid });
