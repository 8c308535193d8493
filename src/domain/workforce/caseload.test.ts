import { describe, expect, it } from 'vitest';
import { capacityStatus, caseloadPercent, checkWeights, defaultCaseloadWeights, weightedLoad } from './caseload.ts';

describe('weighted caseload (SPEC §7: up to ten complex cases per specialist)', () => {
  it('ten complex cases are exactly a full caseload, not over capacity', () => {
    expect(weightedLoad({ complex: 10 })).toBe(1);
    expect(caseloadPercent({ complex: 10 })).toBe(100);
    expect(capacityStatus({ complex: 10 })).toBe('near');
  });

  it('an eleventh complex case puts the worker over capacity', () => {
    expect(caseloadPercent({ complex: 11 })).toBe(110);
    expect(capacityStatus({ complex: 11 })).toBe('over');
  });

  it('weighs the other complexities by the default weights', () => {
    // 2 emergency (0.2) + 4 moderate (0.2) + 3 simple (0.099) + 2 not assessed (0.1) = 0.599
    expect(weightedLoad({ emergency: 2, moderate: 4, simple: 3, not_assessed: 2 })).toBe(0.599);
    expect(caseloadPercent({ emergency: 2, moderate: 4, simple: 3, not_assessed: 2 })).toBe(59.9);
    expect(capacityStatus({ moderate: 18 })).toBe('near');
    expect(capacityStatus({ moderate: 17 })).toBe('ok');
    expect(capacityStatus({})).toBe('ok');
  });

  it('uses configured weights: with complex at 0.125 eight complex cases are full and nine are over', () => {
    const weights = { ...defaultCaseloadWeights, complex: 0.125 };
    expect(caseloadPercent({ complex: 8 }, weights)).toBe(100);
    expect(capacityStatus({ complex: 9 }, weights)).toBe('over');
  });

  it('refuses weights outside 0.001–1', () => {
    expect(checkWeights(defaultCaseloadWeights)).toEqual([]);
    expect(checkWeights({ ...defaultCaseloadWeights, simple: 0, complex: 2 })).toEqual(['weight_out_of_range:simple', 'weight_out_of_range:complex']);
  });
});
