import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of migration 0019: the DHIS2 mapping tables and the kept pushes (SPEC §10.4). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;

/** Indicator code + disaggregation cell → DHIS2 data element + category option combo. */
export type Dhis2ElementMappingsTable = {
  id: Generated<string>;
  indicator_code: string;
  disaggregation: Generated<string>;
  data_element: string;
  category_option_combo: string | null;
  created_by: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Territory → DHIS2 org unit. */
export type Dhis2OrgUnitMappingsTable = {
  id: Generated<string>;
  territory_id: string;
  org_unit: string;
  created_by: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One push or dry run and its import summary. */
export type Dhis2PushesTable = {
  id: Generated<string>;
  seq: Generated<number>;
  period: string;
  territory_id: string | null;
  dry_run: boolean;
  remote_dry_run: Generated<boolean>;
  import_strategy: string;
  status: string;
  counts: JSONColumnType<{ values: number; suppressed: number; unmappedIndicator: number; unmappedOrgUnit: number; empty: number }, string, string>;
  unmapped: JSONColumnType<{ elements: string[]; territories: string[] }, string | undefined, string>;
  target_url: string | null;
  http_status: number | null;
  import_summary: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  errors: JSONColumnType<string[], string | undefined, string>;
  created_by: string;
  created_at: Timestamp;
};

/** The tables of migration 0019. */
export type Dhis2Tables = {
  dhis2_element_mappings: Dhis2ElementMappingsTable;
  dhis2_org_unit_mappings: Dhis2OrgUnitMappingsTable;
  dhis2_pushes: Dhis2PushesTable;
};
