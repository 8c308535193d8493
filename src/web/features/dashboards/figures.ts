import type { IndicatorCell } from '#contracts/indicators.contract.ts';
import { SUPPRESSED_LABEL } from '#domain/indicators/suppression.ts';

/** A unit of an indicator. */
export type Unit = 'count' | 'percent' | 'days';

/** A figure for the screen: "<5" when suppressed, "—" when missing, else the number in the interface language (comma decimals in Ukrainian). */
export function formatFigure(cell: Pick<IndicatorCell, 'value' | 'suppressed'>, unit: Unit, locale: string): string {
  if (cell.suppressed) return SUPPRESSED_LABEL;
  if (cell.value === null) return '—';
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'uk-UA', { maximumFractionDigits: 1 }).format(cell.value);
  return unit === 'percent' ? `${n} %` : n;
}

/** The change from the previous figure, signed; null when either side is missing or suppressed. */
export function changeOf(now: Pick<IndicatorCell, 'value' | 'suppressed'>, before: Pick<IndicatorCell, 'value' | 'suppressed'>): number | null {
  if (now.suppressed || before.suppressed || now.value === null || before.value === null) return null;
  return Math.round((now.value - before.value) * 10) / 10;
}

/** Quarter `2026Q3` as people write it: "III кв. 2026" / "Q3 2026". */
export function quarterLabel(period: string, locale: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  if (!m) return period;
  const roman = ['I', 'II', 'III', 'IV'][Number(m[2]) - 1];
  return locale === 'en' ? `Q${m[2]} ${m[1]}` : `${roman} кв. ${m[1]}`;
}
