import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysInMonth,
  diffInDays,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
} from './iso-date.ts';

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-12-31', true],
    ['0001-01-01', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe('parseIsoDate / formatIsoDate', () => {
  it('round-trips', () => {
    expect(parseIsoDate('2026-11-20')).toEqual({ year: 2026, month: 11, day: 20 });
    expect(formatIsoDate({ year: 2026, month: 1, day: 5 })).toBe('2026-01-05');
    expect(formatIsoDate({ year: 33, month: 1, day: 5 })).toBe('0033-01-05');
  });

  it('throws a DomainError with code invalid_date', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(DomainError);
    try {
      parseIsoDate('nonsense');
    } catch (error) {
      expect((error as DomainError).code).toBe('invalid_date');
    }
    expect(() => formatIsoDate({ year: 2026, month: 2, day: 29 })).toThrow(DomainError);
  });
});

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%i) = %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2026, 2, 28],
    [2024, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-20', 7, '2026-11-27'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-29', 0, '2026-03-29'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('is not affected by daylight-saving changes (Kyiv switches on the last Sunday of March and October)', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('agrees with UTC Date arithmetic over a long span', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), (n) => {
        const expected = new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays('2000-01-01', n)).toBe(expected);
      }),
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-11-20', 3, '2027-02-20'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-03-15', -15, '2024-12-15'],
    ['2026-05-31', 6, '2026-11-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-06-10', 0, '2026-06-10'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2026-11-16', 1],
    ['2026-11-20', 5],
    ['2026-11-21', 6],
    ['2026-11-22', 7],
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2025-08-24', 7],
    ['2026-08-24', 1],
  ])('%s is weekday %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});

describe('compareIsoDates / diffInDays', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareIsoDates)).toEqual(['2025-12-31', '2026-01-15', '2026-03-01']);
  });

  it.each([
    ['2026-11-27', '2026-11-20', 7],
    ['2026-11-20', '2026-11-27', -7],
    ['2027-01-01', '2026-01-01', 365],
    ['2026-03-01', '2026-02-28', 1],
    ['2026-05-05', '2026-05-05', 0],
  ])('diffInDays(%s, %s) = %i (a − b)', (a, b, expected) => {
    expect(diffInDays(a, b)).toBe(expected);
  });
});
