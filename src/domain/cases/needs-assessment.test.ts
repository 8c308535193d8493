import { describe, expect, it } from 'vitest';
import { adultIndicators, childIndicators, completionPercent, emptyNeedsAssessment, familyIndicators, findMissingParts } from './needs-assessment.ts';
import { isUrgentReport } from '../intake/factors.ts';

const household = [
  { personId: 'c1', role: 'child' as const },
  { personId: 'a1', role: 'adult' as const },
];
const rated = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, { rating: 'some_concern' as const, note: '' }]));

describe('needs-assessment completeness (Order 1005)', () => {
  it('lists every missing part of an empty act and none of a complete one', () => {
    const empty = emptyNeedsAssessment(household.map((h) => ({ ...h, disability: false })));
    const missing = findMissingParts(empty, household);
    expect(missing.filter((m) => m.section === 'children' && m.path.startsWith('indicators.'))).toHaveLength(childIndicators.length);
    expect(missing.filter((m) => m.section === 'adults' && m.path.startsWith('indicators.'))).toHaveLength(adultIndicators.length);
    expect(missing).toEqual(expect.arrayContaining([{ section: 'children', path: 'childViews', personId: 'c1' }, { section: 'conclusion', path: 'complexity' }]));
    expect(completionPercent(empty, household)).toBe(0);
    const full = {
      ...empty,
      members: empty.members.map((m) => ({ ...m, legalCapacity: 'full' as const })),
      children: empty.children.map((c) => ({ ...c, indicators: rated(childIndicators), strengths: 's', needs: 'n', childViewsNotHeardReason: 'немовля' })),
      adults: empty.adults.map((a) => ({ ...a, indicators: rated(adultIndicators), strengths: 's', needs: 'n' })),
      family: { indicators: rated(familyIndicators), strengths: 's', needs: 'n' },
      conclusion: { ...empty.conclusion, complexity: 'moderate' as const, summary: 'x', familyAgreement: 'agrees' as const, agreementDate: '2026-11-20' },
    };
    expect(findMissingParts(full, household)).toEqual([]);
    expect(completionPercent(full, household)).toBe(100);
  });

  it('notices a household member missing from the act', () => {
    const act = emptyNeedsAssessment([{ personId: 'c1', role: 'child', disability: false }]);
    expect(findMissingParts(act, household)).toEqual(expect.arrayContaining([{ section: 'members', path: 'member', personId: 'a1' }, { section: 'adults', path: 'adult', personId: 'a1' }]));
  });
});

describe('urgency of a report (Resolution 585 §12)', () => {
  it.each([
    [['domestic_violence'], false, true],
    [['cruel_treatment_sexual_exploitation'], false, true],
    [['homelessness'], true, true],
    [['homelessness', 'loss_of_social_ties'], false, false],
    [[], false, false],
  ])('%j with threat=%s → urgent %s', (factors, threat, urgent) => {
    expect(isUrgentReport(factors, threat)).toBe(urgent);
  });
});
