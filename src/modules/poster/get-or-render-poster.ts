// A participant's poster from the disk cache, rendered and stored on a miss. Files are
//   <dir>/<workspace>/<campaign>/<participant>/v<version>.jpg
// written atomically (temp file + rename), so a reader never sees half a poster.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validationError, type FieldError } from '../../errors.ts';
import type { PosterRenderInput } from './create-poster-renderer.ts';
import type { PosterCache } from './poster-cache.ts';

export interface PosterKey {
  workspaceId: string;
  campaignId: string;
  participantId: string;
  /** The template's version: a new version renders a new poster. */
  version: number;
}

export interface PosterFile {
  bytes: Buffer;
  /** Strong ETag (quoted) of the bytes. */
  etag: string;
  contentType: 'image/jpeg';
  /** False when this call rendered it. */
  cached: boolean;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** `load` gathers the render input (avatar download, background…) and runs only on a miss. */
export async function getOrRenderPoster(cache: PosterCache, key: PosterKey, load: () => Promise<PosterRenderInput>): Promise<PosterFile> {
  const folder = join(cache.dir, ...checkKey(key));
  const file = join(folder, `v${key.version}.jpg`);
  const hit = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (hit) return result(hit, true);

  let pending = cache.inflight.get(file);
  if (!pending) {
    pending = renderAndStore(cache, folder, file, key.version, load).finally(() => cache.inflight.delete(file));
    cache.inflight.set(file, pending);
  }
  return result(await pending, false);
}

async function renderAndStore(cache: PosterCache, folder: string, file: string, version: number, load: () => Promise<PosterRenderInput>) {
  const input = await load();
  if (input.template.version !== version) {
    throw validationError([{ path: 'version', message: `the key says version ${version} but the template is version ${input.template.version}` }]);
  }
  const bytes = await cache.renderer.render(input);
  await mkdir(folder, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  await removeOtherVersions(folder, `v${version}.jpg`);
  return bytes;
}

/** Posters of earlier (or later) template versions will not be asked for again on this key. */
async function removeOtherVersions(folder: string, keep: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (name !== keep && /^v\d+\.jpg$/.test(name)) await unlink(join(folder, name)).catch(() => {});
  }
}

function checkKey(key: PosterKey): string[] {
  const parts = [key.workspaceId, key.campaignId, key.participantId];
  const names = ['workspaceId', 'campaignId', 'participantId'];
  const fields: FieldError[] = [];
  parts.forEach((p, i) => {
    if (typeof p !== 'string' || !SAFE_ID.test(p)) fields.push({ path: names[i]!, message: 'must be an id (letters, digits, - and _)' });
  });
  if (!Number.isSafeInteger(key.version) || key.version < 1) fields.push({ path: 'version', message: 'must be a whole number from 1' });
  if (fields.length) throw validationError(fields, 'invalid poster key');
  return parts;
}

function result(bytes: Buffer, cached: boolean): PosterFile {
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { bytes, etag, contentType: 'image/jpeg', cached };
}
