import { z } from 'zod';
import { complexities } from '#domain/cases/case-types.ts';
import {
  adultIndicators,
  childIndicators,
  familyAgreements,
  familyIndicators,
  indicatorRatings,
  legalCapacities,
  needsAssessmentSections,
  type NeedsAssessmentContent,
} from '#domain/cases/needs-assessment.ts';
import { isoDate, text, uuid } from './common.contract.ts';

const indicatorEntry = z.object({ rating: z.enum(indicatorRatings).nullable(), note: text(4000).default('') });
const indicatorsOf = <K extends readonly [string, ...string[]]>(keys: K) => z.partialRecord(z.enum(keys), indicatorEntry);

/** The answers of the act, schema version 1 (validated JSONB beside its domain type). */
export const needsAssessmentContentV1 = z.object({
  schemaVersion: z.literal(1),
  members: z.array(z.object({
    personId: uuid,
    disability: z.boolean(),
    legalCapacity: z.enum(legalCapacities).nullable(),
    occupation: text(500).default(''),
    registeredAtResidence: z.boolean().nullable(),
    phone: text(50).default(''),
  })).max(30),
  children: z.array(z.object({
    personId: uuid,
    indicators: indicatorsOf(childIndicators),
    strengths: text(),
    needs: text(),
    childViews: text(),
    childViewsNotHeardReason: text(1000),
  })).max(30),
  adults: z.array(z.object({ personId: uuid, indicators: indicatorsOf(adultIndicators), strengths: text(), needs: text() })).max(30),
  family: z.object({ indicators: indicatorsOf(familyIndicators), strengths: text(), needs: text() }),
  conclusion: z.object({
    complexity: z.enum(complexities).nullable(),
    summary: text(8000),
    otherSpecialists: z.array(z.object({ name: text(200), position: text(200) })).max(20),
    familyAgreement: z.enum(familyAgreements).nullable(),
    familyComment: text(),
    agreementDate: isoDate.nullable(),
  }),
}) satisfies z.ZodType<NeedsAssessmentContent, unknown>;

/** GET /api/v1/cases/{id}/needs-assessment */
export const needsAssessmentView = z.object({
  id: z.string(),
  caseId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'completed']),
  content: needsAssessmentContentV1,
  percent: z.number(),
  missing: z.array(z.object({ section: z.enum(needsAssessmentSections), path: z.string(), personId: z.string().optional() })),
  assessedBy: z.object({ id: z.string(), name: z.string() }),
  dueDate: isoDate,
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});

/** PUT /api/v1/cases/{id}/needs-assessment — save a draft. */
export const needsAssessmentSaveRequest = z.object({ version: z.number().int().min(1), content: needsAssessmentContentV1 });
/** POST /api/v1/cases/{id}/needs-assessment/completion */
export const needsAssessmentCompleteRequest = z.object({ version: z.number().int().min(1) });
