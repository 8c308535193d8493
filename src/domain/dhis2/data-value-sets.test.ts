import { describe, expect, it } from 'vitest';
import { buildDataValueSet, dhis2Period, formatDhis2Value, isDhis2Uid, lastCompleteQuarter, parseQuarter, previousQuarter, quarterBounds, type PushValue } from './data-value-sets.ts';

describe('DHIS2 periods', () => {
  it('writes and reads quarters as yyyyQn', () => {
    expect(dhis2Period({ year: 2026, quarter: 3 })).toBe('2026Q3');
    expect(parseQuarter('2026Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarter('2026-Q1')).toEqual({ year: 2026, quarter: 1 });
    for (const bad of ['2026Q5', '2026Q0', '202603', '26Q1', '']) expect(parseQuarter(bad)).toBeNull();
  });
  it('knows the bounds and neighbours of a quarter', () => {
    expect(quarterBounds({ year: 2026, quarter: 1 })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterBounds({ year: 2024, quarter: 4 })).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(lastCompleteQuarter('2026-11-20')).toEqual({ year: 2026, quarter: 3 });
    expect(lastCompleteQuarter('2026-01-01')).toEqual({ year: 2025, quarter: 4 });
  });
});

describe('buildDataValueSet', () => {
  const q = { year: 2026, quarter: 3 } as const;
  const elements = [
    { indicatorCode: 'SG4.3', disaggregation: 'total', dataElement: 'deSG4x3Tot1', categoryOptionCombo: null },
    { indicatorCode: 'SG4.3', disaggregation: 'sex:female', dataElement: 'deSG4x3Tot1', categoryOptionCombo: 'cocFemale01' },
  ];
  const orgUnits = [{ territoryId: 't-kyiv', orgUnit: 'ouKyivObl01' }];
  const v = (over: Partial<PushValue>): PushValue => ({ territoryId: 't-kyiv', indicatorCode: 'SG4.3', disaggregation: 'total', value: 12, suppressed: false, ...over });

  it('maps values to data elements, combos, org units and the period; values are strings', () => {
    const b = buildDataValueSet(q, [v({}), v({ disaggregation: 'sex:female', value: 7 })], elements, orgUnits);
    expect(b.payload.dataValues).toEqual([
      { dataElement: 'deSG4x3Tot1', period: '2026Q3', orgUnit: 'ouKyivObl01', value: '12' },
      { dataElement: 'deSG4x3Tot1', period: '2026Q3', orgUnit: 'ouKyivObl01', categoryOptionCombo: 'cocFemale01', value: '7' },
    ]);
    expect(b.counts).toEqual({ values: 2, suppressed: 0, unmappedIndicator: 0, unmappedOrgUnit: 0, empty: 0 });
  });

  it('never sends suppressed small cells, empty or unmapped values, and lists what is unmapped', () => {
    const b = buildDataValueSet(q, [v({ value: null, suppressed: true }), v({ value: null }), v({ indicatorCode: 'SG1.9' }), v({ territoryId: 't-lviv' })], elements, orgUnits);
    expect(b.payload.dataValues).toEqual([]);
    expect(b.counts).toEqual({ values: 0, suppressed: 1, unmappedIndicator: 1, unmappedOrgUnit: 1, empty: 1 });
    expect(b.unmapped).toEqual({ elements: ['SG1.9|total'], territories: ['t-lviv'] });
  });

  it('formats shares with at most four decimals', () => {
    expect(formatDhis2Value(0.123456)).toBe('0.1235');
    expect(formatDhis2Value(42)).toBe('42');
  });

  it('recognises UIDs', () => {
    expect(isDhis2Uid('deSG4x3Tot1')).toBe(true);
    expect(isDhis2Uid('1eSG4x3Tot1')).toBe(false);
    expect(isDhis2Uid('short')).toBe(false);
  });
});
