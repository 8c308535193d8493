-- 0005 implementation and monitoring (SPEC §2.10, §2.12, §2.16): case notes, home visits, the interdisciplinary team
-- (whose members get access to the case while on it), services delivered against the plan, and the quarterly reports
-- on the individual plan to the Child Affairs Service (CMU Resolution No. 585 of 01.06.2020).
-- Every table with personal data carries the hromada and organisation of its case, for access in SQL.

-- Notes on a case; the author may correct one within 24 hours (optimistic `version`), then it is append-only.
CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('note', 'phone_call', 'office_meeting', 'other')),
  note_date date NOT NULL,
  text text NOT NULL CHECK (text <> ''),
  author_id uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- The case's notes, newest first, keyset-paginated.
CREATE INDEX case_notes_case_idx ON case_notes (case_id, note_date DESC, created_at DESC, id DESC);

-- Home visits: planned, then recorded as done with who went, whom they met, whether the child was seen alone and
-- what they observed. A done visit meets the case's `home_visit` deadline and starts the next interval (SPEC §2.12).
CREATE TABLE home_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  planned_date date,
  done_date date,
  place text NOT NULL CHECK (place IN ('home', 'school', 'office', 'other')),
  address text NOT NULL DEFAULT '',
  -- Users who visited (checked by the service) and others by name.
  visitor_user_ids uuid[] NOT NULL DEFAULT '{}',
  other_visitors text NOT NULL DEFAULT '',
  -- Members of the case met (checked by the service) and others by name.
  persons_met_ids uuid[] NOT NULL DEFAULT '{}',
  others_met text NOT NULL DEFAULT '',
  child_seen_alone text CHECK (child_seen_alone IN ('yes', 'no', 'not_applicable')),
  child_seen_alone_reason text NOT NULL DEFAULT '',
  observations text NOT NULL DEFAULT '',
  safety_concerns boolean NOT NULL DEFAULT false,
  safety_concerns_text text NOT NULL DEFAULT '',
  next_visit_proposed date,
  recorded_by uuid NOT NULL REFERENCES users (id),
  -- Who recorded the visit as done and when: the 24-hour correction window runs from then.
  done_recorded_by uuid REFERENCES users (id),
  done_recorded_at timestamptz,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT home_visits_dated CHECK (planned_date IS NOT NULL OR done_date IS NOT NULL),
  CONSTRAINT home_visits_done_recorded CHECK ((done_date IS NULL) = (done_recorded_at IS NULL) AND (done_recorded_at IS NULL) = (done_recorded_by IS NULL)),
  CONSTRAINT home_visits_done_seen_alone CHECK (done_date IS NULL OR child_seen_alone IS NOT NULL),
  CONSTRAINT home_visits_not_applicable_reason CHECK (child_seen_alone IS DISTINCT FROM 'not_applicable' OR child_seen_alone_reason <> ''),
  CONSTRAINT home_visits_concerns_described CHECK (NOT safety_concerns OR safety_concerns_text <> ''),
  CONSTRAINT home_visits_other_place_address CHECK (place <> 'other' OR address <> '')
);
CREATE INDEX home_visits_case_idx ON home_visits (case_id, coalesce(done_date, planned_date) DESC, created_at DESC, id DESC);
-- The last visit done, from which the next one is counted.
CREATE INDEX home_visits_done_idx ON home_visits (case_id, done_date DESC) WHERE done_date IS NOT NULL;

-- The interdisciplinary team (SPEC §2.16): a user of the system or an external person without an account. A user
-- member has access to the case from `from_date` until the membership is ended (`to_date`, the day it ended: access
-- ends that day). Memberships are never deleted: the team's history is data.
CREATE TABLE case_team_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid REFERENCES users (id),
  external_name text NOT NULL DEFAULT '',
  external_organisation text NOT NULL DEFAULT '',
  external_profession text NOT NULL DEFAULT '',
  team_role text NOT NULL CHECK (team_role IN ('designated_specialist', 'supervisor', 'guardianship_representative', 'child_affairs_specialist', 'psychologist', 'teacher', 'doctor', 'police', 'other')),
  -- Member of the emergency intervention team (SPEC §2.16).
  emergency_intervention boolean NOT NULL DEFAULT false,
  from_date date NOT NULL,
  to_date date,
  end_reason text NOT NULL DEFAULT '',
  added_by uuid NOT NULL REFERENCES users (id),
  ended_by uuid REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_team_members_identity CHECK ((user_id IS NULL) = (external_name <> '')),
  CONSTRAINT case_team_members_external_details CHECK (user_id IS NULL OR (external_organisation = '' AND external_profession = '')),
  CONSTRAINT case_team_members_dates CHECK (to_date IS NULL OR to_date >= from_date),
  CONSTRAINT case_team_members_ended CHECK ((to_date IS NULL) = (ended_by IS NULL))
);
CREATE INDEX case_team_members_case_idx ON case_team_members (case_id, from_date, created_at);
-- The team-access check of the case scope (`caseVisibleTo`, `findCaseWithAccessFacts`): one probe by (user, case),
-- answered from the index alone; also the list of a user's team cases.
CREATE INDEX case_team_members_access_idx ON case_team_members (user_id, case_id) INCLUDE (from_date, to_date) WHERE user_id IS NOT NULL;
-- A user is on a case's team once at a time.
CREATE UNIQUE INDEX case_team_members_one_open_idx ON case_team_members (case_id, user_id) WHERE user_id IS NOT NULL AND to_date IS NULL;

-- Services delivered (SPEC §2.10), logged against a measure of the agreed plan version (stable measure key) or
-- unplanned; counted in the catalogue's units for costing and planning (SPEC §4.1, §8). A log, never edited.
CREATE TABLE delivered_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- The agreed plan version the measure was taken from.
  plan_id uuid REFERENCES case_plans (id),
  measure_key uuid,
  service_code text NOT NULL REFERENCES service_catalogue (code),
  provider_organisation_id uuid REFERENCES organisations (id),
  provider_name text NOT NULL DEFAULT '',
  delivered_on date NOT NULL,
  quantity numeric(10, 2) NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  notes text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT delivered_services_measure_of_plan CHECK ((measure_key IS NULL) = (plan_id IS NULL)),
  CONSTRAINT delivered_services_provider CHECK (provider_organisation_id IS NULL OR provider_name = ''),
  CONSTRAINT delivered_services_provider_named CHECK (provider_organisation_id IS NOT NULL OR provider_name <> '')
);
CREATE INDEX delivered_services_case_idx ON delivered_services (case_id, delivered_on DESC, created_at DESC, id DESC);
CREATE INDEX delivered_services_measure_idx ON delivered_services (case_id, measure_key) WHERE measure_key IS NOT NULL;
-- Counts per service and period for a hromada's planning and costing (SPEC §8).
CREATE INDEX delivered_services_hromada_service_idx ON delivered_services (hromada_id, service_code, delivered_on);
CREATE INDEX delivered_services_provider_idx ON delivered_services (provider_organisation_id, delivered_on) WHERE provider_organisation_id IS NOT NULL;

-- Quarterly report on the implementation of the individual plan to the Child Affairs Service (CMU Resolution No. 585):
-- the status of every measure of the agreed plan version, the plan overall, and whether the case must go to the
-- Commission on Protection of Child Rights (the plan cannot be implemented, or more protection is needed).
-- One per case per quarter; submitted, never edited.
CREATE TABLE plan_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  plan_id uuid NOT NULL REFERENCES case_plans (id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
  -- [{measureKey, status: done|in_progress|not_started|impossible, comment}], validated by the contract and the domain.
  measure_statuses jsonb NOT NULL CHECK (jsonb_typeof(measure_statuses) = 'array'),
  overall_status text NOT NULL CHECK (overall_status IN ('on_track', 'partly_on_track', 'not_implemented')),
  overall_comment text NOT NULL DEFAULT '',
  needs_commission boolean NOT NULL DEFAULT false,
  commission_ground text CHECK (commission_ground IN ('plan_cannot_be_implemented', 'more_protection_needed')),
  submitted_by uuid NOT NULL REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_reports_one_per_quarter UNIQUE (case_id, period),
  CONSTRAINT plan_reports_commission_ground CHECK (needs_commission = (commission_ground IS NOT NULL))
);
-- Cases a hromada's Child Affairs Service must bring to the commission.
CREATE INDEX plan_reports_commission_idx ON plan_reports (hromada_id, submitted_at) WHERE needs_commission;

-- Shipped configuration (Rodyna defaults, SPEC §2.12, §2.15): visit intervals by complexity and after reunification
-- (domain/cases/monitoring.ts chooses which applies), and the days allowed after a quarter for its plan report.
INSERT INTO deadline_rules (key, case_type, amount, unit, source_uk, source_en) VALUES
  ('home_visit_intensive', NULL, 7, 'calendar_days', 'Графік моніторингу Родини за замовчуванням — щотижня (після повернення дитини в сім''ю, екстрені випадки)', 'Rodyna default monitoring schedule — weekly (after reunification, emergency cases)'),
  ('home_visit_complex', NULL, 14, 'calendar_days', 'Графік моніторингу Родини за замовчуванням — раз на два тижні (складні випадки)', 'Rodyna default monitoring schedule — fortnightly (complex cases)'),
  ('home_visit_moderate', NULL, 1, 'months', 'Графік моніторингу Родини за замовчуванням — щомісяця (випадки середньої складності)', 'Rodyna default monitoring schedule — monthly (moderate cases)'),
  ('home_visit_simple', NULL, 2, 'months', 'Графік моніторингу Родини за замовчуванням — раз на два місяці (прості випадки)', 'Rodyna default monitoring schedule — every two months (simple cases)'),
  ('plan_report_grace', NULL, 10, 'calendar_days', 'Постанова КМУ № 585 — звіт про виконання індивідуального плану щокварталу; строк подання — 10 днів після кварталу (налаштування Родини)', 'CMU Resolution No. 585 — quarterly report on the individual plan; due 10 days after the quarter (Rodyna default)');
