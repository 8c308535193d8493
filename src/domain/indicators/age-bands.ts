import type { AgeBand } from './dimensions.ts';

/** Whole years of age on `date` for someone born on `birthDate` (both `YYYY-MM-DD`); a birthday counts on its day. */
export function ageInYears(birthDate: string, date: string): number {
  const by = Number(birthDate.slice(0, 4));
  const bm = Number(birthDate.slice(5, 7));
  const bd = Number(birthDate.slice(8, 10));
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * The age band of SPEC §10.3 for an age in whole years: 0–1 is "under one year", 1–2 is one or two years old, then
 * 3–5, 6–10, 11–14, 15–17; negative ages (born after the date) and adults are `unknown`.
 */
export function ageBandOfAge(age: number): AgeBand | 'unknown' {
  if (!Number.isInteger(age) || age < 0) return 'unknown';
  if (age < 1) return '0_1';
  if (age <= 2) return '1_2';
  if (age <= 5) return '3_5';
  if (age <= 10) return '6_10';
  if (age <= 14) return '11_14';
  if (age <= 17) return '15_17';
  return 'unknown';
}

/** The age band at the end of the period (the age is taken on `periodEnd`). */
export function ageBandAt(birthDate: string, periodEnd: string): AgeBand | 'unknown' {
  return ageBandOfAge(ageInYears(birthDate, periodEnd));
}

/** The same banding as SQL over an age expression in whole years (kept next to the TS version so they agree). */
export const ageBandSqlCases = `CASE WHEN a < 0 THEN 'unknown' WHEN a < 1 THEN '0_1' WHEN a <= 2 THEN '1_2' WHEN a <= 5 THEN '3_5' WHEN a <= 10 THEN '6_10' WHEN a <= 14 THEN '11_14' WHEN a <= 17 THEN '15_17' ELSE 'unknown' END`;
