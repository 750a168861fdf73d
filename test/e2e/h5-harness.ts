// The participant pages in a real phone-sized browser against the real server: a whole task-fission
// world (our app, the job workers, the WeCom sandbox sending encrypted callbacks — see
// test/helpers/fission-world.ts) on an in-memory PGlite, the H5 build made or reused as `npm start`
// does, and Debian's Chromium through playwright-core with WeChat's phone viewport and user agent.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDb, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureH5Built } from '../../src/http/ensure-web-built.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import type { Json } from '../helpers/sandbox.ts';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

export interface H5World {
  w: FissionWorld;
  db: Db;
  baseUrl: string;
  close(): Promise<void>;
}

/** `oa`: the workspace also has the sandbox's Official Account (pages sign in through its OAuth). */
export async function startH5World(opts: { oa?: boolean } = {}): Promise<H5World> {
  await ensureH5Built();
  const db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
  const w = await startFissionWorld(db, 'h5', opts);
  // Posters are cached on disk under the data folder: a fresh one per run.
  const dataDir = mkdtempSync(join(tmpdir(), 'fission-h5-'));
  w.config.dataDir = dataDir;
  return {
    w,
    db,
    baseUrl: w.config.publicUrl,
    async close() {
      await w.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PHONES = {
  /** iPhone SE / 8 */
  small: { width: 375, height: 667 },
  /** iPhone 11 / XR */
  large: { width: 414, height: 896 },
} as const;
export type Phone = keyof typeof PHONES;

const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322f) NetType/4G Language/zh_CN';

/** A phone as a participant in China has it: WeChat's in-app browser, a fresh profile. */
export async function newPhone(browser: Browser, baseURL: string, phone: Phone = 'small'): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: PHONES[phone],
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT_UA,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

/** Fails the test if the page ever runs a dialog (a nickname's `<script>alert()` executing) or logs an error. */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return { problems };
}

/** Saves test-artifacts/h5-<name>.png once the page has settled (requests done, fonts loaded). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean; waitForNetwork?: boolean } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (opts.waitForNetwork ?? true) await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(350);
  await page.screenshot({ path: join(ARTIFACTS, `h5-${name}.png`), fullPage: opts.fullPage ?? false });
}

/** The personal link of the welcome card the person got in WeCom (the newest one). */
export async function welcomeLink(w: FissionWorld, person: Json): Promise<string> {
  const messages = (await w.sb.api('GET', `/people/${person.id}/messages`)).body.messages as Json[];
  const links = messages.filter((m) => m.kind === 'welcome').flatMap((m) => (m.content.attachments ?? []) as Json[]).filter((a) => a.msgtype === 'link');
  const url = links.at(-1)?.link.url as string | undefined;
  if (!url) throw new Error(`no welcome link for ${person.nickname}: ${JSON.stringify(messages)}`);
  return url;
}

/** Path and query of an absolute URL of our server (the browser's baseURL serves it). */
export const pathOf = (url: string): string => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** The person scans the campaign's activity code; returns their personal link and its token. */
export async function joinThroughCode(w: FissionWorld, qrUrl: string, person: Json): Promise<{ link: string; token: string }> {
  const scan = await w.scan(person, qrUrl);
  if (scan.outcome !== 'added') throw new Error(`scan: ${JSON.stringify(scan)}`);
  await w.settle();
  const link = await welcomeLink(w, person);
  return { link, token: new URL(link).searchParams.get('t')! };
}

/** The help page path (/h5/c/…/help/…) of the participant whose link token this is. */
export async function helpPathOf(w: FissionWorld, token: string): Promise<string> {
  const me = await w.h5('GET', '/api/h5/me', { token });
  if (me.status !== 200) throw new Error(`GET /api/h5/me: ${JSON.stringify(me.body)}`);
  return new URL(me.body.helpUrl as string).pathname;
}

/** A phone on which `link` (a personal or customer link) was opened once, as from the WeCom chat. */
export async function phoneWithLink(browser: Browser, baseUrl: string, link: string | null, phone: Phone = 'small'): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
  const ctx = await newPhone(browser, baseUrl, phone);
  const page = await ctx.newPage();
  const { problems } = watchPage(page);
  if (link) {
    await page.goto(pathOf(link));
    await page.locator('[data-testid="landing"], [data-testid^="error-"]').first().waitFor();
  }
  return { ctx, page, problems };
}
