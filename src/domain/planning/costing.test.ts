import { describe, expect, it } from 'vitest';
import { compareOptions, computeCosting, hourlyPay, perPerson, roundMoney } from './costing.ts';

describe('costing of a service (fixed numbers)', () => {
  const input = {
    staff: [{ position: 'фахівець із соціальної роботи', monthlyPay: 16800, monthlyHours: 168, hoursPerUnit: 1.5 }],
    payrollChargePercent: 22,
    materialsPerUnit: 17,
    overheadKind: 'percent' as const,
    overheadValue: 10,
    expectedRecipients: 40,
    unitsPerRecipient: 12,
  };

  it('unit cost = staff time × hourly pay with payroll charge + materials + overhead %', () => {
    const r = computeCosting(input);
    expect(r.staffLines).toEqual([{ position: 'фахівець із соціальної роботи', hourlyPay: 100, costPerUnit: 183 }]);
    expect(r.staffCostPerUnit).toBe(183);
    expect(r.overheadPerUnit).toBe(20);
    expect(r.unitCost).toBe(220);
    expect(r.totalUnits).toBe(480);
    expect(r.budget).toBe(105600);
  });

  it('adds several positions and an overhead amount per unit', () => {
    const r = computeCosting({ ...input, staff: [...input.staff, { position: 'психолог', monthlyPay: 15000, monthlyHours: 166, hoursPerUnit: 0.5 }], overheadKind: 'amount', overheadValue: 12.5, payrollChargePercent: 0 });
    // 1.5 × 100 = 150; 0.5 × 15000/166 = 45.18; + 17 + 12.5
    expect(r.staffCostPerUnit).toBe(195.18);
    expect(r.unitCost).toBe(224.68);
    expect(r.budget).toBe(roundMoney(224.68 * 480));
    expect(r.budget).toBe(107846.4);
  });

  it('hourly pay and spending per person', () => {
    expect(hourlyPay(15000, 166)).toBe(90.36);
    expect(hourlyPay(15000, 0)).toBe(0);
    expect(perPerson(105600, 48000)).toBe(2.2);
    expect(perPerson(105600, null)).toBeNull();
  });

  it('compares buying from a neighbour and outsourcing with own provision', () => {
    const own = computeCosting(input);
    const rows = compareOptions(own, [
      { option: 'buy_from_neighbour', supplier: 'Дмитрівська громада', unitPrice: 200 },
      { option: 'outsource', supplier: 'ГО', unitPrice: 250 },
    ]);
    expect(rows.map((r) => [r.option, r.total, r.differenceFromOwn, r.cheapest])).toEqual([
      ['own_provision', 105600, 0, false],
      ['buy_from_neighbour', 96000, -9600, true],
      ['outsource', 120000, 14400, false],
    ]);
  });
});
