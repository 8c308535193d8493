import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0014: community needs assessments, targeted social programmes, oblast costed plans. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

/** A hromada's needs assessment for a year (SPEC §8). */
export type CommunityNeedsAssessmentsTable = {
  id: Generated<string>;
  hromada_id: string;
  year: number;
  horizon_year: number;
  title: Generated<string>;
  population: number | null;
  child_population: number | null;
  figures: Json;
  findings: Json;
  conclusions: Generated<string>;
  published_on: string | null;
  published_summary: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string;
  updated_by: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A hromada's targeted social programme with its costing (SPEC §8). */
export type CommunityProgrammesTable = {
  id: Generated<string>;
  hromada_id: string;
  needs_assessment_id: string | null;
  title: string;
  from_year: number;
  to_year: number;
  status: Generated<string>;
  population: number | null;
  goals: Json;
  costings: Json;
  budget_total: ColumnType<number, number | undefined, number>;
  created_by: string;
  updated_by: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** An oblast costed implementation plan (SPEC §9). */
export type OblastPlansTable = {
  id: Generated<string>;
  oblast_id: string;
  title: string;
  from_year: number;
  to_year: number;
  activities: Json;
  created_by: string;
  updated_by: string;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Tables of migration 0014. */
export type PlanningTables = {
  community_needs_assessments: CommunityNeedsAssessmentsTable;
  community_programmes: CommunityProgrammesTable;
  oblast_plans: OblastPlansTable;
};
