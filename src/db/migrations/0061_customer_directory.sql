-- The workspace's WeCom customers as we have seen them: who an external_userid is (unionid, name)
-- and which staff members they are a friend of, since when. WeCom offers self-built apps no lookup
-- from unionid to external_userid, so this is how an OAuth visitor (who has a unionid) is found at
-- WeCom. Filled from every externalcontact/get the flows make, from add callbacks, and by pulls of
-- staff members' customers (externalcontact/batch/get_by_user).
CREATE TABLE customer_directory (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  external_userid text NOT NULL,
  unionid text,
  nickname text NOT NULL DEFAULT '',
  avatar text,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, external_userid)
);
CREATE INDEX customer_directory_by_unionid ON customer_directory (workspace_id, unionid) WHERE unionid IS NOT NULL;

-- One row per friendship (customer, staff member) as last seen; removed when WeCom says it ended.
CREATE TABLE customer_follows (
  workspace_id uuid NOT NULL,
  external_userid text NOT NULL,
  staff_userid text NOT NULL,
  -- WeCom's createtime of the friendship.
  followed_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, external_userid, staff_userid),
  FOREIGN KEY (workspace_id, external_userid) REFERENCES customer_directory (workspace_id, external_userid) ON DELETE CASCADE
);
CREATE INDEX customer_follows_by_staff ON customer_follows (workspace_id, staff_userid);

-- Pulls of staff members' customers: queued by a publish or an operator, run by a job.
CREATE TABLE customer_pulls (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  staff_userids text[] NOT NULL CHECK (cardinality(staff_userids) > 0),
  -- What asked for it: 'admin' or 'campaign:<id>'.
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  pages integer NOT NULL DEFAULT 0,
  -- Friendships (customer, staff member) read so far.
  friendships integer NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX customer_pulls_by_workspace ON customer_pulls (workspace_id, id DESC);

-- What the flows already knew: participants carry the unionid WeCom gave when they joined, and the
-- staff member they are still a friend of (when they became one is not kept: their join stands in).
INSERT INTO customer_directory (workspace_id, external_userid, unionid, nickname, avatar, seen_at)
SELECT DISTINCT ON (workspace_id, external_userid) workspace_id, external_userid, unionid, nickname, avatar, updated_at
FROM participants ORDER BY workspace_id, external_userid, updated_at DESC;
INSERT INTO customer_follows (workspace_id, external_userid, staff_userid, followed_at, seen_at)
SELECT workspace_id, external_userid, staff_userid, min(joined_at), max(updated_at)
FROM participants WHERE friend_status = 'friend' AND staff_userid IS NOT NULL
GROUP BY workspace_id, external_userid, staff_userid;
