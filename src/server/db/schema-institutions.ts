import type { ColumnType, Generated } from 'kysely';

/** Row types of migration 0010: residential institutions, children counts, transformation plans, admissions. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Count = ColumnType<number, number | undefined, number>;

/** A residential institution of the register (SPEC §6). */
export type InstitutionsTable = {
  id: Generated<string>;
  name_uk: string;
  name_en: Generated<string>;
  type: string;
  subordination: string;
  ownership: string;
  governance_level: string;
  capacity: number;
  status: Generated<string>;
  oblast_id: string;
  hromada_id: string | null;
  address: Generated<string>;
  edrpou: Generated<string>;
  notes: Generated<string>;
  created_by: string | null;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Children living in an institution on a date, as aggregate counts. */
export type InstitutionChildCountsTable = {
  id: Generated<string>;
  institution_id: string;
  as_of: string;
  total: number;
  age_under_1: Count;
  age_1_2: Count;
  age_3_5: Count;
  age_6_10: Count;
  age_11_14: Count;
  age_15_17: Count;
  orphans: Count;
  deprived_of_care: Count;
  parents_statement: Count;
  other_status: Count;
  with_disability: Count;
  recorded_by: string;
  created_at: Timestamp;
};

/** An institution's transformation plan. */
export type InstitutionTransformationPlansTable = {
  id: Generated<string>;
  institution_id: string;
  target_profile: string;
  status: Generated<string>;
  approved_on: string | null;
  approved_by: Generated<string>;
  resources_redirected: Generated<string>;
  notes: Generated<string>;
  created_by: string;
  updated_by: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** A milestone of a transformation plan. */
export type InstitutionPlanMilestonesTable = {
  id: Generated<string>;
  plan_id: string;
  title: string;
  due_date: string;
  responsible: Generated<string>;
  status: Generated<string>;
  done_date: string | null;
  version: Version;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Admissions of children to an institution, without persons. */
export type InstitutionAdmissionsTable = {
  id: Generated<string>;
  institution_id: string;
  admitted_on: string;
  age_group: string;
  reason: string;
  gatekeeping_consulted: boolean;
  first_time: Generated<boolean>;
  children: Count;
  recorded_by: string;
  created_at: Timestamp;
};

/** Tables of migration 0010; `care_episodes` gains `institution_id` (merged with its row type by the intersection). */
export type InstitutionsTables = {
  institutions: InstitutionsTable;
  institution_child_counts: InstitutionChildCountsTable;
  institution_transformation_plans: InstitutionTransformationPlansTable;
  institution_plan_milestones: InstitutionPlanMilestonesTable;
  institution_admissions: InstitutionAdmissionsTable;
  care_episodes: { institution_id: ColumnType<string | null, string | null | undefined, string | null> };
};
