import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0009: alternative family caregivers, their pipeline, support and placements (SPEC §5). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A caregiver on the register. */
export type CaregiversTable = {
  id: Generated<string>;
  caregiver_type: string;
  name: string;
  address: Generated<string>;
  phone: Generated<string>;
  hromada_id: string;
  organisation_id: string;
  stage: Generated<string>;
  stage_date: string;
  approved_on: string | null;
  decision_reference: Generated<string>;
  deciding_authority: Generated<string>;
  agreement_reference: Generated<string>;
  deregistration_reason: string | null;
  capacity: Generated<number>;
  age_from: Generated<number>;
  age_to: Generated<number>;
  siblings_accepted: Generated<boolean>;
  disability_specialisation: Generated<boolean>;
  assigned_worker_id: string | null;
  notes: Generated<string>;
  created_by: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A person of the caregiver's household. */
export type CaregiverMembersTable = { id: Generated<string>; caregiver_id: string; role: string; surname: string; given_name: string; patronymic: Generated<string>; birth_date: string; created_at: Timestamp };

/** A stage reached. */
export type CaregiverStageMovesTable = {
  id: Generated<string>;
  caregiver_id: string;
  from_stage: string | null;
  to_stage: string;
  moved_on: string;
  decision_reference: Generated<string>;
  deciding_authority: Generated<string>;
  agreement_reference: Generated<string>;
  deregistration_reason: string | null;
  notes: Generated<string>;
  recorded_by: string;
  created_at: Timestamp;
};

/** A check-in or an in-service training. */
export type CaregiverSupportEventsTable = { id: Generated<string>; caregiver_id: string; kind: string; event_date: string; hours: ColumnType<string | null, number | null, number | null>; notes: Generated<string>; recorded_by: string; created_at: Timestamp };

/** A placement decided through matching. */
export type CaregiverPlacementsTable = {
  id: Generated<string>;
  caregiver_id: string;
  case_id: string;
  child_person_id: string;
  care_episode_id: string;
  start_date: string;
  decision_reference: string;
  deciding_authority: string;
  decided_by_level: string;
  score: number;
  reasons: Json<Array<{ code: string; points: number }>>;
  recorded_by: string;
  created_at: Timestamp;
};

/** The tables of migration 0009. */
export type CaregiversTables = {
  caregivers: CaregiversTable;
  caregiver_members: CaregiverMembersTable;
  caregiver_stage_moves: CaregiverStageMovesTable;
  caregiver_support_events: CaregiverSupportEventsTable;
  caregiver_placements: CaregiverPlacementsTable;
};
