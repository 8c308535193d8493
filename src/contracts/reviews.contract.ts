import { z } from 'zod';
import { goalAchievements, reviewDecisions, reviewKinds } from '#domain/cases/review.ts';
import { childBenchmarkInput } from './benchmarks.contract.ts';
import { isoDate, text, uuid } from './common.contract.ts';

const named = z.object({ id: z.string(), name: z.string() });

/** Someone who took part in a review or case conference. */
export const reviewParticipant = z.object({ name: text(300).min(1), role: text(300).default(''), organisation: text(300).default('') });

/** A goal of the agreed plan judged, by its stable key. */
export const goalResultInput = z.object({ goalKey: uuid, achievement: z.enum(goalAchievements), comment: text(2000).default('') });

/** POST /api/v1/cases/{id}/reviews — a periodic review or a case conference (SPEC §2.13). */
export const reviewRequest = z.object({
  kind: z.enum(reviewKinds),
  heldOn: isoDate,
  participants: z.array(reviewParticipant).max(50).default([]),
  childPresent: z.boolean().default(false),
  familyPresent: z.boolean().default(false),
  childViews: text().default(''),
  childViewsNotHeardReason: text(1000).default(''),
  goalResults: z.array(goalResultInput).max(60),
  /** Benchmarks re-scored at the review, one entry per child (required for a periodic review). */
  benchmarks: z.array(childBenchmarkInput).max(30).default([]),
  decision: z.enum(reviewDecisions),
  decisionNotes: text().default(''),
  /** Exit/permanency planning for a child in temporary care. */
  permanencyPlanning: text().default(''),
});
/** A review as sent. */
export type ReviewRequest = z.infer<typeof reviewRequest>;

/** A goal's judgement with the goal as the plan states it. */
export const goalResultView = z.object({ goalKey: z.string(), domain: z.string(), goal: z.string(), achievement: z.enum(goalAchievements), comment: z.string() });

/** One review. */
export const reviewView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(reviewKinds),
  heldOn: isoDate,
  participants: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string() })),
  childPresent: z.boolean(),
  familyPresent: z.boolean(),
  childViews: z.string(),
  childViewsNotHeardReason: z.string(),
  plan: z.object({ id: z.string(), versionNo: z.number().int() }),
  goalResults: z.array(goalResultView),
  benchmarkRecordIds: z.array(z.string()),
  decision: z.enum(reviewDecisions),
  decisionNotes: z.string(),
  permanencyPlanning: z.string(),
  nextReviewDue: isoDate,
  nextReviewRule: z.enum(['review_complex', 'review_other']),
  recordedBy: named,
  version: z.number().int(),
  createdAt: z.string(),
});
/** One review. */
export type ReviewView = z.infer<typeof reviewView>;

/** GET /api/v1/cases/{id}/reviews — newest first, with the next review's due date. */
export const reviewsList = z.object({ items: z.array(reviewView), nextReviewDue: isoDate.nullable(), allowedActions: z.array(z.enum(['record'])) });
