import type { TFunction } from 'i18next';

/** Free places of a service: capacity minus places held by accepted or running referrals (never below zero). */
export function freePlaces(s: { capacity: number | null; inUse: number }): number | null {
  return s.capacity === null ? null : Math.max(0, s.capacity - s.inUse);
}

/** «вільних місць: 3 з 20» / «вільних місць немає (зайнято 4 з 4)» / «кількість місць не зазначено». */
export function placesText(t: TFunction, s: { capacity: number | null; inUse: number }): string {
  const free = freePlaces(s);
  if (free === null || s.capacity === null) return t('referrals.places.unknown');
  if (free === 0) return t('referrals.places.full', { inUse: s.inUse, capacity: s.capacity });
  return t('referrals.places.free', { free, capacity: s.capacity });
}
