import { describe, expect, it } from 'vitest';
import type { IndicatorTable } from '#contracts/indicators.contract.ts';
import { indicatorTableGrid, tableCsv } from './indicator-exports.service.ts';

const cell = (key: string, value: number | null, suppressed = false) => ({ key, numerator: value, denominator: null, value, suppressed, source: 'computed' as const });
const table = {
  indicator: { code: 'SG4.3', unit: 'count', nameUk: 'Діти в закладах', nameEn: 'Children in institutions' },
  period: '2026Q3',
  disaggregation: 'sex',
  columns: ['female', 'male'],
  total: { territoryId: 'o', level: 'oblast', nameUk: 'Київська область', nameEn: 'Kyiv Oblast', total: cell('total', 12), cells: [cell('female', 7), cell('male', null, true)] },
  units: [{ territoryId: 'r', level: 'rayon', nameUk: '=HYPERLINK("x")', nameEn: 'R', total: cell('total', 0), cells: [cell('female', 0), cell('male', 0)] }],
  suppressionApplied: true,
  generatedAt: '2026-11-20T08:00:00.000Z',
} as unknown as IndicatorTable;

describe('indicator table exports', () => {
  it('writes the screen rows: names, level, total and one column per disaggregation value; suppressed as "<5"', () => {
    const grid = indicatorTableGrid(table, 'uk');
    expect(grid.header).toEqual(['Територія', 'Рівень', 'Усього', 'дівчата', 'хлопці']);
    expect(grid.rows[0]).toEqual(['Київська область', 'область', 12, 7, '<5']);
    expect(indicatorTableGrid(table, 'en').header).toEqual(['Territory', 'Level', 'Total', 'girls', 'boys']);
  });

  it('writes CSV with a BOM, semicolons, CRLF, and neutralises spreadsheet formulas', () => {
    const csv = tableCsv(table, 'uk');
    expect(csv.startsWith('\uFEFFТериторія;Рівень;Усього;дівчата;хлопці\r\n')).toBe(true);
    expect(csv).toContain('Київська область;область;12;7;<5\r\n');
    expect(csv).toContain(`"'=HYPERLINK(""x"")";район;0;0;0`);
  });
});
