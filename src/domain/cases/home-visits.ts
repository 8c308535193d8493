import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/** Where a visit took place (SPEC §2.10). */
export const visitPlaces = ['home', 'school', 'office', 'other'] as const;
/** One place. */
export type VisitPlace = (typeof visitPlaces)[number];

/** Whether the child was seen alone, without the caregivers — a core safeguarding check of every visit. */
export const childSeenAloneAnswers = ['yes', 'no', 'not_applicable'] as const;
/** One answer. */
export type ChildSeenAlone = (typeof childSeenAloneAnswers)[number];

/** The parts of a visit the rules read. */
export type HomeVisitDraft = {
  plannedDate: IsoDate | null;
  doneDate: IsoDate | null;
  place: VisitPlace;
  address: string;
  visitorCount: number;
  childSeenAlone: ChildSeenAlone | null;
  childSeenAloneReason: string;
  observations: string;
  safetyConcerns: boolean;
  safetyConcernsText: string;
  nextVisitProposed: IsoDate | null;
};

/** What is wrong with a visit record, as field paths (empty when it can be saved). */
export function findVisitProblems(v: HomeVisitDraft, today: IsoDate): string[] {
  const problems: string[] = [];
  if (v.plannedDate === null && v.doneDate === null) problems.push('plannedDate');
  if (v.place === 'other' && v.address.trim() === '') problems.push('address');
  if (v.safetyConcerns && v.safetyConcernsText.trim() === '') problems.push('safetyConcernsText');
  if (v.childSeenAlone === 'not_applicable' && v.childSeenAloneReason.trim() === '') problems.push('childSeenAloneReason');
  if (v.doneDate !== null) {
    if (compareIsoDates(v.doneDate, today) > 0) problems.push('doneDate');
    // A visit that took place records who went, whether the child was seen alone and what was observed.
    if (v.visitorCount === 0) problems.push('visitors');
    if (v.childSeenAlone === null) problems.push('childSeenAlone');
    if (v.observations.trim() === '') problems.push('observations');
  } else if (v.childSeenAlone !== null || v.safetyConcerns) {
    // Findings belong to a visit that took place; a planned one may carry its purpose in the observations.
    problems.push('doneDate');
  }
  const reference = v.doneDate ?? v.plannedDate;
  if (v.nextVisitProposed !== null && reference !== null && compareIsoDates(v.nextVisitProposed, reference) <= 0) problems.push('nextVisitProposed');
  return problems;
}

/** Throws `home_visit_incomplete` with the failing fields when the visit cannot be saved. */
export function checkHomeVisit(v: HomeVisitDraft, today: IsoDate): void {
  const problems = findVisitProblems(v, today);
  if (problems.length > 0) throw new DomainError('home_visit_incomplete', 'Some parts of the visit record are missing or wrong', { problems });
}

/** Whether a once-recorded visit was just marked as done (it then meets the visit deadline and starts the next interval). */
export function becameDone(before: { doneDate: IsoDate | null } | null, after: { doneDate: IsoDate | null }): boolean {
  return (before === null || before.doneDate === null) && after.doneDate !== null;
}
