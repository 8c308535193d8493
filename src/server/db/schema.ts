import type { ColumnType, Generated } from 'kysely';
import type { Dhis2Tables } from './schema-dhis2.ts';
import type { ImplementationTables } from './schema-implementation.ts';
import type { InstitutionsTables } from './schema-institutions.ts';
import type { PanelsTables } from './schema-panels.ts';
import type { PlansTables } from './schema-plans.ts';
import type { ReviewsClosureTables } from './schema-reviews-closure.ts';
import type { SafetyTracingTables } from './schema-safety-tracing.ts';
import type { ServicesTables } from './schema-services.ts';
import type { CaregiversTables } from './schema-caregivers.ts';
import type { SecurityTables } from './schema-security.ts';
import type { IndicatorsTables } from './schema-indicators.ts';
import type { SecondFactorTables } from './schema-second-factor.ts';
import type { ConsentTables } from './schema-consent.ts';
import type { WorkforceTables } from './schema-workforce.ts';
import type { PlanningTables } from './schema-planning.ts';

/** Row types of the migrated schema (written from migrations/*.sql; schema.sql is the reference). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type AppSettingsTable = { key: string; value: Json; updated_at: Timestamp };

export type TerritoriesTable = {
  id: Generated<string>;
  level: string;
  parent_id: string | null;
  code: string | null;
  name_uk: string;
  name_en: string;
  hromada_kind: string | null;
  population: number | null;
  child_population: number | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OrganisationsTable = {
  id: Generated<string>;
  type: string;
  name_uk: string;
  name_en: string;
  territory_id: string | null;
  hromada_id: string | null;
  is_active: Generated<boolean>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UsersTable = {
  id: Generated<string>;
  username: string;
  password_hash: string;
  surname: string;
  given_name: string;
  patronymic: Generated<string>;
  locale: Generated<string>;
  supervisor_id: string | null;
  is_active: Generated<boolean>;
  is_demo: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type UserRolesTable = { id: Generated<string>; user_id: string; organisation_id: string; role: string; created_at: Timestamp };

export type SessionsTable = {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: Generated<string>;
  user_agent: Generated<string>;
};

export type PersonsTable = {
  id: Generated<string>;
  surname: string;
  given_name: string;
  patronymic: Generated<string>;
  birth_date: string;
  sex: string;
  disability: Generated<boolean>;
  latin_name: Generated<string>;
  name_key: string;
  latin_key: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CasesTable = {
  id: Generated<string>;
  number: string;
  case_type: string;
  status: Generated<string>;
  step: string;
  complexity: string | null;
  urgent: Generated<boolean>;
  hromada_id: string;
  organisation_id: string;
  case_manager_id: string;
  registered_on: string;
  registered_by: string;
  next_due_date: string | null;
  closed_on: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CaseMembersTable = { id: Generated<string>; case_id: string; person_id: string; role: string; relationship: Generated<string>; created_at: Timestamp };

export type NotificationsTable = {
  id: Generated<string>;
  hromada_id: string;
  organisation_id: string;
  submitted_by: string;
  received_by: string;
  received_at: Date | string;
  source: string;
  reporter_organisation: Generated<string>;
  reporter_person: Generated<string>;
  reporter_contact: Generated<string>;
  description: string;
  child_factors: ColumnType<string[], string[] | undefined, string[]>;
  adult_factors: ColumnType<string[], string[] | undefined, string[]>;
  threat_to_life_or_health: Generated<boolean>;
  urgent: Generated<boolean>;
  actions_taken: Generated<string>;
  urgent_actions: ColumnType<string[], string[] | undefined, string[]>;
  documents: Generated<string>;
  status: Generated<string>;
  case_id: string | null;
  decline_reason: Generated<string>;
  handled_by: string | null;
  handled_at: Date | string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type NotificationMembersTable = { id: Generated<string>; notification_id: string; person_id: string; role: string; relationship: Generated<string> };

export type DeadlineRulesTable = {
  id: Generated<string>;
  key: string;
  case_type: string | null;
  amount: number;
  unit: string;
  source_uk: string;
  source_en: string;
  updated_at: Timestamp;
};

export type CalendarRegimesTable = { id: Generated<string>; regime: string; valid_from: string; valid_to: string | null };

export type CaseDeadlinesTable = {
  id: Generated<string>;
  case_id: string;
  key: string;
  due_date: string;
  source_uk: string;
  source_en: string;
  met_on: string | null;
  created_at: Timestamp;
};

export type CaseEventsTable = { id: Generated<string>; seq: Generated<number>; case_id: string; at: Timestamp; actor_id: string | null; kind: string; data: Json<Record<string, unknown>> };

export type CaseTransitionsTable = {
  id: Generated<string>;
  case_id: string;
  from_step: string;
  to_step: string;
  direction: string;
  reason: Generated<string>;
  actor_id: string;
  at: Timestamp;
};

export type NeedsAssessmentsTable = {
  id: Generated<string>;
  case_id: string;
  status: Generated<string>;
  content: Json;
  content_schema_version: Generated<number>;
  complexity: string | null;
  assessed_by: string;
  due_date: string;
  completed_at: Date | null;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AuditLogTable = {
  id: number;
  at: Date | string;
  actor_id: string | null;
  actor_username: string;
  action: string;
  entity: string;
  entity_id: string;
  ip: string;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
};

/** The chain's head: the last entry's number and hash, and the hash it followed (set by the one-statement append). */
export type AuditHeadTable = { singleton: boolean; last_id: number; last_hash: string; prev_hash: Generated<string> };

export type SchemaMigrationsTable = { version: number; name: string; applied_at: Timestamp };

/** The whole database. */
export type Database = IndicatorsTables & PlanningTables & Dhis2Tables & SafetyTracingTables & PlansTables & ReviewsClosureTables & ImplementationTables & ServicesTables & InstitutionsTables & PanelsTables & CaregiversTables & SecurityTables & SecondFactorTables & WorkforceTables & ConsentTables & {
  app_settings: AppSettingsTable;
  territories: TerritoriesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  persons: PersonsTable;
  cases: CasesTable;
  case_members: CaseMembersTable;
  notifications: NotificationsTable;
  notification_members: NotificationMembersTable;
  deadline_rules: DeadlineRulesTable;
  calendar_regimes: CalendarRegimesTable;
  case_deadlines: CaseDeadlinesTable;
  case_events: CaseEventsTable;
  case_transitions: CaseTransitionsTable;
  needs_assessments: NeedsAssessmentsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationsTable;
};
