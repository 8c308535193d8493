-- 0003 service catalogue (SPEC §4.1), social support plan versions (§2.8), decisions, agreements and emergency contacts (§2.9).

-- The service catalogue is configuration, general enough for providers and costing to refer to it later.
CREATE TABLE service_catalogue (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_uk text NOT NULL,
  name_en text NOT NULL,
  ministry text NOT NULL CHECK (ministry IN ('social_policy', 'health', 'education', 'youth_sports', 'other')),
  package text NOT NULL CHECK (package IN ('issb_minimum', 'issb_optimal', 'basic')),
  target_group text NOT NULL DEFAULT '',
  -- Unit in which the service is counted and costed, in Ukrainian.
  unit_of_measure text NOT NULL DEFAULT '',
  -- Standard cost of one unit in hryvnias; null until a costing sets it.
  standard_unit_cost numeric(12, 2) CHECK (standard_unit_cost >= 0),
  sort_order integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_catalogue_package_idx ON service_catalogue (package, sort_order);

-- The social support plan (Order 1005), one row per version; an agreed version is never edited, a revision is a new row.
CREATE TABLE case_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  version_no integer NOT NULL CHECK (version_no >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agreed', 'superseded')),
  copied_from_id uuid REFERENCES case_plans (id),
  child_views text NOT NULL DEFAULT '',
  child_views_not_heard_reason text NOT NULL DEFAULT '',
  family_participation text NOT NULL DEFAULT '',
  family_conference_held boolean NOT NULL DEFAULT false,
  family_conference_date date,
  family_agreed boolean NOT NULL DEFAULT false,
  family_agreement_date date,
  family_signed_by text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users (id),
  agreed_at timestamptz,
  agreement_recorded_by uuid REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_plans_version_unique UNIQUE (case_id, version_no),
  CONSTRAINT case_plans_conference_date CHECK (family_conference_held OR family_conference_date IS NULL),
  -- A draft carries no agreement; an agreed (or later superseded) version carries the family's agreement and its date.
  CONSTRAINT case_plans_agreed_at CHECK ((status = 'draft') = (agreed_at IS NULL)),
  CONSTRAINT case_plans_family_agreement CHECK ((status <> 'draft') = family_agreed AND family_agreed = (family_agreement_date IS NOT NULL))
);
CREATE UNIQUE INDEX case_plans_one_draft_idx ON case_plans (case_id) WHERE status = 'draft';
CREATE UNIQUE INDEX case_plans_one_agreed_idx ON case_plans (case_id) WHERE status = 'agreed';

-- Goals of a plan version per well-being domain (SPEC §2.6; codes checked against the benchmark configuration by the service).
-- `key` is kept when a version is copied, so that versions can be compared goal by goal.
CREATE TABLE plan_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES case_plans (id) ON DELETE CASCADE,
  key uuid NOT NULL,
  domain text NOT NULL CHECK (domain ~ '^[a-z][a-z0-9_]*$'),
  goal text NOT NULL DEFAULT '',
  position integer NOT NULL CHECK (position >= 0),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_goals_key_unique UNIQUE (plan_id, key)
);
CREATE INDEX plan_goals_plan_idx ON plan_goals (plan_id, position);

-- Measures of a goal: the law's list of measures, who is responsible, deadline, expected result, service from the catalogue.
CREATE TABLE plan_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES case_plans (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES plan_goals (id) ON DELETE CASCADE,
  key uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  action text NOT NULL DEFAULT '',
  measure_type text NOT NULL CHECK (measure_type IN ('documents_for_state_aid', 'housing_repair', 'safe_conditions_for_children', 'employment', 'legal_advice', 'housing_property_rights', 'home_care', 'divorce_risk_reduction', 'rehabilitation', 'other')),
  responsible_kind text CHECK (responsible_kind IN ('specialist', 'family_member', 'agency')),
  -- A family member of the case.
  responsible_person_id uuid REFERENCES persons (id),
  -- A specialist who is a user of the system.
  responsible_user_id uuid REFERENCES users (id),
  -- An agency or organisation, or a specialist who is not a user.
  responsible_name text NOT NULL DEFAULT '',
  deadline date,
  expected_result text NOT NULL DEFAULT '',
  service_code text REFERENCES service_catalogue (code),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_measures_key_unique UNIQUE (plan_id, key),
  CONSTRAINT plan_measures_person_only_for_family CHECK (responsible_person_id IS NULL OR responsible_kind = 'family_member'),
  CONSTRAINT plan_measures_user_only_for_specialist CHECK (responsible_user_id IS NULL OR responsible_kind = 'specialist')
);
CREATE INDEX plan_measures_goal_idx ON plan_measures (goal_id, position);
CREATE INDEX plan_measures_plan_idx ON plan_measures (plan_id);
CREATE INDEX plan_measures_deadline_idx ON plan_measures (deadline) WHERE deadline IS NOT NULL;
CREATE INDEX plan_measures_service_idx ON plan_measures (service_code) WHERE service_code IS NOT NULL;

-- Decision to provide, refuse or terminate services (Law "On Social Services" art. 21, 24).
CREATE TABLE service_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Insertion order: the latest decision in force is the last recorded, also among decisions of one date.
  seq bigint GENERATED BY DEFAULT AS IDENTITY,
  case_id uuid NOT NULL REFERENCES cases (id),
  decision text NOT NULL CHECK (decision IN ('provide', 'refuse', 'terminate')),
  termination_ground text CHECK (termination_ground IN ('no_further_need', 'contract_expiry', 'non_compliance', 'provider_liquidation', 'recipient_refusal')),
  legal_grounds text NOT NULL DEFAULT '',
  -- Services the decision is about (catalogue codes, checked by the service).
  service_codes text[] NOT NULL DEFAULT '{}',
  decided_on date NOT NULL,
  decided_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT service_decisions_ground CHECK ((decision = 'terminate') = (termination_ground IS NOT NULL))
);
CREATE INDEX service_decisions_case_idx ON service_decisions (case_id, decided_on, seq);

-- The agreement (contract) between recipient and provider, including the agreed plan version (Law "On Social Services" art. 22).
CREATE TABLE service_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  plan_id uuid NOT NULL REFERENCES case_plans (id),
  provider_organisation_id uuid NOT NULL REFERENCES organisations (id),
  signed_on date NOT NULL,
  signed_by_recipient text NOT NULL,
  valid_until date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  ended_on date,
  created_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT service_agreements_dates CHECK (valid_until IS NULL OR valid_until >= signed_on),
  CONSTRAINT service_agreements_ended CHECK ((status = 'ended') = (ended_on IS NOT NULL))
);
CREATE INDEX service_agreements_case_idx ON service_agreements (case_id, signed_on);
CREATE INDEX service_agreements_provider_idx ON service_agreements (provider_organisation_id, status);

-- Crisis services on an act of provision without case management (Law "On Social Services" art. 23); `case_id` once it became a case.
CREATE TABLE emergency_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  occurred_at timestamptz NOT NULL,
  situation text NOT NULL,
  threat_to_life_or_health boolean NOT NULL DEFAULT false,
  service_codes text[] NOT NULL DEFAULT '{}',
  provided_by uuid NOT NULL REFERENCES users (id),
  case_id uuid REFERENCES cases (id),
  converted_at timestamptz,
  converted_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT emergency_contacts_conversion CHECK ((case_id IS NULL) = (converted_at IS NULL))
);
CREATE INDEX emergency_contacts_organisation_idx ON emergency_contacts (organisation_id, occurred_at DESC, id);
CREATE INDEX emergency_contacts_hromada_idx ON emergency_contacts (hromada_id, occurred_at DESC);
CREATE UNIQUE INDEX emergency_contacts_case_idx ON emergency_contacts (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE emergency_contact_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  emergency_contact_id uuid NOT NULL REFERENCES emergency_contacts (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  role text NOT NULL CHECK (role IN ('child', 'adult')),
  relationship text NOT NULL DEFAULT '',
  CONSTRAINT emergency_contact_members_unique UNIQUE (emergency_contact_id, person_id)
);
CREATE INDEX emergency_contact_members_person_idx ON emergency_contact_members (person_id);

-- Shipped configuration (not demo data): ISSB minimum and optimal packages (001 §3.iv) and the basic social services of
-- the Law "On Social Services". Unit costs stay null until a community costs them (SPEC §8).
INSERT INTO service_catalogue (code, name_uk, name_en, ministry, package, target_group, unit_of_measure, sort_order) VALUES
  ('issb_resilience_counselling', 'Консультування для зміцнення стійкості (психосоціальна підтримка, ненасильницьке розв''язання конфліктів, позитивне батьківство)', 'Counselling for resilience strengthening (psychosocial support, non-violent conflict resolution, positive parenting)', 'social_policy', 'issb_minimum', 'Діти та сім''ї, зокрема сім''ї, які виховують дітей з інвалідністю', 'консультація', 101),
  ('issb_family_social_support', 'Соціальний супровід сімей, які перебувають у складних життєвих обставинах (сімейне наставництво, «cash and care»)', 'Social support for families in difficult life circumstances (family mentoring, "cash and care")', 'social_policy', 'issb_minimum', 'Сім''ї з дітьми з ризиком нехтування потребами дитини, зокрема отримувачі соціальної допомоги', 'сім''я на місяць', 102),
  ('issb_alternative_family_support', 'Соціальний супровід альтернативних сімей (прийомних, патронатних, опікунів і піклувальників, усиновлювачів)', 'Social support for alternative families (foster, kinship, adoptive)', 'social_policy', 'issb_minimum', 'Прийомні сім''ї, дитячі будинки сімейного типу, сім''ї патронатних вихователів, опікунів, піклувальників, усиновлювачів', 'сім''я на місяць', 103),
  ('issb_day_care_complex_disabilities', 'Денний догляд дітей з інвалідністю зі складними порушеннями розвитку', 'Day care for children and adolescents with complex disabilities', 'social_policy', 'issb_minimum', 'Діти з інвалідністю зі складними порушеннями розвитку (до 18 років)', 'день', 104),
  ('issb_early_intervention', 'Раннє втручання', 'Early intervention', 'social_policy', 'issb_minimum', 'Діти віком від народження до 4 років з порушеннями розвитку або ризиком їх виникнення', 'відвідування', 105),
  ('issb_crisis_intervention', 'Кризове втручання', 'Crisis intervention', 'social_policy', 'issb_minimum', 'Сім''ї, в яких є конфлікти, насильство, жорстоке поводження або нехтування потребами дитини', 'випадок', 106),
  ('issb_inclusive_education_assistance', 'Супровід дитини під час інклюзивного навчання', 'Assistance to a child during inclusive education', 'social_policy', 'issb_minimum', 'Діти з інвалідністю в закладах загальної середньої освіти', 'година', 107),
  ('issb_care_leaver_integration', 'Соціальна інтеграція випускників інституційних закладів і сімейних форм виховання', 'Social integration support for care leavers', 'social_policy', 'issb_minimum', 'Діти та молодь, які залишають заклади інституційного догляду або сімейні форми виховання', 'особа на місяць', 108),
  ('issb_independent_living_disabilities', 'Підтримане самостійне проживання випускників з інвалідністю', 'Independent living for care leavers with disabilities', 'social_policy', 'issb_minimum', 'Молодь з інвалідністю — випускники закладів інституційного догляду та сімейних форм виховання', 'особа на місяць', 109),
  ('issb_social_medical_patronage', 'Соціально-медичний патронаж', 'Social and medical patronage', 'health', 'issb_optimal', 'Сім''ї з дітьми раннього віку', 'відвідування', 201),
  ('issb_mental_health', 'Послуги з психічного здоров''я', 'Mental health services', 'health', 'issb_optimal', 'Діти та сім''ї з потребами у психологічній і психіатричній допомозі', 'консультація', 202),
  ('issb_rehabilitation', 'Реабілітаційні послуги', 'Rehabilitation services', 'health', 'issb_optimal', 'Діти, підлітки та доглядачі з інвалідністю і складними медичними потребами', 'заняття', 203),
  ('issb_after_school_care', 'Догляд дітей після уроків (група продовженого дня)', 'After-school care', 'education', 'issb_optimal', 'Учні закладів загальної середньої освіти', 'день', 301),
  ('issb_inclusive_education', 'Інклюзивне навчання', 'Inclusive education services', 'education', 'issb_optimal', 'Діти з інвалідністю та особливими освітніми потребами', 'навчальний рік', 302),
  ('issb_youth_clubs', 'Молодіжні клуби (молодіжні центри, простори)', 'Youth clubs (youth centres, youth spaces)', 'youth_sports', 'issb_optimal', 'Молодь', 'відвідування', 401),
  ('basic_home_care', 'Догляд вдома', 'Home care', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'година', 501),
  ('basic_day_care', 'Денний догляд', 'Day care', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'день', 502),
  ('basic_supported_living', 'Підтримане проживання', 'Supported living', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'день', 503),
  ('basic_palliative_care', 'Паліативний догляд', 'Palliative care', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'година', 504),
  ('basic_in_kind_assistance', 'Натуральна допомога', 'In-kind assistance', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'послуга', 505),
  ('basic_social_adaptation', 'Соціальна адаптація', 'Social adaptation', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'заняття', 506),
  ('basic_social_integration', 'Соціальна інтеграція та реінтеграція', 'Social integration and reintegration', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'заняття', 507),
  ('basic_social_rehabilitation', 'Соціальна реабілітація', 'Social rehabilitation', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'заняття', 508),
  ('basic_social_support', 'Соціальний супровід', 'Social support (accompaniment)', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'сім''я на місяць', 509),
  ('basic_counselling', 'Консультування', 'Counselling', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'консультація', 510),
  ('basic_representation', 'Представництво інтересів', 'Representation of interests', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'послуга', 511),
  ('basic_mediation', 'Посередництво (медіація)', 'Mediation', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'послуга', 512),
  ('basic_social_prevention', 'Соціальна профілактика', 'Social prevention', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'захід', 513),
  ('basic_crisis_intervention', 'Кризове та екстрене втручання', 'Crisis and emergency intervention', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'випадок', 514),
  ('basic_information', 'Інформування', 'Information', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'консультація', 515),
  ('basic_physical_accompaniment', 'Фізичний супровід осіб з інвалідністю, які мають порушення опорно-рухового апарату та пересуваються на кріслах колісних, порушення зору', 'Physical accompaniment of persons with disabilities (wheelchair users, visual impairment)', 'social_policy', 'basic', 'Особи з інвалідністю з порушеннями опорно-рухового апарату або зору', 'година', 516),
  ('basic_sign_language_interpretation', 'Переклад жестовою мовою', 'Sign language interpretation', 'social_policy', 'basic', 'Особи з порушеннями слуху', 'година', 517),
  ('basic_shelter', 'Надання притулку', 'Shelter', 'social_policy', 'basic', 'Особи/сім''ї у складних життєвих обставинах', 'ліжко-день', 518);
