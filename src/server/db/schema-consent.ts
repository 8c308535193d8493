import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0018: consent per person, the legal ground of a referral, retention runs (SPEC §11). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;

/** One consent of a person, as given and (when so) withdrawn; never deleted. */
export type PersonConsentsTable = {
  id: Generated<string>;
  person_id: string;
  case_id: string;
  kind: string;
  scope: Generated<string>;
  provider_organisation_id: string | null;
  given_by: string;
  given_by_name: Generated<string>;
  given_on: string;
  form: string;
  withdrawn_on: string | null;
  withdrawal_reason: Generated<string>;
  withdrawn_by: string | null;
  recorded_by: string;
  hromada_id: string;
  organisation_id: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One run of the retention task. */
export type RetentionRunsTable = {
  id: Generated<string>;
  started_at: Timestamp;
  trigger: string;
  dry_run: Generated<boolean>;
  years_after_closure: number;
  cutoff_date: string;
  persons_anonymised: Generated<number>;
  cases_anonymised: Generated<number>;
  actor_id: string | null;
};

/** The tables of migration 0018, and the columns it adds to `referrals`, `persons` and `cases` (joined by intersection). */
export type ConsentTables = {
  person_consents: PersonConsentsTable;
  retention_runs: RetentionRunsTable;
  referrals: { legal_ground: ColumnType<string | null, string | null | undefined, string | null>; legal_ground_note: Generated<string> };
  persons: { anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null> };
  cases: { anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null> };
};
