import { describe, expect, it } from 'vitest';
import { ageBandAt, ageBandOfAge, ageInYears } from './age-bands.ts';
import { indicatorCatalogue, indicatorByCode, valueOf } from './catalogue.ts';
import { dimensionValues } from './dimensions.ts';
import { lastQuarters, parsePeriod, previousPeriod, quarterOf } from './periods.ts';
import { displayValue, isSmallCount, suppressCell, suppressSituation, suppressTable } from './suppression.ts';

describe('age bands of SPEC §10.3 (age in whole years at the end of the period)', () => {
  it.each([
    [0, '0_1'],
    [1, '1_2'],
    [2, '1_2'],
    [3, '3_5'],
    [5, '3_5'],
    [6, '6_10'],
    [10, '6_10'],
    [11, '11_14'],
    [14, '11_14'],
    [15, '15_17'],
    [17, '15_17'],
    [18, 'unknown'],
    [-1, 'unknown'],
  ] as const)('age %i → %s', (age, band) => {
    expect(ageBandOfAge(age)).toBe(band);
  });

  it('counts a birthday on its day and not the day before', () => {
    expect(ageInYears('2020-07-15', '2021-07-14')).toBe(0);
    expect(ageInYears('2020-07-15', '2021-07-15')).toBe(1);
    expect(ageBandAt('2023-09-30', '2026-09-29')).toBe('1_2');
    expect(ageBandAt('2023-09-30', '2026-09-30')).toBe('3_5');
    expect(ageBandAt('2008-10-01', '2026-09-30')).toBe('15_17');
    expect(ageBandAt('2008-09-30', '2026-09-30')).toBe('unknown');
  });

  it('handles 29 February birthdays as PostgreSQL age() does (the birthday falls on 1 March in common years)', () => {
    expect(ageInYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(ageInYears('2020-02-29', '2021-03-01')).toBe(1);
  });
});

describe('periods', () => {
  it('parses quarters and years with their inclusive bounds', () => {
    expect(parsePeriod('2026Q1')).toMatchObject({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2024Q1').end).toBe('2024-03-31');
    expect(parsePeriod('2026Q3')).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('2026Q4').end).toBe('2026-12-31');
    expect(parsePeriod('2025')).toMatchObject({ kind: 'year', start: '2025-01-01', end: '2025-12-31' });
    for (const bad of ['2026Q5', '26Q1', '2026-Q1', '']) expect(() => parsePeriod(bad)).toThrow(expect.objectContaining({ code: 'indicator_period_invalid' }));
  });

  it('walks back quarters across years', () => {
    expect(lastQuarters('2026Q2', 4)).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(lastQuarters('2025', 2)).toEqual(['2025Q3', '2025Q4']);
    expect(previousPeriod('2026Q1')).toBe('2025Q4');
    expect(previousPeriod('2026')).toBe('2025');
    expect(quarterOf('2026-11-20')).toBe('2026Q4');
  });
});

describe('small-cell suppression', () => {
  const cell = (numerator: number | null, denominator: number | null = null) => ({ key: 'total', numerator, denominator, value: numerator, suppressed: false, source: 'computed' as const });

  it('suppresses counts 1–4 and leaves 0 and 5+', () => {
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
    expect(suppressCell(cell(0))).toEqual(cell(0));
    expect(suppressCell(cell(5))).toEqual(cell(5));
    expect(suppressCell(cell(1))).toEqual({ key: 'total', numerator: null, denominator: null, value: null, suppressed: true, source: 'computed' });
    expect(suppressCell(cell(4)).suppressed).toBe(true);
  });

  it('suppresses a percentage when its numerator or denominator is small', () => {
    expect(suppressCell({ ...cell(3, 40), value: 7.5 }).suppressed).toBe(true);
    expect(suppressCell({ ...cell(0, 3), value: 0 }).suppressed).toBe(true);
    expect(suppressCell({ ...cell(12, 40), value: 30 }).suppressed).toBe(false);
  });

  it('a median (days) is suppressed by its number of cases only', () => {
    expect(suppressCell({ ...cell(3, 20), value: 3 }, { numeratorIsCount: false }).suppressed).toBe(false);
    expect(suppressCell({ ...cell(30, 2), value: 30 }, { numeratorIsCount: false }).suppressed).toBe(true);
  });

  it('suppresses every cell of a table and marks it', () => {
    const row = { territoryId: 'x', level: 'hromada' as const, nameUk: '', nameEn: '', total: cell(9), cells: [cell(2), cell(7)] };
    const t = suppressTable({ indicator: { unit: 'count' }, total: row, units: [row], suppressionApplied: false });
    expect(t.suppressionApplied).toBe(true);
    expect(t.total.total.value).toBe(9);
    expect(t.units[0]?.cells.map((c) => c.suppressed)).toEqual([true, false]);
    expect(displayValue(t.units[0]?.cells[0] ?? cell(0))).toBe('<5');
    expect(displayValue(cell(7))).toBe('7');
  });

  it('suppresses situational-analysis counts but not the territory register', () => {
    const a = suppressSituation({ suppressionApplied: false, tables: [{ rows: [{ cells: [{ value: 3, suppressed: false, source: 'computed' }, { value: 3, suppressed: false, source: 'territory' }, { value: 0, suppressed: false, source: 'computed' }] }] }] });
    expect(a.tables[0]?.rows[0]?.cells.map((c) => c.value)).toEqual([null, 3, 0]);
  });
});

describe('the catalogue (001 Annex 6)', () => {
  it('holds every indicator of strategic goals 1–5 once, with uk and en names', () => {
    const goals = { 1: 9, 2: 6, 3: 6, 4: 5, 5: 6 } as const;
    for (const [goal, count] of Object.entries(goals)) {
      const codes = indicatorCatalogue.filter((d) => d.goal === Number(goal)).map((d) => d.code);
      expect(codes).toEqual(Array.from({ length: count }, (_, i) => `SG${goal}.${i + 1}`));
    }
    expect(new Set(indicatorCatalogue.map((d) => d.code)).size).toBe(indicatorCatalogue.length);
    for (const d of indicatorCatalogue) {
      expect(d.nameUk.length).toBeGreaterThan(5);
      expect(d.nameEn.length).toBeGreaterThan(5);
      expect(d.denominatorUk === null).toBe(d.unit === 'count');
      for (const dim of d.disaggregations) expect(dimensionValues[dim].length).toBeGreaterThan(1);
    }
  });

  it('marks the indicators SPEC §10.1 lists as computed', () => {
    for (const c of ['SG1.9', 'SG2.1', 'SG2.3', 'SG2.4', 'SG4.1', 'SG4.2', 'SG4.3', 'SG4.4', 'SG4.5', 'SG5.1', 'SG5.3']) expect(indicatorByCode(c)?.source).toBe('computed');
    for (const c of ['SG1.1', 'SG2.6', 'SG5.2']) expect(indicatorByCode(c)?.source).toBe('entered');
  });

  it('computes values by unit', () => {
    expect(valueOf('percent', 1, 3)).toBe(33.3);
    expect(valueOf('percent', 1, 0)).toBeNull();
    expect(valueOf('count', 7, null)).toBe(7);
  });
});
