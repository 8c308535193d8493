import { z } from 'zod';
import {
  assessmentStatuses,
  caregiverKinds,
  childCareStatuses,
  identityDocumentTypes,
  safetyActionTypes,
  safetyAssessmentGaps,
  safetyLevels,
  safetyParticipants,
  type CaregiverEntry,
} from '#domain/cases/safety-assessment.ts';
import { isoInstant, text, uuid } from './common.contract.ts';

/** Path parameters of one safety assessment under its case. */
export const safetyAssessmentParams = z.object({ id: uuid, assessmentId: uuid });

/** A parent, legal representative, person actually caring for the child or relative, as listed in the act (Annex 10). */
export const caregiverEntry = z.object({
  kind: z.enum(caregiverKinds),
  name: text(300).min(1),
  relation: text(100).default(''),
  contact: text(300).default(''),
  present: z.boolean().default(false),
}) satisfies z.ZodType<CaregiverEntry, unknown>;

/** The editable content of the act (everything but the child, fixed at creation). */
export const safetyAssessmentContent = z.object({
  childStatus: z.enum(childCareStatuses).default('with_parents'),
  documentType: z.enum(identityDocumentTypes).nullable().default(null),
  documentNumber: text(100).default(''),
  contacts: text(1000).default(''),
  caregivers: z.array(caregiverEntry).max(30).default([]),
  level: z.enum(safetyLevels).nullable().default(null),
  threats: text(8000).default(''),
  participants: z.array(z.enum(safetyParticipants)).max(safetyParticipants.length).default([]),
  /** When the assessment was made; the moment of creation by default. */
  assessedAt: isoInstant.optional(),
});
/** Content of the act. */
export type SafetyAssessmentContent = z.infer<typeof safetyAssessmentContent>;

/** POST /api/v1/cases/{id}/safety-assessments — start an act for a child of the case. */
export const safetyAssessmentCreateRequest = safetyAssessmentContent.extend({ childPersonId: uuid });
/** PUT /api/v1/cases/{id}/safety-assessments/{assessmentId} — save the draft. */
export const safetyAssessmentSaveRequest = safetyAssessmentContent.extend({ version: z.number().int().min(1) });
/** POST …/{assessmentId}/completion */
export const safetyAssessmentCompleteRequest = z.object({ version: z.number().int().min(1) });

/** POST …/{assessmentId}/actions — an immediate action taken, and by whom (Resolution 585 §9–11). */
export const safetyActionRequest = z
  .object({
    actionType: z.enum(safetyActionTypes),
    description: text(4000).default(''),
    takenAt: isoInstant,
    takenByName: text(300).min(1),
    takenByOrganisation: text(300).default(''),
    takenByUserId: uuid.nullable().default(null),
  })
  .refine((a) => a.actionType !== 'other' || a.description !== '', { message: 'description_required', path: ['description'] });

/** An immediate action as shown. */
export const safetyActionView = z.object({
  id: z.string(),
  actionType: z.enum(safetyActionTypes),
  description: z.string(),
  takenAt: z.string(),
  takenByName: z.string(),
  takenByOrganisation: z.string(),
  takenByUserId: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});

/** What the user may do with an act. */
export const safetyAssessmentActions = ['update', 'complete', 'add_action'] as const;

/** A safety assessment act with its actions. */
export const safetyAssessmentView = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  status: z.enum(assessmentStatuses),
  child: z.object({ personId: z.string(), surname: z.string(), givenName: z.string(), patronymic: z.string(), birthDate: z.string(), sex: z.enum(['female', 'male']) }),
  childStatus: z.enum(childCareStatuses),
  documentType: z.enum(identityDocumentTypes).nullable(),
  documentNumber: z.string(),
  contacts: z.string(),
  caregivers: z.array(caregiverEntry),
  level: z.enum(safetyLevels).nullable(),
  threats: z.string(),
  participants: z.array(z.enum(safetyParticipants)),
  assessedAt: z.string(),
  assessedBy: z.object({ id: z.string(), name: z.string() }),
  actions: z.array(safetyActionView),
  /** What completion still needs. */
  missing: z.array(z.enum(safetyAssessmentGaps)),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(safetyAssessmentActions)),
});
/** A safety assessment act. */
export type SafetyAssessmentView = z.infer<typeof safetyAssessmentView>;

/** GET /api/v1/cases/{id}/safety-assessments — the acts of a case, newest first. */
export const safetyAssessmentList = z.object({ items: z.array(safetyAssessmentView) });
