-- Poster background images uploaded by operators (validated JPEG/PNG/BMP, at most 2 MB). Rows are
-- never updated, so an id always names the same pixels (renderers cache decoded images by id).
-- Keyed by workspace first so a distributed PostgreSQL can shard by it.
CREATE TABLE poster_backgrounds (
  workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/bmp')),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  byte_size integer NOT NULL CHECK (byte_size = octet_length(bytes)),
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  -- The same file uploaded twice in a workspace is stored once.
  UNIQUE (workspace_id, sha256)
);
