-- 0015 M&E indicator engine (SPEC §10; 001 Annex 5 and 6): disaggregation attributes of persons and the values of
-- indicators entered per territory and period (surveys, administrative returns). Computed indicators are not stored:
-- they are SQL aggregates over cases, persons, care episodes, caregivers and institutions.

-- Disaggregations of SPEC §10.3 that the person record did not carry yet: displaced inside / outside Ukraine, and the
-- child's legal status (orphan, deprived of parental care). Defaults keep existing rows and writers valid.
ALTER TABLE persons ADD COLUMN displacement text NOT NULL DEFAULT 'none' CHECK (displacement IN ('none', 'idp', 'abroad'));
ALTER TABLE persons ADD COLUMN legal_status text NOT NULL DEFAULT 'none' CHECK (legal_status IN ('none', 'orphan', 'deprived_of_care'));

-- A figure of an entered indicator for a territory (NULL = national) and a period (`2026Q3` or `2026`), optionally
-- for one disaggregation value (`key` = 'total' or '<dimension>:<value>'), with where it comes from.
CREATE TABLE indicator_values (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z]{2}[0-9]{1,2}(\.[0-9]{1,2}[a-z]?)?$'),
  territory_id uuid REFERENCES territories (id),
  period text NOT NULL CHECK (period ~ '^20[0-9]{2}(Q[1-4])?$'),
  key text NOT NULL DEFAULT 'total' CHECK (key ~ '^(total|[a-z_]+:[a-z0-9_]+)$'),
  numerator numeric(14,2) CHECK (numerator >= 0),
  denominator numeric(14,2) CHECK (denominator >= 0),
  source text NOT NULL CHECK (length(source) >= 2),
  notes text NOT NULL DEFAULT '',
  entered_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicator_values_unique_idx ON indicator_values (code, COALESCE(territory_id, '00000000-0000-0000-0000-000000000000'::uuid), period, key);
CREATE INDEX indicator_values_period_idx ON indicator_values (code, period);
