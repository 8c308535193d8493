-- Consent per person, the legal ground of a referral, retention and anonymisation of closed records (SPEC §11, §1).

-- Consent to processing of personal data and to sharing it (with providers, with other agencies), recorded per person
-- in the context of a case. Rows are never deleted: a withdrawal dates the row and says why, so the history stays.
CREATE TABLE person_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons (id),
  -- The case the consent was recorded in (for access and provenance).
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('processing', 'sharing_providers', 'sharing_agencies')),
  scope text NOT NULL DEFAULT '',
  -- Sharing with one provider only, when set; with any provider of the case's referrals otherwise.
  provider_organisation_id uuid REFERENCES organisations (id),
  given_by text NOT NULL CHECK (given_by IN ('self', 'parent', 'legal_representative')),
  given_by_name text NOT NULL DEFAULT '',
  given_on date NOT NULL,
  form text NOT NULL CHECK (form IN ('written', 'oral')),
  withdrawn_on date,
  withdrawal_reason text NOT NULL DEFAULT '',
  withdrawn_by uuid REFERENCES users (id),
  recorded_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT person_consents_representative_named CHECK (given_by = 'self' OR given_by_name <> ''),
  CONSTRAINT person_consents_withdrawal CHECK ((withdrawn_on IS NULL) = (withdrawal_reason = '') AND (withdrawn_on IS NULL) = (withdrawn_by IS NULL)),
  CONSTRAINT person_consents_withdrawn_after_given CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
);
CREATE INDEX person_consents_person_idx ON person_consents (person_id, kind, given_on DESC);
CREATE INDEX person_consents_case_idx ON person_consents (case_id);

-- Sharing with a provider without consent needs a recorded legal ground (SPEC §11).
ALTER TABLE referrals ADD COLUMN legal_ground text CHECK (legal_ground IN ('child_protection', 'court_order', 'life_threat'));
ALTER TABLE referrals ADD COLUMN legal_ground_note text NOT NULL DEFAULT '';
ALTER TABLE referrals ADD CONSTRAINT referrals_legal_ground_noted CHECK (legal_ground IS NULL OR legal_ground_note <> '');

-- Retention: when a person's or a case's personal data were replaced (ids and coded facts stay for the indicators).
ALTER TABLE persons ADD COLUMN anonymised_at timestamptz;
ALTER TABLE cases ADD COLUMN anonymised_at timestamptz;

-- Each run of the retention task, with its counts.
CREATE TABLE retention_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_at timestamptz NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('startup', 'schedule', 'cli')),
  dry_run boolean NOT NULL DEFAULT false,
  years_after_closure integer NOT NULL CHECK (years_after_closure >= 0),
  -- Cases closed before this date count as expired.
  cutoff_date date NOT NULL,
  persons_anonymised integer NOT NULL DEFAULT 0,
  cases_anonymised integer NOT NULL DEFAULT 0,
  actor_id uuid REFERENCES users (id)
);
CREATE INDEX retention_runs_started_idx ON retention_runs (started_at DESC);
