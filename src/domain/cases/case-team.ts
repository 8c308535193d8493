import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/**
 * The interdisciplinary team of a case (SPEC §2.16; 000 §3.6 recommendation 2, coordination among providers):
 * designated specialist, supervisor, guardianship and custody representative, Child Affairs specialist and others;
 * for emergencies an emergency intervention team. Members who use Rodyna get access to the case while on the team.
 */
export const teamRoles = [
  'designated_specialist',
  'supervisor',
  'guardianship_representative',
  'child_affairs_specialist',
  'psychologist',
  'teacher',
  'doctor',
  'police',
  'other',
] as const;
/** One team role. */
export type TeamRole = (typeof teamRoles)[number];

/**
 * The dates of a membership. `fromDate` is the first day on the team; `toDate` is the day the membership was ended
 * (null while on the team) — access ends on that day, at once, not the day after.
 */
export type TeamMembershipSpan = { fromDate: IsoDate; toDate: IsoDate | null };

/** Whether a membership is current on `today` (the same rule as the SQL scope in `cases.repository.ts`). */
export function isCurrentMembership(m: TeamMembershipSpan, today: IsoDate): boolean {
  return compareIsoDates(m.fromDate, today) <= 0 && (m.toDate === null || compareIsoDates(m.toDate, today) > 0);
}

/** A new member as entered: a user of the system, or a person without an account named in full. */
export type NewTeamMember = { userId: string | null; externalName: string; externalOrganisation: string; externalProfession: string; fromDate: IsoDate };

/**
 * Checks a new membership. Exactly one of a user or an external person's name; an external person's organisation
 * and profession belong to them only. A membership starts today or earlier: access is never granted in advance.
 */
export function checkNewTeamMember(m: NewTeamMember, today: IsoDate): void {
  if ((m.userId === null) === (m.externalName.trim() === '')) {
    throw new DomainError('team_member_identity', 'Name either a user of the system or a person without an account, not both', { path: m.userId === null ? 'externalName' : 'userId' });
  }
  if (m.userId !== null && (m.externalOrganisation !== '' || m.externalProfession !== '')) {
    throw new DomainError('team_member_identity', 'Organisation and profession are recorded only for a person without an account', { path: 'externalOrganisation' });
  }
  if (compareIsoDates(m.fromDate, today) > 0) throw new DomainError('team_member_start_in_future', 'A team membership cannot start in the future', { fromDate: m.fromDate });
}

/**
 * Checks ending a membership on `toDate`: it must still be open, and end between its start and today. Ending it
 * today removes the member's access at once.
 */
export function checkTeamMemberEnd(m: TeamMembershipSpan, toDate: IsoDate, today: IsoDate): void {
  if (m.toDate !== null) throw new DomainError('team_member_already_ended', 'This membership has already ended', { toDate: m.toDate });
  if (compareIsoDates(toDate, m.fromDate) < 0) throw new DomainError('team_member_end_before_start', 'A membership cannot end before it started', { fromDate: m.fromDate, toDate });
  if (compareIsoDates(toDate, today) > 0) throw new DomainError('team_member_end_in_future', 'A membership cannot be ended in advance; end it on the day', { toDate });
}
