-- Redeem-code pools: an operator uploads codes in bulk; a winner of a redeem_code tier gets one,
-- taken with FOR UPDATE SKIP LOCKED and never handed out twice (reward_id is unique). Pools belong to
-- the workspace and may be shared by several campaigns.
CREATE TABLE redeem_code_pools (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, id)
);

CREATE TABLE redeem_codes (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL,
  pool_id bigint NOT NULL,
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 128),
  -- The reward it went to (rewards.id; no foreign key: rewards are keyed by campaign, codes by
  -- workspace, so a sharded database keeps them apart).
  reward_id bigint UNIQUE,
  assigned_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (workspace_id, pool_id) REFERENCES redeem_code_pools (workspace_id, id) ON DELETE CASCADE,
  UNIQUE (pool_id, code),
  CHECK ((reward_id IS NULL) = (assigned_at IS NULL))
);
-- Free codes in upload order: the next one to hand out is the first entry.
CREATE INDEX redeem_codes_free ON redeem_codes (pool_id, id) WHERE reward_id IS NULL;
