import type { CaregiverType } from './caregivers.ts';

/**
 * Matching suggests caregivers for a child (SPEC §5.2, §2.11) by free places, distance, the sibling group, age and
 * disability specialisation. Each point of the score has a reason the worker sees; the decision stays theirs.
 */

/** Caregiver types matching proposes; adoption is decided by a court, not by choosing from a list. */
export const matchableTypes: readonly CaregiverType[] = ['foster_family', 'family_type_home', 'patronage', 'guardianship', 'kinship'];

/** Reasons for or against a candidate, each with its points. */
export const matchReasons = [
  'same_hromada',
  'same_rayon',
  'same_oblast',
  'other_oblast',
  'free_places',
  'siblings_together',
  'siblings_not_accepted',
  'not_enough_places_for_siblings',
  'age_fits',
  'age_outside_range',
  'disability_specialised',
  'no_disability_specialisation',
] as const;
/** One reason code. */
export type MatchReason = (typeof matchReasons)[number];

/** Where something is in the territory tree. */
export type Place = { hromadaId: string; rayonId: string | null; oblastId: string | null };

/** The child to place and the siblings to be placed with them. */
export type MatchChild = { ageYears: number; disability: boolean; place: Place; siblingGroupSize: number };

/** A caregiver as matching sees them. */
export type MatchCandidate = { id: string; type: CaregiverType; capacity: number; placedNow: number; ageFrom: number; ageTo: number; siblingsAccepted: boolean; disabilitySpecialisation: boolean; place: Place };

/** A ranked candidate. */
export type MatchResult = { id: string; score: number; freePlaces: number; reasons: Array<{ code: MatchReason; points: number }> };

/** Points of each reason; distance weighs most, then the sibling group, age and specialisation (family ties and school stay). */
export const reasonPoints: Record<MatchReason, number> = {
  same_hromada: 40,
  same_rayon: 25,
  same_oblast: 10,
  other_oblast: 0,
  free_places: 5,
  siblings_together: 20,
  siblings_not_accepted: -30,
  not_enough_places_for_siblings: -20,
  age_fits: 20,
  age_outside_range: -25,
  disability_specialised: 20,
  no_disability_specialisation: -15,
};

function distanceReason(child: Place, c: Place): MatchReason {
  if (child.hromadaId === c.hromadaId) return 'same_hromada';
  if (child.rayonId !== null && child.rayonId === c.rayonId) return 'same_rayon';
  if (child.oblastId !== null && child.oblastId === c.oblastId) return 'same_oblast';
  return 'other_oblast';
}

/** Scores one candidate with its reasons. */
export function scoreCandidate(child: MatchChild, c: MatchCandidate): MatchResult {
  const freePlaces = Math.max(0, c.capacity - c.placedNow);
  const reasons: MatchResult['reasons'] = [];
  const add = (code: MatchReason, points = reasonPoints[code]) => reasons.push({ code, points });
  add(distanceReason(child.place, c.place));
  add('free_places', Math.min(3, freePlaces) * reasonPoints.free_places);
  if (child.siblingGroupSize > 1) {
    if (!c.siblingsAccepted) add('siblings_not_accepted');
    else if (freePlaces < child.siblingGroupSize) add('not_enough_places_for_siblings');
    else add('siblings_together');
  }
  add(child.ageYears >= c.ageFrom && child.ageYears <= c.ageTo ? 'age_fits' : 'age_outside_range');
  if (child.disability) add(c.disabilitySpecialisation ? 'disability_specialised' : 'no_disability_specialisation');
  return { id: c.id, score: reasons.reduce((s, r) => s + r.points, 0), freePlaces, reasons };
}

/** Candidates with a free place, of a matchable type, best first (ties: more free places, then id for a stable order). */
export function rankCandidates(child: MatchChild, candidates: readonly MatchCandidate[]): MatchResult[] {
  return candidates
    .filter((c) => matchableTypes.includes(c.type) && c.capacity - c.placedNow > 0)
    .map((c) => scoreCandidate(child, c))
    .sort((a, b) => b.score - a.score || b.freePlaces - a.freePlaces || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Full years between a birth date and a day (both ISO dates). */
export function ageInYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
