import { caseloadComplexities, type CaseCounts, type CaseloadWeights } from './caseload.ts';

/** The travel rule for remote starostats (SPEC §8): a starostat this far or farther adds this much FTE. */
export type TravelRule = { remoteThresholdMinutes: number; remoteExtraFte: number };

/**
 * Default travel rule: a starostat whose one-way travel time from the CSS office is 45 minutes or more needs an extra
 * quarter of a specialist (one working day a week is spent travelling to and working in that village).
 */
export const defaultTravelRule: TravelRule = { remoteThresholdMinutes: 45, remoteExtraFte: 0.25 };

/** What the need of a hromada is computed from. */
export type NeedInputs = {
  /** Open cases of the hromada by complexity. */
  openCases: CaseCounts;
  weights: CaseloadWeights;
  /** FTE for services other than case management (social prevention, group work, …), entered by the planner. */
  otherServicesFte: number;
  /** One-way travel minutes to each starostat, keyed by starostat id. */
  starostatTravelMinutes: Record<string, number>;
  travel: TravelRule;
  /** FTE of the staff register (professionals and paraprofessionals; volunteers are not counted). */
  availableFte: number;
};

/** The workforce need of a hromada, each part rounded to hundredths. */
export type NeedResult = {
  /** Complex and emergency cases ÷ 10 (by their weight). */
  complexFte: number;
  /** The other cases by their weights. */
  otherCasesFte: number;
  otherServicesFte: number;
  remoteStarostats: number;
  travelFte: number;
  /** The sum: full-time specialists needed. */
  neededFte: number;
  /** Whole specialists needed (the sum rounded up). */
  specialistsNeeded: number;
  availableFte: number;
  /** needed − available; positive means a shortage. */
  gapFte: number;
};

const r2 = (x: number) => Math.round(x * 100) / 100;
const millis = (x: number) => Math.round(x * 1000);
/** Thousandths to a figure in hundredths, half up. */
const m2 = (m: number) => Math.round(m / 10) / 100;

/**
 * Workforce need per hromada (SPEC §8, 002 Stage 2): specialists needed = complex cases ÷ 10 (their weight) + the other
 * cases by weight + FTE for other services + the travel allowance of remote starostats; compared with the register.
 * Sums run in thousandths so that the figures are exact.
 */
export function workforceNeed(input: NeedInputs): NeedResult {
  let complex = 0;
  let other = 0;
  for (const c of caseloadComplexities) {
    const part = (input.openCases[c] ?? 0) * millis(input.weights[c]);
    if (c === 'complex' || c === 'emergency') complex += part;
    else other += part;
  }
  const remote = Object.values(input.starostatTravelMinutes).filter((m) => m >= input.travel.remoteThresholdMinutes).length;
  const travel = remote * millis(input.travel.remoteExtraFte);
  const needed = complex + other + millis(input.otherServicesFte) + travel;
  return {
    complexFte: m2(complex),
    otherCasesFte: m2(other),
    otherServicesFte: r2(input.otherServicesFte),
    remoteStarostats: remote,
    travelFte: m2(travel),
    neededFte: m2(needed),
    specialistsNeeded: Math.floor((needed + 999) / 1000),
    availableFte: r2(input.availableFte),
    gapFte: m2(needed - millis(input.availableFte)),
  };
}

/** People per one FTE of staff (the workforce map of the situational analysis), or null without staff or population. */
export function peoplePerStaff(population: number | null, fte: number): number | null {
  if (population === null || fte <= 0) return null;
  return Math.round(population / fte);
}
