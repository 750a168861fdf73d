// Claiming prizes that are not posted: a redeem code shown with a copy button (the clipboard gets
// exactly the code), and a customer-service prize showing the service QR to long-press. The
// helpers are friends played through the sandbox.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createCodePool } from '../../src/modules/reward/create-code-pool.ts';
import { uploadRedeemCodes } from '../../src/modules/reward/upload-redeem-codes.ts';
import { helpPathOf, joinThroughCode, launchBrowser, newPhone, pathOf, screenshot, startH5World, watchPage, type H5World } from './h5-harness.ts';

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

test('a redeem code with a copy button; the customer-service QR', async () => {
  const { w, db } = h;
  const pool = await createCodePool(db, w.workspaceId, { name: '咖啡券' });
  const codes = ['CAFE-7Q2M-K9XD', 'CAFE-3H8N-P4RT', 'CAFE-5W1L-Z6YB'];
  await uploadRedeemCodes(db, w.workspaceId, pool.id, codes);
  const token = await w.sb.token();
  const service = await w.sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['LiNa'], state: 'service' });
  const c = await w.campaign({
    tiers: [
      { target: 1, reward: { type: 'redeem_code', name: '咖啡兑换券', codePoolId: pool.id }, stock: 3 },
      { target: 2, reward: { type: 'customer_service', name: '到店领取定制帆布包', contact: { type: 'qr_image', imageUrl: service.qr_code } }, stock: 10 },
    ],
  });
  const [a, b, cc] = await w.people(3);
  const A = await joinThroughCode(w, c.qrUrl, a!);
  const qr = (await w.h5('GET', (await helpPathOf(w, A.token)).replace('/h5/', '/api/h5/'))).body.staffQr.url as string;
  for (const friend of [b!, cc!]) await w.scan(friend, qr);
  await w.settle();

  const phone = await newPhone(browser, h.baseUrl);
  await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
  const page = await phone.newPage();
  const { problems } = watchPage(page);
  await page.goto(pathOf(A.link));
  await page.getByTestId('my-summary').waitFor();
  await page.getByTestId('tab-progress').click();
  await page.getByTestId('reward-1').waitFor();
  assert.match(await page.getByTestId('reward-1').innerText(), /咖啡兑换券[\s\S]*查看兑换码/);
  assert.match(await page.getByTestId('reward-2').innerText(), /到店领取定制帆布包[\s\S]*联系客服领取/);

  await page.getByTestId('reward-1').getByRole('link').click();
  await page.getByTestId('redeem-code').waitFor();
  const code = await page.getByTestId('redeem-code').innerText();
  assert.ok(codes.includes(code), code);
  await page.getByTestId('copy-code').click();
  await page.getByText('已复制').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  await screenshot(page, 'claim-code');

  await page.goBack();
  await page.getByTestId('reward-2').getByRole('link').click();
  await page.getByTestId('service-qr').waitFor();
  assert.equal(await page.getByTestId('service-qr').locator('img').getAttribute('src'), service.qr_code);
  await page.locator('.qr-box.is-loaded').waitFor();
  await screenshot(page, 'claim-service');
  assert.deepEqual(problems, []);
  await phone.close();
});
