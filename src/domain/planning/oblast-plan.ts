/**
 * The oblast costed implementation plan (SPEC §9; 001 §4.iv "Develop a costed implementation plan", §3 the three
 * pillars and four wrap-around components): activities by pillar and component, the responsible actor, cost per
 * year, funding source and funding secured → the funding gap; totals per year and per pillar.
 */
import { roundMoney } from './costing.ts';

/** The three pillars of the Better Care programme (001 §3.i). */
export const pillars = ['strengthen_families', 'family_based_care', 'reintegration_transformation'] as const;
/** One pillar. */
export type Pillar = (typeof pillars)[number];

/** The four wrap-around components (001 §3.ii), or none. */
export const components = ['case_management', 'gatekeeping', 'workforce', 'lived_experience', 'none'] as const;
/** One component. */
export type Component = (typeof components)[number];

/** Sources of funding (001 §4.iv step 8: public and private). */
export const fundingSources = ['state_budget', 'oblast_budget', 'local_budgets', 'donors', 'private', 'other'] as const;
/** One source. */
export type FundingSource = (typeof fundingSources)[number];

/** An activity's money per year. */
export type YearAmounts = ReadonlyArray<{ year: number; cost: number; secured: number }>;

/** An activity as the totals see it. */
export type ActivityFacts = { pillar: Pillar; component: Component; years: YearAmounts };

/** The gap of one year's line: cost not yet secured (never negative). */
export function gapOf(cost: number, secured: number): number {
  return roundMoney(Math.max(0, cost - secured));
}

/** Activity cost, secured and gap over all its years. */
export function activityTotals(a: ActivityFacts): { cost: number; secured: number; gap: number } {
  const cost = roundMoney(a.years.reduce((s, y) => s + y.cost, 0));
  const secured = roundMoney(a.years.reduce((s, y) => s + y.secured, 0));
  return { cost, secured, gap: roundMoney(a.years.reduce((s, y) => s + gapOf(y.cost, y.secured), 0)) };
}

/** Totals per year and per pillar, and the grand total. */
export function planTotals(activities: readonly ActivityFacts[], years: readonly number[]) {
  const sum = (pick: (y: YearAmounts[number]) => number, keep: (a: ActivityFacts, y: YearAmounts[number]) => boolean) =>
    roundMoney(activities.reduce((s, a) => s + a.years.filter((y) => keep(a, y)).reduce((t, y) => t + pick(y), 0), 0));
  const triple = (keep: (a: ActivityFacts, y: YearAmounts[number]) => boolean) => ({
    cost: sum((y) => y.cost, keep),
    secured: sum((y) => y.secured, keep),
    gap: sum((y) => gapOf(y.cost, y.secured), keep),
  });
  return {
    byYear: years.map((year) => ({ year, ...triple((_a, y) => y.year === year) })),
    byPillar: pillars.map((pillar) => ({ pillar, ...triple((a) => a.pillar === pillar) })),
    total: triple(() => true),
  };
}
