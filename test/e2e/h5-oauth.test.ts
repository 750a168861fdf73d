// Returning customers through the sandbox's OAuth page, on a phone (375×667), in a workspace with an
// Official Account: the pages sign in before showing anything. 老用户参与: R, already a friend of the
// staff from an earlier campaign, opens the activity page, says who they are on WeChat's authorize
// page, takes part with one tap and lands on their own page. 老用户助力: R opens a friend's help
// page, taps 帮TA助力 and sees 助力成功 — or the precise reason it does not count. A stranger gets the
// staff QR; a personal link forwarded to R's phone shows R's own page, never its owner's; X opening
// the campaign's page with no link at all gets their own page.
// Screenshots: test-artifacts/h5-oauth-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { helpPathOf, joinThroughCode, launchBrowser, newPhone, pathOf, screenshot, startH5World, watchPage, type H5World } from './h5-harness.ts';
import type { Json } from '../helpers/sandbox.ts';

let h: H5World;
let browser: Browser;

before(async () => {
  h = await startH5World({ oa: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await h?.close();
});

/** A phone whose WeChat is signed in as `person` (what the sandbox's phone page says with its cookie). */
async function phoneOf(person: Json | null): Promise<{ ctx: BrowserContext; page: Page; problems: string[] }> {
  const ctx = await newPhone(browser, h.baseUrl);
  if (person) await ctx.addCookies([{ name: 'fission_sandbox_person', value: person.id, url: h.w.sb.url }]);
  const page = await ctx.newPage();
  return { ctx, page, ...watchPage(page) };
}

test('老用户参与 and 老用户助力 through the OAuth page; a stranger gets the QR; a forwarded link is not theirs', async () => {
  const { w } = h;
  const earlier = await w.campaign({ name: '老活动' });
  const [r, x, y, stranger] = await w.people(4);
  await joinThroughCode(w, earlier.qrUrl, r!); // R is ZhangWei's friend from now on
  await new Promise((res) => setTimeout(res, 1100));
  const c = await w.campaign({ name: '老朋友回馈活动', startAt: new Date().toISOString() });
  const X = await joinThroughCode(w, c.qrUrl, x!);
  const Y = await joinThroughCode(w, c.qrUrl, y!);

  // R opens the activity page. WeChat's authorize page asks who holds the phone (the sandbox's picker).
  const R = await phoneOf(null);
  await R.page.goto(`/h5/c/${c.id}`);
  await R.page.waitForURL(/\/connect\/oauth2\/authorize/);
  assert.match(await R.page.locator('h1').innerText(), /裂变示例服务号 申请获取你的身份标识/);
  await screenshot(R.page, 'oauth-authorize-picker');
  await R.page.locator(`a[href*="as=${r!.id}"]`).click();
  // Back on the activity page, signed in (a second, userinfo round went by: WeChat gave no unionid to
  // the silent one, R not following the OA). The address bar carries no session.
  await R.page.getByTestId('join-button').waitFor();
  assert.equal(new URL(R.page.url()).pathname, `/h5/c/${c.id}`);
  assert.equal(new URL(R.page.url()).hash, '');
  await screenshot(R.page, 'oauth-landing-one-tap');
  await R.page.getByTestId('join-button').click();
  await R.page.getByTestId('my-summary').waitFor();
  assert.equal(new URL(R.page.url()).pathname, `/h5/c/${c.id}/me`);
  assert.equal(await R.page.getByTestId('my-count').innerText(), '0');
  await R.page.getByTestId('cta-poster').waitFor();
  await screenshot(R.page, 'oauth-joined-my-page');

  // R helps X from X's help page: signed in silently now (the phone's cookie), one tap, 助力成功.
  const helpX = await helpPathOf(w, X.token);
  await R.page.goto(helpX);
  await R.page.getByTestId('help-button').waitFor();
  await screenshot(R.page, 'oauth-help-open');
  await R.page.getByTestId('help-button').click();
  await R.page.getByTestId('help-state-helped').waitFor();
  assert.match(await R.page.getByTestId('help-state-helped').innerText(), /助力成功[\s\S]*TA 现在已有 1 位好友助力/);
  await screenshot(R.page, 'oauth-help-success');
  // … and Y's: one help per person in this campaign.
  await R.page.goto(await helpPathOf(w, Y.token));
  await R.page.getByTestId('help-button').click();
  await R.page.getByTestId('help-state-help_limit').waitFor();
  await screenshot(R.page, 'oauth-help-limit');

  // X's personal link, forwarded to R's phone: OAuth says R, so R sees R's own page, not X's.
  await R.page.goto(pathOf(X.link));
  await R.page.getByTestId('my-summary').waitFor();
  const rPage = await R.page.evaluate(() => fetch('/api/h5/me', { headers: { authorization: `Bearer ${localStorage.getItem(`fission.h5.t.${location.pathname.split('/')[3]}`)}` } }).then((res) => res.json()));
  assert.equal(rPage.me.nickname, r!.nickname);
  assert.equal(await R.page.getByTestId('my-count').innerText(), '0', 'R has no helpers; X has one');
  assert.equal(new URL(R.page.url()).search, '');
  await screenshot(R.page, 'oauth-forwarded-link-own-page');
  assert.deepEqual(R.problems, []);
  await R.ctx.close();

  // X opens the campaign's "my page" with no personal link at all: OAuth says X, so it is X's page.
  const Xp = await phoneOf(x!);
  await Xp.page.goto(`/h5/c/${c.id}/me`);
  await Xp.page.getByTestId('my-summary').waitFor();
  assert.equal(await Xp.page.getByTestId('my-count').innerText(), '1', 'R helped X');
  await screenshot(Xp.page, 'oauth-own-page-without-link');
  assert.deepEqual(Xp.problems, []);
  await Xp.ctx.close();

  // A stranger (never a friend of the staff): the help page offers the QR only.
  const S = await phoneOf(stranger!);
  await S.page.goto(helpX);
  await S.page.getByTestId('staff-qr').waitFor();
  assert.equal(await S.page.getByTestId('help-button').count(), 0);
  await screenshot(S.page, 'oauth-help-stranger-qr');
  assert.deepEqual(S.problems, []);
  await S.ctx.close();
});
