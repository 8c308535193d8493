import { DomainError } from '../errors.ts';

/** A reporting period: a quarter (`2026Q3`) or a year (`2026`), with its first and last day (inclusive). */
export type Period = { key: string; kind: 'quarter' | 'year'; year: number; quarter: number | null; start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses `2026Q3` or `2026`; anything else is `indicator_period_invalid`. */
export function parsePeriod(key: string): Period {
  const m = /^(20[0-9]{2})(?:Q([1-4]))?$/.exec(key);
  if (!m) throw new DomainError('indicator_period_invalid', 'A period is a quarter like 2026Q3 or a year like 2026', { period: key });
  const year = Number(m[1]);
  if (m[2] === undefined) return { key, kind: 'year', year, quarter: null, start: `${year}-01-01`, end: `${year}-12-31` };
  const quarter = Number(m[2]);
  const firstMonth = (quarter - 1) * 3 + 1;
  const endMonth = firstMonth + 2;
  return { key, kind: 'quarter', year, quarter, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}` };
}

/** The quarter containing a date `YYYY-MM-DD`. */
export function quarterOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The `count` quarters ending with `period` (a quarter; a year means its last quarter), oldest first. */
export function lastQuarters(period: string, count: number): string[] {
  const p = parsePeriod(period);
  let year = p.year;
  let q = p.quarter ?? 4;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    out.unshift(`${year}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

/** The period before (previous quarter, or previous year). */
export function previousPeriod(period: string): string {
  const p = parsePeriod(period);
  if (p.kind === 'year') return String(p.year - 1);
  return lastQuarters(period, 2)[0] ?? period;
}
