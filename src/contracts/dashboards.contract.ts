import { z } from 'zod';
import { indicatorCell, indicatorCodeParams, indicatorLevels, indicatorTableQuery } from './indicators.contract.ts';
import { uuid } from './common.contract.ts';

/** A quarter `2026Q3`. */
export const quarterKey = z.string().regex(/^20[0-9]{2}Q[1-4]$/, 'quarter must look like 2026Q3');

const place = z.object({ id: z.string().nullable(), level: z.enum(indicatorLevels), nameUk: z.string(), nameEn: z.string() });

/** GET /api/v1/dashboards — key indicator tiles of a territory (absent = national) for a quarter (absent = the last complete one). */
export const dashboardQuery = z.object({ territoryId: uuid.optional(), period: quarterKey.optional() });

/** One key indicator tile: this quarter and the one before. */
export const dashboardTile = z.object({
  code: z.string(),
  nameUk: z.string(),
  nameEn: z.string(),
  unit: z.enum(['count', 'percent', 'days']),
  current: indicatorCell,
  previous: indicatorCell,
});
/** One tile. */
export type DashboardTile = z.infer<typeof dashboardTile>;

/** The dashboard of a territory. */
export const dashboardView = z.object({
  territory: place,
  /** From the country down to the territory (breadcrumbs of the drill-down). */
  path: z.array(place),
  period: quarterKey,
  previousPeriod: quarterKey,
  /** Quarters offered in the period picker (newest first). */
  periods: z.array(quarterKey),
  tiles: z.array(dashboardTile),
  suppressionApplied: z.boolean(),
});
/** The dashboard. */
export type DashboardView = z.infer<typeof dashboardView>;

/** GET /api/v1/dashboards/map — tiles of the child units coloured by an indicator: oblasts of the country, hromadas of an oblast (by rayon) or of a rayon. */
export const dashboardMapQuery = z.object({ territoryId: uuid.optional(), period: quarterKey, code: indicatorCodeParams.shape.code });

/** One tile of the schematic map. */
export const mapTile = z.object({ territoryId: z.string(), nameUk: z.string(), nameEn: z.string(), cell: indicatorCell });
/** The schematic map: groups of tiles (one group for the oblasts of the country; one per rayon for the hromadas of an oblast). */
export const dashboardMap = z.object({
  level: z.enum(['oblast', 'hromada', 'none']),
  code: z.string(),
  unit: z.enum(['count', 'percent', 'days']),
  groups: z.array(z.object({ id: z.string().nullable(), nameUk: z.string(), nameEn: z.string(), tiles: z.array(mapTile), /** The reader may not see this rayon's hromadas (a hromada planner sees only their own rayon). */ restricted: z.boolean() })),
  suppressionApplied: z.boolean(),
});
/** The map. */
export type DashboardMap = z.infer<typeof dashboardMap>;

/** GET /api/v1/indicator-exports — the indicator table (the same query as the screen) as CSV or XLSX. */
export const indicatorExportQuery = indicatorTableQuery.extend({ code: indicatorCodeParams.shape.code, format: z.enum(['csv', 'xlsx']).default('xlsx') });

/** GET /api/v1/council-reports/quarterly.pdf — the quarterly report to the council for a territory (absent = national). */
export const councilReportQuery = z.object({ territoryId: uuid.optional(), period: quarterKey });
