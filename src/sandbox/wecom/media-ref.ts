// Media references inside message bodies: a media_id must exist and be younger than 3 days
// (40007), and images are shown to people through the sandbox's own URL.
import type { Corp, Media } from '../store/model.ts';
import type { SandboxStore } from '../store/store.ts';
import { fail } from './route.ts';

export function liveMedia(store: SandboxStore, corp: Corp, mediaId: unknown): Media {
  if (typeof mediaId !== 'string' || !mediaId) fail(40007, `invalid media_id ${String(mediaId)}`);
  const m = corp.media[mediaId];
  if (!m) fail(40007, `invalid media_id ${mediaId}`);
  if (!m.permanent && store.nowSec() >= m.createdAt + store.limits.mediaTtlSec) fail(40007, `media_id ${mediaId} expired`);
  return m;
}

/** True when `url` is a permanent image this corp uploaded through media/uploadimg (matched by
 * path, so URLs stay valid when the sandbox moves to another port). */
export function isUploadedImageUrl(corp: Corp, url: unknown): boolean {
  const id = typeof url === 'string' ? /\/img\/media\/([A-Za-z0-9_-]+)$/.exec(url)?.[1] : undefined;
  return id !== undefined && corp.media[id]?.permanent === true;
}

