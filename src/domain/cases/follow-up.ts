import { addDays, diffInDays, type IsoDate } from '../calendar/iso-date.ts';
import { nextWorkingDayOnOrAfter, type CalendarConfig } from '../calendar/working-calendar.ts';
import { computeDueDate, pickRule, type DeadlineRule } from '../deadlines/deadline-rules.ts';
import { DomainError } from '../errors.ts';

/**
 * Post-closure follow-up (SPEC §2.14; 000 §3.10 recommendation 3: "Conduct random post-closure visits to ensure that
 * children and families are safe and that the closure is successful or, if not, that the case is assessed and
 * referrals to services are made"). Every closed case gets a scheduled visit (`post_closure_follow_up` rule, Rodyna
 * default 3 months, SPEC §2.15); a share of closed cases also gets an unannounced visit on a random date.
 *
 * "Random" is deterministic: a case is picked when a hash of its id falls below the share, and the date is drawn from a
 * second hash of the id. The same case id always gives the same answer, so tests are stable, a re-run of the closure
 * cannot re-roll the dice, and an auditor can recompute the pick. Over many case ids (UUIDs) the picked share
 * converges to the configured share (checked by a test).
 */
export const followUpSelections = ['scheduled', 'random'] as const;
/** Why a visit exists: the scheduled follow-up, or the random pick. */
export type FollowUpSelection = (typeof followUpSelections)[number];

/** What a follow-up visit found. */
export const followUpOutcomes = ['family_care_stable', 'concerns', 'case_reopened'] as const;
/** One outcome of a follow-up visit. */
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/** Where a follow-up visit stands: planned, done, or cancelled because the case was reopened. */
export const followUpStatuses = ['planned', 'done', 'cancelled'] as const;
/** One status of a follow-up visit. */
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** The random part of the follow-up policy: the share of closed cases picked and the window of days after closure the date is drawn from. */
export type FollowUpPolicy = { randomShare: number; randomWindowDays: { from: number; to: number } };

/** Rodyna default: one closed case in five gets a random visit between 1 and 6 months after closure. */
export const defaultFollowUpPolicy: FollowUpPolicy = { randomShare: 0.2, randomWindowDays: { from: 30, to: 180 } };

/** Checks a configured policy: a share between 0 and 1, a window of whole days with from ≤ to. */
export function validateFollowUpPolicy(policy: FollowUpPolicy): void {
  const { randomShare, randomWindowDays: w } = policy;
  if (!(randomShare >= 0 && randomShare <= 1)) throw new DomainError('invalid_follow_up_policy', 'The random share must be between 0 and 1', { randomShare });
  if (!Number.isInteger(w.from) || !Number.isInteger(w.to) || w.from < 1 || w.to < w.from) throw new DomainError('invalid_follow_up_policy', 'The random window must be whole days, 1 ≤ from ≤ to', { window: w });
}

/** A number in [0, 1) from a string: FNV-1a 32-bit with the MurmurHash3 finaliser for avalanche. Pure and stable across platforms. */
export function seededFraction(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

/** Whether the case is picked for a random post-closure visit; seeded by the case id only. */
export function isPickedForRandomFollowUp(caseId: string, share: number): boolean {
  return seededFraction(caseId.toLowerCase()) < share;
}

/** Days an unannounced visit keeps from the scheduled one; a random visit the week of the scheduled one would add nothing. */
export const randomVisitMinGapDays = 14;

/**
 * The random visit's date: a day in the policy's window after closure, drawn from a second hash of the case id, moved
 * to a working day. When it falls within `randomVisitMinGapDays` of `avoid` (the scheduled visit), it moves to that
 * many days after it.
 */
export function randomFollowUpDate(caseId: string, closedOn: IsoDate, policy: FollowUpPolicy, calendar: CalendarConfig, avoid: IsoDate | null = null): IsoDate {
  const { from, to } = policy.randomWindowDays;
  const offset = from + Math.floor(seededFraction(`${caseId.toLowerCase()}#date`) * (to - from + 1));
  const drawn = nextWorkingDayOnOrAfter(addDays(closedOn, offset), calendar);
  if (avoid !== null && Math.abs(diffInDays(drawn, avoid)) < randomVisitMinGapDays) return nextWorkingDayOnOrAfter(addDays(avoid, randomVisitMinGapDays), calendar);
  return drawn;
}

/** The scheduled first follow-up: closure date plus the `post_closure_follow_up` rule (case-type override first). */
export function scheduledFollowUpDate(closedOn: IsoDate, rules: readonly DeadlineRule[], caseType: string, calendar: CalendarConfig): { dueDate: IsoDate; rule: DeadlineRule } {
  const rule = pickRule(rules, 'post_closure_follow_up', caseType);
  return { dueDate: computeDueDate(rule, closedOn, calendar), rule };
}

/** The visits to plan when a case closes: always the scheduled one, and the random one when the case is picked. */
export function planFollowUps(input: { caseId: string; caseType: string; closedOn: IsoDate; rules: readonly DeadlineRule[]; calendar: CalendarConfig; policy: FollowUpPolicy }): Array<{ selection: FollowUpSelection; dueDate: IsoDate; rule: DeadlineRule }> {
  validateFollowUpPolicy(input.policy);
  const scheduled = scheduledFollowUpDate(input.closedOn, input.rules, input.caseType, input.calendar);
  const visits: Array<{ selection: FollowUpSelection; dueDate: IsoDate; rule: DeadlineRule }> = [{ selection: 'scheduled', ...scheduled }];
  if (isPickedForRandomFollowUp(input.caseId, input.policy.randomShare)) {
    visits.push({ selection: 'random', dueDate: randomFollowUpDate(input.caseId, input.closedOn, input.policy, input.calendar, scheduled.dueDate), rule: scheduled.rule });
  }
  return visits;
}
