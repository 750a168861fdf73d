-- Reconciliation (reconcile-contact-ways.ts): a code made at WeCom whose row was lost (a crash
-- between add_contact_way and saving its config_id) is found by listing the corp's codes and
-- deleted. The figures of each workspace's last finished pass:
CREATE TABLE contact_way_reconciles (
  workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
  last_started_at timestamptz NOT NULL,
  last_finished_at timestamptz NOT NULL,
  listed integer NOT NULL,
  deleted integer NOT NULL,
  kept_foreign integer NOT NULL,
  kept_in_flight integer NOT NULL
);

-- Codes of the corp that another tool made (their state or remark is not ours), remembered so
-- that each is looked up at WeCom (get_contact_way) once, not on every pass. WeCom lists codes
-- made in the last 90 days; a row first seen longer ago than that names a code no pass lists any
-- more, and is dropped.
CREATE TABLE contact_way_foreign_codes (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  config_id text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, config_id)
);
