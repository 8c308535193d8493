import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0011: break-the-glass emergency access to a case (SPEC §11). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One emergency access granted to a user outside the case's scope. */
export type EmergencyAccessesTable = {
  id: Generated<string>;
  case_id: string;
  user_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  supervisor_id: string | null;
  created_at: Timestamp;
};

/** The tables of migration 0011. */
export type SecurityTables = { emergency_accesses: EmergencyAccessesTable };
