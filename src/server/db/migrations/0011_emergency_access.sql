-- 0011 break-the-glass emergency access to a case (SPEC §11): a user outside a case's scope opens it with a stated
-- reason, read-only and for a limited time; every grant is audited and shown to the case manager's supervisor.
CREATE TABLE emergency_accesses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  reason text NOT NULL CHECK (char_length(reason) >= 10),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- The case manager's supervisor when the glass was broken: whose team view shows the grant.
  supervisor_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT emergency_accesses_window CHECK (expires_at > granted_at)
);
CREATE INDEX emergency_accesses_user_idx ON emergency_accesses (user_id, expires_at);
CREATE INDEX emergency_accesses_case_idx ON emergency_accesses (case_id, granted_at);
