// The sandbox's state file: read once at start, written atomically (temp file + rename) so a
// crash mid-write never leaves a torn snapshot.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SandboxData } from './model.ts';

export const snapshotPath = (dataDir: string) => join(dataDir, 'sandbox-state.json');

export function readSnapshot(file: string): SandboxData | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const data = JSON.parse(text) as SandboxData;
  if (data.version !== 1) throw new Error(`${file}: unsupported sandbox snapshot version ${String(data.version)}`);
  return data;
}

export function writeSnapshot(file: string, data: SandboxData): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, file);
}
