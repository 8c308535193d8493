import type { PolicyPart } from '../route-policy-kit.ts';

/**
 * The route policies of each area, kept in their own files so that areas grow without editing one long table.
 * A part declares its routes' policies and, when the matrix needs records of its own, seeds them (`seedIds`).
 * Add a part: `import * as x from './x.ts'` and list it here.
 */
export const policyParts: readonly PolicyPart[] = [];
