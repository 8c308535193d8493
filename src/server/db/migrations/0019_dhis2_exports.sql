-- 0019 DHIS2 aggregate push (SPEC §10.4): the mapping tables and the kept import summaries.

-- A Rodyna indicator and one of its disaggregation cells ('total', 'sex:female', 'age_band:6_10', …) → a DHIS2 data
-- element and category option combo (UIDs; the default combo when none). Kept by the system administrator.
CREATE TABLE dhis2_element_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_code text NOT NULL CHECK (length(indicator_code) BETWEEN 1 AND 40),
  disaggregation text NOT NULL DEFAULT 'total' CHECK (length(disaggregation) BETWEEN 1 AND 80),
  data_element text NOT NULL CHECK (data_element ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  category_option_combo text CHECK (category_option_combo ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dhis2_element_mappings_one_per_cell UNIQUE (indicator_code, disaggregation)
);

-- A territory (oblast, rayon or hromada) → a DHIS2 organisation unit (UID).
CREATE TABLE dhis2_org_unit_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  territory_id uuid NOT NULL UNIQUE REFERENCES territories (id),
  org_unit text NOT NULL CHECK (org_unit ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every push and dry run: the quarter, what was built, what DHIS2 answered (its ImportSummary), append-only.
CREATE TABLE dhis2_pushes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Order of the runs (several may share a timestamp).
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  period text NOT NULL CHECK (period ~ '^\d{4}Q[1-4]$'),
  territory_id uuid REFERENCES territories (id),
  dry_run boolean NOT NULL,
  remote_dry_run boolean NOT NULL DEFAULT false,
  import_strategy text NOT NULL CHECK (import_strategy IN ('CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE')),
  status text NOT NULL CHECK (status IN ('validated', 'invalid', 'sent', 'success', 'warning', 'error', 'failed')),
  counts jsonb NOT NULL,
  unmapped jsonb NOT NULL DEFAULT '{"elements":[],"territories":[]}'::jsonb,
  target_url text,
  http_status integer,
  import_summary jsonb,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
