/** Case types of SPEC §2.1. */
export const caseTypes = ['prevention', 'reintegration', 'alternative_care', 'returning_child', 'care_leaver'] as const;
/** One case type. */
export type CaseType = (typeof caseTypes)[number];

/** Case complexity from the needs-assessment conclusion (Order 1005; SPEC §2.5). */
export const complexities = ['simple', 'moderate', 'complex', 'emergency'] as const;
/** One complexity class. */
export type Complexity = (typeof complexities)[number];

/** Case status. */
export const caseStatuses = ['open', 'closed'] as const;
/** Open or closed. */
export type CaseStatus = (typeof caseStatuses)[number];
