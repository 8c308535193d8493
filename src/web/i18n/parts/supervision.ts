import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of the approvals queue, supervisor team view, deadline rules screens: Ukrainian first, English complete.
 * Spread at the top level of uk.ts/en.ts; use top-level keys of your own (no other part may use them).
 */
const uk = {} as const;

const en: DeepStrings<typeof uk> = {};

export const supervisionMessages = { uk, en };
