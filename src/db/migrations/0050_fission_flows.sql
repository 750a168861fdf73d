-- Tables of the task-fission flows (src/modules/fission): the welcome message each add event gets,
-- the group-send quota per customer, the add/delete history that puts reordered callbacks back in
-- order, and pending contact ways.

-- One welcome attempt per add event (inbox row): "every add event got exactly one welcome attempt".
--   pending           waiting for the send_welcome_msg job (the code is valid 20 s)
--   sent              send_welcome_msg succeeded
--   fallback_queued   the code was missing or unusable: a staff-confirmed group-send will be created
--   fallback_created  add_msg_template created the task; the staff member still has to confirm it
--   fallback_limited  the customer already got their one group-send of the day
--   skipped           nothing to send (e.g. gender filter, the friend was already deleted)
--   failed            WeChat refused both ways (status_reason says why)
CREATE TABLE welcome_attempts (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  inbox_id uuid NOT NULL,
  -- Whose page the card links to; null when the person could not join.
  participant_id bigint,
  external_userid text NOT NULL,
  staff_userid text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('participant', 'helper', 'invalid_help')),
  welcome_code text,
  -- { text, link: { title, desc, url } } as rendered when the add was processed; null when skipped.
  content jsonb,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'fallback_queued', 'fallback_created', 'fallback_limited', 'skipped', 'failed')),
  status_reason text,
  mass_send_msgid text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, inbox_id),
  CHECK (status = 'skipped' OR content IS NOT NULL),
  FOREIGN KEY (campaign_id, participant_id) REFERENCES participants (campaign_id, id)
);
CREATE INDEX welcome_attempts_by_campaign ON welcome_attempts (campaign_id, id);

-- WeCom lets each customer receive at most one group-send (add_msg_template) per day, corp-wide
-- (reference §3.6). A row claims the day's one send for a customer before the task is created.
CREATE TABLE customer_mass_sends (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  external_userid text NOT NULL,
  -- Asia/Shanghai calendar day.
  day date NOT NULL,
  welcome_attempt_id bigint,
  msgid text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, external_userid, day)
);

-- Friend added / deleted, by WeChat's CreateTime (Unix seconds). Callbacks may arrive out of order:
-- an add older than a recorded delete was undone before we saw it, and a delete older than a
-- recorded add belongs to an earlier friendship. Deletes are recorded even when no campaign knows
-- the customer yet, so that an add arriving later still sees them.
CREATE TABLE friend_events (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  external_userid text NOT NULL,
  staff_userid text NOT NULL,
  change text NOT NULL CHECK (change IN ('add', 'del')),
  create_time bigint NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, external_userid, staff_userid, change, create_time)
);

-- A contact way row is inserted before add_contact_way is called, so that concurrent first requests
-- for one participant's code meet on the unique live index and only one of them calls WeCom. Until
-- WeCom answers, config_id and qr_url are null.
ALTER TABLE contact_ways ALTER COLUMN config_id DROP NOT NULL, ALTER COLUMN qr_url DROP NOT NULL;
ALTER TABLE contact_ways ADD CONSTRAINT contact_ways_pending_shape CHECK ((config_id IS NULL) = (qr_url IS NULL));

-- A delete callback names only the customer and the staff member: these find the campaigns where
-- that friendship matters without scanning every campaign's rows.
CREATE INDEX participants_by_customer ON participants (workspace_id, external_userid);
CREATE INDEX campaign_friends_by_customer ON campaign_friends (workspace_id, external_userid) WHERE lost_at IS NULL;
CREATE INDEX helps_valid_by_helper ON helps (workspace_id, helper_external_userid) WHERE status = 'valid';
