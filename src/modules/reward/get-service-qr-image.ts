// An uploaded customer-service QR image with its bytes; not found unless it belongs to the workspace.
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { isUuid } from '../poster/ids.ts';
import { SERVICE_QR_INFO, type ServiceQrImageInfo } from './save-service-qr-image.ts';

export async function getServiceQrImage(q: Queryable, workspaceId: string, id: string): Promise<ServiceQrImageInfo & { bytes: Buffer }> {
  if (!isUuid(workspaceId) || !isUuid(id)) throw notFound('QR image');
  const r = await q.query<ServiceQrImageInfo & { bytes: Uint8Array }>(`SELECT ${SERVICE_QR_INFO}, bytes FROM service_qr_images WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  const row = r.rows[0];
  if (!row) throw notFound('QR image');
  // pg gives a Buffer, PGlite a Uint8Array: hand out a Buffer either way.
  return { ...row, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}
