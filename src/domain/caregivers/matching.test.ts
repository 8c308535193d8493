import { describe, expect, it } from 'vitest';
import { ageInYears, rankCandidates, scoreCandidate, type MatchCandidate, type MatchChild } from './matching.ts';

const child: MatchChild = { ageYears: 8, disability: false, place: { hromadaId: 'bucha', rayonId: 'buchaRayon', oblastId: 'kyiv' }, siblingGroupSize: 1 };
const cand = (id: string, over: Partial<MatchCandidate> = {}): MatchCandidate => ({ id, type: 'foster_family', capacity: 2, placedNow: 0, ageFrom: 0, ageTo: 17, siblingsAccepted: true, disabilitySpecialisation: false, place: { hromadaId: 'bucha', rayonId: 'buchaRayon', oblastId: 'kyiv' }, ...over });

describe('matching (SPEC §5.2)', () => {
  it.each([
    ['same hromada', { hromadaId: 'bucha', rayonId: 'buchaRayon', oblastId: 'kyiv' }, 'same_hromada'],
    ['same rayon', { hromadaId: 'dmytrivka', rayonId: 'buchaRayon', oblastId: 'kyiv' }, 'same_rayon'],
    ['same oblast', { hromadaId: 'x', rayonId: 'other', oblastId: 'kyiv' }, 'same_oblast'],
    ['elsewhere', { hromadaId: 'stryi', rayonId: 'stryiRayon', oblastId: 'lviv' }, 'other_oblast'],
  ] as const)('distance: %s', (_l, place, code) => {
    expect(scoreCandidate(child, cand('a', { place })).reasons[0]?.code).toBe(code);
  });

  it.each([
    [{ siblingGroupSize: 2 }, { siblingsAccepted: true, capacity: 2 }, 'siblings_together'],
    [{ siblingGroupSize: 2 }, { siblingsAccepted: false }, 'siblings_not_accepted'],
    [{ siblingGroupSize: 3 }, { capacity: 2 }, 'not_enough_places_for_siblings'],
    [{ ageYears: 15 }, { ageTo: 10 }, 'age_outside_range'],
    [{ disability: true }, { disabilitySpecialisation: true }, 'disability_specialised'],
    [{ disability: true }, {}, 'no_disability_specialisation'],
  ] as const)('child %o, caregiver %o → %s', (c, over, code) => {
    expect(scoreCandidate({ ...child, ...c }, cand('a', over)).reasons.map((r) => r.code)).toContain(code);
  });

  it('ranks nearer, fitting caregivers first and leaves out full ones and adoption', () => {
    const ranked = rankCandidates({ ...child, disability: true }, [
      cand('far', { place: { hromadaId: 'stryi', rayonId: 'sr', oblastId: 'lviv' }, disabilitySpecialisation: true }),
      cand('near', { disabilitySpecialisation: true }),
      cand('near-no-spec'),
      cand('full', { placedNow: 2 }),
      cand('adopt', { type: 'adoption' }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['near', 'near-no-spec', 'far']);
    expect(ranked[0]).toEqual(expect.objectContaining({ score: 40 + 10 + 20 + 20, freePlaces: 2 }));
  });

  it('counts age in full years', () => {
    expect(ageInYears('2015-04-12', '2026-04-11')).toBe(10);
    expect(ageInYears('2015-04-12', '2026-04-12')).toBe(11);
  });
});
