import type { ColumnType, Generated } from 'kysely';

/** Row types of migrations 0005 and 0007: case notes, home visits, the interdisciplinary team, delivered services, plan reports, reunification preparation. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type IdArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A note on a case: a note, a phone call, an office meeting (SPEC §2.10). */
export type CaseNotesTable = {
  id: Generated<string>;
  case_id: string;
  kind: string;
  note_date: string;
  text: string;
  author_id: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A home visit, planned and then recorded (SPEC §2.10, §2.12). */
export type HomeVisitsTable = {
  id: Generated<string>;
  case_id: string;
  planned_date: string | null;
  done_date: string | null;
  place: string;
  address: Generated<string>;
  visitor_user_ids: IdArray;
  other_visitors: Generated<string>;
  persons_met_ids: IdArray;
  others_met: Generated<string>;
  child_seen_alone: string | null;
  child_seen_alone_reason: Generated<string>;
  observations: Generated<string>;
  safety_concerns: Generated<boolean>;
  safety_concerns_text: Generated<string>;
  next_visit_proposed: string | null;
  recorded_by: string;
  done_recorded_by: string | null;
  done_recorded_at: Date | null;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A member of a case's interdisciplinary team, a user or an external person (SPEC §2.16). */
export type CaseTeamMembersTable = {
  id: Generated<string>;
  case_id: string;
  user_id: string | null;
  external_name: Generated<string>;
  external_organisation: Generated<string>;
  external_profession: Generated<string>;
  team_role: string;
  emergency_intervention: Generated<boolean>;
  from_date: string;
  to_date: string | null;
  end_reason: Generated<string>;
  added_by: string;
  ended_by: string | null;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A service delivered, against a measure of the agreed plan or unplanned (SPEC §2.10). */
export type DeliveredServicesTable = {
  id: Generated<string>;
  case_id: string;
  plan_id: string | null;
  measure_key: string | null;
  service_code: string;
  provider_organisation_id: string | null;
  provider_name: Generated<string>;
  delivered_on: string;
  quantity: number;
  unit: string;
  notes: Generated<string>;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** The quarterly report on the implementation of the individual plan (Resolution 585; SPEC §2.12). */
export type PlanReportsTable = {
  id: Generated<string>;
  case_id: string;
  plan_id: string;
  period: string;
  measure_statuses: Json<Array<{ measureKey: string; status: string; comment: string }>>;
  overall_status: string;
  overall_comment: Generated<string>;
  needs_commission: Generated<boolean>;
  commission_ground: string | null;
  submitted_by: string;
  submitted_at: Date | string;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** The tables of migration 0005. */
/** A preparation activity before reunification (migration 0007; SPEC §2.11). */
export type ReunificationPreparationsTable = {
  id: Generated<string>;
  case_id: string;
  child_person_id: string | null;
  activity_date: string;
  activity_kind: string;
  description: Generated<string>;
  conducted_by: string;
  notes: Generated<string>;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  created_at: Date | string;
};

export type ImplementationTables = {
  case_notes: CaseNotesTable;
  home_visits: HomeVisitsTable;
  case_team_members: CaseTeamMembersTable;
  delivered_services: DeliveredServicesTable;
  plan_reports: PlanReportsTable;
  reunification_preparations: ReunificationPreparationsTable;
};
