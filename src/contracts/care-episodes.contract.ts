import { z } from 'zod';
import { careTypes, institutionSubordinations, institutionTypes } from '#domain/cases/care-episodes.ts';
import { isoDate, text, uuid } from './common.contract.ts';

/** POST /api/v1/cases/{id}/care-episodes — a care arrangement of a child of the case begins (SPEC §2.11). */
export const careEpisodeCreateRequest = z.object({
  personId: uuid,
  careType: z.enum(careTypes),
  institutionType: z.enum(institutionTypes).nullable().default(null),
  institutionSubordination: z.enum(institutionSubordinations).nullable().default(null),
  institutionName: text(500).default(''),
  startDate: isoDate,
  /** Given only when recording a past episode. */
  endDate: isoDate.nullable().default(null),
  reason: text(4000).default(''),
  decidingAuthority: text(500).default(''),
  decisionNumber: text(100).default(''),
  decisionDate: isoDate.nullable().default(null),
});

/** POST /api/v1/cases/{id}/care-episodes/{episodeId}/end */
export const careEpisodeEndRequest = z.object({ version: z.number().int().min(1), endDate: isoDate, endReason: text(4000).default('') });

/** Path parameters of one episode under its case. */
export const careEpisodeParams = z.object({ id: uuid, episodeId: uuid });
/** Path parameters of a person. */
export const personParams = z.object({ personId: uuid });
/** GET /api/v1/persons/{personId}/care-episodes — the case through which the person is seen. */
export const careEpisodesQuery = z.object({ caseId: uuid });

/** What the user may do with an episode. */
export const careEpisodeActions = ['end'] as const;

/** One care episode. */
export const careEpisodeView = z.object({
  id: z.string(),
  personId: z.string(),
  version: z.number().int(),
  careType: z.enum(careTypes),
  familyBased: z.boolean(),
  institutionType: z.enum(institutionTypes).nullable(),
  institutionSubordination: z.enum(institutionSubordinations).nullable(),
  institutionName: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  reason: z.string(),
  endReason: z.string(),
  decidingAuthority: z.string(),
  decisionNumber: z.string(),
  decisionDate: isoDate.nullable(),
  caseId: z.string().nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(careEpisodeActions)),
});
/** One care episode. */
export type CareEpisodeView = z.infer<typeof careEpisodeView>;

/** GET /api/v1/persons/{personId}/care-episodes — the child's history, oldest first. */
export const careEpisodeList = z.object({ items: z.array(careEpisodeView) });

/** POST /api/v1/cases/{id}/care-episodes answer: the new episode and the one it ended, if any. */
export const careEpisodeCreated = z.object({ episode: careEpisodeView, ended: careEpisodeView.nullable() });
