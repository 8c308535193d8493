import { z } from 'zod';
import { dimensions, disaggregations } from '#domain/indicators/dimensions.ts';
import { isoDate, isoInstant, text, uuid } from './common.contract.ts';

/** A period: a quarter `2026Q3` or a year `2026`. */
export const periodKey = z.string().regex(/^(20[0-9]{2})(Q[1-4])?$/, 'period must look like 2026Q3 or 2026');

/** Level of a territory in indicator tables (national is the root, no id). */
export const indicatorLevels = ['national', 'oblast', 'rayon', 'hromada'] as const;

/** One indicator definition of the catalogue (SPEC §10.1, 001 Annex 6; plus outcome indicators `OC*`). */
export const indicatorDefinitionView = z.object({
  code: z.string(),
  goal: z.number().int(),
  nameUk: z.string(),
  nameEn: z.string(),
  numeratorUk: z.string(),
  numeratorEn: z.string(),
  denominatorUk: z.string().nullable(),
  denominatorEn: z.string().nullable(),
  /** `computed` from case records; `entered` per territory and period with their source. */
  source: z.enum(['computed', 'entered']),
  /** `count` (value = numerator), `percent` (value = 100 × numerator / denominator), `days` (value = median days, denominator = cases measured). */
  unit: z.enum(['count', 'percent', 'days']),
  disaggregations: z.array(z.enum(dimensions)),
  periodicity: z.enum(['quarter', 'year']),
  /** Annex 6 baseline / targets text, informative. */
  notesUk: z.string(),
  notesEn: z.string(),
});
/** One indicator definition. */
export type IndicatorDefinitionView = z.infer<typeof indicatorDefinitionView>;

/** GET /api/v1/indicators */
export const indicatorCatalogue = z.object({ items: z.array(indicatorDefinitionView) });

/** Path `{code}` of an indicator (e.g. SG1.9, OC1). */
export const indicatorCodeParams = z.object({ code: z.string().regex(/^[A-Z]{2}[0-9]{1,2}(\.[0-9]{1,2}[a-z]?)?$/) });

/** GET /api/v1/indicators/{code}/table — the table for a territory (absent = national), period and one disaggregation. */
export const indicatorTableQuery = z.object({
  territoryId: uuid.optional(),
  period: periodKey,
  disaggregation: z.enum(disaggregations).default('none'),
  /** Ask for published figures (cells 1–4 suppressed) even when the actor is the territory's own staff. */
  publish: z.enum(['true', 'false']).optional(),
});
/** Parameters of a table. */
export type IndicatorTableQuery = z.infer<typeof indicatorTableQuery>;

/** One figure. `null` numbers mean suppressed (`suppressed: true`) or not available (`source: 'none'`). */
export const indicatorCell = z.object({
  /** Disaggregation value key (`total` for the whole). */
  key: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  suppressed: z.boolean(),
  source: z.enum(['computed', 'entered', 'none']),
});
/** One figure. */
export type IndicatorCell = z.infer<typeof indicatorCell>;

/** One territory's row: the total and one cell per disaggregation value (same order as `columns`). */
export const indicatorRow = z.object({
  territoryId: z.string().nullable(),
  level: z.enum(indicatorLevels),
  nameUk: z.string(),
  nameEn: z.string(),
  total: indicatorCell,
  cells: z.array(indicatorCell),
});
/** One row. */
export type IndicatorRow = z.infer<typeof indicatorRow>;

/** A territory reference. */
export const territoryRef = z.object({ id: z.string().nullable(), level: z.enum(indicatorLevels), nameUk: z.string(), nameEn: z.string() });

/** GET /api/v1/indicators/{code}/table */
export const indicatorTable = z.object({
  indicator: indicatorDefinitionView,
  territory: territoryRef,
  period: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  disaggregation: z.enum(disaggregations),
  /** Disaggregation value keys, in order (empty when `none`). */
  columns: z.array(z.string()),
  /** The territory itself. */
  total: indicatorRow,
  /** Its child units (national → oblasts, oblast → rayons, rayon → hromadas; none for a hromada), for comparison. */
  units: z.array(indicatorRow),
  /** True when cells 1–4 were suppressed (the actor is not the territory's own staff, or `publish=true`). */
  suppressionApplied: z.boolean(),
  generatedAt: isoInstant,
});
/** One indicator table. */
export type IndicatorTable = z.infer<typeof indicatorTable>;

/** GET /api/v1/indicators/{code}/trend — the last `quarters` quarters up to `period` (a quarter) for a territory. */
export const indicatorTrendQuery = z.object({
  territoryId: uuid.optional(),
  period: periodKey,
  quarters: z.coerce.number().int().min(1).max(20).default(8),
  publish: z.enum(['true', 'false']).optional(),
});
/** Parameters of a trend. */
export type IndicatorTrendQuery = z.infer<typeof indicatorTrendQuery>;

/** GET /api/v1/indicators/{code}/trend */
export const indicatorTrend = z.object({
  indicator: indicatorDefinitionView,
  territory: territoryRef,
  points: z.array(z.object({ period: z.string(), periodStart: isoDate, periodEnd: isoDate, cell: indicatorCell })),
  suppressionApplied: z.boolean(),
});
/** A trend. */
export type IndicatorTrend = z.infer<typeof indicatorTrend>;

/** PUT /api/v1/indicators/{code}/values — an entered figure for a territory and period (entered indicators only). */
export const indicatorValueRequest = z.object({
  /** Absent = national. */
  territoryId: uuid.nullable().optional(),
  period: periodKey,
  /** Disaggregation value (`total` unless disaggregated): `age:0_1`, `sex:female`, ... */
  key: z.string().regex(/^(total|[a-z_]+:[a-z0-9_]+)$/).default('total'),
  numerator: z.number().min(0).max(1e9).nullable(),
  denominator: z.number().min(0).max(1e9).nullable().default(null),
  /** Where the figure comes from (survey, administrative return...). */
  source: text(500).min(2),
  notes: text(2000).default(''),
  /** Current version when replacing an existing value; absent when creating. */
  version: z.number().int().min(1).optional(),
});
/** An entered value. */
export type IndicatorValueRequest = z.infer<typeof indicatorValueRequest>;

/** An entered value as stored. */
export const indicatorValueView = z.object({
  id: z.string(),
  code: z.string(),
  territoryId: z.string().nullable(),
  period: z.string(),
  key: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  source: z.string(),
  notes: z.string(),
  enteredBy: z.string(),
  updatedAt: isoInstant,
  version: z.number().int(),
});
/** An entered value. */
export type IndicatorValueView = z.infer<typeof indicatorValueView>;

/** GET /api/v1/indicators/{code}/values?territoryId=&period= */
export const indicatorValuesQuery = z.object({ territoryId: uuid.optional(), period: periodKey.optional() });
/** The entered values of one indicator. */
export const indicatorValues = z.object({ items: z.array(indicatorValueView) });

/** GET /api/v1/situational-analysis?territoryId=&period= (001 Annex 5). */
export const situationalAnalysisQuery = z.object({ territoryId: uuid.optional(), period: periodKey, publish: z.enum(['true', 'false']).optional() });

/** One cell of a situational analysis table: a number with its source. */
export const situationCell = z.object({
  value: z.number().nullable(),
  suppressed: z.boolean(),
  /** `computed` from records, `entered` (an entered indicator value), `territory` (territory register), `none` (no data). */
  source: z.enum(['computed', 'entered', 'territory', 'none']),
  /** The indicator or query it comes from, e.g. `SG4.3` or `children_in_difficult_circumstances`. */
  ref: z.string(),
});
/** A row of a situational analysis table. */
export const situationRow = z.object({ key: z.string(), labelUk: z.string(), labelEn: z.string(), cells: z.array(situationCell) });
/** A table of Annex 5. */
export const situationTable = z.object({ key: z.string(), titleUk: z.string(), titleEn: z.string(), columns: z.array(z.object({ key: z.string(), labelUk: z.string(), labelEn: z.string() })), rows: z.array(situationRow) });
/** GET /api/v1/situational-analysis */
export const situationalAnalysis = z.object({
  territory: territoryRef,
  period: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  tables: z.array(situationTable),
  suppressionApplied: z.boolean(),
});
/** The situational analysis. */
export type SituationalAnalysis = z.infer<typeof situationalAnalysis>;
