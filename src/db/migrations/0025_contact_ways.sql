-- WeCom "contact me" codes (add_contact_way) made for a campaign: its own code (participant_id
-- null) and one per participant's poster. `state` is the domain contact-way-state.ts string WeCom
-- hands back in the add-customer callback. config_id must be kept: without it the code can never be
-- edited or deleted, and each corp may hold at most 500 000 of them.
CREATE TABLE contact_ways (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  participant_id bigint,
  config_id text NOT NULL,
  state text NOT NULL CHECK (length(state) <= 30),
  qr_url text NOT NULL,
  staff_userids text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set once del_contact_way succeeded (campaign over, participant gone): it no longer uses quota.
  deleted_at timestamptz,
  FOREIGN KEY (campaign_id, participant_id) REFERENCES participants (campaign_id, id),
  UNIQUE (workspace_id, config_id)
);
-- One live code per campaign and per participant.
CREATE UNIQUE INDEX contact_ways_live ON contact_ways (campaign_id, participant_id) NULLS NOT DISTINCT WHERE deleted_at IS NULL;
CREATE INDEX contact_ways_live_by_workspace ON contact_ways (workspace_id) WHERE deleted_at IS NULL;

-- Quota use per workspace (corp). WeCom counts API-made contact ways and group join ways together
-- against 500 000 per corp; group join ways will be added to `live` when they exist.
CREATE VIEW workspace_contact_way_quota AS
SELECT w.id AS workspace_id,
       (SELECT count(*) FROM contact_ways cw WHERE cw.workspace_id = w.id AND cw.deleted_at IS NULL) AS live,
       500000 AS quota
FROM workspaces w;
