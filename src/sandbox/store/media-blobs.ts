// Bytes of uploaded media: files under the data folder when there is one, memory otherwise.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MediaBlobs {
  put(id: string, bytes: Buffer): void;
  get(id: string): Buffer | undefined;
}

export function createMediaBlobs(dataDir?: string): MediaBlobs {
  if (!dataDir) {
    const mem = new Map<string, Buffer>();
    return { put: (id, b) => void mem.set(id, b), get: (id) => mem.get(id) };
  }
  const dir = join(dataDir, 'media');
  mkdirSync(dir, { recursive: true });
  const safe = (id: string) => join(dir, id.replace(/[^A-Za-z0-9_-]/g, '_'));
  return {
    put: (id, b) => writeFileSync(safe(id), b),
    get(id) {
      try {
        return readFileSync(safe(id));
      } catch {
        return undefined;
      }
    },
  };
}
