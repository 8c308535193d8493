import { z } from 'zod';
import { assessmentStatuses } from '#domain/cases/safety-assessment.ts';
import {
  careCapacities,
  familyAssessmentGaps,
  readinessLevels,
  relativeRelations,
  tracingMethods,
  tracingOutcomes,
  verificationMethods,
  willingnessLevels,
} from '#domain/cases/family-tracing.ts';
import { isoDate, pageOf, pageQuery, text, uuid } from './common.contract.ts';
import { personInput, sexes } from './persons.contract.ts';

/** A user named on a record. */
const userRef = z.object({ id: z.string(), name: z.string() });
/** A person named on a record. */
const personRef = z.object({ personId: z.string(), surname: z.string(), givenName: z.string(), patronymic: z.string(), birthDate: z.string(), sex: z.enum(sexes) });

/** POST /api/v1/cases/{id}/tracing-attempts — one search for parents or kin with its outcome (SPEC §2.7). */
export const tracingAttemptRequest = z
  .object({
    /** A person already known to the case (member or relative found). */
    soughtPersonId: uuid.nullable().default(null),
    soughtName: text(300).default(''),
    soughtRelation: text(100).default(''),
    method: z.enum(tracingMethods),
    attemptedOn: isoDate,
    outcome: z.enum(tracingOutcomes),
    notes: text(8000).default(''),
  })
  .refine((a) => a.soughtPersonId !== null || a.soughtName !== '', { message: 'sought_person_or_name', path: ['soughtName'] });

/** A tracing attempt as shown. */
export const tracingAttemptView = z.object({
  id: z.string(),
  caseId: z.string(),
  soughtPerson: personRef.nullable(),
  soughtName: z.string(),
  soughtRelation: z.string(),
  method: z.enum(tracingMethods),
  attemptedOn: isoDate,
  outcome: z.enum(tracingOutcomes),
  notes: z.string(),
  recordedBy: userRef,
  createdAt: z.string(),
});
/** GET /api/v1/cases/{id}/tracing-attempts — newest first. */
export const tracingAttemptsQuery = pageQuery;
/** GET /api/v1/cases/{id}/tracing-attempts */
export const tracingAttemptsPage = pageOf(tracingAttemptView);

/** Verification and assessment of a relative (000 §3.3 item 2). */
const relativeAssessment = z.object({
  relation: z.enum(relativeRelations),
  contact: text(500).default(''),
  verified: z.boolean().default(false),
  verifiedOn: isoDate.nullable().default(null),
  verificationMethod: z.enum(verificationMethods).nullable().default(null),
  willingness: z.enum(willingnessLevels).default('undecided'),
  capacity: z.enum(careCapacities).nullable().default(null),
  assessmentNotes: text(8000).default(''),
});

/** POST /api/v1/cases/{id}/relatives — a relative found: an existing person or a new one. */
export const relativeCreateRequest = relativeAssessment
  .extend({
    personId: uuid.optional(),
    person: personInput.optional(),
    /** The child of the case this is a relative of; may be left out when the case has one child. */
    childPersonId: uuid.optional(),
  })
  .refine((r) => (r.personId ? !r.person : !!r.person), { message: 'person_or_person_id', path: ['person'] });

/** PUT /api/v1/cases/{id}/relatives/{relativeId} */
export const relativeSaveRequest = relativeAssessment.extend({ version: z.number().int().min(1) });

/** Path parameters of one relative. */
export const relativeParams = z.object({ id: uuid, relativeId: uuid });

/** What the user may do with a relative. */
export const relativeActions = ['update'] as const;

/** A relative as shown. */
export const relativeView = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  person: personRef,
  childPersonId: z.string(),
  relation: z.enum(relativeRelations),
  contact: z.string(),
  verified: z.boolean(),
  verifiedOn: isoDate.nullable(),
  verificationMethod: z.enum(verificationMethods).nullable(),
  willingness: z.enum(willingnessLevels),
  capacity: z.enum(careCapacities).nullable(),
  assessmentNotes: z.string(),
  addedBy: userRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(relativeActions)),
});
/** GET /api/v1/cases/{id}/relatives */
export const relativeList = z.object({ items: z.array(relativeView) });

/** The content of a family assessment (000 §3.4). */
export const familyAssessmentContent = z.object({
  riskFactors: text(8000).default(''),
  protectiveFactors: text(8000).default(''),
  strengths: text(8000).default(''),
  siblingsResilience: text(8000).default(''),
  separationView: text(8000).default(''),
  readiness: z.enum(readinessLevels).nullable().default(null),
  readinessNotes: text(4000).default(''),
  capacity: z.enum(careCapacities).nullable().default(null),
  capacityNotes: text(4000).default(''),
  socioEconomic: text(8000).default(''),
  apartFromChild: z.boolean().default(false),
  place: text(500).default(''),
  childViews: text(4000).default(''),
  childViewsNotHeardReason: text(1000).default(''),
});
/** Content of a family assessment. */
export type FamilyAssessmentContent = z.infer<typeof familyAssessmentContent>;

/** POST /api/v1/cases/{id}/family-assessments — start the next round. */
export const familyAssessmentCreateRequest = familyAssessmentContent;
/** PUT /api/v1/cases/{id}/family-assessments/{faId} — save the draft. */
export const familyAssessmentSaveRequest = familyAssessmentContent.extend({ version: z.number().int().min(1) });
/** POST …/{faId}/completion */
export const familyAssessmentCompleteRequest = z.object({ version: z.number().int().min(1) });

/** Path parameters of one family assessment. */
export const familyAssessmentParams = z.object({ id: uuid, faId: uuid });

/** What the user may do with a family assessment. */
export const familyAssessmentActions = ['update', 'complete'] as const;

/** A family assessment as shown. */
export const familyAssessmentView = familyAssessmentContent.extend({
  id: z.string(),
  caseId: z.string(),
  round: z.number().int(),
  version: z.number().int(),
  status: z.enum(assessmentStatuses),
  assessedBy: userRef,
  missing: z.array(z.enum(familyAssessmentGaps)),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(familyAssessmentActions)),
});
/** GET /api/v1/cases/{id}/family-assessments — newest round first. */
export const familyAssessmentList = z.object({ items: z.array(familyAssessmentView) });
