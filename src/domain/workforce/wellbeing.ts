/** One wellbeing check-in: 1 = low, 5 = high. */
export type Checkin = { exhaustion: number; stress: number; support: number };

/** The smallest number of check-ins an aggregate is shown for, so that no one's answers can be singled out. */
export const minCheckinsForAggregate = 3;

/** The team's burnout signal: averages and a level, or null below the minimum number of check-ins. */
export type BurnoutSignal = { checkins: number; exhaustion: number; stress: number; support: number; level: 'low' | 'elevated' | 'high' };

const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

/**
 * Aggregates check-ins into a burnout signal: the strain score is the mean of exhaustion, stress and (6 − support);
 * high from 4, elevated from 3. Never computed for fewer than three check-ins.
 */
export function burnoutSignal(checkins: readonly Checkin[]): BurnoutSignal | null {
  if (checkins.length < minCheckinsForAggregate) return null;
  const exhaustion = avg(checkins.map((c) => c.exhaustion));
  const stress = avg(checkins.map((c) => c.stress));
  const support = avg(checkins.map((c) => c.support));
  const strain = (exhaustion + stress + (6 - support)) / 3;
  return { checkins: checkins.length, exhaustion, stress, support, level: strain >= 4 ? 'high' : strain >= 3 ? 'elevated' : 'low' };
}
