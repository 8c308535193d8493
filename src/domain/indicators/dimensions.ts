/** Disaggregations of SPEC §10.3 and their values (the stable keys used in tables, exports and DHIS2 mapping). */
export const dimensions = ['age', 'sex', 'disability', 'displacement', 'legal_status', 'settlement', 'care_type', 'institution_type', 'ownership', 'subordination'] as const;
/** One disaggregation. */
export type Dimension = (typeof dimensions)[number];
/** A disaggregation or none (totals only). */
export const disaggregations = ['none', ...dimensions] as const;
/** The chosen disaggregation of a table. */
export type Disaggregation = (typeof disaggregations)[number];

/** Age bands of SPEC §10.3 (age in whole years at the end of the period): 0–1 means under 1 year old. */
export const ageBands = ['0_1', '1_2', '3_5', '6_10', '11_14', '15_17'] as const;
/** One age band. */
export type AgeBand = (typeof ageBands)[number];

/** Displacement of a person (SPEC §10.3: displaced inside / outside Ukraine). */
export const displacementStatuses = ['none', 'idp', 'abroad'] as const;
/** One displacement status. */
export type DisplacementStatus = (typeof displacementStatuses)[number];

/** Legal status of a child (orphan, deprived of parental care, other). */
export const childLegalStatusesOfPerson = ['none', 'orphan', 'deprived_of_care'] as const;
/** One legal status. */
export type PersonLegalStatus = (typeof childLegalStatusesOfPerson)[number];

/** Care types of the care-arrangement history (care_episodes.care_type), plus `none` for a child with no episode. */
export const careTypes = ['own_family', 'kinship', 'guardianship', 'foster_family', 'family_type_home', 'patronage', 'institution', 'supported_independent_living', 'adoption', 'none'] as const;
/** One care type. */
export type CareTypeKey = (typeof careTypes)[number];

/** The values of each disaggregation, in display order; `unknown` collects rows outside the domain (e.g. age 18+). */
export const dimensionValues: Record<Dimension, readonly string[]> = {
  age: [...ageBands, 'unknown'],
  sex: ['female', 'male'],
  disability: ['yes', 'no'],
  displacement: displacementStatuses,
  legal_status: childLegalStatusesOfPerson,
  settlement: ['urban', 'settlement', 'rural', 'unknown'],
  care_type: careTypes,
  institution_type: ['baby_home', 'children_home', 'boarding_school', 'special_boarding_school', 'rehabilitation_centre', 'social_care_home', 'shelter', 'other'],
  ownership: ['state', 'communal', 'private'],
  subordination: ['social_policy', 'health', 'education', 'private'],
};
