// The returning-customer story as an operator demos it, by clicking through the sandbox's phone page
// (the phone sets the cookie that tells the sandbox's OAuth page who holds it): R joins a first
// campaign by scanning its code and opens the welcome card (signed in as R); in a later campaign R
// takes part with one tap, then helps X from X's help page with one tap; X, who follows the OA,
// reads the progress message in the OA's chat. Screenshots: test-artifacts/h5-oauth-phone-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { selectors, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { helpPathOf, launchBrowser, screenshot, startH5World, watchPage, type H5World } from './h5-harness.ts';

let h: H5World;
let browser: Browser;

before(async () => {
  h = await startH5World({ oa: true });
  browser = await launchBrowser();
  selectors.setTestIdAttribute('data-testid');
});
after(async () => {
  await browser?.close();
  await h?.close();
});

test('returning customer on the phone page: card, one-tap join, one-tap help, the OA message', async () => {
  const { w } = h;
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  const { problems } = watchPage(page);
  const phone = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${w.sb.url}/phone${hash}`);
  };
  const newPerson = async (name: string) => {
    await phone('#/who');
    await page.locator('[data-test="new-nickname"]').fill(name);
    await page.locator('[data-test="create-person"]').click();
    await page.waitForURL(/#\/chats/);
    return page.evaluate(() => localStorage.getItem('fission-sandbox-phone-person')!);
  };
  const scan = async (url: string) => {
    await phone('#/discover');
    await page.locator('[data-test="scan-url"]').fill(url);
    await page.locator('[data-test="scan-go"]').click();
    await page.locator('#toast').filter({ hasText: '已添加为联系人' }).waitFor();
    await w.settle();
  };
  const openH5 = async (url: string): Promise<FrameLocator> => {
    await phone('#/discover');
    await page.locator('[data-test="h5-url"]').fill(url);
    await page.locator('[data-test="h5-open"]').click();
    return page.frameLocator('#browser-frame');
  };
  const openCard = async (): Promise<FrameLocator> => {
    await phone('#/chats');
    await page.locator('[data-test^="chat-"]').first().click();
    await page.locator('.link-card').last().click();
    return page.frameLocator('#browser-frame');
  };
  const shot = (p: Page, name: string) => screenshot(p, `oauth-phone-${name}`, { waitForNetwork: false });

  const c1 = await w.campaign({ name: '第一期' });
  const r = await newPerson('老客户阿青');
  await scan(c1.qrUrl);
  const card = await openCard();
  await card.getByTestId('my-summary').waitFor();
  await shot(page, 'card-own-page');

  await new Promise((res) => setTimeout(res, 1100));
  const c2 = await w.campaign({ name: '老朋友回馈', startAt: new Date().toISOString() });
  const landing = await openH5(`${w.config.publicUrl}/h5/c/${c2.id}`);
  await landing.getByTestId('join-button').waitFor();
  await shot(page, 'one-tap-join');
  await landing.getByTestId('join-button').click();
  await landing.getByTestId('my-summary').waitFor();
  await shot(page, 'joined');
  assert.equal((await w.db.query(`SELECT is_new_customer FROM participants WHERE campaign_id = $1`, [c2.id])).rows[0]?.is_new_customer, false);

  // X: new, joins c2 by its code, follows the OA, opens the card (X's page, signed in as X).
  const x = await newPerson('新朋友小林');
  await scan(c2.qrUrl);
  await phone('#/contacts');
  await page.locator('[data-test^="oa-"]').first().click();
  await page.locator('[data-test="oa-follow"]').click();
  await page.locator('#toast').filter({ hasText: '已关注公众号' }).waitFor();
  await w.settle();
  const xCard = await openCard();
  await xCard.getByTestId('my-summary').waitFor();
  const token = (await w.db.query<{ url: string }>(`SELECT content->'link'->>'url' AS url FROM welcome_attempts WHERE campaign_id = $1 ORDER BY id DESC LIMIT 1`, [c2.id])).rows[0]!.url;
  const helpPath = await helpPathOf(w, new URL(token).searchParams.get('t')!);

  // R again: X's help page, one tap.
  await phone('#/who');
  await page.locator(`[data-test="person-${r}"]`).click();
  const help = await openH5(`${w.config.publicUrl}${helpPath}`);
  await help.getByTestId('help-button').waitFor();
  await help.getByTestId('help-button').click();
  await help.getByTestId('help-state-helped').waitFor();
  await shot(page, 'helped');
  await w.settle();

  // X's phone: the OA's chat has the progress message.
  await phone('#/who');
  await page.locator(`[data-test="person-${x}"]`).click();
  await phone('#/chats');
  await page.locator('[data-test^="chat-oa:"]').first().click();
  await page.locator('.tpl').waitFor();
  assert.match(await page.locator('.tpl').innerText(), /好友「老客户阿青」为你助力成功[\s\S]*当前进度：1\/2/);
  await shot(page, 'oa-message');
  assert.deepEqual(problems, []);
  await ctx.close();
});
