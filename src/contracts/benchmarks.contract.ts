import { z } from 'zod';
import { isoDate, text, uuid } from './common.contract.ts';

const subject = z.enum(['child', 'caregivers']);
const occasion = z.enum(['baseline', 'review', 'closure']);
const named = z.object({ id: z.string(), name: z.string() });

/** GET /api/v1/benchmark-config — the well-being domains and the scale in use (SPEC §2.6; shipped default). */
export const benchmarkConfigView = z.object({
  domains: z.array(z.object({ code: z.string(), subject, nameUk: z.string(), nameEn: z.string() })),
  scale: z.object({
    min: z.number().int(),
    max: z.number().int(),
    closureThreshold: z.number().int(),
    levels: z.array(z.object({ value: z.number().int(), nameUk: z.string(), nameEn: z.string() })),
  }),
});

/** One domain scored: the score on the configured scale, strengths (required) and needs. */
export const benchmarkScoreInput = z.object({
  domain: z.string().trim().min(1).max(100),
  score: z.number().int(),
  strengths: text(2000),
  needs: text(2000).default(''),
});

/** The scores of one child of the case (child domains for the child, caregiver domains for their caregivers). */
export const childBenchmarkInput = z.object({
  childPersonId: uuid,
  scores: z.array(benchmarkScoreInput).max(50),
});
/** One child's scores as sent. */
export type ChildBenchmarkInput = z.infer<typeof childBenchmarkInput>;

/** POST /api/v1/cases/{id}/benchmarks — a baseline (once per child) or an interim review record; closure records come with the closure request. */
export const benchmarkRecordRequest = childBenchmarkInput.extend({
  occasion: z.enum(['baseline', 'review']),
  /** Date the scores were taken; today when omitted. */
  recordedOn: isoDate.optional(),
});
/** A benchmark record as sent. */
export type BenchmarkRecordRequest = z.infer<typeof benchmarkRecordRequest>;

/** One benchmark record. */
export const benchmarkRecordView = z.object({
  id: z.string(),
  caseId: z.string(),
  child: z.object({ personId: z.string(), name: z.string() }),
  occasion,
  recordedOn: isoDate,
  reviewId: z.string().nullable(),
  closureRequestId: z.string().nullable(),
  scores: z.array(z.object({ domain: z.string(), subject, score: z.number().int(), strengths: z.string(), needs: z.string() })),
  /** Domains below the closure threshold in this record. */
  belowThreshold: z.array(z.string()),
  recordedBy: named,
  version: z.number().int(),
  createdAt: z.string(),
});
/** One benchmark record. */
export type BenchmarkRecordView = z.infer<typeof benchmarkRecordView>;

/** Per child and domain, the scores over time — the chart on the case page. */
export const benchmarkSeriesView = z.array(
  z.object({
    child: z.object({ personId: z.string(), name: z.string() }),
    domains: z.array(z.object({ domain: z.string(), points: z.array(z.object({ date: isoDate, occasion, score: z.number().int() })) })),
  }),
);

/** GET /api/v1/cases/{id}/benchmarks — records in date order with the chart series. */
export const benchmarksList = z.object({
  items: z.array(benchmarkRecordView),
  series: benchmarkSeriesView,
  allowedActions: z.array(z.enum(['record'])),
});
