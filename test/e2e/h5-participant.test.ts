// The participant's path in a phone browser (seed 000 §一): the public activity page, A scans the
// activity code in the sandbox and opens the welcome card's personal link, gets the poster (its box
// keeps its shape while the image loads), friends with hostile nicknames open A's help page and
// scan its staff QR, A watches the progress, claims the prize with the address form (checked while
// typing), and finds themselves on the leaderboard. Screenshots at 375×667 and 414×896.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPhone, pathOf, screenshot, startH5World, watchPage, welcomeLink, type H5World } from './h5-harness.ts';

let h: H5World;
let browser: Browser;

before(async () => {
  h = await startH5World();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await h?.close();
});

/** Layout shifts (CLS) the page had since it loaded, as Chromium measures them. */
async function trackLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);

test('the participant story: activity, poster, friends help, progress, prize claim, ranking', async () => {
  const { w } = h;
  const c = await w.campaign({
    tiers: [
      { target: 2, reward: { type: 'physical', name: '保温杯' }, stock: 100 },
      { target: 5, reward: { type: 'physical', name: '蓝牙音箱' }, stock: 20 },
    ],
  });
  const [a] = await w.people(1, { nickname: '林小满', gender: 2 });
  const [b] = await w.people(1, { nicknameKind: 'script' });
  const [cc] = await w.people(1, { nicknameKind: 'long' });

  // Someone who has not joined sees the public activity page with the activity code.
  const visitor = await newPhone(browser, h.baseUrl);
  const vp = await visitor.newPage();
  const vw = watchPage(vp);
  await vp.goto(`/h5/c/${c.id}`);
  await vp.getByTestId('activity-qr').waitFor();
  assert.match(await vp.getByTestId('tiers').innerText(), /保温杯[\s\S]*邀请 2 位好友助力[\s\S]*剩 100 份/);
  assert.match(await vp.getByTestId('rules').innerText(), /每位好友在本活动中只能为 1 人助力/);
  await screenshot(vp, 'landing-public');
  await screenshot(vp, 'landing-public-full', { fullPage: true });
  await visitor.close();

  // A scans the activity code (long-press → 识别二维码 → add the staff), gets the welcome card.
  await w.scan(a!, c.qrUrl);
  await w.settle();
  const link = await welcomeLink(w, a!);
  assert.match(link, new RegExp(`/h5/c/${c.id}/me\\?t=`));

  const phoneA = await newPhone(browser, h.baseUrl);
  const pa = await phoneA.newPage();
  const aw = watchPage(pa);
  await trackLayoutShift(pa);
  await pa.goto(pathOf(link));
  await pa.getByTestId('my-summary').waitFor();
  assert.equal(await pa.title(), '好友助力 包邮送「保温杯」');
  // The token left the address bar: sharing this page shares no identity.
  assert.equal(new URL(pa.url()).search, '');
  assert.equal(await pa.getByTestId('my-count').innerText(), '0');
  await screenshot(pa, 'me-home');

  // The poster: its box has the poster's shape before the image arrives (held back here, as on a
  // slow 4G connection), and nothing moves when it does.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await pa.route('**/api/h5/me/poster.jpg*', async (route) => {
    await held;
    await route.continue();
  });
  await pa.getByTestId('cta-poster').click();
  await pa.locator('.poster-box.is-loading').waitFor();
  const boxBefore = await pa.getByTestId('poster-box').boundingBox();
  await screenshot(pa, 'poster-loading', { waitForNetwork: false });
  release();
  await pa.locator('.poster-box.is-loaded').waitFor({ timeout: 60_000 });
  const boxAfter = await pa.getByTestId('poster-box').boundingBox();
  assert.deepEqual(boxAfter, boxBefore);
  assert.ok(Math.abs(boxAfter!.height / boxAfter!.width - 1334 / 750) < 0.01, JSON.stringify(boxAfter));
  const natural = await pa.getByTestId('poster-img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  assert.deepEqual(natural, [750, 1334]);
  assert.equal(await layoutShift(pa), 0);
  assert.match(await pa.getByTestId('share-hint').innerText(), /长按海报/);
  await screenshot(pa, 'poster');

  await pa.getByTestId('tab-progress').click();
  await pa.getByTestId('helpers-empty').waitFor();
  await screenshot(pa, 'progress-empty');

  // A's friends open the help page (the poster's QR leads there) and scan its staff QR.
  const helpUrl = (await h.w.h5('GET', '/api/h5/me', { token: new URL(link).searchParams.get('t')! })).body.helpUrl as string;
  for (const friend of [b!, cc!]) {
    const phone = await newPhone(browser, h.baseUrl);
    const page = await phone.newPage();
    const fw = watchPage(page);
    await page.goto(pathOf(helpUrl));
    await page.getByTestId('help-state-open').waitFor();
    assert.equal(await page.getByTestId('inviter-name').innerText(), '林小满');
    assert.equal(await page.title(), '帮「林小满」助力');
    assert.equal(await page.getByTestId('help-button').count(), 0, 'a stranger has no one-tap help, only the QR');
    if (friend === b) await screenshot(page, 'help-open');
    const qr = await page.getByTestId('staff-qr').locator('img').getAttribute('src');
    const scan = await w.scan(friend, qr!);
    assert.equal(scan.outcome, 'added');
    assert.deepEqual(fw.problems, []);
    await phone.close();
  }
  await w.settle();

  // A's progress: two helpers, their nicknames as text (the <script> one never runs).
  await pa.getByTestId('refresh').click();
  await pa.getByTestId('helpers').waitFor();
  const names = await pa.getByTestId('helper-name').allInnerTexts();
  assert.deepEqual(names.sort(), [b!.nickname, cc!.nickname].sort());
  assert.equal(await pa.locator('.person-name script').count(), 0);
  assert.match(await pa.getByTestId('next-tier').innerText(), /再邀请 3 位好友,即可获得「蓝牙音箱」/);
  await screenshot(pa, 'progress');
  await screenshot(pa, 'progress-full', { fullPage: true });

  // The prize: the address form checks as A types, with the server's rules.
  await pa.getByTestId('reward-1').getByRole('link').click();
  await pa.getByTestId('address-form').waitFor();
  await pa.getByLabel('收货人').fill('林小满');
  await pa.getByLabel('手机号').fill('1380013');
  await pa.getByLabel('手机号').blur();
  assert.equal(await pa.getByTestId('error-mobile').innerText(), '请填写 11 位中国大陆手机号');
  await pa.getByLabel('详细地址').fill('科技园');
  await pa.getByLabel('详细地址').blur();
  assert.equal(await pa.getByTestId('error-address').innerText(), '详细地址至少 5 个字');
  await pa.getByTestId('address-submit').click();
  assert.equal(await pa.getByTestId('error-province').innerText(), '请填写省份');
  await screenshot(pa, 'claim-form-errors');
  await pa.getByLabel('手机号').fill('138 0013 8000');
  assert.equal(await pa.getByTestId('error-mobile').innerText(), '');
  await pa.getByLabel('省份').fill('广东省');
  await pa.getByLabel('城市').fill('深圳市');
  await pa.getByLabel('区/县').fill('南山区');
  await pa.getByLabel('详细地址').fill('科技园科苑路 15 号 2 栋 301');
  const [res] = await Promise.all([pa.waitForResponse((r) => r.url().includes('/address')), pa.getByTestId('address-submit').click()]);
  assert.equal(res.status(), 200);
  await pa.getByTestId('address-done').waitFor();
  assert.match(await pa.getByTestId('address-done').innerText(), /林小满 13800138000[\s\S]*广东省 深圳市 南山区 科技园科苑路 15 号 2 栋 301/);
  assert.equal(await pa.getByTestId('claim-status').innerText(), '已提交,待发货');
  await screenshot(pa, 'claim-done');

  // The leaderboard: A first with 2.
  await pa.goto(`/h5/c/${c.id}/me/rank`);
  await pa.getByTestId('ranking').waitFor();
  assert.match(await pa.getByTestId('my-rank').innerText(), /第 1 名/);
  assert.match((await pa.getByTestId('rank-row').first().innerText()).replace(/\s+/g, ' '), /^1 林小满 ?我 2 人助力$/);
  await screenshot(pa, 'ranking');

  assert.deepEqual(aw.problems, []);
  assert.deepEqual(vw.problems, []);
  await phoneA.close();

  // The same pages on a larger phone.
  const big = await newPhone(browser, h.baseUrl, 'large');
  const pb = await big.newPage();
  await pb.goto(pathOf(link));
  await pb.getByTestId('my-summary').waitFor();
  await screenshot(pb, 'me-home-414');
  await pb.getByTestId('tab-poster').click();
  await pb.locator('.poster-box.is-loaded').waitFor();
  await screenshot(pb, 'poster-414');
  await pb.getByTestId('tab-progress').click();
  await pb.getByTestId('helpers').waitFor();
  await screenshot(pb, 'progress-414');
  await pb.getByTestId('tab-rank').click();
  await pb.getByTestId('ranking').waitFor();
  await screenshot(pb, 'ranking-414');
  await big.close();
});
