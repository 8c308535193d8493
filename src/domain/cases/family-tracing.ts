import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/**
 * Family tracing and family assessment for reintegration (SPEC §2.7; source 000 §3.3–3.4). Ukrainian law has no
 * procedure for active tracing (000 §3.3, gap analysis); the codes follow the recommended methods.
 */

/** How a search for parents and kin was made (000 §3.3: community inquiries, public records, other authorities or organisations). */
export const tracingMethods = ['community_inquiry', 'records_search', 'other_agency', 'phone', 'social_media', 'home_visit', 'other'] as const;
/** One tracing method. */
export type TracingMethod = (typeof tracingMethods)[number];

/** What a tracing attempt gave. */
export const tracingOutcomes = ['found', 'not_found', 'lead', 'refused_contact'] as const;
/** One tracing outcome. */
export type TracingOutcome = (typeof tracingOutcomes)[number];

/** A relative's relation to the child. */
export const relativeRelations = ['mother', 'father', 'grandmother', 'grandfather', 'sister', 'brother', 'aunt', 'uncle', 'cousin', 'stepparent', 'other_relative'] as const;
/** One relation. */
export type RelativeRelation = (typeof relativeRelations)[number];

/** How a found relative was verified. */
export const verificationMethods = ['documents', 'civil_registry', 'interview', 'other_agency', 'community', 'other'] as const;
/** One verification method. */
export type VerificationMethod = (typeof verificationMethods)[number];

/** Whether a relative is willing to care for the child (000 §3.3 item 2). */
export const willingnessLevels = ['willing', 'unwilling', 'undecided'] as const;
/** One willingness answer. */
export type Willingness = (typeof willingnessLevels)[number];

/** Capacity to care for the child, of a relative or of the family (000 §3.3 item 2, §3.4). */
export const careCapacities = ['able', 'able_with_support', 'unable'] as const;
/** One capacity level. */
export type CareCapacity = (typeof careCapacities)[number];

/** The family's readiness for change (000 §3.4). */
export const readinessLevels = ['ready', 'partly_ready', 'not_ready'] as const;
/** One readiness level. */
export type Readiness = (typeof readinessLevels)[number];

/** Verification of a relative as entered. */
export type RelativeVerification = { verified: boolean; verifiedOn: IsoDate | null; verificationMethod: VerificationMethod | null };

/**
 * A verified relative records when and how (000 §3.3 item 2: found kin are verified before they are assessed);
 * an unverified one carries neither. The date cannot lie ahead of today.
 */
export function checkRelativeVerification(v: RelativeVerification, today: IsoDate): void {
  if (v.verified && (v.verifiedOn === null || v.verificationMethod === null)) {
    const missing = [...(v.verifiedOn === null ? ['verifiedOn'] : []), ...(v.verificationMethod === null ? ['verificationMethod'] : [])];
    throw new DomainError('relative_verification_incomplete', 'A verified relative needs the date and the way of verification', { missing });
  }
  if (!v.verified && (v.verifiedOn !== null || v.verificationMethod !== null)) {
    throw new DomainError('relative_not_verified', 'Date and way of verification are only recorded for a verified relative');
  }
  if (v.verifiedOn !== null && compareIsoDates(v.verifiedOn, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'verifiedOn' });
}

/** A tracing attempt cannot be dated after today (it records a search that happened). */
export function checkAttemptDate(attemptedOn: IsoDate, today: IsoDate): void {
  if (compareIsoDates(attemptedOn, today) > 0) throw new DomainError('date_in_future', 'The date lies in the future', { field: 'attemptedOn' });
}

/** The parts of a family assessment that completion checks. */
export type FamilyAssessmentFacts = {
  riskFactors: string;
  protectiveFactors: string;
  strengths: string;
  separationView: string;
  readiness: Readiness | null;
  capacity: CareCapacity | null;
  socioEconomic: string;
  apartFromChild: boolean;
  place: string;
  childViews: string;
  childViewsNotHeardReason: string;
};

/** Parts that can be missing when completing a family assessment. */
export const familyAssessmentGaps = ['riskFactors', 'protectiveFactors', 'strengths', 'separationView', 'readiness', 'capacity', 'socioEconomic', 'place', 'childViews'] as const;
/** One missing part. */
export type FamilyAssessmentGap = (typeof familyAssessmentGaps)[number];

const blank = (s: string) => s.trim() === '';

/**
 * What keeps a family assessment from being completed. 000 §3.4: it covers risk and protective factors, strengths and
 * resilience, the family's view of the separation, readiness and capacity for change and the socio-economic
 * situation; when it is done apart from the child's assessment the place is recorded. SPEC §1 (child participation):
 * the child's views, or why the child could not be heard.
 */
export function findFamilyAssessmentGaps(f: FamilyAssessmentFacts): FamilyAssessmentGap[] {
  const gaps: FamilyAssessmentGap[] = [];
  if (blank(f.riskFactors)) gaps.push('riskFactors');
  if (blank(f.protectiveFactors)) gaps.push('protectiveFactors');
  if (blank(f.strengths)) gaps.push('strengths');
  if (blank(f.separationView)) gaps.push('separationView');
  if (f.readiness === null) gaps.push('readiness');
  if (f.capacity === null) gaps.push('capacity');
  if (blank(f.socioEconomic)) gaps.push('socioEconomic');
  if (f.apartFromChild && blank(f.place)) gaps.push('place');
  if (blank(f.childViews) && blank(f.childViewsNotHeardReason)) gaps.push('childViews');
  return gaps;
}

/** Throws `family_assessment_incomplete` with the missing parts when the assessment cannot be completed. */
export function assertFamilyAssessmentCompletable(f: FamilyAssessmentFacts): void {
  const missing = findFamilyAssessmentGaps(f);
  if (missing.length > 0) throw new DomainError('family_assessment_incomplete', 'The family assessment cannot be completed yet', { missing });
}
