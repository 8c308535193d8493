-- 0002 safety, tracing and care: the child safety-assessment act and its immediate actions, family tracing
-- (attempts and relatives found), family assessments and the child's care-arrangement history.
-- Every table with personal data carries the hromada and organisation of its case, for access in SQL.

-- The act of a child safety assessment (Annex 10 to the Procedure approved by CMU Resolution No. 585 of 01.06.2020; SPEC §2.4).
CREATE TABLE safety_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  child_person_id uuid NOT NULL REFERENCES persons (id),
  child_status text NOT NULL DEFAULT 'with_parents' CHECK (child_status IN ('orphan', 'deprived_of_parental_care', 'left_without_parental_care', 'with_parents')),
  document_type text CHECK (document_type IN ('birth_certificate', 'passport')),
  document_number text NOT NULL DEFAULT '',
  contacts text NOT NULL DEFAULT '',
  -- Parents, other legal representatives, people actually caring for the child and relatives; validated by the zod schema.
  caregivers jsonb NOT NULL DEFAULT '[]',
  safety_level text CHECK (safety_level IN ('safe', 'conditionally_safe', 'unsafe')),
  threats text NOT NULL DEFAULT '',
  participants text[] NOT NULL DEFAULT '{}',
  assessed_at timestamptz NOT NULL,
  assessed_by uuid NOT NULL REFERENCES users (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  completed_at timestamptz,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT safety_assessments_participants_coded CHECK (participants <@ ARRAY['child_affairs_service', 'police', 'social_services', 'health_facility']::text[]),
  CONSTRAINT safety_assessments_caregivers_list CHECK (jsonb_typeof(caregivers) = 'array'),
  CONSTRAINT safety_assessments_completed_has_level CHECK (status = 'draft' OR (safety_level IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX safety_assessments_case_idx ON safety_assessments (case_id, created_at);
CREATE INDEX safety_assessments_child_idx ON safety_assessments (child_person_id);
-- One draft per child of a case at a time.
CREATE UNIQUE INDEX safety_assessments_one_draft_idx ON safety_assessments (case_id, child_person_id) WHERE status = 'draft';

-- Immediate actions taken on a safety assessment and by whom (Resolution 585 §9–11); appended, never edited.
CREATE TABLE safety_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES safety_assessments (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  action_type text NOT NULL CHECK (action_type IN ('medical_examination', 'police_notified', 'shelter_placement', 'rehabilitation_centre_placement', 'restraining_order', 'other')),
  description text NOT NULL DEFAULT '',
  taken_at timestamptz NOT NULL,
  taken_by_name text NOT NULL,
  taken_by_organisation text NOT NULL DEFAULT '',
  taken_by_user_id uuid REFERENCES users (id),
  recorded_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT safety_actions_other_described CHECK (action_type <> 'other' OR description <> '')
);
CREATE INDEX safety_actions_assessment_idx ON safety_actions (assessment_id, taken_at);
CREATE INDEX safety_actions_case_idx ON safety_actions (case_id);

-- Family tracing: each search for parents and kin with its outcome (SPEC §2.7; 000 §3.3); a log, never edited.
CREATE TABLE tracing_attempts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  sought_person_id uuid REFERENCES persons (id),
  sought_name text NOT NULL DEFAULT '',
  sought_relation text NOT NULL DEFAULT '',
  method text NOT NULL CHECK (method IN ('community_inquiry', 'records_search', 'other_agency', 'phone', 'social_media', 'home_visit', 'other')),
  attempted_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('found', 'not_found', 'lead', 'refused_contact')),
  notes text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tracing_attempts_names_someone CHECK (sought_person_id IS NOT NULL OR sought_name <> '')
);
CREATE INDEX tracing_attempts_case_idx ON tracing_attempts (case_id, attempted_on DESC, created_at DESC, id DESC);

-- Relatives found for a child of a case, verified and assessed for willingness and capacity (SPEC §2.7; 000 §3.3 item 2).
CREATE TABLE relatives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  child_person_id uuid NOT NULL REFERENCES persons (id),
  relation text NOT NULL CHECK (relation IN ('mother', 'father', 'grandmother', 'grandfather', 'sister', 'brother', 'aunt', 'uncle', 'cousin', 'stepparent', 'other_relative')),
  contact text NOT NULL DEFAULT '',
  verified boolean NOT NULL DEFAULT false,
  verified_on date,
  verification_method text CHECK (verification_method IN ('documents', 'civil_registry', 'interview', 'other_agency', 'community', 'other')),
  willingness text NOT NULL DEFAULT 'undecided' CHECK (willingness IN ('willing', 'unwilling', 'undecided')),
  capacity text CHECK (capacity IN ('able', 'able_with_support', 'unable')),
  assessment_notes text NOT NULL DEFAULT '',
  added_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT relatives_unique UNIQUE (case_id, person_id, child_person_id),
  CONSTRAINT relatives_verification CHECK (verified = (verified_on IS NOT NULL) AND verified = (verification_method IS NOT NULL))
);
CREATE INDEX relatives_case_idx ON relatives (case_id, created_at);
CREATE INDEX relatives_person_idx ON relatives (person_id);

-- Family assessment for reintegration, one per case per round, draft → completed (SPEC §2.7; 000 §3.4).
CREATE TABLE family_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  round integer NOT NULL CHECK (round >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  risk_factors text NOT NULL DEFAULT '',
  protective_factors text NOT NULL DEFAULT '',
  strengths text NOT NULL DEFAULT '',
  siblings_resilience text NOT NULL DEFAULT '',
  separation_view text NOT NULL DEFAULT '',
  readiness text CHECK (readiness IN ('ready', 'partly_ready', 'not_ready')),
  readiness_notes text NOT NULL DEFAULT '',
  capacity text CHECK (capacity IN ('able', 'able_with_support', 'unable')),
  capacity_notes text NOT NULL DEFAULT '',
  socio_economic text NOT NULL DEFAULT '',
  apart_from_child boolean NOT NULL DEFAULT false,
  place text NOT NULL DEFAULT '',
  child_views text NOT NULL DEFAULT '',
  child_views_not_heard_reason text NOT NULL DEFAULT '',
  assessed_by uuid NOT NULL REFERENCES users (id),
  completed_at timestamptz,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT family_assessments_round_unique UNIQUE (case_id, round),
  CONSTRAINT family_assessments_completed CHECK (status = 'draft' OR (completed_at IS NOT NULL AND readiness IS NOT NULL AND capacity IS NOT NULL))
);
CREATE UNIQUE INDEX family_assessments_one_draft_idx ON family_assessments (case_id) WHERE status = 'draft';

-- The child's care-arrangement history: one row per episode, never overwritten (SPEC §2.11).
-- Episodes of a child must not overlap; the service checks it under a lock on the person.
CREATE TABLE care_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id),
  care_type text NOT NULL CHECK (care_type IN ('own_family', 'kinship', 'guardianship', 'foster_family', 'family_type_home', 'patronage', 'institution', 'supported_independent_living', 'adoption')),
  institution_type text CHECK (institution_type IN ('baby_home', 'children_home', 'boarding_school', 'special_boarding_school', 'rehabilitation_centre', 'social_care_home', 'shelter', 'other')),
  institution_subordination text CHECK (institution_subordination IN ('social_policy', 'health', 'education', 'private')),
  institution_name text NOT NULL DEFAULT '',
  start_date date NOT NULL,
  end_date date,
  reason text NOT NULL DEFAULT '',
  end_reason text NOT NULL DEFAULT '',
  deciding_authority text NOT NULL DEFAULT '',
  decision_number text NOT NULL DEFAULT '',
  decision_date date,
  case_id uuid REFERENCES cases (id),
  recorded_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT care_episodes_dates CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT care_episodes_institution_details CHECK ((care_type = 'institution') = (institution_type IS NOT NULL AND institution_subordination IS NOT NULL))
);
CREATE INDEX care_episodes_person_idx ON care_episodes (person_id, start_date);
CREATE INDEX care_episodes_case_idx ON care_episodes (case_id) WHERE case_id IS NOT NULL;
-- At most one current episode per child.
CREATE UNIQUE INDEX care_episodes_one_open_idx ON care_episodes (person_id) WHERE end_date IS NULL;
-- Current placements by type per hromada, for analytics (share of family-based care, SPEC §10).
CREATE INDEX care_episodes_current_idx ON care_episodes (hromada_id, care_type) WHERE end_date IS NULL;
