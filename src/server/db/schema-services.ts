import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0006: the providers register, referrals and their transitions, unmet need. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;

/** A service provider's entry in the register (SPEC §4.2). */
export type ProviderProfilesTable = {
  id: Generated<string>;
  organisation_id: string;
  kind: string;
  status: Generated<string>;
  registry_number: Generated<string>;
  edrpou: Generated<string>;
  address: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  contact_person: Generated<string>;
  notes: Generated<string>;
  created_by: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A catalogue service a provider offers, with its places. */
export type ProviderServicesTable = { provider_id: string; service_code: string; capacity: number | null };

/** A hromada a provider serves. */
export type ProviderTerritoriesTable = { provider_id: string; hromada_id: string };

/** A referral from a case to a provider (SPEC §4.3). */
export type ReferralsTable = {
  id: Generated<string>;
  case_id: string;
  measure_id: string | null;
  child_person_id: string;
  provider_organisation_id: string;
  service_code: string;
  urgency: Generated<string>;
  status: Generated<string>;
  reason: string;
  requested_intervention: Generated<string>;
  earlier_services: Generated<string>;
  additional_info: Generated<string>;
  contact: Generated<string>;
  signed_by: Generated<string>;
  sent_at: Date | null;
  response_due_date: string | null;
  response_source_uk: Generated<string>;
  response_source_en: Generated<string>;
  responded_at: Date | null;
  decline_reason: string | null;
  feedback: Generated<string>;
  created_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One dated step of a referral's lifecycle. */
export type ReferralTransitionsTable = {
  id: Generated<string>;
  seq: Generated<number>;
  referral_id: string;
  from_status: string;
  to_status: string;
  reason_code: string | null;
  note: Generated<string>;
  actor_id: string;
  at: Timestamp;
};

/** A referral declined for lack of capacity, as an aggregate count (SPEC §8). */
export type UnmetNeedsTable = {
  id: Generated<string>;
  referral_id: string;
  service_code: string;
  hromada_id: string;
  provider_organisation_id: string;
  recorded_on: string;
  count: Generated<number>;
  created_at: Timestamp;
};

/** Tables of migration 0006. */
export type ServicesTables = {
  provider_profiles: ProviderProfilesTable;
  provider_services: ProviderServicesTable;
  provider_territories: ProviderTerritoriesTable;
  referrals: ReferralsTable;
  referral_transitions: ReferralTransitionsTable;
  unmet_needs: UnmetNeedsTable;
};
