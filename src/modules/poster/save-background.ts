// Stores an operator's uploaded poster background after validating it. Uploading the same file
// again in a workspace returns the stored one.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { isUuid } from './ids.ts';
import { validateBackground } from './validate-background.ts';
import type { ImageMime } from './read-image-header.ts';

export interface PosterBackgroundInfo {
  id: string;
  workspaceId: string;
  sha256: string;
  mime: ImageMime;
  width: number;
  height: number;
  byteSize: number;
  createdAt: Date;
}

export const BACKGROUND_INFO_COLUMNS = `id, workspace_id AS "workspaceId", sha256, mime, width, height, byte_size AS "byteSize", created_at AS "createdAt"`;

export async function saveBackground(db: Queryable, workspaceId: string, bytes: Uint8Array): Promise<PosterBackgroundInfo> {
  if (!isUuid(workspaceId)) throw notFound('workspace');
  const { mime, width, height } = await validateBackground(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const inserted = await db.query<PosterBackgroundInfo>(
      `INSERT INTO poster_backgrounds (workspace_id, sha256, mime, width, height, byte_size, bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id, sha256) DO NOTHING
       RETURNING ${BACKGROUND_INFO_COLUMNS}`,
      [workspaceId, sha256, mime, width, height, bytes.length, bytes],
    );
    if (inserted.rows[0]) return inserted.rows[0];
    const existing = await db.query<PosterBackgroundInfo>(
      `SELECT ${BACKGROUND_INFO_COLUMNS} FROM poster_backgrounds WHERE workspace_id = $1 AND sha256 = $2`,
      [workspaceId, sha256],
    );
    return existing.rows[0]!;
  } catch (err) {
    if ((err as { code?: string }).code === '23503') throw notFound('workspace');
    throw err;
  }
}
