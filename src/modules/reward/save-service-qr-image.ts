// Stores a QR code image an operator uploaded for a prize's customer-service contact (table
// service_qr_images), validated like a poster background. The same file again returns the stored one.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import type { ImageMime } from '../poster/read-image-header.ts';
import { validateBackground } from '../poster/validate-background.ts';

export interface ServiceQrImageInfo {
  id: string;
  mime: ImageMime;
  width: number;
  height: number;
  byteSize: number;
}

export const SERVICE_QR_INFO = `id, mime, width, height, byte_size AS "byteSize"`;

export async function saveServiceQrImage(q: Queryable, workspaceId: string, bytes: Uint8Array): Promise<ServiceQrImageInfo> {
  const { mime, width, height } = await validateBackground(bytes, { field: 'file', recommended: 'a square QR code of 430×430 or more recommended' });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const inserted = await q.query<ServiceQrImageInfo>(
    `INSERT INTO service_qr_images (workspace_id, sha256, mime, width, height, byte_size, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (workspace_id, sha256) DO NOTHING RETURNING ${SERVICE_QR_INFO}`,
    [workspaceId, sha256, mime, width, height, bytes.length, bytes],
  );
  if (inserted.rows[0]) return inserted.rows[0];
  return (await q.query<ServiceQrImageInfo>(`SELECT ${SERVICE_QR_INFO} FROM service_qr_images WHERE workspace_id = $1 AND sha256 = $2`, [workspaceId, sha256])).rows[0]!;
}
