import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/**
 * An institution's individual transformation plan (001 §6.xi): the target profile, the plan's status and its
 * milestones; progress is the share of milestones done, and a milestone not done after its due date is overdue.
 */
export const targetProfiles = ['family_support_services', 'family_type_care', 'inclusive_education', 'rehabilitation_services', 'closure', 'other'] as const;
/** What the institution becomes. */
export type TargetProfile = (typeof targetProfiles)[number];

/** Overall status of a plan. */
export const transformationPlanStatuses = ['draft', 'approved', 'in_progress', 'completed', 'suspended'] as const;
/** One status. */
export type TransformationPlanStatus = (typeof transformationPlanStatuses)[number];

/** Status of a milestone. */
export const milestoneStatuses = ['planned', 'in_progress', 'done', 'delayed'] as const;
/** One status. */
export type MilestoneStatus = (typeof milestoneStatuses)[number];

/** What progress needs of a milestone. */
export type MilestoneFacts = { status: MilestoneStatus; dueDate: IsoDate; doneDate: IsoDate | null };

/** Share of milestones done, in whole percent (0 when there are none). */
export function progressPercent(milestones: readonly Pick<MilestoneFacts, 'status'>[]): number {
  if (milestones.length === 0) return 0;
  return Math.round((milestones.filter((m) => m.status === 'done').length * 100) / milestones.length);
}

/** A milestone not done whose due date has passed. */
export function isMilestoneOverdue(m: MilestoneFacts, today: IsoDate): boolean {
  return m.status !== 'done' && compareIsoDates(m.dueDate, today) < 0;
}

/** A milestone's done date is given exactly when it is done, and is not after today. */
export function checkMilestone(m: MilestoneFacts, today: IsoDate): void {
  if (m.status === 'done' && m.doneDate === null) throw new DomainError('milestone_done_date_required', 'A done milestone needs the date it was done');
  if (m.status !== 'done' && m.doneDate !== null) throw new DomainError('milestone_done_date_not_done', 'Only a done milestone has a done date');
  if (m.doneDate !== null && compareIsoDates(m.doneDate, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'doneDate' });
}
