// The admin console in a real browser against the real server: login, session end, workspace
// settings (the connection test against the WeChat sandbox, masked secrets never sent back, API
// field errors beside their fields), error states, English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, newOperatorContext, OWNER, screenshot, startConsoleServer, untranslatedKeys, type ConsoleServer } from './admin-harness.ts';

let server: ConsoleServer;
let browser: Browser;

before(async () => {
  // The demo workspace is linked to the sandbox's demo corp, as `fission start` links it.
  server = await startConsoleServer({ sandbox: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks 保存 and waits for the PATCH answer. */
async function save(page: Page): Promise<number> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PATCH'), page.getByRole('button', { name: '保存' }).click()]);
  return res.status();
}

async function expectNoLeakedKeys(page: Page) {
  assert.deepEqual(untranslatedKeys(await page.locator('body').innerText()), []);
}

test('login: a wrong password says so; the right one opens the console; logout ends the session', async () => {
  const ctx = await newOperatorContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  try {
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/login/);
    await screenshot(page, 'login');
    await expectNoLeakedKeys(page);

    await logIn(page, OWNER.email, 'wrong-password');
    await page.getByTestId('login-error').waitFor();
    assert.equal((await page.getByTestId('login-error').innerText()).trim(), '邮箱或密码不正确');
    await screenshot(page, 'login-error');

    await page.getByLabel('密码').fill(OWNER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin\/w\/demo\//);
    assert.equal(await page.getByTestId('user-menu').innerText(), 'Owner');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/admin\/login/);
    // The cookie is gone server-side too: the console sends us back to the login page.
    await page.goto('/admin/w/demo/settings');
    await page.waitForURL(/\/admin\/login\?next=%2Fw%2Fdemo%2Fsettings/);
  } finally {
    await ctx.close();
  }
});

test('test connection: the sandbox credentials pass; a wrong secret comes back from WeCom in words', async () => {
  const ctx = await newOperatorContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  try {
    await logIn(page);
    await page.waitForURL(/\/admin\/w\/demo\//);
    await page.goto('/admin/w/demo/settings');
    await page.getByTestId('connection-test').click();
    for (const check of ['wecomContact', 'wecomAgent', 'oa']) await page.getByTestId(`check-${check}`).getByText('连接正常').waitFor();
    await screenshot(page, 'settings-test-ok');

    // A mistyped secret, saved: the test now fails with WeCom's 40001, in words.
    await page.getByLabel('客户联系 Secret').fill('wrong-secret-0123456789');
    await page.getByText('有未保存的修改:先保存,再测试已保存的参数。').waitFor();
    assert.equal(await page.getByTestId('connection-test').isDisabled(), true, 'unsaved edits are saved before testing');
    assert.equal(await save(page), 200);
    await page.getByTestId('connection-test').click();
    const contact = page.getByTestId('check-wecomContact');
    await contact.getByText('Secret 不正确').waitFor();
    await contact.getByText('错误码 40001').waitFor();
    await page.getByTestId('check-wecomAgent').getByText('连接正常').waitFor();
    await screenshot(page, 'settings-test-failed');
    assert.deepEqual(untranslatedKeys(await page.locator('body').innerText()), []);
  } finally {
    await ctx.close();
  }
});

test('settings: secrets stay masked and are never sent back; API field errors appear beside their fields', async () => {
  const ctx = await newOperatorContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  const patches: Array<Record<string, unknown>> = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH') patches.push(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>);
  });
  try {
    await logIn(page);
    await page.waitForURL(/\/admin\/w\/demo\//);
    await page.goto('/admin/w/demo/settings');
    await page.getByText('工作区设置', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('callback-wecom').innerText(), `${server.baseUrl}/callback/wecom/demo`);
    assert.equal(await page.getByTestId('callback-oa').innerText(), `${server.baseUrl}/callback/oa/demo`);
    await screenshot(page, 'settings');
    await expectNoLeakedKeys(page);

    // A bad corp id and a too-short secret: the server refuses both and names them.
    await page.getByLabel('企业 ID (CorpID)').fill('bad id!');
    await page.getByLabel('客户联系 Secret').fill('short');
    assert.equal(await save(page), 400);
    const corpItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('企业 ID (CorpID)') });
    await corpItem.getByText('企业 ID 应为 6–32 位字母或数字').waitFor();
    const secretItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('客户联系 Secret') });
    await secretItem.getByText('Secret 长度应为 8–128 个字符').waitFor();
    await page.getByTestId('settings-error').waitFor();
    await screenshot(page, 'settings-field-errors');
    assert.deepEqual(patches.at(-1), { wecomCorpId: 'bad id!', wecomContactSecret: 'short' });

    await page.getByLabel('企业 ID (CorpID)').fill('ww1234567890abcdef');
    await page.getByLabel('客户联系 Secret').fill('contact-secret-9876');
    assert.equal(await save(page), 200);
    await page.getByText('设置已保存').first().waitFor();
    assert.deepEqual(patches.at(-1), { wecomCorpId: 'ww1234567890abcdef', wecomContactSecret: 'contact-secret-9876' });

    // After a reload the secret shows only as a mask; changing something else leaves it out.
    await page.reload();
    const secret = page.getByLabel('客户联系 Secret');
    await secret.waitFor();
    assert.equal(await secret.inputValue(), '');
    assert.match((await secret.getAttribute('placeholder')) ?? '', /已保存 \*\*\*\*9876/);
    await page.getByLabel('自建应用 AgentId').fill('1000003');
    assert.equal(await save(page), 200);
    await page.getByText('设置已保存').first().waitFor();
    assert.deepEqual(patches.at(-1), { wecomAgentId: 1000003 });
    const row = await server.db.query<{ wecom_contact_secret: string }>("SELECT wecom_contact_secret FROM workspaces WHERE slug = 'demo'");
    assert.equal(row.rows[0]?.wecom_contact_secret, 'contact-secret-9876');

    // Clearing on purpose sends null.
    await page.locator('.ant-form-item').filter({ has: page.getByLabel('客户联系 Secret') }).getByRole('button', { name: '清除' }).click();
    assert.equal(await save(page), 200);
    await page.getByText('设置已保存').first().waitFor();
    assert.deepEqual(patches.at(-1), { wecomContactSecret: null });
  } finally {
    await ctx.close();
  }
});

test('error states: network failure, unknown workspace, English switch, expired session', async () => {
  const ctx = await newOperatorContext(browser, server.baseUrl);
  const page = await ctx.newPage();
  try {
    await logIn(page);
    await page.waitForURL(/\/admin\/w\/demo\//);

    await page.route('**/api/admin/workspaces/demo', (r) => r.abort('internetdisconnected'));
    await page.goto('/admin/w/demo/settings');
    await page.getByText('无法连接服务器').waitFor();
    await screenshot(page, 'state-network-error');
    await page.unroute('**/api/admin/workspaces/demo');
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByText('工作区设置', { exact: true }).waitFor();

    await page.goto('/admin/w/no-such-shop/settings');
    await page.getByText('页面不存在').waitFor();
    await screenshot(page, 'state-not-found');

    await page.getByText('EN', { exact: true }).click();
    await page.goto('/admin/w/demo/settings');
    await page.getByText('Workspace settings', { exact: true }).waitFor();
    assert.ok(await page.getByRole('menuitem', { name: /Campaigns/ }).isVisible());
    await screenshot(page, 'settings-en');
    await expectNoLeakedKeys(page);
    await page.getByText('中文', { exact: true }).click();

    // The session ends server-side while the operator works: the next call answers 401 and the
    // console asks to log in again, then brings them back to where they were.
    await page.getByText('工作区设置', { exact: true }).waitFor();
    await page.getByLabel('工作区名称').fill('演示工作区 2');
    await server.db.query('DELETE FROM admin_sessions');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/admin\/login\?next=%2Fw%2Fdemo%2Fsettings&expired=1/);
    await page.getByText('登录已过期,请重新登录').waitFor();
    await screenshot(page, 'login-expired');
    await page.getByLabel('邮箱').fill(OWNER.email);
    await page.getByLabel('密码').fill(OWNER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin\/w\/demo\/settings$/);
  } finally {
    await ctx.close();
  }
});
