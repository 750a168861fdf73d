// Builds the browser apps (web/admin: the console; web/h5: the participant pages) with Vite's JS
// API when a build is missing or older than its sources, so `npm start` works from a fresh clone
// and after a `git pull` without a separate build step, while `npm install` stays free of builds.
// Concurrent starters (two test files, two processes) take a lock file per app; the build goes to
// a temporary folder and is swapped in.
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** A lock older than this belongs to a builder that died. */
const STALE_LOCK_MS = 10 * 60_000;

export interface WebApp {
  /** What the log line calls it. */
  label: string;
  /** The folder holding vite.config.ts and the sources. */
  root: string;
  dist: string;
  /** Source files and folders outside `root` that the build uses (shared plugin, pure modules). */
  alsoSources: string[];
}

const webApp = (name: string, label: string, alsoSources: string[] = []): WebApp => ({
  label,
  root: join(REPO_ROOT, 'web', name),
  dist: join(REPO_ROOT, 'web', name, 'dist'),
  alsoSources: ['web/precompress.ts', ...alsoSources].map((p) => join(REPO_ROOT, p)),
});

export const CONSOLE: WebApp = webApp('admin', 'the admin console');
// The address form's rules are bundled from the domain, so client and server check the same way.
export const H5: WebApp = webApp('h5', 'the participant H5 pages', ['src/domain/shared']);
export const CONSOLE_ROOT = CONSOLE.root;
export const CONSOLE_DIST = CONSOLE.dist;
export const H5_DIST = H5.dist;

function newestSourceMtime(dir: string): number {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Why a build of `app` is needed, or null when its dist is current. */
export function webBuildReason(app: WebApp): string | null {
  const index = join(app.dist, 'index.html');
  const rel = app.dist.slice(REPO_ROOT.length + 1);
  if (!existsSync(index)) return `${rel} is missing`;
  const built = statSync(index).mtimeMs;
  const lock = join(REPO_ROOT, 'package-lock.json');
  const sources = Math.max(...[app.root, ...app.alsoSources].map(newestSourceMtime), existsSync(lock) ? statSync(lock).mtimeMs : 0);
  return sources > built ? 'its sources changed since the last build' : null;
}

/** Why the console needs a build, or null. */
export const consoleBuildReason = (): string | null => webBuildReason(CONSOLE);

async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
      } catch {
        // The holder just released it: try again.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

export interface WebBuildResult {
  built: boolean;
  reason?: string;
  ms?: number;
}

/** Builds `app` into its dist if needed. `log` receives one line before a build starts. */
export async function ensureWebBuilt(app: WebApp, log: (line: string) => void = () => {}): Promise<WebBuildResult> {
  if (!webBuildReason(app)) return { built: false };
  return withLock(join(app.root, '.build.lock'), async () => {
    const reason = webBuildReason(app);
    if (!reason) return { built: false };
    log(`building ${app.label} (${reason})…`);
    const started = Date.now();
    const tmp = join(app.root, `.dist-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
      const { build } = await import('vite');
      await build({ configFile: join(app.root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
      rmSync(app.dist, { recursive: true, force: true });
      renameSync(tmp, app.dist);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return { built: true, reason, ms: Date.now() - started };
  });
}

/** Builds web/admin/dist if needed. */
export const ensureConsoleBuilt = (log?: (line: string) => void): Promise<WebBuildResult> => ensureWebBuilt(CONSOLE, log);
/** Builds web/h5/dist if needed. */
export const ensureH5Built = (log?: (line: string) => void): Promise<WebBuildResult> => ensureWebBuilt(H5, log);

/** What `fission start` and `fission serve` run before listening: every browser app, one after the other. */
export async function ensureWebAppsBuilt(log?: (line: string) => void): Promise<void> {
  await ensureConsoleBuilt(log);
  await ensureH5Built(log);
}
