import { ageInYears } from '../caregivers/matching.ts';
import { DomainError } from '../errors.ts';
import type { AgeGroup } from '../institutions/institutions.ts';

/**
 * Gatekeeping panels and coordination bodies (SPEC §3, §9; 001 §3.ii, §6.i, §6.vii, Annexes 2–3): who sits on them,
 * how a meeting reaches quorum and adopts a motion, and what a best-interests determination must record.
 */

/** Kinds of body: the two gatekeeping panels take case submissions, the two coordination bodies take free items. */
export const bodyKinds = ['child_rights_commission', 'guardianship_body', 'better_care_council', 'community_taskforce'] as const;
/** One kind of body. */
export type BodyKind = (typeof bodyKinds)[number];

/** Whether the body decides on children's cases (a gatekeeping panel) rather than steering the reform. */
export function isGatekeepingPanel(kind: BodyKind): boolean {
  return kind === 'child_rights_commission' || kind === 'guardianship_body';
}

/** Where a member works. */
export const memberSectors = ['local_government', 'social_services', 'child_affairs', 'education', 'health', 'police', 'civil_society', 'service_provider', 'other'] as const;
/** One sector. */
export type MemberSector = (typeof memberSectors)[number];

/** A member's role on the body. */
export const memberRoles = ['chair', 'secretary', 'member'] as const;
/** One role. */
export type MemberRole = (typeof memberRoles)[number];

/** How a member attended a meeting. */
export const presences = ['in_person', 'online', 'absent'] as const;
/** One presence. */
export type Presence = (typeof presences)[number];

/** A vote on a motion. */
export const voteChoices = ['for', 'against', 'abstain'] as const;
/** One vote. */
export type VoteChoice = (typeof voteChoices)[number];

/** Whether a membership period (inclusive dates) covers the day. */
export function isCurrentMember(m: { fromDate: string; toDate: string | null }, day: string): boolean {
  return m.fromDate <= day && (m.toDate === null || m.toDate >= day);
}

/** Quorum: more than half of the body's current members are present (in person or online). */
export function hasQuorum(currentMembers: number, present: number): boolean {
  return currentMembers > 0 && present * 2 > currentMembers;
}

/** The outcome of a vote. */
export type VoteOutcome = { adopted: boolean; for: number; against: number; abstain: number; castingVote: boolean };

/**
 * Counts a vote: a simple majority of the votes cast (for against against; abstentions do not count as cast); on a
 * tie the chair's vote decides (the casting vote) — when the chair abstained or did not vote, a tie is not adopted.
 * Without quorum nothing can be adopted: the vote is refused.
 */
export function countVotes(input: { currentMembers: number; present: number; votes: ReadonlyArray<{ vote: VoteChoice; isChair: boolean }> }): VoteOutcome {
  if (!hasQuorum(input.currentMembers, input.present)) throw new DomainError('panel_no_quorum', 'Without quorum nothing can be adopted', { currentMembers: input.currentMembers, present: input.present, needed: Math.floor(input.currentMembers / 2) + 1 });
  const tally = { for: 0, against: 0, abstain: 0 };
  for (const v of input.votes) tally[v.vote] += 1;
  if (tally.for !== tally.against) return { adopted: tally.for > tally.against, ...tally, castingVote: false };
  if (tally.for === 0) return { adopted: false, ...tally, castingVote: false };
  const chair = input.votes.find((v) => v.isChair);
  if (!chair || chair.vote === 'abstain') return { adopted: false, ...tally, castingVote: false };
  return { adopted: chair.vote === 'for', ...tally, castingVote: true };
}

/** A member as the conflict rule sees them. */
export type ConflictFacts = { organisationId: string | null; organisationType: string | null; institutionId: string | null };

/** Whether a member works for an alternative-care provider (a service provider or an institution) — flagged on the body. */
export function worksForProvider(m: ConflictFacts): boolean {
  return m.institutionId !== null || m.organisationType === 'service_provider';
}

/** Whether the member may not vote on a submission concerning the provider (its current or proposed placement). */
export function hasConflictOn(m: ConflictFacts, provider: { organisationId: string | null; institutionId: string | null }): boolean {
  if (!worksForProvider(m)) return false;
  return (m.organisationId !== null && m.organisationId === provider.organisationId) || (m.institutionId !== null && m.institutionId === provider.institutionId);
}

/** Options a best-interests determination considers (SPEC §3), family-based first. */
export const careOptions = ['family_of_origin_with_support', 'kinship', 'foster_family', 'family_type_home', 'guardianship', 'adoption', 'institution'] as const;
/** One option. */
export type CareOption = (typeof careOptions)[number];
/** The family-based options: an institution may only be chosen when every one of them is ruled out with reasons. */
export const familyBasedOptions = careOptions.filter((o) => o !== 'institution') as Exclude<CareOption, 'institution'>[];

/** The care type of the child's care-arrangement history an adopted option starts; null when the child stays home. */
export function careTypeOf(option: CareOption): 'kinship' | 'foster_family' | 'family_type_home' | 'guardianship' | 'adoption' | 'institution' | null {
  return option === 'family_of_origin_with_support' ? null : option;
}

/** One option as considered. */
export type ConsideredOption = { option: CareOption; necessity: string; suitability: string; ruledOutReason: string };

/**
 * Checks a determination: the chosen option is among those considered with its reasoning; the child's views are
 * recorded or why they were not heard; choosing an institution needs a recorded reason ruling out every family-based
 * option (refused, naming the options missing).
 */
export function checkDetermination(d: { options: readonly ConsideredOption[]; chosenOption: CareOption; childViews: string; childNotHeardReason: string }): void {
  const seen = new Set<string>();
  for (const o of d.options) {
    if (seen.has(o.option)) throw new DomainError('panel_option_repeated', 'An option is listed twice', { option: o.option });
    seen.add(o.option);
  }
  if (d.chosenOption === 'institution') {
    const missing = familyBasedOptions.filter((f) => !d.options.some((o) => o.option === f && o.ruledOutReason.trim().length > 0));
    if (missing.length > 0) throw new DomainError('panel_institution_without_reasons', `An institution may be chosen only when every family-based option is ruled out with a recorded reason; missing: ${missing.join(', ')}`, { missing });
  }
  const chosen = d.options.find((o) => o.option === d.chosenOption);
  if (!chosen || chosen.necessity.trim() === '' || chosen.suitability.trim() === '') throw new DomainError('panel_chosen_option_unreasoned', 'The chosen option needs its necessity and suitability reasoning', { option: d.chosenOption });
  if (d.childViews.trim() === '' && d.childNotHeardReason.trim() === '') throw new DomainError('panel_child_views_missing', 'Record the child’s views or why they could not be heard');
}

/** The first day of the quarter before the day's (a body that has not met since is flagged). */
export function quarterAgo(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - 3, d));
  return date.toISOString().slice(0, 10);
}

/** Flags of a body: no meeting held in the last quarter (three months); a panel's first five meetings are mentored. */
export function bodyFlags(kind: BodyKind, meetingDays: readonly string[], today: string): { notMetInQuarter: boolean; mentoring: boolean } {
  const held = meetingDays.filter((d) => d <= today);
  const since = quarterAgo(today);
  return { notMetInQuarter: !held.some((d) => d >= since), mentoring: isGatekeepingPanel(kind) && held.length < 5 };
}

/** Whether a meeting (its rank among the body's meetings, 1-based) carries the mentoring flag: a panel's first five. */
export function isMentoredMeeting(kind: BodyKind, rank: number): boolean {
  return isGatekeepingPanel(kind) && rank <= 5;
}

/** Statuses of an action item. */
export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
/** One status. */
export type ActionStatus = (typeof actionStatuses)[number];

/** An action item is overdue when it is not finished and its due date has passed. */
export function isActionOverdue(a: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return (a.status === 'open' || a.status === 'in_progress') && a.dueDate < today;
}

/** Age bands of the analytics (the bands of the institutions register, SPEC §10.3), or unknown without a birth date. */
export function ageBandOf(birthDate: string | null, on: string): AgeGroup | 'unknown' {
  if (!birthDate) return 'unknown';
  const age = ageInYears(birthDate, on);
  return age < 1 ? 'under_1' : age <= 2 ? '1_2' : age <= 5 ? '3_5' : age <= 10 ? '6_10' : age <= 14 ? '11_14' : '15_17';
}

/** The quarter of a day, `YYYY-Qn`. */
export function quarterOf(day: string): string {
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}
