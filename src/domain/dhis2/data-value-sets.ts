/**
 * The aggregate push to DHIS2 (SPEC §10.4): a quarter's indicator values become a `dataValueSets` payload
 * (DHIS2 Web API, `POST /api/dataValueSets`, shape B — bulk, each value carries its own period and org unit).
 * Pure: the mapping table, the values and the quarter are inputs; nothing is sent from here.
 */

/** A calendar quarter. */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** DHIS2 quarterly period `yyyyQn` (Web API "Date and period format"), e.g. `2026Q3`. */
export function dhis2Period(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

/** Parses `yyyyQn` (also accepts the `2026-Q3` spelling of our own query parameters); null when it is not a quarter. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-?Q([1-4])$/.exec(text.trim());
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

/** First and last day of a quarter as ISO dates. */
export function quarterBounds(q: Quarter): { from: string; to: string } {
  const startMonth = (q.quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(q.year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${q.year}-${pad(startMonth)}-01`, to: `${q.year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** The quarter before. */
export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** The quarter a date falls in. */
export function quarterOfDate(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** The last complete quarter before the one containing `today`. */
export function lastCompleteQuarter(today: string): Quarter {
  return previousQuarter(quarterOfDate(today));
}

/** The key of the undisaggregated figure in the mapping table. */
export const totalDisaggregation = 'total';

/** One row of the mapping table: a Rodyna indicator (and one of its disaggregation cells) → a DHIS2 data element and category option combo. */
export type ElementMapping = { indicatorCode: string; disaggregation: string; dataElement: string; categoryOptionCombo: string | null };
/** One row of the org-unit mapping: a Rodyna territory → a DHIS2 org unit. */
export type OrgUnitMapping = { territoryId: string; orgUnit: string };

/** An indicator value to push: the territory, the indicator, the disaggregation cell (`total` or `sex:female`, …) and the figure; `suppressed` when small-cell suppression hid it. */
export type PushValue = { territoryId: string; indicatorCode: string; disaggregation: string; value: number | null; suppressed: boolean };

/** One value of a DHIS2 `dataValueSets` payload (shape B); values are strings. */
export type DataValue = { dataElement: string; period: string; orgUnit: string; categoryOptionCombo?: string; value: string; comment?: string };

/** The payload and what was left out, and why. */
export type DataValueSetBuild = {
  payload: { dataValues: DataValue[] };
  counts: { values: number; suppressed: number; unmappedIndicator: number; unmappedOrgUnit: number; empty: number };
  /** Distinct indicator/disaggregation pairs and territories that have no mapping (for the administrator to fill in). */
  unmapped: { elements: string[]; territories: string[] };
};

/** Formats a figure as DHIS2 expects it: a string, integers without decimals, other numbers with at most 4 decimals, a dot as separator. */
export function formatDhis2Value(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Math.round(v * 10_000) / 10_000);
}

/**
 * Builds the `dataValueSets` payload for one quarter. A value is sent only when its indicator cell and its
 * territory are mapped and it has a figure; suppressed small cells (1–4) are never sent outside the territory.
 * Duplicate (dataElement, orgUnit, categoryOptionCombo) keys keep the first value, so DHIS2 gets no conflicting pair.
 */
export function buildDataValueSet(quarter: Quarter, values: readonly PushValue[], elements: readonly ElementMapping[], orgUnits: readonly OrgUnitMapping[]): DataValueSetBuild {
  const period = dhis2Period(quarter);
  const el = new Map(elements.map((e) => [`${e.indicatorCode}|${e.disaggregation}`, e]));
  const ou = new Map(orgUnits.map((o) => [o.territoryId, o.orgUnit]));
  const counts = { values: 0, suppressed: 0, unmappedIndicator: 0, unmappedOrgUnit: 0, empty: 0 };
  const missingElements = new Set<string>();
  const missingTerritories = new Set<string>();
  const seen = new Set<string>();
  const dataValues: DataValue[] = [];
  for (const v of values) {
    const key = `${v.indicatorCode}|${v.disaggregation}`;
    const mapping = el.get(key);
    if (!mapping) {
      counts.unmappedIndicator += 1;
      missingElements.add(key);
      continue;
    }
    const orgUnit = ou.get(v.territoryId);
    if (!orgUnit) {
      counts.unmappedOrgUnit += 1;
      missingTerritories.add(v.territoryId);
      continue;
    }
    if (v.suppressed) {
      counts.suppressed += 1;
      continue;
    }
    if (v.value === null || !Number.isFinite(v.value)) {
      counts.empty += 1;
      continue;
    }
    const dedupe = `${mapping.dataElement}|${orgUnit}|${mapping.categoryOptionCombo ?? ''}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    dataValues.push({ dataElement: mapping.dataElement, period, orgUnit, ...(mapping.categoryOptionCombo ? { categoryOptionCombo: mapping.categoryOptionCombo } : {}), value: formatDhis2Value(v.value) });
    counts.values += 1;
  }
  return { payload: { dataValues }, counts, unmapped: { elements: [...missingElements].sort(), territories: [...missingTerritories].sort() } };
}

/** DHIS2 import strategies of `POST /api/dataValueSets` (`importStrategy`). */
export const importStrategies = ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE'] as const;
/** One import strategy. */
export type ImportStrategy = (typeof importStrategies)[number];

/** A DHIS2 UID (the default identifier scheme): 11 letters and digits, a letter first. */
export const dhis2UidPattern = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** Whether a text is a DHIS2 UID. */
export function isDhis2Uid(text: string): boolean {
  return dhis2UidPattern.test(text);
}
