import { DomainError } from '../errors.ts';

/** A calendar date as `YYYY-MM-DD`, always interpreted in UTC (no time, no zone). */
export type IsoDate = string;

/** A date split into numeric parts; `month` is 1–12. */
export type DateParts = { year: number; month: number; day: number };

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a leap year of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in a month (1–12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? Number.NaN;
}

/** True when `s` is a `YYYY-MM-DD` string naming a real calendar date (rejects 2026-02-30). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(s);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Split an ISO date into its parts; throws `DomainError('invalid_date')` if it is not a real date. */
export function parseIsoDate(date: IsoDate): DateParts {
  if (!isIsoDate(date)) {
    throw new DomainError('invalid_date', `Not a valid ISO date (YYYY-MM-DD): ${String(date)}`, { value: date });
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Format date parts as `YYYY-MM-DD`; throws `DomainError('invalid_date')` if they do not name a real date. */
export function formatIsoDate(parts: DateParts): IsoDate {
  const text = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  if (!isIsoDate(text)) {
    throw new DomainError('invalid_date', `Not a valid calendar date: ${text}`, { ...parts });
  }
  return text;
}

// Pure integer arithmetic on the proleptic Gregorian calendar (H. Hinnant's days_from_civil /
// civil_from_days), so no Date object, time zone or two-digit-year quirk is involved.

/** Days since 1970-01-01 for an ISO date. */
function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** ISO date for a number of days since 1970-01-01. */
function fromEpochDay(epochDay: number): IsoDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate({ year, month, day });
}

/** The date `n` calendar days after `date` (`n` may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + Math.trunc(n));
}

/** The date `n` months after `date`, clamped to the last day of the target month (2026-01-31 + 1 = 2026-02-28). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + Math.trunc(n);
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const mod = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return mod + 1;
}

/** Comparator for ISO dates: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** Whole calendar days from `b` to `a`, i.e. `a − b` (same order as dayjs `a.diff(b)` and date-fns). */
export function diffInDays(a: IsoDate, b: IsoDate): number {
  return toEpochDay(a) - toEpochDay(b);
}
