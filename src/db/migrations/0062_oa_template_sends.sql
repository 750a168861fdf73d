-- OA template messages telling an inviter that a friend's help counted (and when it completed a
-- tier): one row per help, written before WeChat is asked (status 'sending') so that a job run
-- twice sends once — a re-run of a 'sending' row repeats the same client_msg_id, which WeChat
-- answers with the first msgid. TEMPLATESENDJOBFINISH fills in `delivery`.
CREATE TABLE oa_template_sends (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  help_id bigint NOT NULL,
  campaign_id bigint NOT NULL,
  participant_id bigint NOT NULL,
  openid text,
  --   sending        asked WeChat (or about to); a re-run asks again with the same client_msg_id
  --   sent           WeChat accepted it (msgid)
  --   no_openid      the inviter never signed in through the OA nor followed it: nobody to send to
  --   not_following  user/info (or 43004) says they do not follow the OA
  --   refused        the user refused the account's messages (43101)
  --   failed         WeChat refused it for good (bad template id, invalid openid…): `error` says why
  status text NOT NULL CHECK (status IN ('sending', 'sent', 'no_openid', 'not_following', 'refused', 'failed')),
  msgid bigint,
  error text,
  -- TEMPLATESENDJOBFINISH Status: success, failed:user block, failed: system failed.
  delivery text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, help_id)
);
CREATE INDEX oa_template_sends_by_msgid ON oa_template_sends (workspace_id, msgid) WHERE msgid IS NOT NULL;
CREATE INDEX oa_template_sends_by_campaign ON oa_template_sends (campaign_id, participant_id);
