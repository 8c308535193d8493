import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { addDays, dayOfWeek } from './iso-date.ts';
import {
  addWorkingDays,
  defaultCalendarConfig,
  describeDay,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  orthodoxEaster,
  orthodoxTrinity,
  publicHolidaysOf,
  regimeOn,
  workingDaysBetween,
  type CalendarConfig,
  type DayReason,
  type HolidayCode,
} from './working-calendar.ts';

/** Peacetime throughout: shows what art. 73 and art. 67 alone give. */
const peacetime: CalendarConfig = { regimes: [] };
/** Martial law from 2022-02-24 to 2026-12-31, peacetime after. */
const martialLawEnded2026: CalendarConfig = { regimes: [{ regime: 'martial_law', from: '2022-02-24', to: '2026-12-31' }] };

describe('orthodoxEaster / orthodoxTrinity', () => {
  it.each([
    [2010, '2010-04-04'],
    [2016, '2016-05-01'],
    [2017, '2017-04-16'],
    [2018, '2018-04-08'],
    [2019, '2019-04-28'],
    [2020, '2020-04-19'],
    [2021, '2021-05-02'],
    [2022, '2022-04-24'],
    [2023, '2023-04-16'],
    [2024, '2024-05-05'],
    [2025, '2025-04-20'],
    [2026, '2026-04-12'],
    [2027, '2027-05-02'],
  ])('Easter %i = %s', (year, expected) => {
    expect(orthodoxEaster(year)).toBe(expected);
  });

  it.each([
    [2021, '2021-06-20'],
    [2024, '2024-06-23'],
    [2026, '2026-05-31'],
  ])('Trinity %i = %s', (year, expected) => {
    expect(orthodoxTrinity(year)).toBe(expected);
  });

  it('is always a Sunday in the supported range', () => {
    for (let year = 1900; year <= 2099; year += 1) {
      expect(dayOfWeek(orthodoxEaster(year))).toBe(7);
    }
  });

  it.each([1899, 2100, 2026.5])('rejects year %s', (year) => {
    expect(() => orthodoxEaster(year)).toThrow(DomainError);
  });
});

describe('publicHolidaysOf (Labour Code art. 73 by year)', () => {
  const codes = (year: number): HolidayCode[] => publicHolidaysOf(year).map((o) => o.holiday.code);

  it.each<[number, HolidayCode[]]>([
    [
      2016,
      ['new_year', 'christmas_julian', 'womens_day', 'labour_day', 'easter', 'labour_day_second', 'victory_day', 'trinity', 'constitution_day', 'independence_day', 'defenders_day_14_october'],
    ],
    [
      2017,
      ['new_year', 'christmas_julian', 'womens_day', 'easter', 'labour_day', 'labour_day_second', 'victory_day', 'trinity', 'constitution_day', 'independence_day', 'defenders_day_14_october', 'christmas'],
    ],
    [
      2021,
      ['new_year', 'christmas_julian', 'womens_day', 'labour_day', 'easter', 'victory_day', 'trinity', 'constitution_day', 'independence_day', 'defenders_day_14_october', 'christmas'],
    ],
    [
      2022,
      ['new_year', 'christmas_julian', 'womens_day', 'easter', 'labour_day', 'victory_day', 'trinity', 'constitution_day', 'statehood_day_28_july', 'independence_day', 'defenders_day_14_october', 'christmas'],
    ],
    [
      2023,
      ['new_year', 'christmas_julian', 'womens_day', 'easter', 'labour_day', 'victory_day', 'trinity', 'constitution_day', 'statehood_day_28_july', 'independence_day', 'defenders_day', 'christmas'],
    ],
    [
      2024,
      ['new_year', 'womens_day', 'labour_day', 'easter', 'remembrance_victory_day', 'trinity', 'constitution_day', 'statehood_day', 'independence_day', 'defenders_day', 'christmas'],
    ],
    [
      2026,
      ['new_year', 'womens_day', 'easter', 'labour_day', 'remembrance_victory_day', 'trinity', 'constitution_day', 'statehood_day', 'independence_day', 'defenders_day', 'christmas'],
    ],
  ])('%i', (year, expected) => {
    expect(codes(year)).toEqual(expected);
  });

  it('gives Ukrainian and English names', () => {
    const independence = publicHolidaysOf(2026).find((o) => o.date === '2026-08-24');
    expect(independence?.holiday).toEqual({ code: 'independence_day', nameUk: 'День незалежності України', nameEn: 'Independence Day' });
  });
});

describe('regimeOn', () => {
  it.each([
    ['2022-02-23', defaultCalendarConfig, 'peacetime'],
    ['2022-02-24', defaultCalendarConfig, 'martial_law'],
    ['2030-01-01', defaultCalendarConfig, 'martial_law'],
    ['2026-12-31', martialLawEnded2026, 'martial_law'],
    ['2027-01-01', martialLawEnded2026, 'peacetime'],
    ['2026-06-01', peacetime, 'peacetime'],
  ] as const)('%s → %s', (date, config, expected) => {
    expect(regimeOn(date, config)).toBe(expected);
  });

  it('lets a later-listed period override an earlier one', () => {
    const config: CalendarConfig = {
      regimes: [
        { regime: 'martial_law', from: '2022-02-24', to: null },
        { regime: 'peacetime', from: '2026-07-01', to: '2026-07-31' },
      ],
    };
    expect(regimeOn('2026-06-30', config)).toBe('martial_law');
    expect(regimeOn('2026-07-15', config)).toBe('peacetime');
    expect(regimeOn('2026-08-01', config)).toBe('martial_law');
  });
});

describe('describeDay', () => {
  it.each<[string, CalendarConfig, boolean, DayReason, HolidayCode | undefined]>([
    // Peacetime: art. 73 holidays are days off.
    ['2021-01-01', peacetime, false, 'holiday', 'new_year'],
    ['2021-01-01', defaultCalendarConfig, false, 'holiday', 'new_year'],
    ['2021-01-07', defaultCalendarConfig, false, 'holiday', 'christmas_julian'],
    ['2021-01-04', defaultCalendarConfig, true, 'working', undefined],
    ['2021-01-09', defaultCalendarConfig, false, 'weekend', undefined],
    // Art. 67 part 3: 1 May 2021 (Sat) → Mon 3 May; Easter 2 May (Sun) → Tue 4 May.
    ['2021-05-01', defaultCalendarConfig, false, 'holiday', 'labour_day'],
    ['2021-05-02', defaultCalendarConfig, false, 'holiday', 'easter'],
    ['2021-05-03', defaultCalendarConfig, false, 'holiday_transfer', 'labour_day'],
    ['2021-05-04', defaultCalendarConfig, false, 'holiday_transfer', 'easter'],
    ['2021-05-05', defaultCalendarConfig, true, 'working', undefined],
    ['2021-05-10', defaultCalendarConfig, false, 'holiday_transfer', 'victory_day'],
    ['2021-06-21', defaultCalendarConfig, false, 'holiday_transfer', 'trinity'],
    ['2021-06-28', defaultCalendarConfig, false, 'holiday', 'constitution_day'],
    ['2021-12-27', defaultCalendarConfig, false, 'holiday_transfer', 'christmas'],
    ['2022-01-03', defaultCalendarConfig, false, 'holiday_transfer', 'new_year'],
    // 2016: Easter and Labour Day on Sunday 1 May, 2 May a holiday itself → one transfer, to Tue 3 May.
    ['2016-05-01', defaultCalendarConfig, false, 'holiday', 'labour_day'],
    ['2016-05-02', defaultCalendarConfig, false, 'holiday', 'labour_day_second'],
    ['2016-05-03', defaultCalendarConfig, false, 'holiday_transfer', 'labour_day'],
    ['2016-05-04', defaultCalendarConfig, true, 'working', undefined],
    // Boundaries of amendments to art. 73.
    ['2014-10-14', peacetime, true, 'working', undefined],
    ['2015-10-14', peacetime, false, 'holiday', 'defenders_day_14_october'],
    ['2017-05-02', peacetime, false, 'holiday', 'labour_day_second'],
    ['2017-12-25', peacetime, false, 'holiday', 'christmas'],
    ['2018-05-02', peacetime, true, 'working', undefined],
    ['2023-05-08', peacetime, true, 'working', undefined],
    ['2023-05-09', peacetime, false, 'holiday', 'victory_day'],
    ['2024-05-08', peacetime, false, 'holiday', 'remembrance_victory_day'],
    ['2024-05-09', peacetime, true, 'working', undefined],
    ['2023-07-28', peacetime, false, 'holiday', 'statehood_day_28_july'],
    ['2024-07-15', peacetime, false, 'holiday', 'statehood_day'],
    ['2024-07-29', peacetime, true, 'working', undefined],
    ['2023-10-02', peacetime, false, 'holiday_transfer', 'defenders_day'],
    ['2023-10-16', peacetime, true, 'working', undefined],
    ['2023-01-09', peacetime, false, 'holiday_transfer', 'christmas_julian'],
    ['2024-01-08', peacetime, true, 'working', undefined],
    ['2022-12-26', peacetime, false, 'holiday_transfer', 'christmas'],
    // Martial law (Law No. 2136-IX art. 6): holidays are working days, no transfers, weekends stay off.
    ['2022-05-02', defaultCalendarConfig, true, 'working', undefined],
    ['2022-05-09', defaultCalendarConfig, true, 'holiday_worked_martial_law', 'victory_day'],
    ['2023-04-17', defaultCalendarConfig, true, 'working', undefined],
    ['2025-08-24', defaultCalendarConfig, false, 'weekend', 'independence_day'],
    ['2025-08-25', defaultCalendarConfig, true, 'working', undefined],
    ['2026-08-24', defaultCalendarConfig, true, 'holiday_worked_martial_law', 'independence_day'],
    ['2026-12-25', defaultCalendarConfig, true, 'holiday_worked_martial_law', 'christmas'],
    ['2026-12-25', martialLawEnded2026, true, 'holiday_worked_martial_law', 'christmas'],
    // After martial law ends, peacetime rules return.
    ['2027-01-01', martialLawEnded2026, false, 'holiday', 'new_year'],
    ['2027-01-01', defaultCalendarConfig, true, 'holiday_worked_martial_law', 'new_year'],
    ['2027-01-07', martialLawEnded2026, true, 'working', undefined],
    ['2027-05-03', martialLawEnded2026, false, 'holiday_transfer', 'labour_day'],
    ['2027-05-04', martialLawEnded2026, false, 'holiday_transfer', 'easter'],
    ['2027-05-10', martialLawEnded2026, false, 'holiday_transfer', 'remembrance_victory_day'],
  ])('%s → working=%s, %s, %s', (date, config, working, reason, code) => {
    const day = describeDay(date, config);
    expect(day.date).toBe(date);
    expect(day.isWorkingDay).toBe(working);
    expect(day.reason).toBe(reason);
    expect(day.holiday?.code).toBe(code);
    expect(isWorkingDay(date, config)).toBe(working);
  });

  it('does not transfer a peacetime weekend holiday onto a martial-law day', () => {
    // 1 May 2027 (Sat) in peacetime, martial law from Monday 3 May: art. 67 part 3 is suspended that day.
    const config: CalendarConfig = { regimes: [{ regime: 'martial_law', from: '2027-05-03', to: null }] };
    expect(describeDay('2027-05-01', config).reason).toBe('holiday');
    expect(describeDay('2027-05-03', config)).toEqual({ date: '2027-05-03', isWorkingDay: true, reason: 'working' });
  });

  it('throws for invalid dates and unsupported years', () => {
    expect(() => describeDay('2026-02-30', defaultCalendarConfig)).toThrow(DomainError);
    expect(() => describeDay('2100-01-04', defaultCalendarConfig)).toThrow(DomainError);
  });
});

describe('addWorkingDays', () => {
  it.each<[string, number, CalendarConfig, string]>([
    ['2026-11-20', 5, defaultCalendarConfig, '2026-11-27'],
    ['2026-11-20', 1, defaultCalendarConfig, '2026-11-23'],
    ['2026-11-20', 0, defaultCalendarConfig, '2026-11-20'],
    ['2026-11-21', 0, defaultCalendarConfig, '2026-11-21'],
    ['2026-11-21', 1, defaultCalendarConfig, '2026-11-23'],
    ['2026-11-22', 5, defaultCalendarConfig, '2026-11-27'],
    ['2026-11-23', -1, defaultCalendarConfig, '2026-11-20'],
    ['2026-11-22', -1, defaultCalendarConfig, '2026-11-20'],
    ['2026-11-27', -5, defaultCalendarConfig, '2026-11-20'],
    // Martial law: Independence Day 2026 (Mon) counts as a working day.
    ['2026-08-21', 1, defaultCalendarConfig, '2026-08-24'],
    // Peacetime 2021: 1–4 May are all days off.
    ['2021-04-30', 1, defaultCalendarConfig, '2021-05-05'],
    ['2021-04-29', 5, defaultCalendarConfig, '2021-05-11'], // 10 May: Victory Day (Sun 9 May) transferred
    // Peacetime after martial law: New Year 2027 (Fri) is a day off.
    ['2026-12-31', 1, martialLawEnded2026, '2027-01-04'],
    ['2026-12-31', 1, defaultCalendarConfig, '2027-01-01'],
  ])('%s + %i working days = %s', (start, n, config, expected) => {
    expect(addWorkingDays(start, n, config)).toBe(expected);
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays('2026-11-20', 1.5, defaultCalendarConfig)).toThrow(DomainError);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-11-21', '2026-11-23'],
    ['2021-05-01', '2021-05-05'],
  ])('%s → %s', (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date, defaultCalendarConfig)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each<[string, string, CalendarConfig, number]>([
    ['2026-11-20', '2026-11-27', defaultCalendarConfig, 5],
    ['2026-11-27', '2026-11-20', defaultCalendarConfig, -5],
    ['2026-11-20', '2026-11-20', defaultCalendarConfig, 0],
    ['2026-11-20', '2026-11-22', defaultCalendarConfig, 0],
    ['2026-11-20', '2026-11-23', defaultCalendarConfig, 1],
    ['2021-04-30', '2021-05-05', defaultCalendarConfig, 1],
    ['2026-01-01', '2026-12-31', defaultCalendarConfig, 260],
    ['2021-01-01', '2021-12-31', peacetime, 250],
  ])('from %s to %s = %i', (a, b, config, expected) => {
    expect(workingDaysBetween(a, b, config)).toBe(expected);
  });

  it('inverts addWorkingDays', () => {
    const configs = [defaultCalendarConfig, peacetime, martialLawEnded2026];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 16 }), fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 2 }), (offset, n, c) => {
        const config = configs[c] ?? peacetime;
        const start = addDays('2014-01-01', offset);
        expect(workingDaysBetween(start, addWorkingDays(start, n, config), config)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
