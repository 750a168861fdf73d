-- A tier won by a participant: at most one per participant and tier, ever. `reward` is the tier's
-- reward as configured when it was won, so later edits of the campaign do not change a prize won.
--   reserved  stock taken, waiting for the winner (address form) or the operator
--   claimed   the winner filled in the address form (physical prizes)
--   issued    sent / handed over (redeem codes are issued when assigned)
CREATE TABLE rewards (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL,
  participant_id bigint NOT NULL,
  tier_no smallint NOT NULL,
  status text NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'claimed', 'issued')),
  reward jsonb NOT NULL,
  claim_form jsonb,
  claimed_at timestamptz,
  redeem_code text,
  issued_at timestamptz,
  -- The operator who marked it issued; null when the system issued it (redeem codes).
  issued_by uuid REFERENCES admin_users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (participant_id, tier_no),
  FOREIGN KEY (campaign_id, participant_id) REFERENCES participants (campaign_id, id) ON DELETE CASCADE,
  FOREIGN KEY (campaign_id, tier_no) REFERENCES campaign_tiers (campaign_id, tier_no),
  CHECK ((status = 'issued') = (issued_at IS NOT NULL)),
  CHECK ((claim_form IS NULL) = (claimed_at IS NULL))
);
CREATE INDEX rewards_by_campaign ON rewards (campaign_id, status, id DESC);
