import type { CalendarConfig } from '../calendar/working-calendar.ts';
import { computeDueDate, pickRule, type DeadlineRule } from '../deadlines/deadline-rules.ts';
import type { CareType } from './care-episodes.ts';
import type { Complexity } from './case-types.ts';

/**
 * Case review (SPEC §2.13; 000 §3.9): periodic reviews re-score the well-being benchmarks and judge each goal of the
 * agreed plan fully / partially / not achieved; case conferences bring the interdisciplinary team, the child and the
 * family together; reviews of children in temporary care include exit/permanency planning. The judgement scale is the
 * one of the Order 1005 "report on results of social support" (Order of the Ministry of Social Policy No. 1005 of 13.07.2018).
 */
export const reviewKinds = ['periodic_review', 'case_conference'] as const;
/** A periodic review, or a case conference with the team, the child and the family. */
export type ReviewKind = (typeof reviewKinds)[number];

/** What the review decided (000 §3.9: adjust the plan to the child's changing needs; §2.12: refer to the commission). */
export const reviewDecisions = ['continue', 'revise_plan', 'prepare_closure', 'refer_to_commission'] as const;
/** One review decision. */
export type ReviewDecision = (typeof reviewDecisions)[number];

/** How far a goal of the plan was achieved (Order 1005 report: "досягнуто повністю / частково / не досягнуто"). */
export const goalAchievements = ['fully', 'partially', 'not_achieved'] as const;
/** One level of achievement. */
export type GoalAchievement = (typeof goalAchievements)[number];

/** One goal judged, by the stable key of the plan goal (kept across plan versions). */
export type GoalResult = { goalKey: string; achievement: GoalAchievement; comment: string };

/**
 * Care arrangements that are temporary by design and so need exit/permanency planning at each review
 * (000 §3.9: "exit planning for children in temporary care like foster care aiming for stable, permanent family
 * settings"; patronage is temporary care by definition, Family Code of Ukraine art. 252).
 */
export const temporaryCareTypes: readonly CareType[] = ['foster_family', 'family_type_home', 'patronage', 'institution'];

/** Whether a current care arrangement of this type needs exit/permanency planning. */
export function isTemporaryCare(type: CareType): boolean {
  return temporaryCareTypes.includes(type);
}

/** The deadline rule a case's next review follows: 3 months for complex and emergency cases, 6 for others (SPEC §2.15, Rodyna defaults). */
export function reviewRuleKey(complexity: Complexity | null): 'review_complex' | 'review_other' {
  return complexity === 'complex' || complexity === 'emergency' ? 'review_complex' : 'review_other';
}

/** The next review's due date counted from `from` (a review, a baseline or a reopening) by the configured rule. */
export function nextReviewDue(input: { complexity: Complexity | null; caseType: string; from: string; rules: readonly DeadlineRule[]; calendar: CalendarConfig }): { ruleKey: 'review_complex' | 'review_other'; dueDate: string; rule: DeadlineRule } {
  const ruleKey = reviewRuleKey(input.complexity);
  const rule = pickRule(input.rules, ruleKey, input.caseType);
  return { ruleKey, dueDate: computeDueDate(rule, input.from, input.calendar), rule };
}

/** Goals of the plan without a judgement, and judged keys that are not goals of the plan. */
export function compareGoalResults(planGoalKeys: readonly string[], results: readonly Pick<GoalResult, 'goalKey'>[]): { missing: string[]; unknown: string[]; duplicate: string[] } {
  const judged = results.map((r) => r.goalKey);
  const seen = new Set<string>();
  const duplicate = judged.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
  return { missing: planGoalKeys.filter((k) => !judged.includes(k)), unknown: [...new Set(judged.filter((k) => !planGoalKeys.includes(k)))], duplicate: [...new Set(duplicate)] };
}

/** A part of a review that must be filled; `keys` names the goals or children concerned. */
export type ReviewGap = { path: 'childViews' | 'goalResults' | 'participants' | 'benchmarks' | 'permanencyPlanning'; keys?: string[] };

/** What is checked of a review before it is saved. */
export type ReviewDraft = {
  kind: ReviewKind;
  participants: readonly unknown[];
  childViews: string;
  childViewsNotHeardReason: string;
  goalResults: readonly Pick<GoalResult, 'goalKey'>[];
  /** Children of the case re-scored at this review. */
  scoredChildIds: readonly string[];
  permanencyPlanning: string;
};

/** The case facts a review is checked against. */
export type ReviewContext = { planGoalKeys: readonly string[]; childIds: readonly string[]; inTemporaryCare: boolean };

/**
 * What a review still lacks (SPEC §1 child participation, §2.13): the child's views or why they were not heard; a
 * judgement of every goal of the agreed plan; for a case conference, its participants; for a periodic review, the
 * benchmarks re-scored for every child; for a child in temporary care, the exit/permanency planning note.
 */
export function findReviewGaps(review: ReviewDraft, ctx: ReviewContext): ReviewGap[] {
  const gaps: ReviewGap[] = [];
  if (!review.childViews.trim() && !review.childViewsNotHeardReason.trim()) gaps.push({ path: 'childViews' });
  const { missing } = compareGoalResults(ctx.planGoalKeys, review.goalResults);
  if (missing.length > 0) gaps.push({ path: 'goalResults', keys: missing });
  if (review.kind === 'case_conference' && review.participants.length === 0) gaps.push({ path: 'participants' });
  const unscored = ctx.childIds.filter((c) => !review.scoredChildIds.includes(c));
  if (review.kind === 'periodic_review' && unscored.length > 0) gaps.push({ path: 'benchmarks', keys: unscored });
  if (ctx.inTemporaryCare && !review.permanencyPlanning.trim()) gaps.push({ path: 'permanencyPlanning' });
  return gaps;
}
