import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of the benchmarks, team, notes, home visits, delivered services, plan reports, reviews, closure, follow-ups screens: Ukrainian first, English complete.
 * Spread at the top level of uk.ts/en.ts; use top-level keys of your own (no other part may use them).
 */
const uk = {} as const;

const en: DeepStrings<typeof uk> = {};

export const monitoringMessages = { uk, en };
