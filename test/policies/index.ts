import type { PolicyPart } from '../route-policy-kit.ts';
import * as consent from './consent.ts';
import * as dashboards from './dashboards.ts';
import * as indicators from './indicators.ts';
import * as secondFactor from './second-factor.ts';
import * as panels from './panels.ts';
import * as workforce from './workforce.ts';
import * as communityPlanning from './community-planning.ts';

/**
 * The route policies of each area, kept in their own files so that areas grow without editing one long table.
 * A part declares its routes' policies and, when the matrix needs records of its own, seeds them (`seedIds`).
 * Add a part: `import * as x from './x.ts'` and list it here.
 */
export const policyParts: readonly PolicyPart[] = [consent, secondFactor, panels, workforce, dashboards, indicators, communityPlanning];
