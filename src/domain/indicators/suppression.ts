/**
 * Small-cell suppression (SPEC §10, §11). Figures of 1–4 children could identify them; in anything published or
 * exported outside the territory's own staff they are suppressed: the numbers become null, `suppressed` is true and the
 * interface shows "<5". Zero is not suppressed (it identifies no one).
 *
 * Who is "the territory's own staff" (they see exact figures unless they ask for the published version): the people
 * whose indicator scope CONTAINS the territory — the national analyst for every territory; the oblast coordinator for
 * their oblast and every rayon and hromada in it; the community planner and the supervisor for their own hromada (see
 * `src/domain/access/indicator-policy.ts`). Everybody else who may read the figure (a hromada planner looking at their
 * oblast or the country for comparison, an oblast coordinator looking at the country) gets suppressed cells, and so
 * does every `publish=true` request (dashboards for the public, exports, reports, DHIS2).
 *
 * A percentage or a median is suppressed when its numerator or its denominator is a small count.
 */

/** The largest count that is suppressed. */
export const SMALL_CELL_MAX = 4;
/** What the interface shows in place of a suppressed figure. */
export const SUPPRESSED_LABEL = '<5';

/** True for counts 1–4 (the ones that are suppressed). */
export function isSmallCount(n: number | null | undefined): boolean {
  return n !== null && n !== undefined && n >= 1 && n <= SMALL_CELL_MAX;
}

/** The fields of a figure that suppression looks at. */
export type SuppressibleCell = { numerator: number | null; denominator: number | null; value: number | null; suppressed: boolean };

/** For a median (unit `days`) the numerator is a number of days, not a count: only the denominator is checked. */
export type SuppressOptions = { numeratorIsCount?: boolean };

/** The cell as published: unchanged when no count is small, otherwise numbers nulled and flagged. */
export function suppressCell<C extends SuppressibleCell>(cell: C, opts: SuppressOptions = {}): C {
  if (cell.suppressed) return cell;
  const numeratorIsCount = opts.numeratorIsCount ?? true;
  if (!(numeratorIsCount && isSmallCount(cell.numerator)) && !isSmallCount(cell.denominator)) return cell;
  return { ...cell, numerator: null, denominator: null, value: null, suppressed: true };
}

/** A row of cells with a total. */
type SuppressibleRow<C extends SuppressibleCell> = { total: C; cells: C[] };

/** Every cell of a table (its total row and units) as published. */
export function suppressTable<C extends SuppressibleCell, R extends SuppressibleRow<C>, T extends { total: R; units: R[]; suppressionApplied: boolean; indicator?: { unit: string } }>(table: T): T {
  const opts = { numeratorIsCount: table.indicator?.unit !== 'days' };
  const row = (r: R): R => ({ ...r, total: suppressCell(r.total, opts), cells: r.cells.map((c) => suppressCell(c, opts)) });
  return { ...table, total: row(table.total), units: table.units.map(row), suppressionApplied: true };
}

/** A situational-analysis cell: a single count. */
export type SituationCellLike = { value: number | null; suppressed: boolean; source: string };

/** A situational-analysis cell as published: counts 1–4 become null and flagged (territory register figures are public). */
export function suppressSituationCell<C extends SituationCellLike>(cell: C): C {
  if (cell.suppressed || cell.source === 'territory' || !isSmallCount(cell.value)) return cell;
  return { ...cell, value: null, suppressed: true };
}

/** Every cell of a situational analysis as published. */
export function suppressSituation<T extends { tables: { rows: { cells: SituationCellLike[] }[] }[]; suppressionApplied: boolean }>(analysis: T): T {
  return {
    ...analysis,
    tables: analysis.tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => suppressSituationCell(c)) })) })),
    suppressionApplied: true,
  };
}

/** How a figure is displayed: "<5" when suppressed, "—" when missing, else the number. */
export function displayValue(cell: { value: number | null; suppressed: boolean }): string {
  if (cell.suppressed) return SUPPRESSED_LABEL;
  if (cell.value === null) return '—';
  return String(cell.value);
}
