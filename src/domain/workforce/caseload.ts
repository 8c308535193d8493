import { complexities, type Complexity } from '../cases/case-types.ts';

/** A case's complexity for caseload purposes: the needs-assessment conclusion, or `not_assessed` while none is recorded. */
export type CaseloadComplexity = Complexity | 'not_assessed';
/** All caseload complexities, in display order. */
export const caseloadComplexities: readonly CaseloadComplexity[] = [...complexities, 'not_assessed'];

/** Share of one specialist's capacity that one open case of each complexity takes (1 = a full caseload). */
export type CaseloadWeights = Record<CaseloadComplexity, number>;

/**
 * Defaults (SPEC §7, 002): one specialist carries up to ten complex cases, so a complex case is one tenth of capacity;
 * an emergency case weighs as much as a complex one; a moderate case is half of that (20 per specialist), a simple one
 * a third (30 per specialist); a case not yet assessed counts as moderate until its assessment says otherwise.
 * The system administrator changes them (`workforce_settings`).
 */
export const defaultCaseloadWeights: CaseloadWeights = { simple: 0.033, moderate: 0.05, complex: 0.1, emergency: 0.1, not_assessed: 0.05 };

/** Open cases of a worker by complexity. */
export type CaseCounts = Partial<Record<CaseloadComplexity, number>>;

/** The weighted load of a worker as a share of capacity in thousandths (exact integer arithmetic, so 10 × 0.1 is exactly 1). */
function loadMillis(counts: CaseCounts, weights: CaseloadWeights): number {
  let total = 0;
  for (const c of caseloadComplexities) total += (counts[c] ?? 0) * Math.round(weights[c] * 1000);
  return total;
}

/** The weighted caseload as a share of capacity (1 = full). */
export function weightedLoad(counts: CaseCounts, weights: CaseloadWeights = defaultCaseloadWeights): number {
  return loadMillis(counts, weights) / 1000;
}

/** The weighted caseload in per cent of capacity, one decimal. */
export function caseloadPercent(counts: CaseCounts, weights: CaseloadWeights = defaultCaseloadWeights): number {
  return Math.round(loadMillis(counts, weights)) / 10;
}

/** Where a caseload stands: below 90 %, near capacity (90–100 %), or over capacity (above 100 %). */
export type CapacityStatus = 'ok' | 'near' | 'over';

/** The capacity status of a caseload: over capacity strictly above 100 %, so ten complex cases are a full, allowed caseload. */
export function capacityStatus(counts: CaseCounts, weights: CaseloadWeights = defaultCaseloadWeights): CapacityStatus {
  const m = loadMillis(counts, weights);
  if (m > 1000) return 'over';
  return m >= 900 ? 'near' : 'ok';
}

/** Problems of a set of weights as the administrator enters them: each between 0.001 and 1. */
export function checkWeights(weights: CaseloadWeights): string[] {
  return caseloadComplexities.filter((c) => !(weights[c] >= 0.001 && weights[c] <= 1)).map((c) => `weight_out_of_range:${c}`);
}
