-- 0017 second factor (SPEC §11, issue 8 item 2): TOTP per user, single-use recovery codes, and the short-lived
-- login challenges between a correct password and the second factor.

-- One authenticator per user. The TOTP secret is encrypted at rest (AES-256-GCM with SECOND_FACTOR_KEY, bound to
-- the user id); `last_used_step` is the 30-second time step of the last accepted code, so a code is never accepted twice.
CREATE TABLE user_second_factors (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_enc text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'enabled')),
  last_used_step bigint,
  enabled_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_second_factors_enabled_at CHECK ((status = 'enabled') = (enabled_at IS NOT NULL))
);

-- Recovery codes: SHA-256 of the code with a per-code random salt (the codes are 80-bit random, see README).
CREATE TABLE second_factor_recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  salt text NOT NULL,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX second_factor_recovery_codes_user_idx ON second_factor_recovery_codes (user_id);

-- A password accepted, the second factor still owed: the digest of the pending token, never the token.
CREATE TABLE login_challenges (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text NOT NULL DEFAULT '',
  user_agent text NOT NULL DEFAULT ''
);
CREATE INDEX login_challenges_user_idx ON login_challenges (user_id);
CREATE INDEX login_challenges_expires_idx ON login_challenges (expires_at);
