-- 0012 gatekeeping panels and coordination bodies (SPEC §3, §9; 001 §3.ii, §6.i, §6.vii, Annexes 2–3).

-- A body that meets and decides: the commission on protection of child rights, the guardianship and custody body
-- (gatekeeping panels, which take case submissions), the oblast Better Care Council and the community Better Care
-- Taskforce (coordination bodies, which take free agenda items). Its territory is an oblast or a hromada; its
-- organisation (when there is one) is where the users with the panel roles work.
CREATE TABLE panel_bodies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('child_rights_commission', 'guardianship_body', 'better_care_council', 'community_taskforce')),
  name_uk text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  territory_id uuid NOT NULL REFERENCES territories (id),
  organisation_id uuid REFERENCES organisations (id),
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_bodies_territory_idx ON panel_bodies (territory_id);
CREATE INDEX panel_bodies_organisation_idx ON panel_bodies (organisation_id) WHERE organisation_id IS NOT NULL;

-- Members with their membership period (to_date inclusive; null while current). A member who works for an
-- alternative-care provider (an organisation of type service_provider, or an institution of the register) has a
-- conflict of interest on submissions concerning that provider.
CREATE TABLE panel_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_id uuid NOT NULL REFERENCES panel_bodies (id) ON DELETE CASCADE,
  surname text NOT NULL,
  given_name text NOT NULL,
  patronymic text NOT NULL DEFAULT '',
  organisation_name text NOT NULL DEFAULT '',
  organisation_id uuid REFERENCES organisations (id),
  institution_id uuid REFERENCES institutions (id),
  sector text NOT NULL CHECK (sector IN ('local_government', 'social_services', 'child_affairs', 'education', 'health', 'police', 'civil_society', 'service_provider', 'other')),
  role text NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
  lived_experience boolean NOT NULL DEFAULT false,
  from_date date NOT NULL,
  to_date date,
  user_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT panel_members_period CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX panel_members_body_idx ON panel_members (body_id);
CREATE INDEX panel_members_user_idx ON panel_members (user_id) WHERE user_id IS NOT NULL;

-- A case submitted to a gatekeeping panel by its case manager, with the assessments it rests on and the provider of
-- the child's current or proposed placement (for conflicts of interest).
CREATE TABLE panel_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_id uuid NOT NULL REFERENCES panel_bodies (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  child_person_id uuid NOT NULL REFERENCES persons (id),
  question text NOT NULL,
  assessments jsonb NOT NULL DEFAULT '[]',
  provider_organisation_id uuid REFERENCES organisations (id),
  provider_institution_id uuid REFERENCES institutions (id),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'on_agenda', 'decided', 'rejected')),
  submitted_by uuid NOT NULL REFERENCES users (id),
  submitted_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_submissions_case_idx ON panel_submissions (case_id);
CREATE INDEX panel_submissions_body_idx ON panel_submissions (body_id, status);

CREATE TABLE panel_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_id uuid NOT NULL REFERENCES panel_bodies (id),
  scheduled_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '',
  chair_signed_by uuid REFERENCES users (id),
  chair_signed_at timestamptz,
  secretary_signed_by uuid REFERENCES users (id),
  secretary_signed_at timestamptz,
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_meetings_body_idx ON panel_meetings (body_id, scheduled_at);

-- Attendance of the members at a meeting: in person, online, or absent.
CREATE TABLE panel_attendance (
  meeting_id uuid NOT NULL REFERENCES panel_meetings (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES panel_members (id),
  presence text NOT NULL CHECK (presence IN ('in_person', 'online', 'absent')),
  PRIMARY KEY (meeting_id, member_id)
);

-- The agenda: a case submission (panels) or a free item (councils, taskforces), each with its motion and outcome.
CREATE TABLE panel_agenda_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES panel_meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  submission_id uuid REFERENCES panel_submissions (id),
  title text NOT NULL,
  motion text NOT NULL DEFAULT '',
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'adopted', 'rejected')),
  votes_for integer NOT NULL DEFAULT 0,
  votes_against integer NOT NULL DEFAULT 0,
  votes_abstain integer NOT NULL DEFAULT 0,
  casting_vote boolean NOT NULL DEFAULT false,
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_agenda_items_meeting_idx ON panel_agenda_items (meeting_id, position);
CREATE UNIQUE INDEX panel_agenda_items_submission_idx ON panel_agenda_items (submission_id) WHERE submission_id IS NOT NULL;

-- Each member's vote on an item.
CREATE TABLE panel_votes (
  agenda_item_id uuid NOT NULL REFERENCES panel_agenda_items (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES panel_members (id),
  vote text NOT NULL CHECK (vote IN ('for', 'against', 'abstain')),
  PRIMARY KEY (agenda_item_id, member_id)
);

-- The best-interests determination of a submission (SPEC §3): options considered with necessity and suitability
-- reasoning (and why each was ruled out), the child's views or why they were not heard, the decision, rationale,
-- dissenting opinions and the follow-up date. `adopted_at` is set when the panel's vote adopts it.
CREATE TABLE panel_determinations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL UNIQUE REFERENCES panel_submissions (id),
  options jsonb NOT NULL DEFAULT '[]',
  child_views text NOT NULL DEFAULT '',
  child_not_heard_reason text NOT NULL DEFAULT '',
  chosen_option text NOT NULL CHECK (chosen_option IN ('family_of_origin_with_support', 'kinship', 'foster_family', 'family_type_home', 'guardianship', 'adoption', 'institution')),
  rationale text NOT NULL,
  dissenting_opinions text NOT NULL DEFAULT '',
  follow_up_date date,
  placement_start date,
  -- The institution of the register when the decision is an institution (its type and subordination go to the care history).
  institution_id uuid REFERENCES institutions (id),
  adopted_at timestamptz,
  recorded_by uuid NOT NULL REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Recommendations and actions from any meeting, followed up by the secretary.
CREATE TABLE panel_action_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES panel_meetings (id) ON DELETE CASCADE,
  title text NOT NULL,
  owner text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_action_items_meeting_idx ON panel_action_items (meeting_id);
