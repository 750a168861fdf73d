-- WeCom directory facts a workspace's campaigns refer to: staff members (their contact ways take
-- new friends) and corp tags (put on participants). Both are synced from WeCom; until that sync
-- exists, the admin API writes them. Rows are never deleted by a sync, only deactivated, because
-- campaigns, participants and contact ways keep pointing at them.
CREATE TABLE staff (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  userid text NOT NULL CHECK (userid ~ '^[A-Za-z0-9_@.-]{1,64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  avatar text,
  -- Has customer contact and sits in the app's visible range: may be put on a contact way.
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, userid)
);

CREATE TABLE corp_tags (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  tag_id text NOT NULL CHECK (tag_id ~ '^\S{1,64}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  group_name text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, tag_id)
);
