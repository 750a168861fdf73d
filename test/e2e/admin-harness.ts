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

// ---- People played through the sandbox's own API (/sandbox/sandbox-api), as WeChat users would
// act: scan a code, get the welcome card, open their page. Every wait is for a condition.

export interface SandboxPerson {
  id: string;
  nickname: string;
}

async function json(res: Response, what: string): Promise<any> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export async function sandboxApi(server: ConsoleServer, method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${server.baseUrl}${SANDBOX_PREFIX}/sandbox-api${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return json(res, `${method} ${path}`);
}

let personSeed = 500;
/** A new WeChat user; `nickname` sets theirs (hostile ones included). */
export async function newPerson(server: ConsoleServer, nickname?: string): Promise<SandboxPerson> {
  const r = await sandboxApi(server, 'POST', '/people', { count: 1, seed: personSeed++, ...(nickname ? { person: { nickname } } : {}) });
  return r.people[0] as SandboxPerson;
}

/** Polls `read` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The campaign's activity code (made by the publish job at WeCom). */
export async function activityCodeUrl(server: ConsoleServer, campaignId: number): Promise<string> {
  return eventually('the activity code', async () => (await server.db.query<{ qrUrl: string }>(
    `SELECT qr_url AS "qrUrl" FROM contact_ways WHERE campaign_id = $1 AND participant_id IS NULL AND config_id IS NOT NULL AND deleted_at IS NULL`, [campaignId],
  )).rows[0]?.qrUrl);
}

/** The person scans a QR code in WeChat (the sandbox sends the callbacks before answering). */
export async function scan(server: ConsoleServer, person: SandboxPerson, qrUrl: string): Promise<void> {
  const r = await sandboxApi(server, 'POST', '/actions/scan', { person_id: person.id, qr_url: qrUrl, wait: true });
  if (r.outcome !== 'added') throw new Error(`scan by ${person.nickname}: ${JSON.stringify(r)}`);
}

/** The token of the personal link in the welcome card the person got for the campaign. */
export async function personalToken(server: ConsoleServer, person: SandboxPerson, campaignId: number): Promise<string> {
  return eventually(`${person.nickname}'s welcome card`, async () => {
    const messages = (await sandboxApi(server, 'GET', `/people/${person.id}/messages`)).messages as any[];
    const url = messages.filter((m) => m.kind === 'welcome').flatMap((m) => m.content.attachments ?? []).map((a: any) => a.link?.url as string | undefined)
      .find((u) => u?.includes(`/h5/c/${campaignId}/me`));
    return url ? new URL(url).searchParams.get('t')! : undefined;
  });
}

/** A call to the participant pages' API with a personal link token. */
export async function h5(server: ConsoleServer, method: 'GET' | 'POST', path: string, token?: string, body?: unknown): Promise<any> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return json(res, `${method} ${path}`);
}

/** The QR code friends scan to help the person (their help page's staff code). */
export async function helpCodeOf(server: ConsoleServer, token: string): Promise<string> {
  const me = await h5(server, 'GET', '/api/h5/me', token);
  const help = await h5(server, 'GET', new URL(me.helpUrl as string).pathname.replace(/^\/h5\//, '/api/h5/'));
  return help.staffQr.url as string;
}

/** Switches the console's language with the header's 中文 / EN switch. */
export async function switchLanguage(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.getByText(lang === 'en' ? 'EN' : '中文', { exact: true }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}
