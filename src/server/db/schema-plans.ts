import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0003: service catalogue, plan versions, decisions, agreements, emergency contacts. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** One service of the catalogue (SPEC §4.1). */
export type ServiceCatalogueTable = {
  id: Generated<string>;
  code: string;
  name_uk: string;
  name_en: string;
  ministry: string;
  package: string;
  target_group: Generated<string>;
  unit_of_measure: Generated<string>;
  standard_unit_cost: number | null;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One version of a social support plan. */
export type CasePlansTable = {
  id: Generated<string>;
  case_id: string;
  version_no: number;
  status: Generated<string>;
  copied_from_id: string | null;
  child_views: Generated<string>;
  child_views_not_heard_reason: Generated<string>;
  family_participation: Generated<string>;
  family_conference_held: Generated<boolean>;
  family_conference_date: string | null;
  family_agreed: Generated<boolean>;
  family_agreement_date: string | null;
  family_signed_by: Generated<string>;
  created_by: string;
  agreed_at: Date | null;
  agreement_recorded_by: string | null;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A goal of a plan version. */
export type PlanGoalsTable = {
  id: Generated<string>;
  plan_id: string;
  key: string;
  domain: string;
  goal: Generated<string>;
  position: number;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** A measure of a goal. */
export type PlanMeasuresTable = {
  id: Generated<string>;
  plan_id: string;
  goal_id: string;
  key: string;
  position: number;
  action: Generated<string>;
  measure_type: string;
  responsible_kind: string | null;
  responsible_person_id: string | null;
  responsible_user_id: string | null;
  responsible_name: Generated<string>;
  deadline: string | null;
  expected_result: Generated<string>;
  service_code: string | null;
  hromada_id: string;
  organisation_id: string;
  created_at: Timestamp;
};

/** A decision to provide, refuse or terminate services. */
export type ServiceDecisionsTable = {
  id: Generated<string>;
  seq: Generated<number>;
  case_id: string;
  decision: string;
  termination_ground: string | null;
  legal_grounds: Generated<string>;
  service_codes: TextArray;
  decided_on: string;
  decided_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** An agreement (contract) between recipient and provider. */
export type ServiceAgreementsTable = {
  id: Generated<string>;
  case_id: string;
  plan_id: string;
  provider_organisation_id: string;
  signed_on: string;
  signed_by_recipient: string;
  valid_until: string | null;
  status: Generated<string>;
  ended_on: string | null;
  created_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Crisis services provided without case management. */
export type EmergencyContactsTable = {
  id: Generated<string>;
  hromada_id: string;
  organisation_id: string;
  occurred_at: Date | string;
  situation: string;
  threat_to_life_or_health: Generated<boolean>;
  service_codes: TextArray;
  provided_by: string;
  case_id: string | null;
  converted_at: Date | null;
  converted_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Persons of an emergency contact. */
export type EmergencyContactMembersTable = { id: Generated<string>; emergency_contact_id: string; person_id: string; role: string; relationship: Generated<string> };

/** The tables of migration 0003, intersected into `Database`. */
export type PlansTables = {
  service_catalogue: ServiceCatalogueTable;
  case_plans: CasePlansTable;
  plan_goals: PlanGoalsTable;
  plan_measures: PlanMeasuresTable;
  service_decisions: ServiceDecisionsTable;
  service_agreements: ServiceAgreementsTable;
  emergency_contacts: EmergencyContactsTable;
  emergency_contact_members: EmergencyContactMembersTable;
};
