-- Alternative family caregivers (SPEC §5; 001 §6.vi): foster families, family-type children's homes, patronage
-- carers, guardians, kinship carers and adoptive families; the pipeline from the statement of intent to
-- deregistration with the date of each stage; what they accept; support; placements decided through matching.
CREATE TABLE caregivers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  caregiver_type text NOT NULL CHECK (caregiver_type IN ('foster_family', 'family_type_home', 'patronage', 'guardianship', 'kinship', 'adoption')),
  -- How the register names them, e.g. «Прийомна сім'я Петренків».
  name text NOT NULL CHECK (name <> ''),
  address text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  -- The hromada responsible (and the Child Affairs Service that keeps the record).
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  stage text NOT NULL DEFAULT 'intent' CHECK (stage IN ('intent', 'screening', 'training', 'home_assessment', 'approved', 'available', 'deregistered')),
  stage_date date NOT NULL,
  approved_on date,
  decision_reference text NOT NULL DEFAULT '',
  deciding_authority text NOT NULL DEFAULT '',
  agreement_reference text NOT NULL DEFAULT '',
  deregistration_reason text CHECK (deregistration_reason IN ('own_request', 'health', 'unsuitable', 'moved_away', 'agreement_ended', 'child_adopted', 'other')),
  capacity integer NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 10),
  age_from integer NOT NULL DEFAULT 0 CHECK (age_from BETWEEN 0 AND 17),
  age_to integer NOT NULL DEFAULT 17 CHECK (age_to BETWEEN 0 AND 17),
  siblings_accepted boolean NOT NULL DEFAULT true,
  disability_specialisation boolean NOT NULL DEFAULT false,
  -- The social worker who supports the caregiver (SPEC §5.2 ongoing support).
  assigned_worker_id uuid REFERENCES users (id),
  notes text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT caregivers_age_order CHECK (age_from <= age_to),
  CONSTRAINT caregivers_deregistered_reason CHECK ((stage = 'deregistered') = (deregistration_reason IS NOT NULL))
);
CREATE INDEX caregivers_hromada_idx ON caregivers (hromada_id, stage, caregiver_type);

-- The people of the household: the applicant, a co-applicant, the assistant adult, own children, other members.
CREATE TABLE caregiver_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  caregiver_id uuid NOT NULL REFERENCES caregivers (id),
  role text NOT NULL CHECK (role IN ('applicant', 'co_applicant', 'assistant', 'own_child', 'other_member')),
  surname text NOT NULL CHECK (surname <> ''),
  given_name text NOT NULL CHECK (given_name <> ''),
  patronymic text NOT NULL DEFAULT '',
  birth_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX caregiver_members_caregiver_idx ON caregiver_members (caregiver_id);

-- Every stage reached, with its date: the pipeline's history (never edited).
CREATE TABLE caregiver_stage_moves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  caregiver_id uuid NOT NULL REFERENCES caregivers (id),
  from_stage text,
  to_stage text NOT NULL,
  moved_on date NOT NULL,
  decision_reference text NOT NULL DEFAULT '',
  deciding_authority text NOT NULL DEFAULT '',
  agreement_reference text NOT NULL DEFAULT '',
  deregistration_reason text,
  notes text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX caregiver_stage_moves_caregiver_idx ON caregiver_stage_moves (caregiver_id, moved_on, created_at);

-- Support: check-ins of the assigned worker and in-service training (at least annually).
CREATE TABLE caregiver_support_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  caregiver_id uuid NOT NULL REFERENCES caregivers (id),
  kind text NOT NULL CHECK (kind IN ('check_in', 'training')),
  event_date date NOT NULL,
  hours numeric(5, 1) CHECK (hours IS NULL OR hours > 0),
  notes text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT caregiver_support_training_hours CHECK ((kind = 'training') = (hours IS NOT NULL))
);
CREATE INDEX caregiver_support_events_caregiver_idx ON caregiver_support_events (caregiver_id, kind, event_date DESC);

-- A child placed with a caregiver after matching: the placement decision and the care episode it started. The
-- place is taken while the episode is open (ending the episode in the child's history frees it).
CREATE TABLE caregiver_placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  caregiver_id uuid NOT NULL REFERENCES caregivers (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  child_person_id uuid NOT NULL REFERENCES persons (id),
  care_episode_id uuid NOT NULL UNIQUE REFERENCES care_episodes (id),
  start_date date NOT NULL,
  decision_reference text NOT NULL CHECK (decision_reference <> ''),
  deciding_authority text NOT NULL CHECK (deciding_authority <> ''),
  decided_by_level text NOT NULL CHECK (decided_by_level IN ('hromada', 'rayon')),
  score integer NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  recorded_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX caregiver_placements_caregiver_idx ON caregiver_placements (caregiver_id);
