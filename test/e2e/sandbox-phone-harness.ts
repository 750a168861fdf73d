// Browser harness for the phone page: headless Chromium at a phone's size, screenshots into
// test-artifacts/, and a stand-in H5 page that logs a visitor in through the sandbox's web OAuth.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { chromium, selectors } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  // The phone page marks what tests click with data-test.
  selectors.setTestIdAttribute('data-test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `sandbox-phone-${name}.png`);
  await page.screenshot({ path });
  return path;
}

export interface H5Site {
  url: string;
  close(): Promise<void>;
}

/**
 * An activity page as a service would build it: /h5 sends the visitor to the sandbox's authorize page;
 * /h5/cb trades the code for the openid and profile and greets them (the name escaped, like any page
 * should).
 */
export async function startH5Site(sandboxUrl: string, appid: string, secret: string): Promise<H5Site> {
  const app = Fastify();
  let self = '';
  app.get('/h5', async (_req, reply) => {
    const redirect = encodeURIComponent(`${self}/h5/cb`);
    return reply.redirect(`${sandboxUrl}/open/connect/oauth2/authorize?appid=${appid}&redirect_uri=${redirect}&response_type=code&scope=snsapi_userinfo&state=e2e#wechat_redirect`);
  });
  app.get('/h5/cb', async (req, reply) => {
    const { code } = req.query as { code: string };
    const t = (await (await fetch(`${sandboxUrl}/oa/sns/oauth2/access_token?appid=${appid}&secret=${secret}&code=${code}&grant_type=authorization_code`)).json()) as Record<string, string>;
    const u = (await (await fetch(`${sandboxUrl}/oa/sns/userinfo?access_token=${t.access_token}&openid=${t.openid}`)).json()) as Record<string, string>;
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><meta charset="utf-8"><body style="font:16px sans-serif;padding:16px"><h2>助力活动</h2><p id="hello">你好，${esc(u.nickname ?? '')}</p><p id="openid">${esc(t.openid ?? '')}</p></body>`);
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  self = address;
  return { url: `${address}/h5`, close: () => app.close() };
}
