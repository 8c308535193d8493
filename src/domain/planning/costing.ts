/**
 * Costing of a social service (SPEC §8; 002 Stage 2 "Translating needs assessment results into strategies"):
 * unit cost from staff time × pay, materials and overheads; × expected recipients × units → budget; spending per
 * person; the cost of buying the service from a neighbouring hromada or outsourcing it, compared with providing it.
 * Money is in hryvnias; every figure is rounded to kopiykas at the step that produces it, so the sheets add up.
 */

/** Rounds to kopiykas (half away from zero). */
export function roundMoney(x: number): number {
  const r = Math.round(Math.abs(x) * 100 + 1e-7) / 100;
  return x < 0 ? -r : r;
}

/** One staff position's time on one unit of the service. */
export type StaffLine = {
  position: string;
  /** Gross monthly pay of the position, UAH. */
  monthlyPay: number;
  /** Working hours in a month (the norm of working time), e.g. 166. */
  monthlyHours: number;
  /** Hours of this position spent per unit of the service. */
  hoursPerUnit: number;
};

/** How overheads are added: a percentage of direct costs (staff + materials) or an amount per unit. */
export const overheadKinds = ['percent', 'amount'] as const;
/** One kind. */
export type OverheadKind = (typeof overheadKinds)[number];

/** The inputs of a costing. */
export type CostingInput = {
  staff: readonly StaffLine[];
  /** Employer's payroll charge (the single social contribution, ЄСВ) in percent of pay, e.g. 22. */
  payrollChargePercent: number;
  /** Materials and other direct costs per unit, UAH. */
  materialsPerUnit: number;
  overheadKind: OverheadKind;
  /** Percent of direct costs, or UAH per unit. */
  overheadValue: number;
  /** Recipients expected in a year. */
  expectedRecipients: number;
  /** Units each recipient receives in a year. */
  unitsPerRecipient: number;
};

/** The computed figures of a costing. */
export type CostingResult = {
  /** Per staff line: hourly pay (monthly pay ÷ monthly hours) and its cost per unit with the payroll charge. */
  staffLines: Array<{ position: string; hourlyPay: number; costPerUnit: number }>;
  staffCostPerUnit: number;
  materialsPerUnit: number;
  overheadPerUnit: number;
  unitCost: number;
  totalUnits: number;
  budget: number;
};

/** Hourly pay from monthly pay (0 when no hours are given). */
export function hourlyPay(monthlyPay: number, monthlyHours: number): number {
  return monthlyHours > 0 ? roundMoney(monthlyPay / monthlyHours) : 0;
}

/** Unit cost and the yearly budget of a service. */
export function computeCosting(input: CostingInput): CostingResult {
  const charge = 1 + input.payrollChargePercent / 100;
  const staffLines = input.staff.map((s) => {
    const hourly = s.monthlyHours > 0 ? s.monthlyPay / s.monthlyHours : 0;
    return { position: s.position, hourlyPay: roundMoney(hourly), costPerUnit: roundMoney(hourly * s.hoursPerUnit * charge) };
  });
  const staffCostPerUnit = roundMoney(staffLines.reduce((a, l) => a + l.costPerUnit, 0));
  const materialsPerUnit = roundMoney(input.materialsPerUnit);
  const direct = staffCostPerUnit + materialsPerUnit;
  const overheadPerUnit = roundMoney(input.overheadKind === 'percent' ? (direct * input.overheadValue) / 100 : input.overheadValue);
  const unitCost = roundMoney(direct + overheadPerUnit);
  const totalUnits = input.expectedRecipients * input.unitsPerRecipient;
  return { staffLines, staffCostPerUnit, materialsPerUnit, overheadPerUnit, unitCost, totalUnits, budget: roundMoney(unitCost * totalUnits) };
}

/** Spending per inhabitant of the hromada (null when the population is unknown). */
export function perPerson(budget: number, population: number | null): number | null {
  return population !== null && population > 0 ? roundMoney(budget / population) : null;
}

/** Ways to deliver a service (002: which to provide, which to purchase in neighbouring hromadas, which to outsource). */
export const deliveryOptions = ['own_provision', 'buy_from_neighbour', 'outsource'] as const;
/** One way. */
export type DeliveryOption = (typeof deliveryOptions)[number];

/** An option with its quoted price per unit. */
export type OptionQuote = { option: DeliveryOption; supplier: string; unitPrice: number };

/** The options' yearly costs for the same units, compared with providing the service ourselves. */
export function compareOptions(own: CostingResult, quotes: readonly OptionQuote[]): Array<{ option: DeliveryOption; supplier: string; unitPrice: number; total: number; differenceFromOwn: number; cheapest: boolean }> {
  const rows = [{ option: 'own_provision' as DeliveryOption, supplier: '', unitPrice: own.unitCost }, ...quotes.filter((q) => q.option !== 'own_provision')].map((q) => {
    const total = roundMoney(q.unitPrice * own.totalUnits);
    return { option: q.option, supplier: q.supplier, unitPrice: roundMoney(q.unitPrice), total, differenceFromOwn: roundMoney(total - own.budget) };
  });
  const min = Math.min(...rows.map((r) => r.total));
  return rows.map((r) => ({ ...r, cheapest: r.total === min }));
}
