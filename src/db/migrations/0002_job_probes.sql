-- Runs and results of probe jobs (operators' worker health check; exactly-once tests).
CREATE TABLE job_probe_runs (
  id bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  probe_key text NOT NULL,
  job_id uuid NOT NULL,
  attempt integer NOT NULL,
  pid integer NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_probe_runs_key ON job_probe_runs (workspace_id, probe_key);

CREATE TABLE job_probe_results (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  probe_key text NOT NULL,
  pid integer NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, probe_key)
);
