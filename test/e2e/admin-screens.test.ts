// Every main page of the console filled with a campaign's worth of activity (generated rows, with
// the sandbox's WeChat nicknames and avatars: Chinese, emoji, very long, markup), in Chinese and
// in English, saved as test-artifacts/admin-full-*.png to be looked at; and the dashboard's
// deliberate state when its figures stop refreshing. Hostile nicknames stay text on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newOperatorContext, sandboxApi, screenshot, settled, startConsoleServer, switchLanguage, untranslatedKeys, type ConsoleServer } from './admin-harness.ts';
import { seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedTaskFissionActivity } from '../../src/db/seeders/task-fission-activity.ts';

let server: ConsoleServer;
let browser: Browser;
let page: Page;
let campaignId = 0;
let deepest = 0;
let root = 0;
const problems: string[] = [];

before(async () => {
  server = await startConsoleServer({ sandbox: true });
  browser = await launchBrowser();
  const workspaceId = (await server.db.query<{ id: string }>("SELECT id FROM workspaces WHERE slug = 'demo'")).rows[0]!.id;
  await seedStaff(server.db, workspaceId);
  const now = new Date();
  const c = await seedCampaign(server.db, { workspaceId, now, publish: true });
  campaignId = c.id;
  await seedTaskFissionActivity(server.db, { workspaceId, campaignId, participants: 120, seed: 5, until: now });
  // WeChat people from the sandbox: their nicknames (some hostile) and avatars on the generated rows.
  const people = (await sandboxApi(server, 'POST', '/people', { count: 120, seed: 42 })).people as Array<{ nickname: string; avatar: string }>;
  const ids = (await server.db.query<{ id: number }>('SELECT id FROM participants WHERE campaign_id = $1 ORDER BY id', [campaignId])).rows.map((r) => r.id);
  for (const [i, id] of ids.entries()) {
    await server.db.query('UPDATE participants SET nickname = $2, avatar = $3 WHERE id = $1', [id, people[i]!.nickname, people[i]!.avatar]);
    await server.db.query('UPDATE helps SET helper_nickname = $2, helper_avatar = $3 WHERE helper_participant_id = $1', [id, people[i]!.nickname, people[i]!.avatar]);
  }
  assert.ok(people.some((p) => p.nickname.includes('<script>')), 'the sandbox gave hostile nicknames');
  // Level 1 with the most valid helps: a tree several levels below.
  root = (await server.db.query<{ id: number }>('SELECT id FROM participants WHERE campaign_id = $1 AND level = 1 ORDER BY valid_helps DESC LIMIT 1', [campaignId])).rows[0]!.id;
  deepest = (await server.db.query<{ id: number }>('SELECT id FROM participants WHERE campaign_id = $1 AND valid_helps > 0 ORDER BY level DESC, valid_helps DESC LIMIT 1', [campaignId])).rows[0]!.id;

  const ctx = await newOperatorContext(browser, server.baseUrl);
  page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
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

async function expectClean() {
  assert.deepEqual(untranslatedKeys(await page.locator('body').innerText()), []);
  assert.deepEqual(problems, []);
}

for (const lang of ['zh-CN', 'en'] as const) {
  const suffix = lang === 'en' ? '-en' : '';
  const words = lang === 'en'
    ? { participants: 'Participants', week: 'Week', prizes: 'Prizes', loadMore: 'Load more' }
    : { participants: '参与者', week: '按周', prizes: '奖品发放', loadMore: '加载更多' };

  test(`every main page with a campaign's activity (${lang})`, async () => {
    await switchLanguage(page, lang);
    await page.goto('/admin/w/demo/campaigns');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, `full-campaigns${suffix}`);
    await expectClean();

    await page.goto(`/admin/w/demo/campaigns/${campaignId}`);
    await page.getByTestId('level-chart').locator('canvas').waitFor();
    await page.getByTestId('funnel-chart').locator('canvas').waitFor();
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await page.getByTestId('helps-card').locator('.invalid-row').first().waitFor();
    await screenshot(page, `full-dashboard${suffix}`);
    await page.getByTestId('trend-granularity').getByText(words.week).click();
    await settled(page);
    await page.getByTestId('stock-card').scrollIntoViewIfNeeded();
    await screenshot(page, `full-dashboard-lower${suffix}`);
    await expectClean();

    await page.goto(`/admin/w/demo/campaigns/${campaignId}/participants`);
    await page.locator('.ant-table-row').nth(49).waitFor();
    await screenshot(page, `full-participants${suffix}`);
    await page.getByRole('button', { name: words.loadMore }).click();
    await page.locator('.ant-table-row').nth(99).waitFor();
    await expectClean();

    await page.getByRole('tab', { name: words.prizes }).click();
    await page.getByRole('tabpanel', { name: words.prizes }).locator('.ant-table-row').first().waitFor();
    await screenshot(page, `full-prizes${suffix}`);
    await expectClean();

    await page.goto(`/admin/w/demo/campaigns/${campaignId}/participants/${deepest}`);
    await page.getByTestId('relation-tree').locator('canvas').waitFor();
    await page.getByTestId('inviter-chain').waitFor();
    await screenshot(page, `full-participant-detail${suffix}`);
    await expectClean();

    await page.goto(`/admin/w/demo/campaigns/${campaignId}/participants/${root}`);
    await page.getByTestId('relation-tree').locator('canvas').waitFor();
    await screenshot(page, `full-participant-tree${suffix}`);
    await expectClean();

    await page.goto(`/admin/w/demo/campaigns/${campaignId}/edit?step=3`);
    await page.getByTestId('poster-preview').waitFor();
    await screenshot(page, `full-wizard-poster${suffix}`);
    await page.goto(`/admin/w/demo/campaigns/${campaignId}/edit?step=5`);
    await page.getByTestId('review-poster').waitFor();
    await screenshot(page, `full-wizard-review${suffix}`);
    await expectClean();

    await page.goto('/admin/w/demo/staff');
    await page.getByRole('cell', { name: 'zhangsan', exact: true }).waitFor();
    await screenshot(page, `full-staff${suffix}`);
    await page.goto('/admin/w/demo/settings');
    await page.getByTestId('callback-wecom').waitFor();
    await screenshot(page, `full-settings${suffix}`);
    await expectClean();
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });
}

test('the dashboard says so when its figures stop refreshing, and keeps the last ones', async () => {
  await switchLanguage(page, 'zh-CN');
  await page.goto(`/admin/w/demo/campaigns/${campaignId}`);
  await page.getByTestId('trend-chart').locator('canvas').waitFor();
  const participants = await page.getByTestId('stat-participants').locator('.ant-statistic-content').innerText();
  await page.route(`**/campaigns/${campaignId}/stats`, (r) => r.abort('internetdisconnected'));
  await page.getByText('连接中断,显示的是最后一次数据').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('stat-participants').locator('.ant-statistic-content').innerText(), participants);
  await screenshot(page, 'dashboard-offline');
  await page.unroute(`**/campaigns/${campaignId}/stats`);
  await page.getByText('实时更新 · 每 5 秒').waitFor({ timeout: 15_000 });
  await expectClean();
});
