// Where the admin API serves an uploaded customer-service QR image (save-service-qr-image.ts). A
// prize's contact names an uploaded image by this path (`imageUrl`), so the console can show it;
// the H5 side serves it to winners under a signed key instead (get-my-service-qr.ts).
import { isUuid } from '../poster/ids.ts';

const PATH = /^\/api\/admin\/workspaces\/[^/]+\/service-qr-images\/([0-9a-f-]{36})$/i;

/** The `imageUrl` a reward's contact stores for an uploaded image. */
export function serviceQrImagePath(workspaceSlug: string, id: string): string {
  return `/api/admin/workspaces/${encodeURIComponent(workspaceSlug)}/service-qr-images/${id}`;
}

/** The uploaded image an `imageUrl` names, or null for any other URL (a CDN's, say). */
export function uploadedServiceQrId(imageUrl: string): string | null {
  const id = PATH.exec(imageUrl)?.[1];
  return id && isUuid(id) ? id.toLowerCase() : null;
}
