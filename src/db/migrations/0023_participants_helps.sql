-- Who takes part in a campaign, who helped whom, and who became a friend through it. Campaign-scoped
-- tables carry campaign_id (and workspace_id) on every row, lead every index with campaign_id and
-- refer to each other through (campaign_id, id) pairs, so a row can never point into another
-- campaign and the tables can be sharded by campaign_id later.

-- 参与人: someone who got their own poster.
CREATE TABLE participants (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  external_userid text NOT NULL,
  unionid text,
  nickname text NOT NULL DEFAULT '',
  avatar text,
  gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
  -- The pool staff member they are a friend of.
  staff_userid text,
  -- Whose poster brought them; null for the campaign's own code (level 1).
  inviter_id bigint,
  level integer NOT NULL CHECK (level >= 1),
  -- Added the staff through this campaign, not a customer before.
  is_new_customer boolean NOT NULL,
  friend_status text NOT NULL DEFAULT 'friend' CHECK (friend_status IN ('friend', 'lost')),
  -- Progress count under the campaign's churn policy (domain churn.ts).
  valid_helps integer NOT NULL DEFAULT 0 CHECK (valid_helps >= 0),
  -- Derived from valid_helps, the tier targets and the tiers won, always written together through
  -- src/modules/participant/save-participant-progress.ts (domain progress/funnel rules):
  --   completed_tiers  bit n-1 set when tier n is completed (won, or valid_helps >= its target)
  --   funnel           not_shared | shared_not_completed | completed
  --   completed_at     first time tier 1 was completed; kept for the day it counts on
  completed_tiers smallint NOT NULL DEFAULT 0 CHECK (completed_tiers BETWEEN 0 AND 31),
  funnel text NOT NULL DEFAULT 'not_shared' CHECK (funnel IN ('not_shared', 'shared_not_completed', 'completed')),
  completed_at timestamptz,
  joined_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, external_userid),
  UNIQUE (campaign_id, id),
  FOREIGN KEY (campaign_id, inviter_id) REFERENCES participants (campaign_id, id),
  CHECK ((inviter_id IS NULL) = (level = 1)),
  CHECK ((funnel = 'completed') = (completed_tiers & 1 = 1)),
  CHECK (completed_tiers & 1 = 0 OR completed_at IS NOT NULL)
);
-- Leaderboard order and the "most helps" sort of the admin list.
CREATE INDEX participants_by_helps ON participants (campaign_id, valid_helps DESC, id DESC);
CREATE INDEX participants_invitees ON participants (campaign_id, inviter_id) WHERE inviter_id IS NOT NULL;

-- Everyone who added a pool staff member through one of the campaign's codes (participants and
-- helpers alike), once per person: 新加好友 / 流失好友 / 好友留存率 are counted here.
CREATE TABLE campaign_friends (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  external_userid text NOT NULL,
  staff_userid text NOT NULL,
  -- False for people who were already customers of a pool staff member: they are not new friends.
  is_new_customer boolean NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  -- When they deleted/blocked the staff; cleared if they add again.
  lost_at timestamptz,
  PRIMARY KEY (campaign_id, external_userid)
);

-- One attempt of a friend to help an inviter. A helper has at most one valid-or-revoked help per
-- inviter, ever (one help per helper and inviter); failed attempts are kept once per reason, so
-- replayed callbacks do not inflate the invalid counts.
CREATE TABLE helps (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  inviter_id bigint NOT NULL,
  helper_external_userid text NOT NULL,
  -- Set when the helper also takes part (has their own poster).
  helper_participant_id bigint,
  helper_nickname text NOT NULL DEFAULT '',
  helper_avatar text,
  staff_userid text,
  status text NOT NULL CHECK (status IN ('valid', 'invalid', 'revoked')),
  invalid_reason text CHECK (invalid_reason IN ('campaign_not_started', 'stock_empty', 'campaign_ended', 'self_help',
    'already_helped', 'mutual_help', 'gender', 'not_new_customer', 'help_limit')),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the helper deleted/blocked the staff (a revoked help was valid before).
  revoked_at timestamptz,
  FOREIGN KEY (campaign_id, inviter_id) REFERENCES participants (campaign_id, id),
  FOREIGN KEY (campaign_id, helper_participant_id) REFERENCES participants (campaign_id, id),
  CHECK ((status = 'invalid') = (invalid_reason IS NOT NULL)),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
);
CREATE UNIQUE INDEX helps_one_per_pair ON helps (campaign_id, inviter_id, helper_external_userid) WHERE status <> 'invalid';
CREATE UNIQUE INDEX helps_invalid_once ON helps (campaign_id, inviter_id, helper_external_userid, invalid_reason) WHERE status = 'invalid';
CREATE INDEX helps_by_inviter ON helps (campaign_id, inviter_id, id DESC);
-- Helps a helper used (help limit) and mutual-help checks.
CREATE INDEX helps_by_helper ON helps (campaign_id, helper_external_userid);
