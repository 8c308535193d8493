-- 0010 residential institutions and their transformation (SPEC §6; 001 §6.xi, Annex 5, Annex 6 SG4).

-- The register of residential institutions for children: type, subordination (the ministry it answers to, or
-- private), form of ownership, the level of government that runs it, capacity (places), place and status.
CREATE TABLE institutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name_uk text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  type text NOT NULL CHECK (type IN ('baby_home', 'children_home', 'boarding_school', 'special_boarding_school', 'rehabilitation_centre', 'social_care_home', 'shelter', 'other')),
  subordination text NOT NULL CHECK (subordination IN ('social_policy', 'health', 'education', 'private')),
  ownership text NOT NULL CHECK (ownership IN ('state', 'communal', 'private')),
  governance_level text NOT NULL CHECK (governance_level IN ('national', 'oblast', 'hromada')),
  capacity integer NOT NULL CHECK (capacity >= 0),
  status text NOT NULL DEFAULT 'operating' CHECK (status IN ('operating', 'transforming', 'transformed', 'closed')),
  -- Place: the oblast always; the hromada when known (its rayon follows from the territory tree).
  oblast_id uuid NOT NULL REFERENCES territories (id),
  hromada_id uuid REFERENCES territories (id),
  address text NOT NULL DEFAULT '',
  edrpou text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institutions_oblast_idx ON institutions (oblast_id, type);
CREATE INDEX institutions_hromada_idx ON institutions (hromada_id) WHERE hromada_id IS NOT NULL;

-- Children living in an institution on a date, as aggregate counts (no persons): by age band (SPEC §10.3) and by
-- legal status; children with disabilities are counted within the total. One count per institution and date.
CREATE TABLE institution_child_counts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
  as_of date NOT NULL,
  total integer NOT NULL CHECK (total >= 0),
  age_under_1 integer NOT NULL DEFAULT 0 CHECK (age_under_1 >= 0),
  age_1_2 integer NOT NULL DEFAULT 0 CHECK (age_1_2 >= 0),
  age_3_5 integer NOT NULL DEFAULT 0 CHECK (age_3_5 >= 0),
  age_6_10 integer NOT NULL DEFAULT 0 CHECK (age_6_10 >= 0),
  age_11_14 integer NOT NULL DEFAULT 0 CHECK (age_11_14 >= 0),
  age_15_17 integer NOT NULL DEFAULT 0 CHECK (age_15_17 >= 0),
  orphans integer NOT NULL DEFAULT 0 CHECK (orphans >= 0),
  deprived_of_care integer NOT NULL DEFAULT 0 CHECK (deprived_of_care >= 0),
  parents_statement integer NOT NULL DEFAULT 0 CHECK (parents_statement >= 0),
  other_status integer NOT NULL DEFAULT 0 CHECK (other_status >= 0),
  with_disability integer NOT NULL DEFAULT 0 CHECK (with_disability >= 0 AND with_disability <= total),
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT institution_child_counts_one_per_date UNIQUE (institution_id, as_of)
);

-- The institution's individual transformation plan (001 §6.xi): target profile, overall status, resources redirected.
CREATE TABLE institution_transformation_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL UNIQUE REFERENCES institutions (id) ON DELETE CASCADE,
  target_profile text NOT NULL CHECK (target_profile IN ('family_support_services', 'family_type_care', 'inclusive_education', 'rehabilitation_services', 'closure', 'other')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'in_progress', 'completed', 'suspended')),
  approved_on date,
  -- Which body approved the plan (e.g. the oblast administration's order).
  approved_by text NOT NULL DEFAULT '',
  resources_redirected text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Milestones of a plan; done_date is set exactly when the milestone is done.
CREATE TABLE institution_plan_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES institution_transformation_plans (id) ON DELETE CASCADE,
  title text NOT NULL,
  due_date date NOT NULL,
  responsible text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'delayed')),
  done_date date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT institution_plan_milestones_done CHECK ((status = 'done') = (done_date IS NOT NULL))
);
CREATE INDEX institution_plan_milestones_plan_idx ON institution_plan_milestones (plan_id, due_date);

-- Admissions of children to an institution, without persons: the date, age band, reason, whether the gatekeeping
-- body (commission on protection of child rights / guardianship body) was consulted, and whether it is the child's
-- first placement in an institution ("back door" admissions, SG4.4).
CREATE TABLE institution_admissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES institutions (id) ON DELETE CASCADE,
  admitted_on date NOT NULL,
  age_group text NOT NULL CHECK (age_group IN ('under_1', '1_2', '3_5', '6_10', '11_14', '15_17')),
  reason text NOT NULL CHECK (reason IN ('parents_statement', 'family_crisis', 'abuse_or_neglect', 'disability_or_health', 'orphanhood', 'education', 'other')),
  gatekeeping_consulted boolean NOT NULL,
  first_time boolean NOT NULL DEFAULT true,
  children integer NOT NULL DEFAULT 1 CHECK (children >= 1),
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institution_admissions_institution_idx ON institution_admissions (institution_id, admitted_on);

-- The institution of an institutional care episode, when it is in the register.
ALTER TABLE care_episodes ADD COLUMN institution_id uuid REFERENCES institutions (id);
CREATE INDEX care_episodes_institution_idx ON care_episodes (institution_id) WHERE institution_id IS NOT NULL;
