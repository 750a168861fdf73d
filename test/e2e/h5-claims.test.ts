// Claiming prizes that are not posted: a redeem code shown with a copy button (the clipboard gets
// exactly the code), and customer-service prizes showing the QR to long-press — the staff member's
// code Fission makes for the campaign's winners, and an uploaded QR image. The helpers are friends
// played through the sandbox.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createCodePool } from '../../src/modules/reward/create-code-pool.ts';
import { uploadRedeemCodes } from '../../src/modules/reward/upload-redeem-codes.ts';
import { saveServiceQrImage } from '../../src/modules/reward/save-service-qr-image.ts';
import { serviceQrImagePath } from '../../src/modules/reward/service-qr-image-path.ts';
import QRCode from 'qrcode';
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
  const image = await saveServiceQrImage(db, w.workspaceId, await QRCode.toBuffer('https://work.weixin.qq.com/ca/kefu-shop', { type: 'png', width: 430, margin: 2 }));
  const c = await w.campaign({
    tiers: [
      { target: 1, reward: { type: 'redeem_code', name: '咖啡兑换券', codePoolId: pool.id }, stock: 3 },
      { target: 2, reward: { type: 'customer_service', name: '到店领取定制帆布包', contact: { type: 'staff', userId: 'LiNa' } }, stock: 10 },
      { target: 3, reward: { type: 'customer_service', name: '门店体验课', contact: { type: 'qr_image', imageUrl: serviceQrImagePath(w.slug, image.id) } }, stock: 10 },
    ],
  });
  const [a, b, cc, d] = await w.people(4);
  const A = await joinThroughCode(w, c.qrUrl, a!);
  const qr = (await w.h5('GET', (await helpPathOf(w, A.token)).replace('/h5/', '/api/h5/'))).body.staffQr.url as string;
  for (const friend of [b!, cc!, d!]) await w.scan(friend, qr);
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

  // The staff member's code: made for this campaign's winners on this first load, with the service state.
  await page.goBack();
  await page.getByTestId('reward-2').getByRole('link').click();
  await page.getByTestId('service-qr').waitFor();
  const made = (await db.query<{ qr_url: string }>(`SELECT qr_url FROM contact_ways WHERE campaign_id = $1 AND service_userid = 'LiNa' AND deleted_at IS NULL`, [c.id])).rows;
  assert.equal(made.length, 1);
  assert.equal(await page.getByTestId('service-qr').locator('img').getAttribute('src'), made[0]!.qr_url);
  await page.locator('.qr-box.is-loaded').waitFor();
  assert.match(await page.getByTestId('claim-contact_service').innerText(), /长按识别二维码,添加客服领取奖品[\s\S]*到店领取定制帆布包/);
  await screenshot(page, 'claim-service');

  // The uploaded image, served to the winner under a signed key.
  await page.goBack();
  await page.getByTestId('reward-3').getByRole('link').click();
  await page.getByTestId('service-qr').waitFor();
  assert.match((await page.getByTestId('service-qr').locator('img').getAttribute('src'))!, /^\/api\/h5\/me\/service-qr\.img\?k=/);
  await page.locator('.qr-box.is-loaded').waitFor();
  assert.equal(await page.getByTestId('service-qr').locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), 430);
  await screenshot(page, 'claim-service-image');
  assert.deepEqual(problems, []);
  await phone.close();
});
