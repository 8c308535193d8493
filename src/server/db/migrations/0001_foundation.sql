-- 0001 foundation: territory, organisations, users and sessions, persons, intake, cases, needs assessment, audit.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE territories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  level text NOT NULL CHECK (level IN ('oblast', 'rayon', 'hromada', 'starostat')),
  parent_id uuid REFERENCES territories (id),
  code text UNIQUE,
  name_uk text NOT NULL,
  name_en text NOT NULL,
  hromada_kind text CHECK (hromada_kind IN ('urban', 'settlement', 'rural')),
  population integer CHECK (population >= 0),
  child_population integer CHECK (child_population >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT territories_kind_only_for_hromada CHECK ((level = 'hromada') = (hromada_kind IS NOT NULL)),
  CONSTRAINT territories_parent_unless_oblast CHECK ((level = 'oblast') = (parent_id IS NULL))
);
CREATE INDEX territories_parent_idx ON territories (parent_id);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN ('css', 'cas', 'social_protection', 'guardianship_body', 'child_rights_commission', 'service_provider', 'school', 'health_facility', 'police', 'oblast_administration', 'oblast_social_service_centre', 'oblast_better_care_council', 'community_taskforce', 'coordination_centre')),
  name_uk text NOT NULL,
  name_en text NOT NULL,
  -- Null for national bodies (Coordination Centre).
  territory_id uuid REFERENCES territories (id),
  -- The hromada that contains the organisation's territory; null for rayon, oblast and national bodies.
  hromada_id uuid REFERENCES territories (id),
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_territory_idx ON organisations (territory_id);
CREATE INDEX organisations_hromada_idx ON organisations (hromada_id, type);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  password_hash text NOT NULL,
  surname text NOT NULL,
  given_name text NOT NULL,
  patronymic text NOT NULL DEFAULT '',
  locale text NOT NULL DEFAULT 'uk' CHECK (locale IN ('uk', 'en')),
  supervisor_id uuid REFERENCES users (id),
  is_active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_supervisor_idx ON users (supervisor_id);

CREATE TABLE user_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('case_manager', 'child_affairs_specialist', 'supervisor', 'panel_member', 'panel_secretary', 'provider_worker', 'reporter', 'community_planner', 'oblast_coordinator', 'national_analyst', 'system_admin', 'auditor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_roles_unique UNIQUE (user_id, organisation_id, role)
);
CREATE INDEX user_roles_organisation_idx ON user_roles (organisation_id, role);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- A person exists once and takes part in cases through link tables (ARCHITECTURE: data modelling).
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  surname text NOT NULL,
  given_name text NOT NULL,
  patronymic text NOT NULL DEFAULT '',
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male')),
  disability boolean NOT NULL DEFAULT false,
  latin_name text NOT NULL DEFAULT '',
  -- Normalised Cyrillic "surname given" and its official Latin transliteration, for duplicate search (SPEC §2.3, §12).
  name_key text NOT NULL,
  latin_key text NOT NULL,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_name_key_trgm ON persons USING gin (name_key gin_trgm_ops);
CREATE INDEX persons_latin_key_trgm ON persons USING gin (latin_key gin_trgm_ops);
CREATE INDEX persons_hromada_birth_idx ON persons (hromada_id, birth_date);

CREATE SEQUENCE case_number_seq;

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE,
  case_type text NOT NULL CHECK (case_type IN ('prevention', 'reintegration', 'alternative_care', 'returning_child', 'care_leaver')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  step text NOT NULL CHECK (step IN ('identification', 'child_assessment', 'family_tracing', 'family_assessment', 'case_planning', 'implementation', 'reunification', 'monitoring', 'case_review', 'closure')),
  complexity text CHECK (complexity IN ('simple', 'moderate', 'complex', 'emergency')),
  urgent boolean NOT NULL DEFAULT false,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  case_manager_id uuid NOT NULL REFERENCES users (id),
  registered_on date NOT NULL,
  registered_by uuid NOT NULL REFERENCES users (id),
  -- Earliest deadline not yet met; kept current by the service so the worklist sorts on an index.
  next_due_date date,
  closed_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_manager_worklist_idx ON cases (case_manager_id, status, next_due_date, id);
CREATE INDEX cases_hromada_worklist_idx ON cases (hromada_id, status, next_due_date, id);

CREATE TABLE case_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL CHECK (role IN ('child', 'adult')),
  relationship text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_members_unique UNIQUE (case_id, person_id)
);
CREATE INDEX case_members_person_idx ON case_members (person_id);

-- The notification about a family/person in difficult life circumstances (Order 1005; SPEC §2.3).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  submitted_by uuid NOT NULL REFERENCES users (id),
  received_by uuid NOT NULL REFERENCES users (id),
  received_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('self_referral', 'school', 'health_facility', 'police', 'neighbour_or_relative', 'hotline', 'other_organisation', 'official_duties', 'community_outreach', 'other')),
  reporter_organisation text NOT NULL DEFAULT '',
  reporter_person text NOT NULL DEFAULT '',
  reporter_contact text NOT NULL DEFAULT '',
  description text NOT NULL,
  child_factors text[] NOT NULL DEFAULT '{}',
  adult_factors text[] NOT NULL DEFAULT '{}',
  threat_to_life_or_health boolean NOT NULL DEFAULT false,
  urgent boolean NOT NULL DEFAULT false,
  actions_taken text NOT NULL DEFAULT '',
  urgent_actions text[] NOT NULL DEFAULT '{}',
  documents text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'registered')),
  case_id uuid REFERENCES cases (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_submitter_idx ON notifications (submitted_by, created_at DESC, id);
CREATE INDEX notifications_hromada_idx ON notifications (hromada_id, status);
CREATE UNIQUE INDEX notifications_case_idx ON notifications (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE notification_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL REFERENCES notifications (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL CHECK (role IN ('child', 'adult')),
  relationship text NOT NULL DEFAULT '',
  CONSTRAINT notification_members_unique UNIQUE (notification_id, person_id)
);
CREATE INDEX notification_members_person_idx ON notification_members (person_id);

-- Deadline rules as configuration (SPEC §2.15); a case-type row overrides the general one.
CREATE TABLE deadline_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL,
  case_type text CHECK (case_type IN ('prevention', 'reintegration', 'alternative_care', 'returning_child', 'care_leaver')),
  amount integer NOT NULL CHECK (amount >= 0),
  unit text NOT NULL CHECK (unit IN ('working_days', 'calendar_days', 'months', 'same_day')),
  source_uk text NOT NULL,
  source_en text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX deadline_rules_key_type_idx ON deadline_rules (key, coalesce(case_type, ''));

-- Working-calendar regimes by date range (SPEC §2.15): martial law makes public holidays working days.
CREATE TABLE calendar_regimes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  regime text NOT NULL CHECK (regime IN ('peacetime', 'martial_law')),
  valid_from date NOT NULL,
  valid_to date,
  CONSTRAINT calendar_regimes_range CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE case_deadlines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  key text NOT NULL,
  due_date date NOT NULL,
  source_uk text NOT NULL,
  source_en text NOT NULL,
  met_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_deadlines_case_idx ON case_deadlines (case_id, due_date);
CREATE INDEX case_deadlines_open_idx ON case_deadlines (due_date) WHERE met_on IS NULL;

-- Timeline of every event of a case; history is data, never overwritten.
CREATE TABLE case_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Insertion order, to order events that share a timestamp.
  seq bigint GENERATED BY DEFAULT AS IDENTITY,
  case_id uuid NOT NULL REFERENCES cases (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id),
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at, seq);

CREATE TABLE case_transitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  from_step text NOT NULL,
  to_step text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('forward', 'back')),
  reason text NOT NULL DEFAULT '',
  actor_id uuid NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_transitions_case_idx ON case_transitions (case_id, at);

-- The act of needs assessment (Order 1005; SPEC §2.5); answers as JSONB validated by the versioned zod schema.
CREATE TABLE needs_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
  content jsonb NOT NULL,
  content_schema_version integer NOT NULL DEFAULT 1,
  complexity text CHECK (complexity IN ('simple', 'moderate', 'complex', 'emergency')),
  assessed_by uuid NOT NULL REFERENCES users (id),
  due_date date NOT NULL,
  completed_at timestamptz,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX needs_assessments_case_idx ON needs_assessments (case_id, created_at);
CREATE UNIQUE INDEX needs_assessments_one_draft_idx ON needs_assessments (case_id) WHERE status = 'draft';

-- Append-only, hash-chained audit trail (SPEC §11). audit_head holds the last hash so that removing
-- the newest rows is detected too, and serialises appends (SELECT ... FOR UPDATE).
CREATE SEQUENCE audit_log_id_seq;
CREATE TABLE audit_log (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text NOT NULL DEFAULT '',
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT '',
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);

CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (true, 0, 'genesis');

CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();

-- Shipped configuration (not demo data): statutory deadlines and the martial-law regime.
INSERT INTO deadline_rules (key, case_type, amount, unit, source_uk, source_en) VALUES
  ('safety_assessment', NULL, 0, 'same_day', 'Невідкладно (в день надходження) — Порядок, затв. постановою КМУ № 585, п. 12', 'Immediately (same day) — Procedure approved by CMU Resolution No. 585, §12'),
  ('needs_assessment', NULL, 5, 'working_days', '5 робочих днів — Закон України «Про соціальні послуги», ст. 20', '5 working days — Law of Ukraine "On Social Services", art. 20'),
  ('plan_report', NULL, 3, 'months', 'Щокварталу — Порядок, затв. постановою КМУ № 585', 'Quarterly — Procedure approved by CMU Resolution No. 585'),
  ('review_complex', NULL, 3, 'months', 'Не рідше ніж раз на 3 місяці — налаштування Rodyna', 'At least every 3 months — Rodyna default'),
  ('review_other', NULL, 6, 'months', 'Не рідше ніж раз на 6 місяців — налаштування Rodyna', 'At least every 6 months — Rodyna default'),
  ('post_closure_follow_up', NULL, 3, 'months', '3 місяці після закриття — налаштування Rodyna', '3 months after closure — Rodyna default');
INSERT INTO calendar_regimes (regime, valid_from, valid_to) VALUES
  ('peacetime', '1991-08-24', '2022-02-23'),
  ('martial_law', '2022-02-24', NULL);
