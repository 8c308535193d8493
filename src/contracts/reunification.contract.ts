import { z } from 'zod';
import { preparationActivityKinds } from '#domain/cases/reunification.ts';
import { isoDate, pageOf, pageQuery, text, uuid } from './common.contract.ts';

/** POST /api/v1/cases/{id}/preparation-activities — an activity preparing the child and family for reunification or placement (SPEC §2.10). */
export const preparationActivityRequest = z
  .object({
    /** The child prepared; null when the activity concerns the family as a whole. */
    childPersonId: uuid.nullable().default(null),
    activityDate: isoDate,
    kind: z.enum(preparationActivityKinds),
    description: text(4000).default(''),
    conductedBy: text(300).min(1),
    notes: text(8000).default(''),
  })
  .refine((a) => a.kind !== 'other' || a.description !== '', { message: 'description_required', path: ['description'] });
/** A preparation activity as entered. */
export type PreparationActivityRequest = z.infer<typeof preparationActivityRequest>;

/** A preparation activity as shown. */
export const preparationActivityView = z.object({
  id: z.string(),
  caseId: z.string(),
  child: z.object({ personId: z.string(), surname: z.string(), givenName: z.string(), patronymic: z.string() }).nullable(),
  activityDate: isoDate,
  kind: z.enum(preparationActivityKinds),
  description: z.string(),
  conductedBy: z.string(),
  notes: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});
/** A preparation activity. */
export type PreparationActivityView = z.infer<typeof preparationActivityView>;

/** GET /api/v1/cases/{id}/preparation-activities — newest first. */
export const preparationActivitiesQuery = pageQuery;
/** What the user may do with the list. */
export const preparationListActions = ['create'] as const;
/** GET /api/v1/cases/{id}/preparation-activities */
export const preparationActivitiesPage = pageOf(preparationActivityView).extend({ allowedActions: z.array(z.enum(preparationListActions)) });
