import { z } from 'zod';
import { deliveryOptions, overheadKinds } from '#domain/planning/costing.ts';
import { gapReasons, sourceKinds } from '#domain/planning/needs.ts';
import { components, fundingSources, pillars } from '#domain/planning/oblast-plan.ts';
import { indicatorTypes, programmeStatuses, smartCriteria } from '#domain/planning/programme.ts';
import { isoDate, text, uuid } from './common.contract.ts';

/** Community planning (SPEC §8) and the oblast costed implementation plan (SPEC §9): aggregates only, no persons. */

const place = z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() });
const year = z.number().int().min(2000).max(2100);
const count = z.number().int().min(0).max(100_000_000);
const money = z.number().min(0).max(1_000_000_000);
const key = z.string().trim().min(1).max(40);
const serviceCode = z.string().trim().min(1).max(60);
const required = (max: number) => z.string().trim().min(1).max(max);

// ---------- needs assessment ----------

/** An entered administrative figure with its source; `groupKey` names the system group it should match, if any. */
export const enteredFigure = z.object({
  groupKey: z.string().trim().max(100).nullable(),
  label: required(200),
  value: count,
  sourceKind: z.enum(sourceKinds),
  sourceName: required(200),
  sourceDate: isoDate,
  note: text(1000).default(''),
});
/** A survey or focus-group finding with its source. */
export const finding = z.object({ sourceKind: z.enum(sourceKinds), sourceName: required(200), sourceDate: isoDate, finding: required(4000) });

/** POST /api/v1/community-needs-assessments */
export const needsAssessmentCreate = z.object({ hromadaId: uuid, year, title: text(200).default(''), population: count.nullable().default(null), childPopulation: count.nullable().default(null) });
/** PUT /api/v1/community-needs-assessments/{id} */
export const needsAssessmentUpdate = z.object({
  version: z.number().int().min(1),
  title: text(200),
  horizonYear: year,
  population: count.nullable(),
  childPopulation: count.nullable(),
  figures: z.array(enteredFigure).max(200),
  findings: z.array(finding).max(100),
  conclusions: text(8000),
});
/** POST …/{id}/publication */
export const publicationRequest = z.object({ version: z.number().int().min(1) });
/** GET /api/v1/community-needs-assessments */
export const needsAssessmentsQuery = z.object({ hromadaId: uuid.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

const systemCount = z.object({ groupKey: z.string(), count: z.number().int() });
const gap = z.object({ serviceCode: z.string(), nameUk: z.string(), nameEn: z.string(), providers: z.number().int(), capacity: z.number().int().nullable(), demand: z.number().int(), unmet: z.number().int(), reasons: z.array(z.enum(gapReasons)) });

/** One needs assessment in a list. */
export const needsAssessmentSummary = z.object({ id: z.string(), hromada: place, year: z.number().int(), horizonYear: z.number().int(), title: z.string(), publishedOn: isoDate.nullable(), version: z.number().int() });
/** A needs assessment with the system's counts, the comparison, provider mapping and gaps. */
export const needsAssessmentView = needsAssessmentSummary.extend({
  population: z.number().int().nullable(),
  childPopulation: z.number().int().nullable(),
  figures: z.array(enteredFigure),
  findings: z.array(finding),
  conclusions: z.string(),
  systemCounts: z.array(systemCount),
  comparisons: z.array(z.object({ groupKey: z.string(), label: z.string(), systemCount: z.number().int(), entered: z.number().int(), sourceName: z.string(), difference: z.number().int() })),
  providerMap: z.array(z.object({ serviceCode: z.string(), nameUk: z.string(), nameEn: z.string(), providers: z.array(z.object({ nameUk: z.string(), nameEn: z.string(), capacity: z.number().int().nullable() })), capacity: z.number().int().nullable() })),
  gaps: z.array(gap),
  allowedActions: z.array(z.enum(['edit', 'publish'])),
});
/** The view. */
export type NeedsAssessmentView = z.infer<typeof needsAssessmentView>;
/** GET list. */
export const needsAssessmentList = z.object({ items: z.array(needsAssessmentSummary) });

/** The published summary: aggregates, cells of 1–4 suppressed (null). */
export const publicSummary = z.object({
  id: z.string(),
  hromada: place,
  year: z.number().int(),
  horizonYear: z.number().int(),
  title: z.string(),
  publishedOn: isoDate,
  counts: z.array(z.object({ groupKey: z.string(), count: z.number().int().nullable() })),
  figures: z.array(z.object({ label: z.string(), value: z.number().int().nullable(), sourceKind: z.enum(sourceKinds), sourceName: z.string(), sourceDate: isoDate })),
  findings: z.array(finding),
  conclusions: z.string(),
  gaps: z.array(z.object({ serviceCode: z.string(), nameUk: z.string(), nameEn: z.string(), reasons: z.array(z.enum(gapReasons)) })),
});
/** The summary. */
export type PublicSummary = z.infer<typeof publicSummary>;
/** GET /api/v1/community-needs-assessment-summaries */
export const publicSummaryList = z.object({ items: z.array(needsAssessmentSummary) });

// ---------- programme ----------

const period = z.string().regex(/^\d{4}(-Q[1-4])?$/);
export const indicatorInput = z.object({ key, type: z.enum(indicatorTypes), name: required(300), unit: text(50).default(''), baseline: z.number().min(-1e9).max(1e9), target: z.number().min(-1e9).max(1e9), values: z.array(z.object({ period, actual: z.number().min(-1e9).max(1e9) })).max(20).default([]) });
export const measureInput = z.object({ key, title: required(500), serviceCode: serviceCode.nullable().default(null), responsible: text(200).default(''), year: year.nullable().default(null), resources: text(500).default('') });
export const goalInput = z.object({ key, title: required(500), targetGroup: text(300).default(''), rationale: text(2000).default(''), dueYear: year.nullable().default(null), measures: z.array(measureInput).max(30).default([]), indicators: z.array(indicatorInput).max(30).default([]) });
export const staffLineInput = z.object({ position: required(200), monthlyPay: money, monthlyHours: z.number().min(1).max(744), hoursPerUnit: z.number().min(0).max(1000) });
export const quoteInput = z.object({ option: z.enum(deliveryOptions), supplier: text(200).default(''), unitPrice: money });
export const costingInput = z.object({
  key,
  serviceCode,
  staff: z.array(staffLineInput).max(20),
  payrollChargePercent: z.number().min(0).max(100).default(22),
  materialsPerUnit: money.default(0),
  overheadKind: z.enum(overheadKinds).default('percent'),
  overheadValue: money.default(0),
  expectedRecipients: z.number().int().min(0).max(10_000_000),
  unitsPerRecipient: z.number().min(0).max(10_000),
  deliveryOption: z.enum(deliveryOptions).default('own_provision'),
  quotes: z.array(quoteInput).max(10).default([]),
  note: text(1000).default(''),
});
/** Inputs of a goal, a costing. */
export type GoalInput = z.infer<typeof goalInput>;
export type CostingInputBody = z.infer<typeof costingInput>;

/** POST /api/v1/community-programmes */
export const programmeCreate = z.object({ hromadaId: uuid, title: required(300), fromYear: year, toYear: year, population: count.nullable().default(null), needsAssessmentId: uuid.nullable().default(null) });
/** PUT /api/v1/community-programmes/{id} — the whole document. */
export const programmeUpdate = z.object({
  version: z.number().int().min(1),
  title: required(300),
  fromYear: year,
  toYear: year,
  status: z.enum(programmeStatuses),
  population: count.nullable(),
  needsAssessmentId: uuid.nullable(),
  goals: z.array(goalInput).max(30),
  costings: z.array(costingInput).max(50),
});
/** GET /api/v1/community-programmes */
export const programmesQuery = z.object({ hromadaId: uuid.optional() });

const costingResult = z.object({
  staffLines: z.array(z.object({ position: z.string(), hourlyPay: z.number(), costPerUnit: z.number() })),
  staffCostPerUnit: z.number(),
  materialsPerUnit: z.number(),
  overheadPerUnit: z.number(),
  unitCost: z.number(),
  totalUnits: z.number(),
  budget: z.number(),
});
const optionRow = z.object({ option: z.enum(deliveryOptions), supplier: z.string(), unitPrice: z.number(), total: z.number(), differenceFromOwn: z.number(), cheapest: z.boolean() });

/** One programme in a list. */
export const programmeSummary = z.object({ id: z.string(), hromada: place, title: z.string(), fromYear: z.number().int(), toYear: z.number().int(), status: z.enum(programmeStatuses), budgetTotal: z.number(), perPerson: z.number().nullable(), version: z.number().int() });
/** The programme with computed SMART gaps, monitoring, costing, budget and the neighbour comparison. */
export const programmeView = programmeSummary.extend({
  population: z.number().int().nullable(),
  needsAssessmentId: z.string().nullable(),
  goals: z.array(
    goalInput.extend({
      smartGaps: z.array(z.enum(smartCriteria)),
      indicators: z.array(indicatorInput.extend({ latestPeriod: z.string().nullable(), latest: z.number().nullable(), progressPercent: z.number().nullable(), achieved: z.boolean() })),
    }),
  ),
  costings: z.array(costingInput.extend({ serviceNameUk: z.string(), serviceNameEn: z.string(), unitOfMeasure: z.string(), result: costingResult, options: z.array(optionRow) })),
  neighbours: z.array(z.object({ hromada: place, title: z.string(), fromYear: z.number().int(), toYear: z.number().int(), budgetTotal: z.number(), population: z.number().int().nullable(), perPerson: z.number().nullable() })),
  allowedActions: z.array(z.enum(['edit'])),
});
/** The view. */
export type ProgrammeView = z.infer<typeof programmeView>;
/** GET list. */
export const programmeList = z.object({ items: z.array(programmeSummary) });

// ---------- oblast plan ----------

export const activityInput = z.object({
  key,
  pillar: z.enum(pillars),
  component: z.enum(components).default('none'),
  title: required(500),
  responsible: text(300).default(''),
  fundingSource: z.enum(fundingSources),
  years: z.array(z.object({ year, cost: money, secured: money })).max(10),
});
/** POST /api/v1/oblast-plans */
export const oblastPlanCreate = z.object({ oblastId: uuid, title: required(300), fromYear: year, toYear: year });
/** PUT /api/v1/oblast-plans/{id} */
export const oblastPlanUpdate = z.object({ version: z.number().int().min(1), title: required(300), fromYear: year, toYear: year, activities: z.array(activityInput).max(200) });
/** GET /api/v1/oblast-plans */
export const oblastPlansQuery = z.object({ oblastId: uuid.optional() });
const triple = { cost: z.number(), secured: z.number(), gap: z.number() };
export const oblastPlanSummary = z.object({ id: z.string(), oblast: place, title: z.string(), fromYear: z.number().int(), toYear: z.number().int(), total: z.object(triple), version: z.number().int() });
export const oblastPlanView = oblastPlanSummary.extend({
  activities: z.array(activityInput.extend({ totals: z.object(triple) })),
  byYear: z.array(z.object({ year: z.number().int(), ...triple })),
  byPillar: z.array(z.object({ pillar: z.enum(pillars), ...triple })),
  allowedActions: z.array(z.enum(['edit'])),
});
/** The view. */
export type OblastPlanView = z.infer<typeof oblastPlanView>;
export const oblastPlanList = z.object({ items: z.array(oblastPlanSummary) });
