// What a participant sees when something is wrong: an expired or edited personal link, someone
// else's shared page, the network dropping (with a retry that recovers), and addresses that name
// nothing. A URL edited to point elsewhere never shows someone else's page as the visitor's own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { signToken } from '../../src/modules/h5-auth/signed-token.ts';
import { linkSecret, PARTICIPANT_LINK } from '../../src/modules/fission/links.ts';
import { joinThroughCode, launchBrowser, newPhone, pathOf, phoneWithLink, screenshot, startH5World, watchPage, type H5World } from './h5-harness.ts';

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

test('expired, edited and foreign links; shared pages; unknown addresses', async () => {
  const { w, db } = h;
  const c = await w.campaign();
  const [a] = await w.people(1);
  const A = await joinThroughCode(w, c.qrUrl, a!);
  const pid = Number(/^participant-link\.(\d+)\./.exec(Buffer.from(A.token.split('.')[0]!, 'base64url').toString())![1]);

  // A link whose signature is right but whose time is up.
  const expired = signToken(await linkSecret(db), { purpose: PARTICIPANT_LINK, sub: String(pid), exp: Math.floor(Date.now() / 1000) - 60 });
  const phone = await newPhone(browser, h.baseUrl);
  const page = await phone.newPage();
  const { problems } = watchPage(page);
  await page.goto(`/h5/c/${c.id}/me?t=${encodeURIComponent(expired)}`);
  await page.getByTestId('error-link_expired').waitFor();
  assert.match(await page.getByTestId('error-link_expired').innerText(), /链接已过期[\s\S]*重新打开/);
  await screenshot(page, 'error-link-expired');
  // Its way out: the public activity page.
  await page.getByTestId('error-action').click();
  await page.getByTestId('landing').waitFor();
  assert.equal(await page.getByTestId('my-summary').count(), 0);

  // The same link with one character changed (someone editing the URL to be someone else).
  const edited = A.token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
  await page.goto(`/h5/c/${c.id}/me/progress?t=${encodeURIComponent(edited)}`);
  await page.getByTestId('error-link_invalid').waitFor();
  await screenshot(page, 'error-link-invalid');

  // A's page shared to a friend (the address bar holds no token): the friend sees the activity,
  // never A's progress; A's other pages say whose they are.
  await page.goto(`/h5/c/${c.id}/me`);
  await page.getByTestId('landing').waitFor();
  assert.equal(await page.getByTestId('my-summary').count(), 0);
  await page.goto(`/h5/c/${c.id}/me/poster`);
  await page.getByTestId('error-not_yours').waitFor();
  await screenshot(page, 'error-not-yours');

  // A help code that is not one we issued (an id typed by hand) and addresses that name nothing.
  const helpPath = pathOf((await w.h5('GET', '/api/h5/me', { token: A.token })).body.helpUrl);
  await page.goto(helpPath.replace(/-[0-9a-f]{12}$/, '-000000000000'));
  await page.getByTestId('error-not_found').waitFor();
  await screenshot(page, 'error-not-found');
  await page.goto(`/h5/c/${c.id + 1000}`);
  await page.getByTestId('error-not_found').waitFor();
  await page.goto('/h5/nothing/here');
  await page.getByTestId('error-not_found').waitFor();
  assert.deepEqual(problems.filter((p) => !/status of 40[14]/.test(p)), []);
  await phone.close();

  // A's link with another campaign's id typed in: the token decides, A lands on A's own page.
  const other = await w.campaign();
  const PA = await newPhone(browser, h.baseUrl);
  const pa = await PA.newPage();
  await pa.goto(pathOf(A.link).replace(`/c/${c.id}/`, `/c/${other.id}/`));
  await pa.getByTestId('my-summary').waitFor();
  assert.equal(new URL(pa.url()).pathname, `/h5/c/${c.id}/me`);
  await PA.close();
});

test('network errors: the page says so and the retry recovers', async () => {
  const { w } = h;
  const c = await w.campaign();
  const [a] = await w.people(1);
  const A = await joinThroughCode(w, c.qrUrl, a!);
  const PA = await phoneWithLink(browser, h.baseUrl, A.link);
  const { page } = PA;

  await page.route('**/api/h5/me', (route) => route.abort('internetdisconnected'));
  await page.goto(`/h5/c/${c.id}/me/progress`);
  await page.getByTestId('error-network').waitFor();
  assert.match(await page.getByTestId('error-network').innerText(), /网络不太给力/);
  await screenshot(page, 'error-network');
  await page.unroute('**/api/h5/me');
  await page.getByRole('button', { name: '重新加载' }).click();
  await page.getByTestId('helpers-empty').waitFor();

  // A page's code that does not arrive (the connection dropped mid-visit) is a network error too.
  await page.route('**/assets/RankingPage-*.js', (route) => route.abort('connectionreset'));
  await page.getByTestId('tab-rank').click();
  await page.getByTestId('error-network').waitFor();
  await page.unroute('**/assets/RankingPage-*.js');
  await page.getByRole('button', { name: '重新加载' }).click();
  await page.getByTestId('my-rank').waitFor();

  // The server answering 502 through a gateway reads as the network, not as a broken link.
  await page.route('**/api/h5/c/*', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' }));
  await page.goto(`/h5/c/${c.id}`);
  await page.getByTestId('error-network').waitFor();
  await PA.ctx.close();
});
