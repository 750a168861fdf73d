// The real server for browser tests of the admin console: buildApp + JobQueue on an in-memory
// PGlite with a seeded owner, listening on an ephemeral port; and Debian's Chromium through
// playwright-core. The console build is made (or reused) by ensureConsoleBuilt, as `npm start` does.
// With the sandbox mounted the job workers run too, so people played through the sandbox's API
// (scan a code, help a friend) reach the dashboard the way WeChat's callbacks would.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/app.ts';
import { ensureConsoleBuilt } from '../../src/http/ensure-web-built.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { ALL_QUEUES, startWorkers } from '../../src/jobs/registry.ts';
import { ensureDemoWorkspace } from '../../src/modules/workspace/ensure-demo-workspace.ts';
import { createSandbox } from '../../src/sandbox/server.ts';
import { linkDemoWorkspace, SANDBOX_PREFIX } from '../../src/cli/sandbox-wiring.ts';

export const OWNER = { email: 'owner@example.com', password: 'correct-horse-9' };
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

export interface ConsoleServer {
  baseUrl: string;
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A port nobody listens on now (the sandbox must know the server's URL before it listens). */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/**
 * `sandbox: true` mounts an in-memory WeChat sandbox at /sandbox and points the demo workspace at its
 * demo corp, as `fission start` does, so staff sync and activity codes go through real WeCom calls.
 */
export async function startConsoleServer(opts: { port?: number; sandbox?: boolean } = {}): Promise<ConsoleServer> {
  await ensureConsoleBuilt();
  const db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
  await ensureDemoWorkspace(db, OWNER);
  const port = opts.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ LOG_LEVEL: 'warn', FISSION_DATA_DIR: join(ARTIFACTS, '.data'), PUBLIC_URL: baseUrl }, { port, host: '127.0.0.1' });
  const sandbox = opts.sandbox ? createSandbox({ publicUrl: config.sandboxUrl, demo: { callbackUrl: `${baseUrl}/callback/wecom/demo` } }) : undefined;
  const jobs = await JobQueue.start(db, { supervise: false, queues: ALL_QUEUES });
  const app = await buildApp({ config, db, jobs, plugins: sandbox ? [{ plugin: sandbox.plugin, prefix: SANDBOX_PREFIX }] : [] });
  if (sandbox) await linkDemoWorkspace(app, db, config);
  await app.listen({ host: '127.0.0.1', port });
  if (sandbox) await startWorkers({ db, config, jobs });
  return {
    baseUrl,
    db,
    app,
    async close() {
      await app.close();
      await sandbox?.close();
      await jobs.stop();
      await db.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser profile as an operator in China would have it. It asks for reduced motion, which
 * turns the console's animations off: a dialog or menu is clickable the moment it is visible
 * (mid-animation, a click can land where the button is about to be, not where it is).
 */
export async function newOperatorContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
}

/** Resolves once the page shows its resting state: fonts and images loaded, no spinner, charts painted. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    await document.fonts.ready;
    const busy = document.querySelector('.ant-spin-spinning, .ant-btn-loading, .ant-skeleton-active, .ant-table-placeholder .ant-spin');
    const images = [...document.images].every((i) => i.complete);
    // ECharts paints on the next animation frame after an update.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return !busy && images;
  });
}

/** Saves test-artifacts/admin-<name>.png (1440×900) once the page has settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await settled(page);
  await page.screenshot({ path: join(ARTIFACTS, `admin-${name}.png`) });
}

/** Logs in through the form. */
export async function logIn(page: Page, email = OWNER.email, password = OWNER.password): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** i18n keys that leaked into the page instead of their text. */
export function untranslatedKeys(text: string): string[] {
  return [...text.matchAll(/\b(?:app|common|roles|nav|header|login|errors|settings|campaigns|wizard|dashboard|participants|staff|poster|status|languages)\.[a-zA-Z][\w.-]*/g)].map((m) => m[0]);
}
