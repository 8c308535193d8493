import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0002 (safety assessment, family tracing, family assessment, care history); schema.sql is the reference. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** `safety_assessments`: the act of Annex 10 to the Procedure under Resolution 585. */
export type SafetyAssessmentsTable = {
  id: Generated<string>;
  case_id: string;
  child_person_id: string;
  child_status: Generated<string>;
  document_type: string | null;
  document_number: Generated<string>;
  contacts: Generated<string>;
  caregivers: Json;
  safety_level: string | null;
  threats: Generated<string>;
  participants: TextArray;
  assessed_at: ColumnType<Date, Date | string, Date | string>;
  assessed_by: string;
  status: Generated<string>;
  completed_at: Date | null;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `safety_actions`: immediate actions of an assessment. */
export type SafetyActionsTable = {
  id: Generated<string>;
  assessment_id: string;
  case_id: string;
  action_type: string;
  description: Generated<string>;
  taken_at: ColumnType<Date, Date | string, Date | string>;
  taken_by_name: string;
  taken_by_organisation: Generated<string>;
  taken_by_user_id: string | null;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** `tracing_attempts`: searches for parents and kin. */
export type TracingAttemptsTable = {
  id: Generated<string>;
  case_id: string;
  sought_person_id: string | null;
  sought_name: Generated<string>;
  sought_relation: Generated<string>;
  method: string;
  attempted_on: string;
  outcome: string;
  notes: Generated<string>;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** `relatives`: relatives found for a child of a case. */
export type RelativesTable = {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  child_person_id: string;
  relation: string;
  contact: Generated<string>;
  verified: Generated<boolean>;
  verified_on: string | null;
  verification_method: string | null;
  willingness: Generated<string>;
  capacity: string | null;
  assessment_notes: Generated<string>;
  added_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `family_assessments`: one per case per round. */
export type FamilyAssessmentsTable = {
  id: Generated<string>;
  case_id: string;
  round: number;
  status: Generated<string>;
  risk_factors: Generated<string>;
  protective_factors: Generated<string>;
  strengths: Generated<string>;
  siblings_resilience: Generated<string>;
  separation_view: Generated<string>;
  readiness: string | null;
  readiness_notes: Generated<string>;
  capacity: string | null;
  capacity_notes: Generated<string>;
  socio_economic: Generated<string>;
  apart_from_child: Generated<boolean>;
  place: Generated<string>;
  child_views: Generated<string>;
  child_views_not_heard_reason: Generated<string>;
  assessed_by: string;
  completed_at: Date | null;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** `care_episodes`: a child's care-arrangement history. */
export type CareEpisodesTable = {
  id: Generated<string>;
  person_id: string;
  care_type: string;
  institution_type: string | null;
  institution_subordination: string | null;
  institution_name: Generated<string>;
  start_date: string;
  end_date: string | null;
  reason: Generated<string>;
  end_reason: Generated<string>;
  deciding_authority: Generated<string>;
  decision_number: Generated<string>;
  decision_date: string | null;
  case_id: string | null;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** The tables of migration 0002, joined into `Database` in schema.ts. */
export type SafetyTracingTables = {
  safety_assessments: SafetyAssessmentsTable;
  safety_actions: SafetyActionsTable;
  tracing_attempts: TracingAttemptsTable;
  relatives: RelativesTable;
  family_assessments: FamilyAssessmentsTable;
  care_episodes: CareEpisodesTable;
};
