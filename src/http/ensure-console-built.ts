// Builds the admin console (web/admin, with Vite's JS API) when its build is missing or older
// than its sources, so `npm start` works from a fresh clone and after a `git pull` without a
// separate build step, while `npm install` stays free of builds. Concurrent starters (two test
// files, two processes) take a lock file; the build goes to a temporary folder and is swapped in.
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CONSOLE_ROOT = join(REPO_ROOT, 'web', 'admin');
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');
const LOCK = join(CONSOLE_ROOT, '.build.lock');
/** A lock older than this belongs to a builder that died. */
const STALE_LOCK_MS = 10 * 60_000;

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when web/admin/dist is current. */
export function consoleBuildReason(): string | null {
  const index = join(CONSOLE_DIST, 'index.html');
  if (!existsSync(index)) return 'web/admin/dist is missing';
  const built = statSync(index).mtimeMs;
  const lock = join(REPO_ROOT, 'package-lock.json');
  const sources = Math.max(newestSourceMtime(CONSOLE_ROOT), existsSync(lock) ? statSync(lock).mtimeMs : 0);
  return sources > built ? 'the console sources changed since the last build' : null;
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { force: true });
      } catch {
        // The holder just released it: try again.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

export interface ConsoleBuildResult {
  built: boolean;
  reason?: string;
  ms?: number;
}

/** Builds web/admin/dist if needed. `log` receives one line before a build starts. */
export async function ensureConsoleBuilt(log: (line: string) => void = () => {}): Promise<ConsoleBuildResult> {
  if (!consoleBuildReason()) return { built: false };
  return withLock(async () => {
    const reason = consoleBuildReason();
    if (!reason) return { built: false };
    log(`building the admin console (${reason})…`);
    const started = Date.now();
    const tmp = join(CONSOLE_ROOT, `.dist-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
      const { build } = await import('vite');
      await build({ configFile: join(CONSOLE_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      rmSync(CONSOLE_DIST, { recursive: true, force: true });
      renameSync(tmp, CONSOLE_DIST);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return { built: true, reason, ms: Date.now() - started };
  });
}
