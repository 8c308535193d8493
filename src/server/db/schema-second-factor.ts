import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0017: the second factor (TOTP and recovery codes) and pending login challenges. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
/** bigint arrives as a string from both drivers; written as a number. */
type Step = ColumnType<string | null, number | string | null | undefined, number | string | null>;

/** A user's authenticator: pending until the first code confirms it. */
export type UserSecondFactorsTable = {
  user_id: string;
  secret_enc: string;
  status: 'pending' | 'enabled';
  last_used_step: Step;
  enabled_at: Date | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One single-use recovery code, stored as a salted digest. */
export type SecondFactorRecoveryCodesTable = {
  id: Generated<string>;
  user_id: string;
  salt: string;
  code_hash: string;
  used_at: Date | null;
  created_at: Timestamp;
};

/** A password accepted, the second factor owed (the row's id is the digest of the pending token). */
export type LoginChallengesTable = {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Date;
  ip: Generated<string>;
  user_agent: Generated<string>;
};

/** The tables of migration 0017. */
export type SecondFactorTables = {
  user_second_factors: UserSecondFactorsTable;
  second_factor_recovery_codes: SecondFactorRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
};
