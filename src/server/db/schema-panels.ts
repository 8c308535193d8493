import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0012: gatekeeping panels and coordination bodies, their meetings and decisions. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Version = ColumnType<number, number | undefined, number>;
type Count = ColumnType<number, number | undefined, number>;
type Json = ColumnType<unknown, string | undefined, string>;

/** A panel or coordination body. */
export type PanelBodiesTable = {
  id: Generated<string>;
  kind: string;
  name_uk: string;
  name_en: Generated<string>;
  territory_id: string;
  organisation_id: string | null;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A member of a body with the membership period. */
export type PanelMembersTable = {
  id: Generated<string>;
  body_id: string;
  surname: string;
  given_name: string;
  patronymic: Generated<string>;
  organisation_name: Generated<string>;
  organisation_id: string | null;
  institution_id: string | null;
  sector: string;
  role: string;
  lived_experience: Generated<boolean>;
  from_date: string;
  to_date: string | null;
  user_id: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A case submitted to a panel. */
export type PanelSubmissionsTable = {
  id: Generated<string>;
  body_id: string;
  case_id: string;
  child_person_id: string;
  question: string;
  assessments: Json;
  provider_organisation_id: string | null;
  provider_institution_id: string | null;
  status: Generated<string>;
  submitted_by: string;
  submitted_at: Timestamp;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A meeting of a body. */
export type PanelMeetingsTable = {
  id: Generated<string>;
  body_id: string;
  scheduled_at: Timestamp;
  place: Generated<string>;
  chair_signed_by: string | null;
  chair_signed_at: NullableTimestamp;
  secretary_signed_by: string | null;
  secretary_signed_at: NullableTimestamp;
  created_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Attendance of a member at a meeting. */
export type PanelAttendanceTable = { meeting_id: string; member_id: string; presence: string };

/** An agenda item with its motion and outcome. */
export type PanelAgendaItemsTable = {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  submission_id: string | null;
  title: string;
  motion: Generated<string>;
  outcome: Generated<string>;
  votes_for: Count;
  votes_against: Count;
  votes_abstain: Count;
  casting_vote: Generated<boolean>;
  decided_at: NullableTimestamp;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A member's vote on an item. */
export type PanelVotesTable = { agenda_item_id: string; member_id: string; vote: string };

/** The best-interests determination of a submission. */
export type PanelDeterminationsTable = {
  id: Generated<string>;
  submission_id: string;
  options: Json;
  child_views: Generated<string>;
  child_not_heard_reason: Generated<string>;
  chosen_option: string;
  rationale: string;
  dissenting_opinions: Generated<string>;
  follow_up_date: string | null;
  placement_start: string | null;
  institution_id: string | null;
  adopted_at: NullableTimestamp;
  recorded_by: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A recommendation or action from a meeting. */
export type PanelActionItemsTable = {
  id: Generated<string>;
  meeting_id: string;
  title: string;
  owner: string;
  due_date: string;
  status: Generated<string>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Tables of migration 0012. */
export type PanelsTables = {
  panel_bodies: PanelBodiesTable;
  panel_members: PanelMembersTable;
  panel_submissions: PanelSubmissionsTable;
  panel_meetings: PanelMeetingsTable;
  panel_attendance: PanelAttendanceTable;
  panel_agenda_items: PanelAgendaItemsTable;
  panel_votes: PanelVotesTable;
  panel_determinations: PanelDeterminationsTable;
  panel_action_items: PanelActionItemsTable;
};
