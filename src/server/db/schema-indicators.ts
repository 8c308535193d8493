import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0015: disaggregation attributes of persons and entered indicator values. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
/** numeric columns come back as strings from PostgreSQL drivers. */
type Numeric = ColumnType<string | number | null, number | null, number | null>;

/** Columns 0015 adds to `persons` (merged into the persons row type by the intersection in `Database`). */
export type PersonIndicatorColumns = {
  /** Displaced inside Ukraine (`idp`), outside (`abroad`) or not (`none`). */
  displacement: Generated<string>;
  /** `orphan`, `deprived_of_care` or `none`. */
  legal_status: Generated<string>;
};

/** A figure of an entered indicator for a territory (null = national), period and disaggregation key. */
export type IndicatorValuesTable = {
  id: Generated<string>;
  code: string;
  territory_id: string | null;
  period: string;
  key: Generated<string>;
  numerator: Numeric;
  denominator: Numeric;
  source: string;
  notes: Generated<string>;
  entered_by: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** The tables of 0015. */
export type IndicatorsTables = {
  persons: PersonIndicatorColumns;
  indicator_values: IndicatorValuesTable;
};
