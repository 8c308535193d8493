-- Preparation of the child and the family for reunification or placement (SPEC §2.10, §2.11; 000 §3.6–3.7):
-- activities done with the child, the family or both before the child returns home or moves to a family-based
-- placement. A log, never edited; each activity names its date, kind, who conducted it and notes.
CREATE TABLE reunification_preparations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- The child the activity prepares; null when it concerns the family as a whole.
  child_person_id uuid REFERENCES persons (id),
  activity_date date NOT NULL,
  activity_kind text NOT NULL CHECK (activity_kind IN ('child_preparation', 'family_preparation', 'family_contact', 'trial_stay', 'practical_arrangements', 'farewell', 'other')),
  description text NOT NULL DEFAULT '',
  conducted_by text NOT NULL CHECK (conducted_by <> ''),
  notes text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users (id),
  hromada_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reunification_preparations_other_described CHECK (activity_kind <> 'other' OR description <> '')
);
-- The case's activities, newest first.
CREATE INDEX reunification_preparations_case_idx ON reunification_preparations (case_id, activity_date DESC, created_at DESC, id DESC);
