import { addDays } from '../calendar/iso-date.ts';

/** Order 5 of 05.01.2015 on supervision in social services: the kinds of a session. */
export const supervisionPurposes = ['training_mentoring', 'consulting'] as const;
export type SupervisionPurpose = (typeof supervisionPurposes)[number];
export const supervisionParticipantKinds = ['individual', 'pair_team', 'group'] as const;
export type SupervisionParticipantKind = (typeof supervisionParticipantKinds)[number];
export const supervisionTimings = ['planned', 'unscheduled'] as const;
export type SupervisionTiming = (typeof supervisionTimings)[number];
export const supervisionFormats = ['internal', 'external'] as const;
export type SupervisionFormat = (typeof supervisionFormats)[number];
/** Stages of a session: preparation, the session itself, follow-up. */
export const supervisionStages = ['preparation', 'session', 'follow_up'] as const;
export type SupervisionStage = (typeof supervisionStages)[number];

/** Who relates to a session: its supervisor, its supervisees, the head of the service the card is submitted to. */
export type SessionFacts = { supervisorId: string; participantIds: readonly string[]; headUserIds: readonly string[] };

/**
 * The supervision card is confidential (Order 5): the supervisor, the supervisee(s) and the head of the service see
 * it; to everyone else — administrators and auditors included — it does not exist (404).
 */
export function canSeeSession(userId: string, facts: SessionFacts): boolean {
  return facts.supervisorId === userId || facts.participantIds.includes(userId) || facts.headUserIds.includes(userId);
}

/** Only the supervisor who holds the session keeps its card, and only until it is submitted to the head. */
export function canEditSession(userId: string, facts: SessionFacts & { submitted: boolean }): boolean {
  return facts.supervisorId === userId && !facts.submitted;
}

/** The number of supervisees each participants kind allows. */
export function participantsProblem(kind: SupervisionParticipantKind, count: number): string | null {
  if (kind === 'individual' && count !== 1) return 'individual_needs_one';
  if (kind === 'pair_team' && count < 2) return 'pair_needs_two';
  if (kind === 'group' && count < 2) return 'group_needs_two';
  return null;
}

/**
 * Whether planned supervision of a person is overdue: their schedule asks for a planned session every `intervalDays`
 * counted from the last planned one they took part in (or from the start of their employment); overdue once the next
 * due date has passed.
 */
export function plannedSupervisionDue(lastPlanned: string | null, startedOn: string, intervalDays: number): string {
  return addDays(lastPlanned ?? startedOn, intervalDays);
}
export function isSupervisionOverdue(lastPlanned: string | null, startedOn: string, intervalDays: number | null, today: string): boolean {
  if (intervalDays === null) return false;
  return plannedSupervisionDue(lastPlanned, startedOn, intervalDays) < today;
}
