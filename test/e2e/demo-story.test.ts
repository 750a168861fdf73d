// The README's "Try the demo", played the way a person would: `fission start` on a fresh data folder
// (demo workspace, sandbox and campaign seeded), then one browser holding the sandbox phone page.
// A participant scans the activity code, gets the welcome card and opens their page and poster;
// three friends scan the poster (WeChat opens its link), long-press the staff QR on the help page
// (识别图中二维码) and add the staff; the participant reaches tier 1, claims the thermos with the
// address form, and the operator marks it issued. One phone plays everyone, as the sandbox's
// people share one browser: each person's page storage stays theirs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { FissionProcess } from '../helpers/cli.ts';
import { launchBrowser, PHONE, screenshot } from './sandbox-phone-harness.ts';

const PASSWORD = 'demo-story-password';
const HOSTILE = '<img src=x onerror=alert(1)>小坏';

describe('the demo story on the sandbox phone', () => {
  let dataDir: string;
  let proc: FissionProcess;
  let base: string;
  let browser: Browser;
  let page: Page;
  let frame: FrameLocator;
  let posterUrl: string;
  const dialogs: string[] = [];

  const tab = async (name: 'chats' | 'contacts' | 'discover' | 'me') => {
    // While a screen renders, the old one's back button may vanish under the click: try again.
    while (!(await page.locator('#tabs').isVisible())) await page.locator('#back').click({ timeout: 1000 }).catch(() => undefined);
    await page.locator(`.tabs a[data-tab=${name}]`).click();
    await page.waitForURL(new RegExp(`#/${name}$`));
  };
  /** Leaves WeChat's browser and goes to the phone's "who holds me" screen. */
  const pickUpPhone = async () => {
    if (await page.locator('#browser-close').isVisible()) await page.locator('#browser-close').click();
    await page.goto(`${base}/sandbox/phone#/who`);
  };
  const newPerson = async (nickname: string) => {
    await pickUpPhone();
    await page.getByTestId('new-nickname').fill(nickname);
    await page.getByTestId('create-person').click();
    await page.locator('#tabs').waitFor();
  };
  const admin = async (method: string, path: string, body?: unknown, cookie?: string) => {
    const res = await fetch(`${base}${path}`, {
      method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie')?.split(';')[0] };
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fission-demo-story-'));
    proc = new FissionProcess('start', ['start', '--port', '0'], { FISSION_DATA_DIR: dataDir, FISSION_ADMIN_PASSWORD: PASSWORD });
    const [, port] = await proc.waitFor(/listening on 127\.0\.0\.1:(\d+)/);
    await proc.waitFor(/Published the demo campaign/);
    // The origin of PUBLIC_URL (http://localhost:PORT): the phone and the H5 pages share it, as
    // WeChat's browser reaches the pages on their own host.
    base = `http://localhost:${port}`;
    browser = await launchBrowser();
    page = await (await browser.newContext(PHONE)).newPage();
    page.setDefaultTimeout(20_000);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    frame = page.frameLocator('#browser-frame');
  });
  after(async () => {
    await browser?.close();
    if (proc?.running) await proc.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a participant scans the activity code, gets the welcome card, opens their page and poster', async () => {
    await newPerson('阿强');
    await tab('discover');
    await page.locator('[data-test^=code-]').first().click();
    await page.waitForURL(/#\/chat\/staff:/);
    const card = page.locator('.link-card', { hasText: '新人邀请有礼（演示）' });
    await card.waitFor();
    await screenshot(page, 'demo-01-welcome');
    await card.click();
    await frame.getByText('生成我的专属海报').click();
    const poster = frame.locator('img[src*="/api/h5/me/poster"]');
    await poster.waitFor();
    posterUrl = new URL((await poster.getAttribute('src'))!, base).toString();
    await frame.getByText('长按海报').waitFor();
    await screenshot(page, 'demo-02-poster');
  });

  it('three friends scan the poster, long-press the staff QR and add the staff: each help counts', async () => {
    for (const [i, nickname] of ['助力者一号', '助力者二号', HOSTILE].entries()) {
      await newPerson(nickname);
      await tab('discover');
      // The camera reads the poster; its QR holds the help link, which WeChat opens in its browser.
      await page.getByTestId('scan-image-url').fill(posterUrl);
      await page.getByTestId('scan-image-go').click();
      await frame.getByText('阿强').first().waitFor();
      await frame.getByText('长按识别二维码,添加企业微信即为 TA 助力').waitFor();
      if (i === 0) await screenshot(page, 'demo-03-help-page');
      await frame.locator('[data-testid=staff-qr] img').click({ button: 'right' });
      await page.getByText('识别图中二维码').click();
      await page.waitForURL(/#\/chat\/staff:/);
      assert.equal(await page.locator('#browser').isVisible(), false, 'the chat shows, not the page');
      await page.getByText(`${nickname},你已成功为阿强助力`).waitFor();
      if (i === 0) await screenshot(page, 'demo-04-helped');
    }
  });

  it('the participant sees tier 1 reached and claims the thermos with the address form', async () => {
    await pickUpPhone();
    await page.getByText('阿强').first().click();
    await page.locator('#tabs').waitFor();
    await page.getByText('张伟').first().click();
    await page.locator('.link-card', { hasText: '新人邀请有礼（演示）' }).last().click();
    await frame.getByText(/已有\s*3\s*位好友为你助力/).waitFor();
    await frame.getByText('领取奖品「定制保温杯」').click();
    await frame.locator('[data-testid=address-form]').waitFor();
    await frame.locator('[name=mobile]').fill('1380013800');
    await frame.locator('[name=name]').fill('王阿强');
    await frame.locator('[data-testid=error-mobile]').filter({ hasText: /./ }).waitFor();
    await screenshot(page, 'demo-05-address-error');
    await frame.locator('[name=mobile]').fill('13800138000');
    await frame.locator('[name=province]').fill('广东省');
    await frame.locator('[name=city]').fill('深圳市');
    await frame.locator('[name=district]').fill('南山区');
    await frame.locator('[name=address]').fill('科技园南区 1 栋 101');
    await frame.locator('[data-testid=address-submit]').click();
    await frame.getByText('王阿强').first().waitFor();
    await screenshot(page, 'demo-06-claimed');
  });

  it('the operator sees the claim and marks the prize issued; no nickname ever ran as script', async () => {
    const login = await admin('POST', '/api/admin/auth/login', { email: 'admin@fission.local', password: PASSWORD });
    assert.equal(login.status, 200);
    const rewards = await admin('GET', '/api/admin/workspaces/demo/campaigns/1/rewards', undefined, login.cookie);
    assert.equal(rewards.status, 200);
    const [won] = rewards.body.items;
    assert.equal(rewards.body.items.length, 1);
    assert.equal(won.participant.nickname, '阿强');
    assert.equal(won.status, 'claimed');
    const issued = await admin('POST', '/api/admin/workspaces/demo/campaigns/1/rewards/issue', { rewardIds: [won.id] }, login.cookie);
    assert.deepEqual(issued.body, { issued: 1, alreadyIssued: 0 });
    const helpers = await admin('GET', '/api/admin/workspaces/demo/campaigns/1/participants?search=%E5%B0%8F%E5%9D%8F', undefined, login.cookie);
    assert.deepEqual(helpers.body.items.map((p: { nickname: string; level: number }) => [p.nickname, p.level]), [[HOSTILE, 2]]);
    assert.deepEqual(dialogs, []);
  });
});
