-- 0013 workforce (SPEC §7, §8 workforce need): staff register, caseload weights, case reassignment history,
-- supervision sessions and cards (Order 5 of 05.01.2015), training records, wellbeing check-ins, workforce need inputs.

-- The staff register of an organisation: people with or without a user account. The head of the service is the
-- current (not ended) entry with is_head; supervision cards are submitted to them.
CREATE TABLE workforce_staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  user_id uuid REFERENCES users (id),
  surname text NOT NULL,
  given_name text NOT NULL,
  patronymic text NOT NULL DEFAULT '',
  position text NOT NULL,
  qualification text NOT NULL DEFAULT '',
  employment text NOT NULL CHECK (employment IN ('full_time', 'part_time')),
  fte numeric(4, 2) NOT NULL CHECK (fte > 0 AND fte <= 1.5),
  staff_kind text NOT NULL DEFAULT 'professional' CHECK (staff_kind IN ('professional', 'paraprofessional', 'volunteer')),
  is_head boolean NOT NULL DEFAULT false,
  -- Hromada or starostat the person covers.
  territory_id uuid REFERENCES territories (id),
  started_on date NOT NULL,
  ended_on date,
  -- Planned supervision schedule for this person (days between planned sessions); null: no planned supervision.
  supervision_interval_days integer CHECK (supervision_interval_days IS NULL OR supervision_interval_days BETWEEN 7 AND 366),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT workforce_staff_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX workforce_staff_org_idx ON workforce_staff (organisation_id);
CREATE INDEX workforce_staff_user_idx ON workforce_staff (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX workforce_staff_one_head ON workforce_staff (organisation_id) WHERE is_head AND ended_on IS NULL;
CREATE UNIQUE INDEX workforce_staff_one_user_entry ON workforce_staff (organisation_id, user_id) WHERE user_id IS NOT NULL AND ended_on IS NULL;

-- System-wide workforce settings (one row; defaults live in the domain when the row is absent): caseload weights
-- by complexity and the travel rule for remote starostats.
CREATE TABLE workforce_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  weights jsonb NOT NULL,
  remote_threshold_minutes integer NOT NULL CHECK (remote_threshold_minutes >= 0),
  remote_extra_fte numeric(4, 2) NOT NULL CHECK (remote_extra_fte >= 0),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Workforce-need inputs per hromada: FTE for services other than case management, travel time to each starostat.
CREATE TABLE workforce_hromada_inputs (
  hromada_id uuid PRIMARY KEY REFERENCES territories (id),
  other_services_fte numeric(6, 2) NOT NULL DEFAULT 0 CHECK (other_services_fte >= 0),
  -- {starostatId: one-way travel minutes from the CSS office}
  travel_minutes jsonb NOT NULL DEFAULT '{}',
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who managed a case and since when: every reassignment with its reason (the case keeps its history).
CREATE TABLE case_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  from_user_id uuid NOT NULL REFERENCES users (id),
  to_user_id uuid NOT NULL REFERENCES users (id),
  reason text NOT NULL CHECK (length(reason) > 0),
  assigned_by uuid NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_assignments_case_idx ON case_assignments (case_id, at);

-- A supervision session (Order 5): purpose, participants, timing, format, stage; its card is submitted to the head.
CREATE TABLE supervision_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  supervisor_id uuid NOT NULL REFERENCES users (id),
  purpose text NOT NULL CHECK (purpose IN ('training_mentoring', 'consulting')),
  participants_kind text NOT NULL CHECK (participants_kind IN ('individual', 'pair_team', 'group')),
  timing text NOT NULL CHECK (timing IN ('planned', 'unscheduled')),
  format text NOT NULL CHECK (format IN ('internal', 'external')),
  stage text NOT NULL DEFAULT 'preparation' CHECK (stage IN ('preparation', 'session', 'follow_up')),
  session_date date NOT NULL,
  topics text NOT NULL DEFAULT '',
  cases_discussed text NOT NULL DEFAULT '',
  conclusions text NOT NULL DEFAULT '',
  recommendations text NOT NULL DEFAULT '',
  submitted_at timestamptz,
  submitted_to uuid REFERENCES workforce_staff (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_sessions_org_idx ON supervision_sessions (organisation_id, session_date);

CREATE TABLE supervision_participants (
  session_id uuid NOT NULL REFERENCES supervision_sessions (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (session_id, user_id)
);
CREATE INDEX supervision_participants_user_idx ON supervision_participants (user_id);

-- Training records of a staff member.
CREATE TABLE workforce_trainings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES workforce_staff (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('pre_service', 'in_service')),
  topic text NOT NULL,
  hours numeric(6, 1) NOT NULL CHECK (hours > 0),
  completed_on date NOT NULL,
  certificate_number text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workforce_trainings_staff_idx ON workforce_trainings (staff_id, completed_on);

-- Wellbeing check-ins by the worker themself (1 = low, 5 = high); only aggregates are shown to anyone else.
CREATE TABLE wellbeing_checkins (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  checked_on date NOT NULL,
  exhaustion integer NOT NULL CHECK (exhaustion BETWEEN 1 AND 5),
  stress integer NOT NULL CHECK (stress BETWEEN 1 AND 5),
  support integer NOT NULL CHECK (support BETWEEN 1 AND 5),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wellbeing_checkins_org_idx ON wellbeing_checkins (organisation_id, checked_on);
CREATE INDEX wellbeing_checkins_user_idx ON wellbeing_checkins (user_id, checked_on);
