-- 0006 providers register (SPEC §4.2), referrals with their lifecycle (§4.3, §2.10) and unmet need (§4.3, §8).

-- The register of service providers (Law "On Social Services" art. 15): one profile per organisation of type
-- service_provider, with its legal form, status and contacts.
CREATE TABLE provider_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL UNIQUE REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('public', 'ngo', 'cso', 'faith_based', 'private')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
  -- Number in the Register of Social Service Providers and Recipients, when known.
  registry_number text NOT NULL DEFAULT '',
  edrpou text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  contact_person text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provider_profiles_status_idx ON provider_profiles (status);

-- Services a provider offers, from the catalogue, with the places it can take at a time.
CREATE TABLE provider_services (
  provider_id uuid NOT NULL REFERENCES provider_profiles (id) ON DELETE CASCADE,
  service_code text NOT NULL REFERENCES service_catalogue (code),
  -- Places (recipients at a time); null when not stated.
  capacity integer CHECK (capacity >= 0),
  PRIMARY KEY (provider_id, service_code)
);
CREATE INDEX provider_services_code_idx ON provider_services (service_code);

-- Hromadas the provider serves (territory served).
CREATE TABLE provider_territories (
  provider_id uuid NOT NULL REFERENCES provider_profiles (id) ON DELETE CASCADE,
  hromada_id uuid NOT NULL REFERENCES territories (id),
  PRIMARY KEY (provider_id, hromada_id)
);
CREATE INDEX provider_territories_hromada_idx ON provider_territories (hromada_id);

-- A referral from a case to a provider for a service (Order 1005 referral form; emergency referral, Order 135).
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- The plan measure the referral carries out, if any.
  measure_id uuid REFERENCES plan_measures (id) ON DELETE SET NULL,
  -- The child the referral is about (a child of the case).
  child_person_id uuid NOT NULL REFERENCES persons (id),
  provider_organisation_id uuid NOT NULL REFERENCES organisations (id),
  service_code text NOT NULL REFERENCES service_catalogue (code),
  urgency text NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'emergency')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'in_service', 'completed', 'dropped')),
  -- Description of the situation (the reason for referral).
  reason text NOT NULL,
  -- Emergency referral (Order 135): the problem, the intervention requested, earlier services and benefits.
  requested_intervention text NOT NULL DEFAULT '',
  earlier_services text NOT NULL DEFAULT '',
  additional_info text NOT NULL DEFAULT '',
  -- How the provider reaches the family (who and how), carried to the provider.
  contact text NOT NULL DEFAULT '',
  -- The head of the referring organisation who signs the form.
  signed_by text NOT NULL DEFAULT '',
  sent_at timestamptz,
  response_due_date date,
  response_source_uk text NOT NULL DEFAULT '',
  response_source_en text NOT NULL DEFAULT '',
  responded_at timestamptz,
  decline_reason text CHECK (decline_reason IN ('no_capacity', 'not_eligible', 'service_not_offered', 'outside_territory', 'family_refused', 'other')),
  -- The provider's latest feedback to the referring worker.
  feedback text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users (id),
  -- The case's place and Centre, for access and aggregation.
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT referrals_sent CHECK ((status = 'draft') = (sent_at IS NULL) AND (sent_at IS NULL) = (response_due_date IS NULL)),
  CONSTRAINT referrals_declined_reason CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
);
CREATE INDEX referrals_case_idx ON referrals (case_id, created_at DESC, id DESC);
CREATE INDEX referrals_provider_idx ON referrals (provider_organisation_id, status, created_at DESC, id DESC) WHERE status <> 'draft';
CREATE INDEX referrals_outgoing_idx ON referrals (created_at DESC, id DESC);

-- Every step of a referral's lifecycle, dated, with who and what they wrote (feedback to the referrer).
CREATE TABLE referral_transitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED BY DEFAULT AS IDENTITY,
  referral_id uuid NOT NULL REFERENCES referrals (id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason_code text,
  note text NOT NULL DEFAULT '',
  actor_id uuid NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_transitions_referral_idx ON referral_transitions (referral_id, seq);

-- Unmet need (SPEC §4.3, §8): a referral declined for lack of capacity, counted per hromada of the case and service.
-- No personal data: the referral is kept only to count each decline once.
CREATE TABLE unmet_needs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL UNIQUE REFERENCES referrals (id),
  service_code text NOT NULL REFERENCES service_catalogue (code),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  provider_organisation_id uuid NOT NULL REFERENCES organisations (id),
  recorded_on date NOT NULL,
  count integer NOT NULL DEFAULT 1 CHECK (count > 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unmet_needs_hromada_idx ON unmet_needs (hromada_id, recorded_on, service_code);

-- Shipped configuration: how soon a provider answers a referral. No statute fixes a provider's answer time, so these
-- are Rodyna defaults, set by good practice and the related statutory terms named in the source text.
INSERT INTO deadline_rules (key, case_type, amount, unit, source_uk, source_en) VALUES
  ('referral_response', NULL, 5, 'working_days', '5 робочих днів — налаштування Родини (добра практика; співмірно зі строком оцінювання потреб, Закон України «Про соціальні послуги», ст. 20)', '5 working days — Rodyna default (good practice; in line with the needs-assessment term, Law of Ukraine "On Social Services", art. 20)'),
  ('referral_response_emergency', NULL, 0, 'same_day', 'Невідкладно, в день направлення — екстрені (кризові) соціальні послуги надаються невідкладно (Закон України «Про соціальні послуги», ст. 23; екстрене направлення за наказом № 135)', 'Immediately, on the day of referral — emergency (crisis) social services are provided without delay (Law of Ukraine "On Social Services", art. 23; emergency referral under Order No. 135)');
