import { DomainError } from '../errors.ts';
import { urgentActions } from '../intake/factors.ts';

/**
 * The act of a child safety assessment: Annex 10 to the Procedure approved by Cabinet of Ministers Resolution
 * No. 585 of 01.06.2020 (SPEC §2.4). The codes below are stored; the web app translates them.
 */

/** The child's status as the act records it (Annex 10, personal data of the child). */
export const childCareStatuses = ['orphan', 'deprived_of_parental_care', 'left_without_parental_care', 'with_parents'] as const;
/** One child status. */
export type ChildCareStatus = (typeof childCareStatuses)[number];

/** The identity document named in the act: birth certificate or passport (Annex 10). */
export const identityDocumentTypes = ['birth_certificate', 'passport'] as const;
/** One document type. */
export type IdentityDocumentType = (typeof identityDocumentTypes)[number];

/** Who the act lists around the child: parents, other legal representatives, people actually caring for the child, relatives (Annex 10). */
export const caregiverKinds = ['parent', 'legal_representative', 'actual_carer', 'relative'] as const;
/** One kind of person around the child. */
export type CaregiverKind = (typeof caregiverKinds)[number];

/** A person around the child as listed in the act. */
export type CaregiverEntry = { kind: CaregiverKind; name: string; relation: string; contact: string; present: boolean };

/** The assessed level of the child's safety. */
export const safetyLevels = ['safe', 'conditionally_safe', 'unsafe'] as const;
/** One safety level. */
export type SafetyLevel = (typeof safetyLevels)[number];

/**
 * Bodies taking part in the assessment. Resolution 585 §9: the Child Affairs Service with the police and social
 * services assess immediately; a health facility joins when needed.
 */
export const safetyParticipants = ['child_affairs_service', 'police', 'social_services', 'health_facility'] as const;
/** One participant body. */
export type SafetyParticipant = (typeof safetyParticipants)[number];

/** Immediate actions after the assessment: the urgent actions of intake (Resolution 585 §9–11) and anything else, described. */
export const safetyActionTypes = [...urgentActions, 'other'] as const;
/** One immediate action type. */
export type SafetyActionType = (typeof safetyActionTypes)[number];

/** Draft while being filled in, completed once signed off; a completed act no longer changes. */
export const assessmentStatuses = ['draft', 'completed'] as const;
/** One status. */
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** What completion needs to know about an act. */
export type SafetyCompletionFacts = { level: SafetyLevel | null; actionCount: number };

/** Parts that can be missing when completing the act. */
export const safetyAssessmentGaps = ['level', 'immediate_action'] as const;
/** One missing part. */
export type SafetyAssessmentGap = (typeof safetyAssessmentGaps)[number];

/**
 * What keeps the act from being completed. The act exists to state the safety level (Annex 10); when the child is
 * unsafe, Resolution 585 §10 requires immediate action (medical examination, police, temporary placement in a
 * shelter or rehabilitation centre, urgent restraining order), so an unsafe act without one cannot be completed.
 */
export function findSafetyAssessmentGaps(facts: SafetyCompletionFacts): SafetyAssessmentGap[] {
  const gaps: SafetyAssessmentGap[] = [];
  if (facts.level === null) gaps.push('level');
  if (facts.level === 'unsafe' && facts.actionCount < 1) gaps.push('immediate_action');
  return gaps;
}

/** Throws `safety_assessment_incomplete` with the missing parts when the act cannot be completed. */
export function assertSafetyAssessmentCompletable(facts: SafetyCompletionFacts): void {
  const missing = findSafetyAssessmentGaps(facts);
  if (missing.length > 0) throw new DomainError('safety_assessment_incomplete', 'The safety assessment cannot be completed yet', { missing });
}

/** An unsafe child makes the case urgent (Resolution 585 §9–10: a confirmed threat to life or health needs immediate action). */
export function flagsCaseUrgent(level: SafetyLevel): boolean {
  return level === 'unsafe';
}
