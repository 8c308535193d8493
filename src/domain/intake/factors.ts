/**
 * Coded difficult-life-circumstance factors.
 * Child: Procedure approved by Cabinet of Ministers Resolution No. 585 of 01.06.2020, §5.
 * Adult: Resolution No. 587 of 01.07.2020 and the Law "On Social Services" art. 1 list of factors.
 */
export const childFactors = [
  'loss_of_motor_activity',
  'memory_impairment',
  'incurable_disease',
  'mental_behavioural_disorder',
  'homelessness',
  'divorce_behavioural_problems',
  'parents_evading_duties',
  'loss_of_social_ties',
  'disaster_or_hostilities_damage',
  'cruel_treatment_slavery',
  'cruel_treatment_sexual_exploitation',
  'cruel_treatment_crime_involvement',
  'cruel_treatment_witness_crime',
  'domestic_violence',
] as const;
/** One child factor. */
export type ChildFactor = (typeof childFactors)[number];

/** Factors for adult members of the family. */
export const adultFactors = [
  'old_age',
  'disability',
  'loss_of_motor_activity',
  'memory_impairment',
  'incurable_disease',
  'mental_behavioural_disorder',
  'homelessness',
  'unemployment',
  'low_income',
  'loss_of_social_ties',
  'addiction',
  'domestic_violence',
  'gender_based_violence',
  'human_trafficking',
  'disaster_or_hostilities_damage',
  'other',
] as const;
/** One adult factor. */
export type AdultFactor = (typeof adultFactors)[number];

/** Factors that mean cruel treatment or violence against the child: they make the report urgent (Resolution 585 §5, §12). */
export const abuseFactors: readonly ChildFactor[] = [
  'cruel_treatment_slavery',
  'cruel_treatment_sexual_exploitation',
  'cruel_treatment_crime_involvement',
  'cruel_treatment_witness_crime',
  'domestic_violence',
];

/** Sources of a report (SPEC §2.3). */
export const reportSources = ['self_referral', 'school', 'health_facility', 'police', 'neighbour_or_relative', 'hotline', 'other_organisation', 'official_duties', 'community_outreach', 'other'] as const;
/** One report source. */
export type ReportSource = (typeof reportSources)[number];

/** Urgent actions that may follow a report of abuse or threat (SPEC §2.3). */
export const urgentActions = ['medical_examination', 'police_notified', 'shelter_placement', 'rehabilitation_centre_placement', 'restraining_order'] as const;
/** One urgent action. */
export type UrgentAction = (typeof urgentActions)[number];

/**
 * A report is urgent when it names abuse or a threat to the child's life or health; the safety
 * assessment is then due the same day (Resolution 585 §12: immediately).
 */
export function isUrgentReport(factors: readonly string[], threatToLifeOrHealth: boolean): boolean {
  return threatToLifeOrHealth || factors.some((f) => (abuseFactors as readonly string[]).includes(f));
}
