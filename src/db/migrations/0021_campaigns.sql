-- Campaigns and their reward tiers. The settings live in `config` (validated by
-- src/domain/task-fission/campaign-config.ts); the columns beside it are what SQL needs: the times
-- for ordering and lifecycle queries, the lifecycle facts the status is derived from. Status itself
-- is never stored (domain campaign-status.ts).
CREATE TABLE campaigns (
  -- A positive integer: it is packed into contact-way `state` strings (domain contact-way-state.ts).
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'task_fission' CHECK (kind IN ('task_fission')),
  config jsonb NOT NULL,
  -- Bumped on every saved edit; clients send it back to detect concurrent edits.
  config_version integer NOT NULL DEFAULT 1 CHECK (config_version >= 1),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL CHECK (end_at > start_at),
  published_at timestamptz,
  -- When and why it ended, once known: 'ended_early' by the operator, 'sold_out' recorded by the
  -- reservation that took the last unit. Reaching end_at needs no write: the status is derived.
  ended_at timestamptz,
  end_reason text CHECK (end_reason IN ('ended_early', 'sold_out')),
  created_by uuid REFERENCES admin_users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Deleting is soft: a deleted campaign's codes may still be scanned and must be recognised.
  deleted_at timestamptz,
  CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
  CHECK (ended_at IS NULL OR published_at IS NOT NULL)
);
CREATE INDEX campaigns_workspace ON campaigns (workspace_id, id DESC) WHERE deleted_at IS NULL;

-- One row per tier, mirroring config.tiers[n-1] target and stock, plus the units reserved.
-- Reservation is one atomic UPDATE (… stock_reserved < stock_total RETURNING), so stock is never
-- oversold; the CHECK is the backstop.
CREATE TABLE campaign_tiers (
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  tier_no smallint NOT NULL CHECK (tier_no BETWEEN 1 AND 5),
  target integer NOT NULL CHECK (target > 0),
  stock_total integer NOT NULL CHECK (stock_total >= 0),
  stock_reserved integer NOT NULL DEFAULT 0 CHECK (stock_reserved >= 0 AND stock_reserved <= stock_total),
  PRIMARY KEY (campaign_id, tier_no)
);
