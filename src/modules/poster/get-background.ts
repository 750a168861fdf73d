import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { isUuid } from './ids.ts';
import { BACKGROUND_INFO_COLUMNS, type PosterBackgroundInfo } from './save-background.ts';

export interface PosterBackground extends PosterBackgroundInfo {
  bytes: Buffer;
}

/** A stored background with its bytes; not found unless it belongs to the workspace. */
export async function getBackground(db: Queryable, workspaceId: string, id: string): Promise<PosterBackground> {
  if (!isUuid(workspaceId) || !isUuid(id)) throw notFound('poster background');
  const r = await db.query<PosterBackgroundInfo & { bytes: Uint8Array }>(
    `SELECT ${BACKGROUND_INFO_COLUMNS}, bytes FROM poster_backgrounds WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  const row = r.rows[0];
  if (!row) throw notFound('poster background');
  // pg gives a Buffer, PGlite a Uint8Array: hand out a Buffer either way.
  return { ...row, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}
