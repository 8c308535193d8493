import { z } from 'zod';
import { measureTypes, planStatuses, responsibleKinds } from '#domain/cases/case-plan.ts';
import { isoDate, text, uuid } from './common.contract.ts';

/** Who carries out a measure. */
export const planResponsible = z.object({
  kind: z.enum(responsibleKinds),
  /** A family member: a person of the case. */
  personId: uuid.nullable().default(null),
  /** A specialist who uses the system. */
  userId: uuid.nullable().default(null),
  /** An agency or organisation, or a specialist by name. */
  name: text(300).default(''),
});

/** A measure as written; `key` is kept across versions (omit it for a new measure). */
export const planMeasureInput = z.object({
  key: uuid.optional(),
  action: text(2000).default(''),
  measureType: z.enum(measureTypes),
  responsible: planResponsible.nullable().default(null),
  deadline: isoDate.nullable().default(null),
  expectedResult: text(2000).default(''),
  serviceCode: z.string().trim().max(100).nullable().default(null),
});

/** A goal in a well-being domain; `key` is kept across versions (omit it for a new goal). */
export const planGoalInput = z.object({
  key: uuid.optional(),
  domain: z.string().trim().min(1).max(100),
  text: text(2000).default(''),
  measures: z.array(planMeasureInput).max(50).default([]),
});

/** PUT /api/v1/cases/{id}/plans/{planId} — saves a draft version. */
export const planSaveRequest = z.object({
  version: z.number().int().min(1),
  childViews: text().default(''),
  childViewsNotHeardReason: text(1000).default(''),
  familyParticipation: text().default(''),
  familyConferenceHeld: z.boolean().default(false),
  familyConferenceDate: isoDate.nullable().default(null),
  goals: z.array(planGoalInput).max(30),
});
/** A draft as sent. */
export type PlanSaveRequest = z.infer<typeof planSaveRequest>;

/** POST /api/v1/cases/{id}/plans/{planId}/agreement — the family agrees the plan and signs it. */
export const planAgreementRequest = z.object({
  version: z.number().int().min(1),
  agreedOn: isoDate,
  /** Who signed for the family, as written on the form. */
  signedBy: text(300).default(''),
});

/** Path parameters of one plan. */
export const planParams = z.object({ id: uuid, planId: uuid });

const measureView = z.object({
  key: z.string(),
  action: z.string(),
  measureType: z.enum(measureTypes),
  responsible: z.object({ kind: z.enum(responsibleKinds), personId: z.string().nullable(), userId: z.string().nullable(), name: z.string() }).nullable(),
  deadline: isoDate.nullable(),
  expectedResult: z.string(),
  serviceCode: z.string().nullable(),
});
const goalView = z.object({ key: z.string(), domain: z.string(), text: z.string(), measures: z.array(measureView) });
const planGap = z.object({ path: z.string(), goalKey: z.string().optional(), measureKey: z.string().optional() });

/** What the user may do with a plan version. */
export const planActions = ['edit', 'agree', 'revise', 'request_approval'] as const;

/** The latest request to the supervisor to approve this version (issue item 11), or null when never asked. */
export const planApprovalView = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'returned']),
  requestedAt: z.string(),
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  /** The supervisor's comment, e.g. what to change when returned. */
  comment: z.string(),
});

/** GET /api/v1/cases/{id}/plans/{planId} — one version of the social support plan (Order 1005). */
export const planView = z.object({
  id: z.string(),
  caseId: z.string(),
  versionNo: z.number().int(),
  status: z.enum(planStatuses),
  version: z.number().int(),
  copiedFromId: z.string().nullable(),
  childViews: z.string(),
  childViewsNotHeardReason: z.string(),
  familyParticipation: z.string(),
  familyConferenceHeld: z.boolean(),
  familyConferenceDate: isoDate.nullable(),
  agreement: z.object({
    agreed: z.boolean(),
    agreedOn: isoDate.nullable(),
    signedBy: z.string(),
    agreedAt: z.string().nullable(),
    recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  goals: z.array(goalView),
  /** For a draft: what must still be filled before the family can agree it (the agreement itself aside). */
  missing: z.array(planGap),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  approval: planApprovalView.nullable(),
  allowedActions: z.array(z.enum(planActions)),
});
/** One plan version. */
export type PlanView = z.infer<typeof planView>;

/** One row of the list of versions. */
export const planSummary = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  status: z.enum(planStatuses),
  goalCount: z.number().int(),
  measureCount: z.number().int(),
  agreedOn: isoDate.nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
/** GET /api/v1/cases/{id}/plans — every version, newest first. */
export const plansList = z.object({ items: z.array(planSummary), allowedActions: z.array(z.enum(['create'])) });

/** GET /api/v1/cases/{id}/plans/compare?from=&to= — version numbers. */
export const planCompareQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

const goalSnapshot = z.object({ key: z.string(), domain: z.string(), text: z.string() });
const measureSnapshot = measureView.extend({ goalKey: z.string() });
const changedOf = <T extends z.ZodTypeAny>(item: T) => z.object({ key: z.string(), fields: z.array(z.string()), before: item, after: item });
const versionRef = z.object({ id: z.string(), versionNo: z.number().int(), status: z.enum(planStatuses) });

/** The differences between two versions: plan fields, goals and measures added, removed, changed. */
export const planComparison = z.object({
  from: versionRef,
  to: versionRef,
  fields: z.array(z.string()),
  goals: z.object({ added: z.array(goalSnapshot), removed: z.array(goalSnapshot), changed: z.array(changedOf(goalSnapshot)) }),
  measures: z.object({ added: z.array(measureSnapshot), removed: z.array(measureSnapshot), changed: z.array(changedOf(measureSnapshot)) }),
});
