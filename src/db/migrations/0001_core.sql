-- Workspaces (one WeCom corp, optionally one OA and one Pay merchant), admin users and sessions.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text NOT NULL,
  use_sandbox boolean NOT NULL DEFAULT false,
  -- WeCom corp
  wecom_corp_id text,
  wecom_contact_secret text,      -- customer-contact (客户联系) secret or an app's secret with that permission
  wecom_agent_id integer,         -- self-built app used for message/send to staff
  wecom_agent_secret text,
  wecom_callback_token text,
  wecom_callback_aes_key text,
  -- Official Account
  oa_app_id text,
  oa_app_secret text,
  oa_original_id text,            -- gh_…
  oa_callback_token text,
  oa_callback_aes_key text,
  -- WeChat Pay merchant
  pay_mch_id text,
  pay_api_key text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admin_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspace_members (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES admin_users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'operator', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_members_user ON workspace_members (user_id);

CREATE TABLE admin_sessions (
  token_hash text PRIMARY KEY,     -- sha256 of the cookie value; the value itself is never stored
  user_id uuid NOT NULL REFERENCES admin_users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX admin_sessions_user ON admin_sessions (user_id);
