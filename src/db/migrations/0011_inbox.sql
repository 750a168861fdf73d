-- Every WeChat callback accepted by /callback/*, persisted before it is acknowledged and then
-- processed by the `inbox.process` job. WeChat re-sends on timeouts, so each event has a dedupe
-- key (unique per workspace and source): a re-delivery is acknowledged and stored nothing.
CREATE TABLE inbox (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source text NOT NULL CHECK (source IN ('wecom', 'oa')),
  dedupe_key text NOT NULL,
  -- Lowercased Event for events (change_external_contact, subscribe, scan…), `message:<MsgType>` for messages.
  event_type text NOT NULL,
  payload jsonb NOT NULL,          -- the parsed fields
  raw_xml text NOT NULL,           -- the plaintext XML (after decryption)
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'ignored', 'failed')),
  status_reason text,
  processed_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, source, dedupe_key)
);
CREATE INDEX inbox_open ON inbox (workspace_id, received_at) WHERE status IN ('pending', 'failed');
