import { addDays, compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/**
 * The child's care-arrangement history (SPEC §2.11): episodes with a type, start and end. History is data: episodes
 * are added and ended, never rewritten.
 */

/** Types of care arrangement (SPEC §2.11, §5.1). */
export const careTypes = ['own_family', 'kinship', 'guardianship', 'foster_family', 'family_type_home', 'patronage', 'institution', 'supported_independent_living', 'adoption'] as const;
/** One care type. */
export type CareType = (typeof careTypes)[number];

/** Kinds of residential institution for children (SPEC §6 register; until it exists, the kind is coded here). */
export const institutionTypes = ['baby_home', 'children_home', 'boarding_school', 'special_boarding_school', 'rehabilitation_centre', 'social_care_home', 'shelter', 'other'] as const;
/** One institution type. */
export type InstitutionType = (typeof institutionTypes)[number];

/** The ministry an institution answers to, or private (SPEC §6; 001 Annex 5: institutions by subordination). */
export const institutionSubordinations = ['social_policy', 'health', 'education', 'private'] as const;
/** One subordination. */
export type InstitutionSubordination = (typeof institutionSubordinations)[number];

/**
 * Family-based care is every arrangement but an institution: the National Strategy for Ensuring the Right of Every
 * Child to Grow up in a Family Environment 2024–2028 (001, Pillar 2) and the UN Guidelines for the Alternative Care
 * of Children prefer it; analytics show its share (SPEC §1, §10).
 */
export function isFamilyBased(type: CareType): boolean {
  return type !== 'institution';
}

/** The dates of an episode; `endDate` is null while the episode is current. Both dates are inclusive. */
export type EpisodeSpan = { id: string; startDate: IsoDate; endDate: IsoDate | null };

/** Whether two episodes share at least one day. */
export function episodesOverlap(a: Pick<EpisodeSpan, 'startDate' | 'endDate'>, b: Pick<EpisodeSpan, 'startDate' | 'endDate'>): boolean {
  const aStartsBeforeBEnds = b.endDate === null || compareIsoDates(a.startDate, b.endDate) <= 0;
  const bStartsBeforeAEnds = a.endDate === null || compareIsoDates(b.startDate, a.endDate) <= 0;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** A problem in a care history. */
export type EpisodeConflict = { kind: 'overlap'; ids: [string, string] } | { kind: 'several_open'; ids: string[] };

/** Every pair of overlapping episodes, and the current ones when there is more than one. */
export function findEpisodeConflicts(episodes: readonly EpisodeSpan[]): EpisodeConflict[] {
  const conflicts: EpisodeConflict[] = [];
  for (let i = 0; i < episodes.length; i += 1) {
    for (let j = i + 1; j < episodes.length; j += 1) {
      const a = episodes[i];
      const b = episodes[j];
      if (a && b && episodesOverlap(a, b)) conflicts.push({ kind: 'overlap', ids: [a.id, b.id] });
    }
  }
  const open = episodes.filter((e) => e.endDate === null);
  if (open.length > 1) conflicts.push({ kind: 'several_open', ids: open.map((e) => e.id) });
  return conflicts;
}

/** A child lives in one arrangement at a time (SPEC §2.11): a history is valid when no episodes overlap and at most one is current. */
export function isValidEpisodeHistory(episodes: readonly EpisodeSpan[]): boolean {
  return findEpisodeConflicts(episodes).length === 0;
}

/** Dates of an episode: the end is not before the start, and neither lies after today (the history records facts). */
export function checkEpisodeDates(span: Pick<EpisodeSpan, 'startDate' | 'endDate'>, today: IsoDate): void {
  if (span.endDate !== null && compareIsoDates(span.endDate, span.startDate) < 0) throw new DomainError('care_episode_dates_invalid', 'The episode ends before it starts', { startDate: span.startDate, endDate: span.endDate });
  if (compareIsoDates(span.startDate, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'startDate' });
  if (span.endDate !== null && compareIsoDates(span.endDate, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'endDate' });
}

/** Institution details as entered. */
export type InstitutionDetails = { careType: CareType; institutionType: InstitutionType | null; institutionSubordination: InstitutionSubordination | null };

/** An institution episode names the institution's type and subordination (SPEC §2.11, §6); other types carry neither. */
export function checkInstitutionDetails(d: InstitutionDetails): void {
  const hasDetails = d.institutionType !== null || d.institutionSubordination !== null;
  if (d.careType === 'institution' && (d.institutionType === null || d.institutionSubordination === null)) {
    throw new DomainError('institution_details_required', 'An institution episode needs the institution type and subordination');
  }
  if (d.careType !== 'institution' && hasDetails) throw new DomainError('institution_details_not_applicable', 'Institution details belong only to an institution episode');
}

/** What adding an episode does to the history: possibly end the current episode first. */
export type EpisodePlan = { close: { id: string; endDate: IsoDate } | null };

/**
 * Plans adding an episode to a child's history. A new current episode that starts after the current one began
 * ends the current one the day before: the new placement decision is the fact that ends the old arrangement, and
 * asking the worker for two separate steps invites a forgotten end and a broken history. Anything else that would
 * overlap is refused with `care_episode_overlap` (history is corrected by ending episodes, not by rewriting them).
 */
export function planNewEpisode(existing: readonly EpisodeSpan[], candidate: Pick<EpisodeSpan, 'startDate' | 'endDate'>, today: IsoDate): EpisodePlan {
  checkEpisodeDates(candidate, today);
  const current = existing.find((e) => e.endDate === null);
  let close: EpisodePlan['close'] = null;
  let after = existing;
  if (current && candidate.endDate === null && compareIsoDates(candidate.startDate, current.startDate) > 0) {
    close = { id: current.id, endDate: addDays(candidate.startDate, -1) };
    after = existing.map((e) => (e.id === current.id ? { ...e, endDate: addDays(candidate.startDate, -1) } : e));
  }
  const clash = after.find((e) => episodesOverlap(e, candidate));
  if (clash) throw new DomainError('care_episode_overlap', 'The child was in another care arrangement during these dates', { episodeId: clash.id, startDate: clash.startDate, endDate: clash.endDate });
  return { close };
}

/** Checks ending a current episode on a date: it must still be current, and the date must be a valid end. */
export function checkEpisodeEnd(episode: EpisodeSpan, endDate: IsoDate, today: IsoDate): void {
  if (episode.endDate !== null) throw new DomainError('care_episode_already_ended', 'The episode has already ended', { endDate: episode.endDate });
  checkEpisodeDates({ startDate: episode.startDate, endDate }, today);
}
