-- Who a WeChat user is to a workspace's Official Account, and the web-OAuth round trips that tell us.
--   oa_identities  one row per (workspace, AppID, openid): the unionid when WeChat gave it (OAuth
--                  snsapi_userinfo, or user/info of a follower), the profile of a userinfo grant and
--                  whether they follow the account as last seen. openids are per AppID, so a
--                  workspace that changes its OA starts a new set of rows.
--   oauth_states   one row per sign-in started from an H5 page: the unguessable `state` WeChat
--                  echoes back, the /h5 page to return to (checked when stored), which browser
--                  started it (hash of an HttpOnly cookie, against login CSRF), and, for the
--                  second round with snsapi_userinfo, the openid the silent round already gave.
CREATE TABLE oa_identities (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  app_id text NOT NULL,
  openid text NOT NULL,
  unionid text,
  nickname text,
  avatar text,
  -- null: never asked; else as user/info or the follow events last said.
  subscribed boolean,
  -- When a snsapi_userinfo grant was last made: a visitor whose unionid it could not give (the OA
  -- is not bound to an open platform) is not asked again.
  userinfo_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, app_id, openid)
);
CREATE INDEX oa_identities_by_unionid ON oa_identities (workspace_id, unionid) WHERE unionid IS NOT NULL;

CREATE TABLE oauth_states (
  state text PRIMARY KEY CHECK (state ~ '^[A-Za-z0-9]{32}$'),
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL,
  return_path text NOT NULL CHECK (return_path ~ '^/h5/'),
  scope text NOT NULL CHECK (scope IN ('snsapi_base', 'snsapi_userinfo')),
  browser_hash text NOT NULL CHECK (browser_hash ~ '^[0-9a-f]{64}$'),
  base_openid text,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX oauth_states_by_age ON oauth_states (created_at);

-- The template the OA uses to tell an inviter of their progress (see README: the Official Account table).
ALTER TABLE workspaces ADD COLUMN oa_progress_template_id text;
