import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0013: staff register, workforce settings and inputs, reassignments, supervision, training, wellbeing. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
/** numeric columns come back as strings from the drivers. */
type Numeric = ColumnType<string, number | string, number | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** One person of an organisation's staff register (SPEC §7). */
export type WorkforceStaffTable = {
  id: Generated<string>;
  organisation_id: string;
  user_id: string | null;
  surname: string;
  given_name: string;
  patronymic: Generated<string>;
  position: string;
  qualification: Generated<string>;
  employment: string;
  fte: Numeric;
  staff_kind: Generated<string>;
  is_head: Generated<boolean>;
  territory_id: string | null;
  started_on: string;
  ended_on: string | null;
  supervision_interval_days: number | null;
  created_by: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** The system-wide workforce settings (one row). */
export type WorkforceSettingsTable = {
  singleton: Generated<boolean>;
  weights: Json<Record<string, number>>;
  remote_threshold_minutes: number;
  remote_extra_fte: Numeric;
  updated_by: string | null;
  version: Version;
  updated_at: Timestamp;
};

/** Workforce-need inputs of a hromada. */
export type WorkforceHromadaInputsTable = {
  hromada_id: string;
  other_services_fte: Numeric;
  travel_minutes: Json<Record<string, number>>;
  updated_by: string | null;
  version: Version;
  updated_at: Timestamp;
};

/** One reassignment of a case. */
export type CaseAssignmentsTable = {
  id: Generated<string>;
  case_id: string;
  from_user_id: string;
  to_user_id: string;
  reason: string;
  assigned_by: string;
  at: Timestamp;
};

/** A supervision session with its card. */
export type SupervisionSessionsTable = {
  id: Generated<string>;
  organisation_id: string;
  supervisor_id: string;
  purpose: string;
  participants_kind: string;
  timing: string;
  format: string;
  stage: Generated<string>;
  session_date: string;
  topics: Generated<string>;
  cases_discussed: Generated<string>;
  conclusions: Generated<string>;
  recommendations: Generated<string>;
  submitted_at: Date | null;
  submitted_to: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A supervisee of a session. */
export type SupervisionParticipantsTable = { session_id: string; user_id: string };

/** A training record. */
export type WorkforceTrainingsTable = {
  id: Generated<string>;
  staff_id: string;
  kind: string;
  topic: string;
  hours: Numeric;
  completed_on: string;
  certificate_number: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
};

/** A wellbeing check-in. */
export type WellbeingCheckinsTable = {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  checked_on: string;
  exhaustion: number;
  stress: number;
  support: number;
  created_at: Timestamp;
};

/** The workforce tables, joined into `Database`. */
export type WorkforceTables = {
  workforce_staff: WorkforceStaffTable;
  workforce_settings: WorkforceSettingsTable;
  workforce_hromada_inputs: WorkforceHromadaInputsTable;
  case_assignments: CaseAssignmentsTable;
  supervision_sessions: SupervisionSessionsTable;
  supervision_participants: SupervisionParticipantsTable;
  workforce_trainings: WorkforceTrainingsTable;
  wellbeing_checkins: WellbeingCheckinsTable;
};
