// The campaign story in a real browser against the real server: staff, an empty campaign list, the
// six-step wizard (a server field error shown beside its field, the poster editor), publishing, the
// live dashboard, participants (hostile nicknames stay text), batch "mark as issued", participant
// detail, lifecycle actions, and what a viewer may not do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newOperatorContext, screenshot, startConsoleServer, untranslatedKeys, type ConsoleServer } from './admin-harness.ts';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { seedTaskFissionActivity } from '../../src/db/seeders/task-fission-activity.ts';
import { createAdminUser } from '../../src/modules/auth/create-admin-user.ts';
import { setMemberRole } from '../../src/modules/workspace/memberships.ts';

const XSS = '<img src=x onerror="window.__xss=1">小美';

let server: ConsoleServer;
let browser: Browser;
let workspaceId: string;
let page: Page;
let campaignId = 0;
const pageErrors: string[] = [];

before(async () => {
  server = await startConsoleServer({ sandbox: true });
  browser = await launchBrowser();
  workspaceId = (await server.db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'")).rows[0]!.id;
  const ctx = await newOperatorContext(browser, server.baseUrl);
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await logIn(page);
  await page.waitForURL(/\/admin\/w\/demo\/campaigns$/);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function expectClean(p: Page) {
  assert.deepEqual(untranslatedKeys(await p.locator('body').innerText()), []);
  assert.deepEqual(pageErrors, []);
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

test('campaign list starts empty with a way forward; staff are synced from WeCom and can be added', async () => {
  await page.getByText('还没有活动').waitFor();
  await screenshot(page, 'campaigns-empty');
  await expectClean(page);

  await page.getByRole('menuitem', { name: /员工/ }).click();
  await page.getByText('还没有员工').waitFor();
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

test('wizard: a server field error appears beside its field on its step; fixing it publishes', async () => {
  await page.goto('/admin/w/demo/campaigns');
  await page.getByRole('button', { name: '新建活动' }).first().click();
  await page.getByText('活动信息').waitFor();
  await page.getByLabel('活动名称').fill('双十二 老带新');
  // Started two days ago, so the campaign runs at once.
  await setPicker(page, '开始时间', shanghai(Date.now() - 2 * 86_400_000));
  await setPicker(page, '结束时间', shanghai(Date.now() + 5 * 86_400_000));
  await page.getByLabel('引流员工').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '张伟' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '王芳' }).click();
  await page.keyboard.press('Escape');
  await screenshot(page, 'wizard-basics');

  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByPlaceholder('例如:定制帆布袋').fill('保温杯');
  await page.getByRole('button', { name: /添加第 2 阶奖励/ }).click();
  await page.getByPlaceholder('例如:定制帆布袋').nth(1).fill('到店礼');
  await screenshot(page, 'wizard-tiers');
  // Tier 2 is claimed through customer service: a staff member (their code is made for the winners),
  // or an uploaded QR image, which the server validates and shows to winners only.
  const tier2 = page.locator('.wizard-card.ant-card').filter({ hasText: '二阶任务' });
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

  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByText('好友助力次数').waitFor();
  await screenshot(page, 'wizard-rules');

  await page.getByRole('button', { name: '下一步' }).click();
  const qr = page.getByTestId('poster-qr');
  await qr.waitFor();
  const x = page.getByRole('spinbutton', { name: 'X' });
  const before = Number(await x.inputValue());
  const box = (await qr.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 - 80, { steps: 5 });
  await page.mouse.up();
  const movedTo = Number(await x.inputValue());
  assert.ok(movedTo < before - 100, `dragging the QR code left moved it from ${before} to ${movedTo}`);
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
  await page.getByText('双十二 老带新').first().waitFor();
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

test('dashboard updates live; participants are listed with hostile nicknames as text; prizes are marked issued in a batch', async () => {
  const participantsNow = page.getByTestId('stat-participants').locator('.ant-statistic-content');
  assert.equal(await participantsNow.innerText(), '0');
  await seedTaskFissionActivity(server.db, { workspaceId, campaignId, participants: 60, seed: 3 });
  await server.db.query(`UPDATE participants SET nickname = $2 WHERE id = (SELECT max(id) FROM participants WHERE campaign_id = $1 AND level = 1 AND valid_helps > 0)`, [campaignId, XSS]);
  // No reload: the dashboard polls.
  await page.getByTestId('stat-participants').locator('.ant-statistic-content', { hasText: /^60$/ }).waitFor({ timeout: 15_000 });
  await page.getByTestId('trend-chart').locator('canvas').waitFor();
  await screenshot(page, 'dashboard');
  await expectClean(page);

  // The activity code: made at WeCom (the sandbox) on first view, shown, and downloaded as a PNG.
  await page.getByTestId('activity-code').click();
  await page.getByTestId('activity-code-img').waitFor();
  await page.waitForFunction(() => ((document.querySelector('[data-testid="activity-code-img"]') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
  await screenshot(page, 'dashboard-activity-code');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-code').click()]);
  assert.equal(download.suggestedFilename(), `活动码-${campaignId}.png`);
  const png = readFileSync((await download.path())!);
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '参与者' }).click();
  await page.locator('.ant-table-row').nth(49).waitFor();
  await screenshot(page, 'participants');

  // Search by a fragment of the hostile nickname.
  await page.getByPlaceholder('昵称 / external_userid').fill('<img src=x');
  await page.getByPlaceholder('昵称 / external_userid').press('Enter');
  // The search answers with exactly the one participant, whose nickname shows as text.
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
  await page.locator('.ant-table-row').getByText(XSS).waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await page.locator('img[src="x"]').count(), 0);

  await page.getByRole('tab', { name: '奖品发放' }).click();
  const pane = page.getByRole('tabpanel', { name: '奖品发放' });
  const claimed = async () => (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rewards WHERE campaign_id = $1 AND status = 'claimed'`, [campaignId])).rows[0]!.n;
  const before = await claimed();
  assert.ok(before > 0, 'the seeded activity has claimed prizes');
  await pane.locator('.ant-select').filter({ hasText: '发奖状态' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已填表' }).click();
  await pane.locator('.ant-table-row').first().waitFor();
  await pane.locator('.ant-table-thead .ant-checkbox-input').check();
  await screenshot(page, 'prizes');
  await page.getByTestId('batch-issue-rewards').click();
  const [issued] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/rewards/issue')),
    page.getByRole('dialog').getByRole('button', { name: '标记为已发奖' }).click(),
  ]);
  assert.equal(issued.status(), 200, await issued.text());
  assert.equal(await claimed(), Math.max(0, before - 50), 'every listed claimed prize (one page of 50) is now issued');
  await expectClean(page);
});

test('participant detail: relation tree, helps; the tree tooltip escapes nicknames', async () => {
  const pid = (await server.db.query<{ id: number }>(`SELECT id FROM participants WHERE campaign_id = $1 AND nickname = $2`, [campaignId, XSS])).rows[0]!.id;
  await page.goto(`/admin/w/demo/campaigns/${campaignId}/participants/${pid}`);
  await page.getByTestId('participant-nickname').waitFor();
  assert.equal(await page.getByTestId('participant-nickname').innerText(), XSS);
  const tree = page.getByTestId('relation-tree');
  await tree.locator('canvas').waitFor();
  // The participant is level 1 (no inviter) and has helpers: its node is the root, top centre.
  const b = (await tree.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + 24);
  await page.waitForTimeout(400);
  const tip = tree.locator('div').filter({ hasText: '当前参与者' }).last();
  await tip.waitFor();
  assert.ok((await tip.innerHTML()).includes('&lt;img'), 'the nickname is escaped in the tooltip HTML');
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  await screenshot(page, 'participant-detail');
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
  await page.getByRole('dialog').getByRole('button', { name: '结束活动' }).click();
  await row.getByText('已结束').waitFor();
  await screenshot(page, 'campaigns');

  await row.getByRole('button', { name: '更多操作' }).click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  const [deleted] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'DELETE'),
    page.getByRole('dialog').getByRole('button', { name: '删除' }).click(),
  ]);
  assert.equal(deleted.status(), 204);
  await row.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.ant-table-row').count(), 1, 'only the copy is left');

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
