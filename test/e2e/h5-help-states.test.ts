// The help page ("帮TA助力") in every state a friend can meet — the domain's closed set of reasons a
// help does not count (InvalidHelpReason) plus the open page and a successful one-tap help — with
// people played through the sandbox: they scan codes, get welcome cards, and open the links on
// their own phones. Screenshots: test-artifacts/h5-help-<state>.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { INVALID_HELP_REASONS, type InvalidHelpReason } from '../../src/domain/task-fission/help-validation.ts';
import { endCampaign } from '../../src/modules/campaign/end-campaign.ts';
import { issueCustomerLink } from '../../src/modules/fission/issue-customer-link.ts';
import { inviterCode, linkSecret } from '../../src/modules/fission/links.ts';
import { helpPathOf, joinThroughCode, launchBrowser, phoneWithLink, screenshot, startH5World, type H5World } from './h5-harness.ts';
import type { Json } from '../helpers/sandbox.ts';

let h: H5World;
let browser: Browser;
const seen = new Set<string>();

before(async () => {
  h = await startH5World();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await h?.close();
});

/** Opens a help page and waits for its state; checks the inviter's name is shown as text. */
async function openHelp(page: Page, path: string, inviter: Json): Promise<void> {
  await page.goto(path);
  await page.locator('[data-testid^="help-state-"]').first().waitFor();
  assert.equal(await page.getByTestId('inviter-name').innerText(), inviter.nickname);
}

/** Taps "为 TA 助力" and waits for the server's verdict to show. */
async function tapHelp(page: Page): Promise<void> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/help/')), page.getByTestId('help-button').click()]);
  assert.equal(res.status(), 200, await res.text());
}

async function expectState(page: Page, state: InvalidHelpReason | 'open' | 'helped', title: RegExp): Promise<void> {
  await page.getByTestId(`help-state-${state}`).waitFor();
  assert.match(await page.getByTestId(`help-state-${state}`).innerText(), title);
  await screenshot(page, `help-${state}`);
  seen.add(state);
}

/** A returning customer: a friend of pool staff ZhangWei through a code that is not a campaign's. */
async function befriendOutsideCampaigns(people: Json[]): Promise<string[]> {
  const token = await h.w.sb.token();
  const plain = await h.w.sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['ZhangWei'], state: 'shop' });
  const ids: string[] = [];
  for (const p of people) ids.push((await h.w.scan(p, plain.qr_code)).external_userid);
  await h.w.settle();
  return ids;
}

test('already helped, help limit, self-help: participants on their own phones', async () => {
  const { w } = h;
  const c = await w.campaign();
  const [a, b, cc] = await w.people(3);
  const A = await joinThroughCode(w, c.qrUrl, a!);
  const C = await joinThroughCode(w, c.qrUrl, cc!);
  const helpA = await helpPathOf(w, A.token);
  const helpC = await helpPathOf(w, C.token);

  // B helps A by scanning the QR on A's help page, and becomes a participant too.
  const qr = (await w.h5('GET', helpA.replace('/h5/', '/api/h5/'))).body.staffQr.url as string;
  await w.scan(b!, qr);
  await w.settle();
  const bLink = (await w.sb.api('GET', `/people/${b!.id}/messages`)).body.messages.find((m: Json) => m.kind === 'welcome').content.attachments[0].link.url as string;

  const B = await phoneWithLink(browser, h.baseUrl, bLink);
  await openHelp(B.page, helpA, a!);
  await tapHelp(B.page);
  await expectState(B.page, 'already_helped', /你已经为 TA 助力过了/);
  assert.equal(await B.page.getByTestId('help-join').innerText(), '查看我的活动');

  // One help per person in this campaign: B cannot help C as well.
  await openHelp(B.page, helpC, cc!);
  await screenshot(B.page, 'help-open-known-visitor');
  await tapHelp(B.page);
  await expectState(B.page, 'help_limit', /你的助力次数已用完/);
  assert.deepEqual(B.problems, []);
  await B.ctx.close();

  // A opens their own help page on their phone: told at once, pointed at their poster.
  const PA = await phoneWithLink(browser, h.baseUrl, A.link);
  await openHelp(PA.page, helpA, a!);
  await expectState(PA.page, 'self_help', /不能为自己助力/);
  assert.equal(await PA.page.getByTestId('help-button').count(), 0);
  await PA.page.getByTestId('help-my-poster').click();
  await PA.page.getByTestId('poster-page').waitFor();
  await PA.ctx.close();
});

test('mutual help: A cannot help back the friend who helped A', async () => {
  const { w } = h;
  const c = await w.campaign({ rules: { noMutualHelp: true, helpsPerHelper: 3 } });
  const [a, b] = await w.people(2);
  const A = await joinThroughCode(w, c.qrUrl, a!);
  const qr = (await w.h5('GET', (await helpPathOf(w, A.token)).replace('/h5/', '/api/h5/'))).body.staffQr.url as string;
  await w.scan(b!, qr);
  await w.settle();
  const bToken = new URL((await w.sb.api('GET', `/people/${b!.id}/messages`)).body.messages.find((m: Json) => m.kind === 'welcome').content.attachments[0].link.url).searchParams.get('t')!;

  const PA = await phoneWithLink(browser, h.baseUrl, A.link);
  await openHelp(PA.page, await helpPathOf(w, bToken), b!);
  await tapHelp(PA.page);
  await expectState(PA.page, 'mutual_help', /不能互相助力/);
  await PA.ctx.close();
});

test('gender and new-customers-only: returning customers with a customer link; a one-tap help that counts', async () => {
  const { w } = h;
  const [man] = await w.people(1, { gender: 1 });
  const [old] = await w.people(1, { gender: 2 });
  const [friend] = await w.people(1, { gender: 2 });
  const [manExt, oldExt, friendExt] = await befriendOutsideCampaigns([man!, old!, friend!]);
  await new Promise((r) => setTimeout(r, 1100)); // the campaigns start after those friendships (second precision)
  const now = new Date().toISOString();
  const womenOnly = await w.campaign({ startAt: now, rules: { genderFilter: 'female' } });
  const newOnly = await w.campaign({ startAt: now, rules: { newCustomersOnly: true } });
  const open = await w.campaign({ startAt: now, tiers: [{ target: 3, reward: { type: 'physical', name: '香薰蜡烛' }, stock: 50 }] });
  const [f, n, o] = await w.people(3, { gender: 2 });
  const F = await joinThroughCode(w, womenOnly.qrUrl, f!);
  const N = await joinThroughCode(w, newOnly.qrUrl, n!);
  const O = await joinThroughCode(w, open.qrUrl, o!);

  // The man opens the customer link staff sent him, then F's help page.
  const manLink = await issueCustomerLink(h.db, w.config, { workspaceId: w.workspaceId, campaignId: womenOnly.id, externalUserId: manExt! });
  const M = await phoneWithLink(browser, h.baseUrl, manLink.url);
  await openHelp(M.page, await helpPathOf(w, F.token), f!);
  await tapHelp(M.page);
  await expectState(M.page, 'gender', /暂不符合参与条件/);
  await M.ctx.close();

  // An old customer in a campaign for new customers only.
  const oldLink = await issueCustomerLink(h.db, w.config, { workspaceId: w.workspaceId, campaignId: newOnly.id, externalUserId: oldExt! });
  const OLD = await phoneWithLink(browser, h.baseUrl, oldLink.url);
  await openHelp(OLD.page, await helpPathOf(w, N.token), n!);
  await tapHelp(OLD.page);
  await expectState(OLD.page, 'not_new_customer', /仅限新朋友助力/);
  await OLD.ctx.close();

  // A returning friend where old customers count: the customer link's activity page, then one tap
  // on O's help page counts, and "我也要参与" opens the friend's own page.
  const friendLink = await issueCustomerLink(h.db, w.config, { workspaceId: w.workspaceId, campaignId: open.id, externalUserId: friendExt! });
  const FR = await phoneWithLink(browser, h.baseUrl, friendLink.url);
  await FR.page.getByTestId('join-button').waitFor();
  assert.equal(new URL(FR.page.url()).search, '', 'the customer token left the address bar');
  await screenshot(FR.page, 'join');
  await openHelp(FR.page, await helpPathOf(w, O.token), o!);
  await tapHelp(FR.page);
  await expectState(FR.page, 'helped', /助力成功[\s\S]*已有 1 位好友助力/);
  await FR.page.getByTestId('help-join-mine').click();
  await FR.page.getByTestId('my-summary').waitFor();
  assert.equal(await FR.page.getByTestId('my-count').innerText(), '0');
  assert.deepEqual(FR.problems, []);
  await FR.ctx.close();
});

test('campaign states: not started, stock gone, ended; an anonymous visitor sees the QR while it runs', async () => {
  const { w, db } = h;
  // Stock gone: one prize, won by A as soon as B helps.
  const soldOut = await w.campaign({ tiers: [{ target: 1, reward: { type: 'physical', name: '限量帆布袋' }, stock: 1 }] });
  const [a, b, e] = await w.people(3);
  const A = await joinThroughCode(w, soldOut.qrUrl, a!);
  const helpA = await helpPathOf(w, A.token);

  const V = await phoneWithLink(browser, h.baseUrl, null);
  await openHelp(V.page, helpA, a!);
  await expectState(V.page, 'open', /长按识别二维码/);
  const qr = await V.page.getByTestId('staff-qr').locator('img').getAttribute('src');
  await w.scan(b!, qr!);
  await w.settle();
  await openHelp(V.page, helpA, a!);
  await expectState(V.page, 'stock_empty', /奖品已经被领完了/);
  assert.equal(await V.page.getByTestId('staff-qr').count(), 0);

  // Ended early by the operator.
  const ended = await w.campaign();
  const E = await joinThroughCode(w, ended.qrUrl, e!);
  const helpE = await helpPathOf(w, E.token);
  await db.transaction((tx) => endCampaign(tx, { workspaceId: w.workspaceId, campaignId: ended.id }));
  await openHelp(V.page, helpE, e!);
  await expectState(V.page, 'campaign_ended', /活动已结束/);

  // Not started: a published campaign whose start is ahead. Nobody can join it through WeChat yet,
  // so its inviter is seeded directly; the page counts down to the start.
  const later = await w.campaign({ startAt: new Date(Date.now() + 3 * 3600_000).toISOString() });
  const early = { nickname: '早到的小鹿🦌' };
  const pid = (await db.query<{ id: number }>(
    `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, level, is_new_customer) VALUES ($1, $2, 'wm_early', $3, 1, true) RETURNING id`,
    [w.workspaceId, later.id, early.nickname],
  )).rows[0]!.id;
  await openHelp(V.page, `/h5/c/${later.id}/help/${inviterCode(await linkSecret(db), later.id, pid)}`, early);
  await expectState(V.page, 'campaign_not_started', /活动还没开始[\s\S]*距开始/);
  assert.deepEqual(V.problems, []);
  await V.ctx.close();
});

test('every reason in the domain has a state on the page', () => {
  for (const reason of INVALID_HELP_REASONS) assert.ok(seen.has(reason), `no test showed ${reason}`);
});
