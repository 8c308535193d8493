import { addMonths, compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/**
 * Alternative family caregivers (SPEC §5): who they are, the pipeline from a statement of intent to deregistration
 * (001 §6.vi), what they accept, and the support they are owed. Pure rules; the service stores and audits.
 */

/**
 * Kinds of alternative family caregiver (SPEC §5.1). Specialised foster care (disability, short breaks) is a foster
 * family with the disability specialisation; supported independent living has no caregiver to register.
 */
export const caregiverTypes = ['foster_family', 'family_type_home', 'patronage', 'guardianship', 'kinship', 'adoption'] as const;
/** One caregiver type; each is also a care type of the child's history (SPEC §2.11). */
export type CaregiverType = (typeof caregiverTypes)[number];

/** Stages of the pipeline (SPEC §5.2), in order; `deregistered` ends it from any stage. */
export const caregiverStages = ['intent', 'screening', 'training', 'home_assessment', 'approved', 'available', 'deregistered'] as const;
/** One stage. */
export type CaregiverStage = (typeof caregiverStages)[number];

/** People in the caregiver's household (the statement of intent names the applicant and an assistant adult). */
export const householdRoles = ['applicant', 'co_applicant', 'assistant', 'own_child', 'other_member'] as const;
/** One household role. */
export type HouseholdRole = (typeof householdRoles)[number];

/** Why a caregiver leaves the register. */
export const deregistrationReasons = ['own_request', 'health', 'unsuitable', 'moved_away', 'agreement_ended', 'child_adopted', 'other'] as const;
/** One deregistration reason. */
export type DeregistrationReason = (typeof deregistrationReasons)[number];

/** Stage moves allowed from each stage: forward one step; an available caregiver may pause (back to approved); everyone may leave. */
const nextStages: Record<CaregiverStage, readonly CaregiverStage[]> = {
  intent: ['screening', 'deregistered'],
  screening: ['training', 'deregistered'],
  training: ['home_assessment', 'deregistered'],
  home_assessment: ['approved', 'deregistered'],
  approved: ['available', 'deregistered'],
  available: ['approved', 'deregistered'],
  deregistered: [],
};

/** The stages the caregiver may move to from a stage. */
export function allowedNextStages(stage: CaregiverStage): readonly CaregiverStage[] {
  return nextStages[stage];
}

/** A requested move, with what each stage records. */
export type StageMove = {
  from: CaregiverStage;
  to: CaregiverStage;
  /** The date the stage was reached (the screening done, the training started…). */
  date: IsoDate;
  /** The date of the previous move; a stage cannot be reached before the one before it. */
  previousDate: IsoDate;
  decisionReference: string;
  decidingAuthority: string;
  agreementReference: string;
  deregistrationReason: DeregistrationReason | null;
  /** Places taken by children placed now; a caregiver with a child placed does not leave the register or pause. */
  placedNow: number;
};

/**
 * Checks a stage move: only the allowed next stages; dates in order and not in the future; approval records the
 * decision (reference and deciding authority) and the agreement with the Child Affairs Service; deregistration a
 * reason; no pause or deregistration while a child is placed (the placement is ended first in the child's history).
 */
export function checkStageMove(m: StageMove, today: IsoDate): void {
  if (!nextStages[m.from].includes(m.to)) throw new DomainError('caregiver_stage_move_invalid', 'This stage cannot follow the current one', { from: m.from, to: m.to, allowed: [...nextStages[m.from]] });
  if (compareIsoDates(m.date, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'date' });
  if (compareIsoDates(m.date, m.previousDate) < 0) throw new DomainError('caregiver_stage_date_before_previous', 'The date is before the previous stage', { previousDate: m.previousDate });
  if (m.to === 'approved' && m.from === 'home_assessment') {
    if (!m.decisionReference.trim() || !m.decidingAuthority.trim() || !m.agreementReference.trim()) {
      throw new DomainError('caregiver_approval_incomplete', 'Approval needs the decision reference, the deciding authority and the agreement');
    }
  }
  if (m.to === 'deregistered' && m.deregistrationReason === null) throw new DomainError('caregiver_deregistration_reason_required', 'Deregistration needs a reason');
  if ((m.to === 'deregistered' || (m.from === 'available' && m.to === 'approved')) && m.placedNow > 0) {
    throw new DomainError('caregiver_has_placed_children', 'A child is placed with this caregiver', { placedNow: m.placedNow });
  }
}

/** What a caregiver accepts (SPEC §5.2 "available"). */
export type Availability = { capacity: number; ageFrom: number; ageTo: number; siblingsAccepted: boolean; disabilitySpecialisation: boolean };

/** Largest number of children by type: a foster family takes up to 4, a family-type home 5 to 10 (Resolution 565 of 2002; parents' own children counted there). */
export const maxCapacity: Record<CaregiverType, number> = { foster_family: 4, family_type_home: 10, patronage: 3, guardianship: 10, kinship: 10, adoption: 10 };

/** Checks availability: ages within 0–17 and in order, places between 0 and the type's maximum. */
export function checkAvailability(type: CaregiverType, a: Availability): void {
  if (!Number.isInteger(a.capacity) || a.capacity < 0 || a.capacity > maxCapacity[type]) throw new DomainError('caregiver_capacity_invalid', 'The number of places is outside what the law allows for this type', { max: maxCapacity[type] });
  if (a.ageFrom < 0 || a.ageTo > 17 || a.ageFrom > a.ageTo) throw new DomainError('caregiver_age_range_invalid', 'The age range is not valid', { ageFrom: a.ageFrom, ageTo: a.ageTo });
}

/** Whether the caregiver takes children now: available, with free places. */
export function canTakeChildren(stage: CaregiverStage, capacity: number, placedNow: number): boolean {
  return stage === 'available' && capacity - placedNow > 0;
}

/** While a child is placed, the assigned worker checks in at least monthly (001 §6.vi "additional monitoring"). */
export const placedCheckInMonths = 1;
/** Without a child placed, a check-in at least every three months keeps the caregiver (Rodyna's default). */
export const idleCheckInMonths = 3;

/** The support deadlines of a caregiver on the register. */
export type SupportStatus = {
  /** A child is placed now: the extra monitoring applies. */
  extraMonitoring: boolean;
  /** Next check-in due, or null before approval and after deregistration. */
  checkInDue: IsoDate | null;
  checkInOverdue: boolean;
  /** In-service training is due a year after the last one (or after approval). */
  trainingDue: IsoDate | null;
  trainingOverdue: boolean;
};

/** Support deadlines: check-ins monthly while a child is placed, quarterly otherwise; in-service training at least annually (001 §6.vi). */
export function supportStatus(input: { stage: CaregiverStage; approvedOn: IsoDate | null; placedSince: IsoDate | null; lastCheckIn: IsoDate | null; lastTraining: IsoDate | null }, today: IsoDate): SupportStatus {
  const onRegister = (input.stage === 'approved' || input.stage === 'available') && input.approvedOn !== null;
  if (!onRegister || input.approvedOn === null) return { extraMonitoring: false, checkInDue: null, checkInOverdue: false, trainingDue: null, trainingOverdue: false };
  const extraMonitoring = input.placedSince !== null;
  const base = [input.lastCheckIn, input.placedSince, input.approvedOn].filter((d): d is IsoDate => d !== null).sort(compareIsoDates).at(-1) ?? input.approvedOn;
  const checkInDue = addMonths(base, extraMonitoring ? placedCheckInMonths : idleCheckInMonths);
  const trainingDue = addMonths(input.lastTraining !== null && compareIsoDates(input.lastTraining, input.approvedOn) > 0 ? input.lastTraining : input.approvedOn, 12);
  return { extraMonitoring, checkInDue, checkInOverdue: compareIsoDates(checkInDue, today) < 0, trainingDue, trainingOverdue: compareIsoDates(trainingDue, today) < 0 };
}
