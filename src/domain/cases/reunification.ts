import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';
import type { CaseType } from './case-types.ts';
import { stepsByCaseType } from './workflow.ts';

/**
 * Preparation of the child and the family for reunification or placement (SPEC §2.10: "preparation of child and
 * family for reunification as planned activities"; source 000 §3.6–3.7: emotional, psychological and practical
 * preparation, gradual contact, farewells). Ukrainian law has no procedure for it (000 §3.6, gap analysis); the
 * codes follow the recommended practice.
 */

/** Kinds of preparation activity. */
export const preparationActivityKinds = ['child_preparation', 'family_preparation', 'family_contact', 'trial_stay', 'practical_arrangements', 'farewell', 'other'] as const;
/** One kind of preparation activity. */
export type PreparationActivityKind = (typeof preparationActivityKinds)[number];

/** Whether a case type goes through reunification or placement, and so through preparation for it (SPEC §2.2: prevention skips both). */
export function hasPreparation(caseType: CaseType): boolean {
  return stepsByCaseType[caseType].includes('reunification');
}

/** A preparation activity records what happened: it cannot be dated after today. */
export function checkPreparationDate(activityDate: IsoDate, today: IsoDate): void {
  if (compareIsoDates(activityDate, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'activityDate' });
}
