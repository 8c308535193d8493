import { describe, expect, it } from 'vitest';
import { defaultCaseloadWeights } from './caseload.ts';
import { defaultTravelRule, peoplePerStaff, workforceNeed } from './need.ts';

describe('workforce need per hromada (SPEC §8)', () => {
  it('adds complex cases ÷ 10, the other cases by weight, other services and remote starostats, and compares with the register', () => {
    const r = workforceNeed({
      openCases: { complex: 23, emergency: 2, moderate: 30, simple: 15, not_assessed: 4 },
      weights: defaultCaseloadWeights,
      otherServicesFte: 1.5,
      // two starostats 45 and 70 minutes away are remote; one 20 minutes away is not
      starostatTravelMinutes: { a: 45, b: 70, c: 20 },
      travel: defaultTravelRule,
      availableFte: 5.5,
    });
    // complex: 25 × 0.1 = 2.5; other: 30 × 0.05 + 15 × 0.033 + 4 × 0.05 = 1.5 + 0.495 + 0.2 = 2.195
    expect(r).toEqual({ complexFte: 2.5, otherCasesFte: 2.2, otherServicesFte: 1.5, remoteStarostats: 2, travelFte: 0.5, neededFte: 6.7, specialistsNeeded: 7, availableFte: 5.5, gapFte: 1.2 });
  });

  it('shows a surplus as a negative gap and needs no one without cases or services', () => {
    const r = workforceNeed({ openCases: {}, weights: defaultCaseloadWeights, otherServicesFte: 0, starostatTravelMinutes: {}, travel: defaultTravelRule, availableFte: 2 });
    expect(r.neededFte).toBe(0);
    expect(r.specialistsNeeded).toBe(0);
    expect(r.gapFte).toBe(-2);
  });

  it('exactly ten complex cases need exactly one specialist', () => {
    expect(workforceNeed({ openCases: { complex: 10 }, weights: defaultCaseloadWeights, otherServicesFte: 0, starostatTravelMinutes: {}, travel: defaultTravelRule, availableFte: 1 })).toEqual(
      expect.objectContaining({ neededFte: 1, specialistsNeeded: 1, gapFte: 0 }),
    );
  });

  it('gives people per staff FTE, or nothing without staff or population', () => {
    expect(peoplePerStaff(36000, 3.5)).toBe(10286);
    expect(peoplePerStaff(null, 3)).toBeNull();
    expect(peoplePerStaff(1000, 0)).toBeNull();
  });
});
