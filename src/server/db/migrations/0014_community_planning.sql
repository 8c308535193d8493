-- 0014 community planning (SPEC §8) and the oblast costed implementation plan (SPEC §9). Aggregates only, no persons.

-- The community needs assessment of a hromada for a year, with the three-year horizon. Entered figures and
-- qualitative findings carry their source; the system's own counts are computed when read. The public summary is
-- a snapshot taken on publication (small cells suppressed).
CREATE TABLE community_needs_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  horizon_year integer NOT NULL CHECK (horizon_year >= year AND horizon_year <= year + 2),
  title text NOT NULL DEFAULT '',
  population integer CHECK (population >= 0),
  child_population integer CHECK (child_population >= 0),
  -- Entered administrative figures [{groupKey, label, value, sourceKind, sourceName, sourceDate, note}].
  figures jsonb NOT NULL DEFAULT '[]',
  -- Survey and focus-group findings [{sourceKind, sourceName, sourceDate, finding}].
  findings jsonb NOT NULL DEFAULT '[]',
  conclusions text NOT NULL DEFAULT '',
  published_on date,
  published_summary jsonb,
  created_by uuid NOT NULL REFERENCES users (id),
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT community_needs_assessments_unique UNIQUE (hromada_id, year),
  CONSTRAINT community_needs_assessments_published CHECK ((published_on IS NULL) = (published_summary IS NULL))
);

-- The targeted social programme of a hromada for one to three years: SMART goals with measures and indicators
-- (monitoring values inside), and the costed services with their delivery options; edited as one document.
CREATE TABLE community_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  needs_assessment_id uuid REFERENCES community_needs_assessments (id) ON DELETE SET NULL,
  title text NOT NULL,
  from_year integer NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
  to_year integer NOT NULL CHECK (to_year >= from_year AND to_year <= from_year + 2),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'completed')),
  population integer CHECK (population >= 0),
  goals jsonb NOT NULL DEFAULT '[]',
  costings jsonb NOT NULL DEFAULT '[]',
  -- Budget of all costed services per year, kept with the document for the neighbour comparison.
  budget_total numeric(14, 2) NOT NULL DEFAULT 0 CHECK (budget_total >= 0),
  created_by uuid NOT NULL REFERENCES users (id),
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_programmes_hromada_idx ON community_programmes (hromada_id, from_year);

-- The oblast costed implementation plan: activities by pillar and component with cost and secured funding per year.
CREATE TABLE oblast_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  oblast_id uuid NOT NULL REFERENCES territories (id),
  title text NOT NULL,
  from_year integer NOT NULL CHECK (from_year BETWEEN 2000 AND 2100),
  to_year integer NOT NULL CHECK (to_year >= from_year AND to_year <= from_year + 9),
  -- [{key, pillar, component, title, responsible, fundingSource, years: [{year, cost, secured}]}]
  activities jsonb NOT NULL DEFAULT '[]',
  created_by uuid NOT NULL REFERENCES users (id),
  updated_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oblast_plans_unique UNIQUE (oblast_id, from_year)
);
