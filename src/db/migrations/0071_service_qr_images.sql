-- QR code images operators upload for a prize's customer-service contact ({type:'qr_image'}):
-- validated like poster backgrounds (JPEG/PNG/BMP, at most 2 MB, decodes). Shown to a prize's
-- winners only (through their signed link), never publicly. Rows are never updated; the same file
-- uploaded twice in a workspace is stored once.
CREATE TABLE service_qr_images (
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
  UNIQUE (workspace_id, sha256)
);
