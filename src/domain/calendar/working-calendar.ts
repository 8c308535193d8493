import { DomainError } from '../errors.ts';
import { addDays, compareIsoDates, dayOfWeek, formatIsoDate, parseIsoDate, type IsoDate } from './iso-date.ts';

/** Labour-law regime that decides whether public holidays are days off. */
export type CalendarRegime = 'peacetime' | 'martial_law';

/** A regime in force from `from` to `to`, both inclusive; `to: null` means open-ended. */
export type RegimePeriod = { regime: CalendarRegime; from: IsoDate; to: IsoDate | null };

/** Calendar settings: regime periods; a date no period covers is peacetime, and a later-listed period wins on overlap. */
export type CalendarConfig = { regimes: RegimePeriod[] };

// Martial law since 05:30 on 24 February 2022 (Presidential Decree No. 64/2022, approved by Law No. 2102-IX).
// Note: Law No. 2136-IX, which suspends the holidays, took effect in March 2022; a deployment that must
// reproduce 8 March 2022 exactly can start the martial-law period later in its own config.
/** Martial law from 24 February 2022 with no end yet, peacetime before. */
export const defaultCalendarConfig: CalendarConfig = {
  regimes: [{ regime: 'martial_law', from: '2022-02-24', to: null }],
};

/** Stable code of a public holiday of Labour Code art. 73 (one code per date rule, so a moved holiday gets a new code). */
export type HolidayCode =
  | 'new_year'
  | 'christmas_julian'
  | 'womens_day'
  | 'easter'
  | 'labour_day'
  | 'labour_day_second'
  | 'victory_day'
  | 'remembrance_victory_day'
  | 'trinity'
  | 'constitution_day'
  | 'statehood_day_28_july'
  | 'statehood_day'
  | 'independence_day'
  | 'defenders_day_14_october'
  | 'defenders_day'
  | 'christmas';

/** A public holiday with its names in Ukrainian and English. */
export type Holiday = { code: HolidayCode; nameUk: string; nameEn: string };

/** When a holiday falls: a fixed month/day, or a number of days after Orthodox Easter. */
export type HolidayDateRule = { kind: 'fixed'; month: number; day: number } | { kind: 'easter_offset'; days: number };

/** One line of Labour Code art. 73 with the period during which the law listed it (inclusive; `null` = open). */
export type PublicHolidayRule = Holiday & {
  date: HolidayDateRule;
  inForceFrom: IsoDate | null;
  inForceUntil: IsoDate | null;
  source: string;
};

/** A holiday on a concrete date. */
export type HolidayOccurrence = { date: IsoDate; holiday: Holiday };

/** Why a day is or is not a working day. */
export type DayReason = 'weekend' | 'holiday' | 'holiday_transfer' | 'working' | 'holiday_worked_martial_law';

/** A day explained: working or not, why, and the holiday involved if any. */
export type DayDescription = { date: IsoDate; isWorkingDay: boolean; reason: DayReason; holiday?: Holiday };

/** First and last year the Orthodox Easter computation (Julian computus + 13 days) is valid for. */
export const supportedYearRange = { from: 1900, to: 2099 } as const;

// Dates at which amendments to Labour Code art. 73 took effect. A holiday is a holiday on a date only
// if the law listed it on that date, so these boundaries decide years of change such as 2017 and 2023.
// Where the exact day of entry into force is not verified, the comment gives the window of dates that
// produces the same calendar, so a correction inside that window changes nothing.
const LAW_238_VIII_IN_FORCE: IsoDate = '2015-03-06'; // Law No. 238-VIII of 05.03.2015 adds 14 October; any date in 2014-10-15..2015-10-14 gives the same calendar.
const LAW_2211_VIII_IN_FORCE: IsoDate = '2017-12-02'; // Law No. 2211-VIII of 16.11.2017 (published 01.12.2017) adds 25 December, drops 2 May.
const LAW_2295_IX_IN_FORCE: IsoDate = '2022-06-09'; // Law No. 2295-IX of 31.05.2022 adds 28 July, Statehood Day.
const LAW_3107_IX_IN_FORCE: IsoDate = '2023-06-15'; // Law No. 3107-IX of 29.05.2023 replaces 9 May with 8 May.
const LAW_3225_IX_IN_FORCE: IsoDate = '2023-09-01'; // Law No. 3225-IX of 14.07.2023 drops 7 January, moves Statehood Day to 15 July and Defenders Day to 1 October; reported in force 01.09.2023 — any date in 2023-07-29..2023-10-01 gives the same calendar.

/** The day before an ISO date (last day an amended rule was in force). */
function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}

/**
 * Public holidays of Labour Code of Ukraine art. 73 ("Святкові і неробочі дні") over time, as data so a
 * wrong boundary can be corrected here. Verified from 2015; years before 2001 are not modelled (e.g. the
 * former 7–8 November holidays), and rules without `inForceFrom` are assumed to have always applied.
 */
export const publicHolidayRules: readonly PublicHolidayRule[] = [
  {
    code: 'new_year', nameUk: 'Новий рік', nameEn: "New Year's Day",
    date: { kind: 'fixed', month: 1, day: 1 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73',
  },
  {
    code: 'christmas_julian', nameUk: 'Різдво Христове (7 січня)', nameEn: 'Christmas (7 January)',
    date: { kind: 'fixed', month: 1, day: 7 }, inForceFrom: null, inForceUntil: dayBefore(LAW_3225_IX_IN_FORCE),
    source: 'КЗпП ст. 73; виключено Законом № 3225-IX',
  },
  {
    code: 'womens_day', nameUk: 'Міжнародний жіночий день', nameEn: "International Women's Day",
    date: { kind: 'fixed', month: 3, day: 8 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73',
  },
  {
    code: 'labour_day', nameUk: 'День праці', nameEn: 'Labour Day',
    date: { kind: 'fixed', month: 5, day: 1 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73',
  },
  {
    code: 'labour_day_second', nameUk: 'День міжнародної солідарності трудящих (2 травня)', nameEn: "International Workers' Solidarity Day (2 May)",
    date: { kind: 'fixed', month: 5, day: 2 }, inForceFrom: null, inForceUntil: dayBefore(LAW_2211_VIII_IN_FORCE),
    source: 'КЗпП ст. 73; виключено Законом № 2211-VIII',
  },
  {
    code: 'remembrance_victory_day',
    nameUk: 'День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років',
    nameEn: 'Day of Remembrance and Victory over Nazism in World War II 1939–1945',
    date: { kind: 'fixed', month: 5, day: 8 }, inForceFrom: LAW_3107_IX_IN_FORCE, inForceUntil: null,
    source: 'КЗпП ст. 73 в ред. Закону № 3107-IX',
  },
  {
    code: 'victory_day', nameUk: 'День перемоги над нацизмом у Другій світовій війні (9 травня)', nameEn: 'Victory Day (9 May)',
    date: { kind: 'fixed', month: 5, day: 9 }, inForceFrom: null, inForceUntil: dayBefore(LAW_3107_IX_IN_FORCE),
    source: 'КЗпП ст. 73; виключено Законом № 3107-IX',
  },
  {
    code: 'constitution_day', nameUk: 'День Конституції України', nameEn: 'Constitution Day',
    date: { kind: 'fixed', month: 6, day: 28 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73',
  },
  {
    code: 'statehood_day', nameUk: 'День Української Державності', nameEn: 'Statehood Day',
    date: { kind: 'fixed', month: 7, day: 15 }, inForceFrom: LAW_3225_IX_IN_FORCE, inForceUntil: null,
    source: 'КЗпП ст. 73 в ред. Закону № 3225-IX',
  },
  {
    code: 'statehood_day_28_july', nameUk: 'День Української Державності (28 липня)', nameEn: 'Statehood Day (28 July)',
    date: { kind: 'fixed', month: 7, day: 28 }, inForceFrom: LAW_2295_IX_IN_FORCE, inForceUntil: dayBefore(LAW_3225_IX_IN_FORCE),
    source: 'КЗпП ст. 73 в ред. Закону № 2295-IX; перенесено Законом № 3225-IX',
  },
  {
    code: 'independence_day', nameUk: 'День незалежності України', nameEn: 'Independence Day',
    date: { kind: 'fixed', month: 8, day: 24 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73',
  },
  {
    code: 'defenders_day', nameUk: 'День захисників і захисниць України', nameEn: 'Day of Defenders of Ukraine',
    date: { kind: 'fixed', month: 10, day: 1 }, inForceFrom: LAW_3225_IX_IN_FORCE, inForceUntil: null,
    source: 'КЗпП ст. 73 в ред. Закону № 3225-IX',
  },
  {
    code: 'defenders_day_14_october', nameUk: 'День захисників і захисниць України (14 жовтня)', nameEn: 'Day of Defenders of Ukraine (14 October)',
    date: { kind: 'fixed', month: 10, day: 14 }, inForceFrom: LAW_238_VIII_IN_FORCE, inForceUntil: dayBefore(LAW_3225_IX_IN_FORCE),
    source: 'КЗпП ст. 73 в ред. Закону № 238-VIII; перенесено Законом № 3225-IX',
  },
  {
    code: 'christmas', nameUk: 'Різдво Христове', nameEn: 'Christmas',
    date: { kind: 'fixed', month: 12, day: 25 }, inForceFrom: LAW_2211_VIII_IN_FORCE, inForceUntil: null,
    source: 'КЗпП ст. 73 в ред. Закону № 2211-VIII',
  },
  // Religious holidays of art. 73 part 2: "один день (неділя) — Пасха (Великдень)", "один день (неділя) — Трійця".
  {
    code: 'easter', nameUk: 'Пасха (Великдень)', nameEn: 'Easter',
    date: { kind: 'easter_offset', days: 0 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73 ч. 2',
  },
  {
    code: 'trinity', nameUk: 'Трійця', nameEn: 'Trinity (Pentecost)',
    date: { kind: 'easter_offset', days: 49 }, inForceFrom: null, inForceUntil: null,
    source: 'КЗпП ст. 73 ч. 2',
  },
];

/** Throws unless `year` is within the supported range of the Easter computation. */
function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < supportedYearRange.from || year > supportedYearRange.to) {
    throw new DomainError('calendar_year_out_of_range', `The working calendar supports years ${supportedYearRange.from}–${supportedYearRange.to}, got ${year}`, {
      year,
      ...supportedYearRange,
    });
  }
}

/** Orthodox Easter Sunday of a year as a Gregorian date (Julian computus + 13 days, valid 1900–2099). */
export function orthodoxEaster(year: number): IsoDate {
  assertSupportedYear(year);
  // Meeus' Julian algorithm gives the date in the Julian calendar.
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // Between 1 March 1900 and 28 February 2100 the Gregorian calendar is 13 days ahead of the Julian.
  return addDays(formatIsoDate({ year, month, day }), 13);
}

/** Orthodox Trinity Sunday (Pentecost): Easter + 49 days. */
export function orthodoxTrinity(year: number): IsoDate {
  return addDays(orthodoxEaster(year), 49);
}

/** True when `date` lies in the inclusive range [from, to]; `null` bounds are open. */
function isInRange(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || compareIsoDates(date, from) >= 0) && (to === null || compareIsoDates(date, to) <= 0);
}

const holidaysByYear = new Map<number, readonly HolidayOccurrence[]>();

/** Art. 73 holidays that fall in a year, sorted by date, whatever the regime (memoised: depends only on the year). */
export function publicHolidaysOf(year: number): readonly HolidayOccurrence[] {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  assertSupportedYear(year);
  const easter = orthodoxEaster(year);
  const occurrences: HolidayOccurrence[] = [];
  for (const rule of publicHolidayRules) {
    const date = rule.date.kind === 'fixed' ? formatIsoDate({ year, month: rule.date.month, day: rule.date.day }) : addDays(easter, rule.date.days);
    if (!isInRange(date, rule.inForceFrom, rule.inForceUntil)) continue;
    occurrences.push({ date, holiday: { code: rule.code, nameUk: rule.nameUk, nameEn: rule.nameEn } });
  }
  // Stable sort: on a shared date (e.g. Easter on 1 May) the state holiday listed first in art. 73 comes first.
  occurrences.sort((x, y) => compareIsoDates(x.date, y.date));
  const frozen = Object.freeze(occurrences);
  holidaysByYear.set(year, frozen);
  return frozen;
}

/** The art. 73 holiday falling on a date, if any (the first listed when two coincide). */
function holidayOn(date: IsoDate): Holiday | undefined {
  return publicHolidaysOf(parseIsoDate(date).year).find((o) => o.date === date)?.holiday;
}

/** Saturday or Sunday (Labour Code art. 67: Sunday is the common day off; the second day off of a five-day week is Saturday). */
function isWeekend(date: IsoDate): boolean {
  return dayOfWeek(date) >= 6;
}

/** The regime in force on a date: the last listed period containing it, otherwise peacetime. */
export function regimeOn(date: IsoDate, config: CalendarConfig): CalendarRegime {
  let regime: CalendarRegime = 'peacetime';
  for (const period of config.regimes) {
    if (isInRange(date, period.from, period.to)) regime = period.regime;
  }
  return regime;
}

/**
 * Days off moved from a weekend holiday to the next working day, for holidays of `year − 1` and `year`.
 * Labour Code art. 67 part 3: when a holiday (art. 73) falls on a day off, the day off moves to the next
 * day after the holiday. It is the weekly day off that moves, so two holidays on one weekend day give one
 * transfer; a target already off (weekend, holiday, earlier transfer) pushes it further (2021: 1 May Sat
 * → Mon 3 May, Easter 2 May Sun → Tue 4 May). Law No. 2136-IX art. 6 suspends art. 67 part 3 under martial
 * law, so both the holiday and the target day must be in peacetime.
 */
function holidayTransfers(year: number, config: CalendarConfig): Map<IsoDate, Holiday> {
  const transfers = new Map<IsoDate, Holiday>();
  const occurrences = year - 1 >= supportedYearRange.from ? [...publicHolidaysOf(year - 1), ...publicHolidaysOf(year)] : [...publicHolidaysOf(year)];
  const seenDates = new Set<IsoDate>();
  for (const occurrence of occurrences) {
    if (seenDates.has(occurrence.date)) continue;
    seenDates.add(occurrence.date);
    if (!isWeekend(occurrence.date) || regimeOn(occurrence.date, config) !== 'peacetime') continue;
    let target = addDays(occurrence.date, 1);
    while (isWeekend(target) || holidayOn(target) !== undefined || transfers.has(target)) target = addDays(target, 1);
    if (regimeOn(target, config) === 'peacetime') transfers.set(target, occurrence.holiday);
  }
  return transfers;
}

/** Explain a date: working day or not, and why, under the regime in force that day. */
export function describeDay(date: IsoDate, config: CalendarConfig): DayDescription {
  const weekend = isWeekend(date);
  const holiday = holidayOn(date);
  if (regimeOn(date, config) === 'martial_law') {
    // Law No. 2136-IX "On the organisation of labour relations under martial law" art. 6: art. 73 (holidays)
    // and art. 67 part 3 (transfer) do not apply — holidays are ordinary working days, weekends stay off.
    if (weekend) return holiday ? { date, isWorkingDay: false, reason: 'weekend', holiday } : { date, isWorkingDay: false, reason: 'weekend' };
    if (holiday) return { date, isWorkingDay: true, reason: 'holiday_worked_martial_law', holiday };
    return { date, isWorkingDay: true, reason: 'working' };
  }
  // Labour Code art. 73: no work on public holidays.
  if (holiday) return { date, isWorkingDay: false, reason: 'holiday', holiday };
  if (weekend) return { date, isWorkingDay: false, reason: 'weekend' };
  const transferred = holidayTransfers(parseIsoDate(date).year, config).get(date);
  if (transferred) return { date, isWorkingDay: false, reason: 'holiday_transfer', holiday: transferred };
  return { date, isWorkingDay: true, reason: 'working' };
}

/** True when a date is a working day under the regime in force that day. */
export function isWorkingDay(date: IsoDate, config: CalendarConfig): boolean {
  return describeDay(date, config).isWorkingDay;
}

/** Throws unless `n` is a safe integer. */
function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new DomainError('invalid_argument', `${name} must be an integer, got ${n}`, { [name]: n });
}

/** The `n`-th working day after `start`, not counting `start` (Fri 2026-11-20 + 5 = Fri 2026-11-27); negative `n` counts back; `n = 0` returns `start`. */
export function addWorkingDays(start: IsoDate, n: number, config: CalendarConfig): IsoDate {
  assertInteger(n, 'n');
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let date = start;
  parseIsoDate(start);
  while (remaining > 0) {
    date = addDays(date, step);
    if (isWorkingDay(date, config)) remaining -= 1;
  }
  return date;
}

/** `date` itself if it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, config: CalendarConfig): IsoDate {
  let current = date;
  while (!isWorkingDay(current, config)) current = addDays(current, 1);
  return current;
}

/**
 * Signed number of working-day steps from `a` to `b`: working days in (a, b] when b ≥ a, minus those in
 * [b, a) when b < a — the inverse of `addWorkingDays`, so `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, config: CalendarConfig): number {
  const order = compareIsoDates(a, b);
  if (order === 0) return 0;
  const [from, to, sign] = order < 0 ? [addDays(a, 1), b, 1] : [b, addDays(a, -1), -1];
  let count = 0;
  for (let d = from; compareIsoDates(d, to) <= 0; d = addDays(d, 1)) {
    if (isWorkingDay(d, config)) count += 1;
  }
  return sign * count;
}
