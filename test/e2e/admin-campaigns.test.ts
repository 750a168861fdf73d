// The campaign story in a real browser against the real server and its WeChat sandbox: staff synced
// from WeCom, an empty campaign list, the six-step wizard (errors beside their fields, a redeem-code
// pool made on the spot, a poster element dragged and the server's preview following), publishing,
// three people played through the sandbox (one joins by the activity code, two friends help), the
// dashboard and the participants table changing without a reload, a prize claimed on the phone and
// marked issued, hostile nicknames staying text everywhere (tables, detail, relation tree and chart
// tooltips), editing a running campaign, lifecycle actions, and what a viewer may not do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import {
  activityCodeUrl, eventually, h5, helpCodeOf, launchBrowser, logIn, newOperatorContext, newPerson, personalToken, scan, screenshot, settled,
  startConsoleServer, untranslatedKeys, type ConsoleServer, type SandboxPerson,
} from './admin-harness.ts';
import { createAdminUser } from '../../src/modules/auth/create-admin-user.ts';
import { setMemberRole } from '../../src/modules/workspace/memberships.ts';

// Runs script if put into the page as HTML; as text it is only a name.
const XSS = '<img src=x onerror="window.__xss=1">小美';

let server: ConsoleServer;
let browser: Browser;
let workspaceId: string;
let page: Page;
let campaignId = 0;
let alice: SandboxPerson;
let aliceToken = '';
const problems: string[] = [];

before(async () => {
  server = await startConsoleServer({ sandbox: true });
  browser = await launchBrowser();
  workspaceId = (await server.db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'")).rows[0]!.id;
  const ctx = await newOperatorContext(browser, server.baseUrl);
  page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A nickname's <script>alert()</script> that ran would open a dialog.
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await logIn(page);
  await page.waitForURL(/\/admin\/w\/demo\/campaigns$/);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function expectClean(p: Page) {
  assert.deepEqual(untranslatedKeys(await p.locator('body').innerText()), []);
  assert.deepEqual(problems, []);
  assert.equal(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'no nickname ran as HTML');
  assert.equal(await p.locator('img[src="x"]').count(), 0);
}

/** Types a date-time into an antd DatePicker (Shanghai wall clock) and commits it. */
async function setPicker(p: Page, label: string, value: string) {
  const input = p.getByLabel(label);
  await input.click();
  await input.press('Control+a');
  await input.fill(value);
  await input.press('Enter');
  await p.keyboard.press('Escape');
}

const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const stat = (key: string) => page.getByTestId(`stat-${key}`).locator('.ant-statistic-content');

test('campaign list starts empty with a way forward; staff are synced from WeCom and can be added', async () => {
  await page.getByText('还没有活动').waitFor();
  await screenshot(page, 'campaigns-empty');
  await expectClean(page);

  await page.getByRole('menuitem', { name: /员工/ }).click();
  await page.getByText('还没有员工').waitFor();
  await screenshot(page, 'staff-empty');
  await page.getByTestId('directory-pull').click();
  await page.getByText('已同步:员工 4 人').waitFor();
  await page.getByRole('cell', { name: '张伟' }).waitFor();
  await page.getByRole('button', { name: '添加员工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('账号 (UserID)').fill('wangwu');
  await dialog.getByLabel('姓名').fill('王五');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('cell', { name: '王五' }).waitFor();
  await screenshot(page, 'staff');
  await expectClean(page);
});

test('wizard: errors beside their fields, a code pool made on the spot, the poster dragged with the server preview following, publish', async () => {
  await page.goto('/admin/w/demo/campaigns');
  await page.getByRole('button', { name: '新建活动' }).first().click();
  await page.getByText('活动信息').waitFor();
  // Next with nothing filled in: the browser-side checks name each missing field beside it.
  await page.getByRole('button', { name: '下一步' }).click();
  await page.locator('.ant-form-item').filter({ has: page.getByLabel('活动名称') }).getByText('请填写活动名称').waitFor();
  await page.locator('.ant-form-item').filter({ has: page.getByLabel('引流员工') }).getByText('请至少选择一名员工').waitFor();
  await screenshot(page, 'wizard-errors');

  await page.getByLabel('活动名称').fill('双十二 老带新');
  // Started two days ago, so the campaign runs at once.
  await setPicker(page, '开始时间', shanghai(Date.now() - 2 * 86_400_000));
  await setPicker(page, '结束时间', shanghai(Date.now() + 5 * 86_400_000));
  await page.getByLabel('引流员工').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '张伟' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '王芳' }).click();
  await page.keyboard.press('Escape');
  await screenshot(page, 'wizard-basics');

  // Tier 1: a parcel after 2 helps. Tier 2: through customer service, with an uploaded QR image.
  // Tier 3: a redeem code from a pool made here.
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('spinbutton', { name: '目标人数' }).first().fill('2');
  await page.getByPlaceholder('例如:定制帆布袋').fill('保温杯');
  await page.getByRole('button', { name: /添加第 2 阶奖励/ }).click();
  const tier2 = page.locator('.wizard-card.ant-card').filter({ hasText: '二阶任务' });
  await tier2.getByPlaceholder('例如:定制帆布袋').fill('到店礼');
  // Customer service: a staff member (their code is made for the winners), or an uploaded QR
  // image, which the server validates and shows to winners only.
  await tier2.getByText('联系客服领取').click();
  await tier2.getByText('客服员工').waitFor();
  await tier2.getByText('所有获奖者共用').waitFor();
  await tier2.getByText('所有获奖者共用').scrollIntoViewIfNeeded();
  await screenshot(page, 'wizard-tiers-service-staff');
  await tier2.getByText('上传客服二维码').click();
  const qrPng = await QRCode.toBuffer('https://work.weixin.qq.com/ca/kefu-demo', { type: 'png', width: 430, margin: 2 });
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/service-qr-images') && r.request().method() === 'POST');
  await tier2.getByTestId('service-qr-field').locator('input[type=file]').setInputFiles({ name: 'kefu.png', mimeType: 'image/png', buffer: qrPng });
  assert.equal((await uploaded).status(), 201);
  await tier2.getByText('已上传:只有获奖者能在领奖页看到').waitFor();
  await tier2.locator('.ant-image img').waitFor();
  assert.ok(await tier2.locator('.ant-image img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 430), 'the uploaded QR shows');
  await screenshot(page, 'wizard-tiers-service-qr');

  await page.getByRole('button', { name: /添加第 3 阶奖励/ }).click();
  const tier3 = page.locator('.wizard-card.ant-card').filter({ hasText: '三阶任务' });
  await tier3.getByPlaceholder('例如:定制帆布袋').fill('VIP 月卡');
  await tier3.getByRole('spinbutton', { name: '奖品库存' }).fill('3');
  await tier3.locator('.ant-radio-button-wrapper').filter({ hasText: '兑换码' }).click();
  await tier3.getByTestId('new-code-pool').click();
  const poolDialog = page.getByRole('dialog');
  await poolDialog.getByLabel('码库名称').fill('VIP 月卡码');
  await poolDialog.getByLabel('兑换码').fill('VIP-0001\nVIP 0002\n');
  await poolDialog.getByRole('button', { name: '保存' }).click();
  await poolDialog.getByText('“VIP 0002”不是有效的兑换码').waitFor();
  await poolDialog.getByLabel('兑换码').fill('VIP-0001\nVIP-0002\nVIP-0003\nVIP-0001');
  await poolDialog.getByRole('button', { name: '保存' }).click();
  await poolDialog.waitFor({ state: 'detached' });
  await tier3.getByText('VIP 月卡码(剩余 3 个)').waitFor();
  await screenshot(page, 'wizard-tiers');

  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('好友助力次数').waitFor();
  await screenshot(page, 'wizard-rules');

  // The poster: drag the QR code; its X follows and the server draws the moved poster.
  await page.getByRole('button', { name: '下一步' }).click();
  const qr = page.getByTestId('poster-qr');
  await qr.waitFor();
  await page.getByTestId('poster-preview').waitFor();
  const x = page.getByRole('spinbutton', { name: 'X' });
  const before = Number(await x.inputValue());
  const box = (await qr.boundingBox())!;
  const previews: number[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/poster-preview')) previews.push((JSON.parse(r.postData()!) as { template: { qr: { x: number } } }).template.qr.x);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 80, { steps: 5 });
  await page.mouse.up();
  const movedTo = Number(await x.inputValue());
  assert.ok(movedTo < before - 100, `dragging the QR code left moved it from ${before} to ${movedTo}`);
  await eventually('a preview of the moved poster', async () => (previews.includes(movedTo) ? true : undefined));
  await screenshot(page, 'wizard-poster');

  await page.getByRole('button', { name: '下一步' }).click();
  const welcomeCard = page.locator('.ant-card').filter({ hasText: '新用户参与欢迎语' });
  const participantText = welcomeCard.locator('textarea');
  await participantText.fill('{nickame},欢迎!点这里生成海报:{link}');
  await page.getByText('无法识别的占位符:{nickame}').waitFor();
  await screenshot(page, 'wizard-welcome');

  // Straight to review and publish: the server refuses the typo and names the field.
  await page.locator('.ant-steps').getByText('确认发布').click();
  await page.getByTestId('wizard-publish').click();
  const welcomeItem = welcomeCard.locator('.ant-form-item').filter({ has: page.locator('textarea') });
  await welcomeItem.getByText(/无法识别的占位符 \{nickame\}/).waitFor();
  await page.getByTestId('wizard-error').waitFor();
  assert.match(page.url(), /step=4/);
  await screenshot(page, 'wizard-field-error');

  await participantText.fill('{nickname},欢迎!点这里生成海报:{link}');
  await page.locator('.ant-steps').getByText('确认发布').click();
  await page.getByTestId('review-poster').waitFor();
  await page.getByRole('cell', { name: 'VIP 月卡', exact: true }).waitFor();
  await screenshot(page, 'wizard-review');
  await page.getByTestId('wizard-publish').click();
  await page.waitForURL(/\/admin\/w\/demo\/campaigns\/\d+$/);
  campaignId = Number(page.url().split('/').pop());
  const saved = (await server.db.query<{ config: { tiers: Array<{ reward: { type: string; contact?: { type: string; imageUrl?: string } } }> } }>('SELECT config FROM campaigns WHERE id = $1', [campaignId])).rows[0]!.config;
  assert.equal(saved.tiers[1]!.reward.type, 'customer_service');
  assert.match(saved.tiers[1]!.reward.contact!.imageUrl!, /^\/api\/admin\/workspaces\/demo\/service-qr-images\/[0-9a-f-]{36}$/);
  await page.getByText('进行中').first().waitFor();
  await expectClean(page);
});

test('three people through the sandbox: the dashboard and the participants change live; a prize is claimed on the phone and marked issued', async () => {
  // Nobody yet: deliberate empty states.
  assert.equal(await stat('participants').innerText(), '0');
  await page.getByText('还没有人参与').waitFor();
  await screenshot(page, 'dashboard-empty');
  const code = await activityCodeUrl(server, campaignId);

  // Alice (a hostile nickname) scans the activity code: the dashboard counts her without a reload.
  alice = await newPerson(server, XSS);
  await scan(server, alice, code);
  await page.getByTestId('stat-participants').locator('.ant-statistic-content', { hasText: /^1$/ }).waitFor();

  // Her two friends scan her help code: she completes tier 1 (2 helps).
  aliceToken = await personalToken(server, alice, campaignId);
  const helpCode = await helpCodeOf(server, aliceToken);
  for (const friend of [await newPerson(server, '王小二'), await newPerson(server, '<script>alert("李雷")</script>')]) await scan(server, friend, helpCode);
  await page.getByTestId('stat-participants').locator('.ant-statistic-content', { hasText: /^3$/ }).waitFor();
  await page.getByTestId('stat-completed').locator('.ant-statistic-content', { hasText: /^1$/ }).waitFor();
  assert.equal(await stat('newFriends').innerText(), '3');
  await page.getByTestId('stock-card').getByText('99 / 100 份').waitFor();
  // The corp's code quota refreshes every 30 s; a reload shows it at once: the activity code and
  // Alice's help code.
  await page.reload();
  await page.getByTestId('quota-card').getByText('2', { exact: true }).waitFor();
  // The trend by day (the campaign started two days ago), then by hour of today.
  assert.equal(await page.getByTestId('trend-granularity').locator('.ant-segmented-item-selected').innerText(), '按日');
  await page.getByTestId('trend-granularity').getByText('按小时').click();
  await page.getByTestId('trend-day').waitFor();
  await page.getByTestId('trend-chart').locator('canvas').waitFor();
  await settled(page);

  // The chart tooltips are HTML: hovering the latest hour shows the figures, as text.
  const chart = (await page.getByTestId('trend-chart').boundingBox())!;
  // The latest hour is the last point, at the right end of the plot (labels take ~36 px).
  await page.mouse.move(chart.x + chart.width - 44, chart.y + chart.height / 2, { steps: 4 });
  const tip = page.getByTestId('trend-chart').locator('div').filter({ hasText: '参与人数' }).last();
  await tip.waitFor();
  assert.match(await tip.innerText(), /\d\d:00[\s\S]*参与人数: \d+/);
  await screenshot(page, 'dashboard');
  await page.mouse.move(0, 0);

  // The activity code: shown, and downloaded as a PNG.
  await page.getByTestId('activity-code').click();
  await page.waitForFunction(() => ((document.querySelector('[data-testid="activity-code-img"]') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
  await screenshot(page, 'dashboard-activity-code');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-code').click()]);
  assert.equal(download.suggestedFilename(), `活动码-${campaignId}.png`);
  const png = readFileSync((await download.path())!);
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  await page.keyboard.press('Escape');
  await expectClean(page);

  // The participants: three rows; Alice's nickname is text; her prize waits for her address.
  await page.getByRole('button', { name: '参与者' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 3);
  const aliceRow = page.locator('.ant-table-row').filter({ hasText: '小美' });
  await aliceRow.getByText(XSS).waitFor();
  await aliceRow.getByText('1 阶 · 待领取').waitFor();
  await aliceRow.getByText('尚未填写收货信息').waitFor();
  await page.locator('.ant-table-row').filter({ hasText: '李雷' }).getByText('<script>alert("李雷")</script>').waitFor();

  // Search by a fragment of the hostile nickname: exactly her.
  await page.getByPlaceholder('昵称 / 外部联系人 ID').fill('<img src=x');
  await page.getByPlaceholder('昵称 / 外部联系人 ID').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  await page.locator('.ant-table-row').getByText(XSS).waitFor();
  await page.getByPlaceholder('昵称 / 外部联系人 ID').fill('');
  await page.getByPlaceholder('昵称 / 外部联系人 ID').press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 3);

  // On her phone she gives her address; the table shows it.
  await h5(server, 'POST', '/api/h5/me/rewards/1/address', aliceToken, { name: '张三', mobile: '13800138000', province: '广东省', city: '深圳市', district: '南山区', address: '科技园 1 号' });
  await page.reload();
  await aliceRow.getByText('张三 · 13800138000').waitFor();
  await aliceRow.getByText('1 阶 · 已填表').waitFor();
  await screenshot(page, 'participants');
  await expectClean(page);

  // Prizes tab: the claimed one is marked issued.
  await page.getByRole('tab', { name: '奖品发放' }).click();
  const pane = page.getByRole('tabpanel', { name: '奖品发放' });
  await pane.locator('.ant-select').filter({ hasText: '发奖状态' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已填表' }).click();
  await pane.locator('.ant-table-row').filter({ hasText: '小美' }).waitFor();
  await pane.locator('.ant-table-thead .ant-checkbox-input').check();
  await screenshot(page, 'prizes');
  await page.getByTestId('batch-issue-rewards').click();
  const [issued] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/rewards/issue')),
    page.getByRole('dialog').getByRole('button', { name: '标记为已发奖' }).click(),
  ]);
  assert.equal(issued.status(), 200, await issued.text());
  const status = await server.db.query<{ status: string }>(`SELECT r.status FROM rewards r JOIN participants p ON p.id = r.participant_id WHERE p.campaign_id = $1 AND p.nickname = $2`, [campaignId, XSS]);
  assert.deepEqual(status.rows, [{ status: 'issued' }]);
  await pane.locator('.ant-select').filter({ hasText: '已填表' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已发奖' }).click();
  await pane.locator('.ant-table-row').filter({ hasText: '小美' }).getByText('1 阶 · 已发奖').waitFor();
  await screenshot(page, 'prizes-issued');
  await expectClean(page);
});

test('participant detail: inviter chain, helpers, relation tree; the tree tooltip escapes nicknames', async () => {
  const pid = (await server.db.query<{ id: number }>(`SELECT id FROM participants WHERE campaign_id = $1 AND nickname = $2`, [campaignId, XSS])).rows[0]!.id;
  await page.goto(`/admin/w/demo/campaigns/${campaignId}/participants/${pid}`);
  await page.getByTestId('participant-nickname').waitFor();
  assert.equal(await page.getByTestId('participant-nickname').innerText(), XSS);
  const tree = page.getByTestId('relation-tree');
  await tree.locator('canvas').waitFor();
  await settled(page);
  // Alice is level 1 (no inviter) and has two helpers: her node is the root, top centre.
  const b = (await tree.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + 36);
  const tip = tree.locator('div').filter({ hasText: '当前参与者' }).last();
  await tip.waitFor();
  assert.ok((await tip.innerHTML()).includes('&lt;img'), 'the nickname is escaped in the tooltip HTML');
  await page.getByRole('cell', { name: '王小二' }).waitFor();
  await screenshot(page, 'participant-detail');
  await page.mouse.move(0, 0);

  // A helper's page: their inviter chain leads back to Alice.
  await page.getByRole('link', { name: '王小二' }).click();
  await page.getByTestId('inviter-chain').getByRole('link', { name: XSS }).waitFor();
  assert.equal(await page.getByText('2 级').first().isVisible(), true);
  await screenshot(page, 'participant-detail-helper');
  await expectClean(page);
});

test('editing a running campaign: frozen fields are locked, stock saves, a concurrent edit is refused', async () => {
  await page.goto(`/admin/w/demo/campaigns/${campaignId}/edit?step=1`);
  const target = page.getByRole('spinbutton', { name: '目标人数' }).first();
  await target.waitFor();
  assert.equal(await target.isDisabled(), true, 'targets are frozen once published');
  assert.equal(await page.getByRole('button', { name: /添加第 3 阶奖励/ }).count(), 0, 'no tiers can be added');
  await page.getByRole('spinbutton', { name: '奖品库存' }).first().fill('999');
  const save = () => Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && /\/campaigns\/\d+$/.test(r.url())), page.getByTestId('wizard-save').click()]);
  const [first] = await save();
  assert.equal(first.status(), 200);
  assert.equal((await server.db.query<{ stock_total: number }>('SELECT stock_total FROM campaign_tiers WHERE campaign_id = $1 AND tier_no = 1', [campaignId])).rows[0]!.stock_total, 999);
  await screenshot(page, 'wizard-edit-running');

  // Someone else saves meanwhile: this tab's version is stale and the server refuses to overwrite.
  await server.db.query('UPDATE campaigns SET config_version = config_version + 1 WHERE id = $1', [campaignId]);
  await page.getByRole('spinbutton', { name: '奖品库存' }).first().fill('998');
  const [second] = await save();
  assert.equal(second.status(), 409);
  await page.getByTestId('wizard-error').getByText('活动已被其他人修改').waitFor();
  await expectClean(page);
});

test('lifecycle from the list: copy to a draft, end a running campaign, delete the ended one; English', async () => {
  await page.goto('/admin/w/demo/campaigns');
  const row = page.locator('.ant-table-row').filter({ hasText: `#${campaignId} ` });
  await row.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '复制' }).click();
  await page.waitForURL(/\/campaigns\/\d+\/edit$/);
  await page.getByText('草稿', { exact: true }).waitFor();

  await page.goto('/admin/w/demo/campaigns');
  await row.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '结束活动' }).click();
  const endDialog = page.getByRole('dialog');
  await endDialog.getByRole('button', { name: '结束活动' }).click();
  await endDialog.waitFor({ state: 'detached' });
  await row.getByText('已结束').waitFor();
  await screenshot(page, 'campaigns');

  // Its dashboard: the figures stay, the code is gone (the button says why), nothing is live.
  await row.getByRole('button', { name: '数据' }).click();
  await page.getByText('活动已结束,数据不再变化').waitFor();
  assert.equal(await page.getByTestId('activity-code').isDisabled(), true);
  assert.equal(await page.getByTestId('stat-participants').locator('.ant-statistic-content').innerText(), '3');
  await page.getByTestId('activity-code').hover({ force: true });
  await page.getByText('活动已结束,活动码已从企业微信删除').waitFor();
  await screenshot(page, 'dashboard-ended');
  await page.goto('/admin/w/demo/campaigns');

  await row.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  const deleteDialog = page.getByRole('dialog');
  await deleteDialog.getByText('此操作不能撤销').waitFor();
  const [deleted] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'DELETE'),
    deleteDialog.getByRole('button', { name: '删除' }).click(),
  ]);
  assert.equal(deleted.status(), 204);
  await row.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.ant-table-row').count(), 1, 'only the copy is left');

  // The copy is a draft: its dashboard has no figures and no code until it is published.
  await page.locator('.ant-table-row').getByRole('button', { name: '数据' }).click();
  await page.getByText('草稿还没有数据').waitFor();
  assert.equal(await page.getByTestId('activity-code').isDisabled(), true);
  await screenshot(page, 'dashboard-draft');
  await page.goto('/admin/w/demo/campaigns');
  await page.locator('.ant-table-row').first().waitFor();

  await page.getByText('EN', { exact: true }).click();
  await page.getByText('New campaign').first().waitFor();
  await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
  await screenshot(page, 'campaigns-en');
  await expectClean(page);
  await page.getByText('中文', { exact: true }).click();
});

test('a viewer sees the campaigns but not the editing actions, and the wizard says "no permission"', async () => {
  const viewer = await createAdminUser(server.db, { email: 'viewer@example.com', password: 'viewer-pass-1', displayName: '只读同事' });
  await setMemberRole(server.db, workspaceId, viewer.email, 'viewer');
  const ctx = await newOperatorContext(browser, server.baseUrl);
  const p = await ctx.newPage();
  try {
    await logIn(p, 'viewer@example.com', 'viewer-pass-1');
    await p.waitForURL(/\/admin\/w\/demo\/campaigns$/);
    await p.locator('.ant-table-row').first().waitFor();
    assert.equal(await p.getByRole('button', { name: '新建活动' }).count(), 0);
    await p.goto('/admin/w/demo/campaigns/new');
    await p.getByText('没有权限').waitFor();
    await screenshot(p, 'state-forbidden');
  } finally {
    await ctx.close();
  }
});
