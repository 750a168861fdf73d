// More of the phone page in headless Chromium: a QR link opened in a browser lands on 发现 with the
// link filled in; leaving a group from the chat menu; blocking a staff member from their card. Each
// is checked against the sandbox's state and the callbacks received.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CORPID, connectReceiver, startTestSandbox } from '../helpers/sandbox.ts';
import type { CallbackReceiver, Json, TestSandbox } from '../helpers/sandbox.ts';
import { PHONE, launchBrowser, screenshot } from './sandbox-phone-harness.ts';

describe('phone page: scan links, leave a group, block staff', () => {
  let sb: TestSandbox;
  let rcv: CallbackReceiver;
  let browser: Browser;
  let page: Page;
  let person: Json;
  let chatId: string;
  let link: string;

  before(async () => {
    sb = await startTestSandbox();
    rcv = await connectReceiver(sb);
    const ct = await sb.token();
    chatId = (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'WangFang', name: '测试群' })).body.group.chatId;
    const jw = await sb.wecom(`/cgi-bin/externalcontact/groupchat/add_join_way?access_token=${ct}`, { scene: 2, chat_id_list: [chatId] });
    const cfg = await sb.wecom(`/cgi-bin/externalcontact/groupchat/get_join_way?access_token=${ct}`, { config_id: jw.config_id });
    const way = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${ct}`, { type: 1, scene: 2, user: ['LiNa'] });
    link = (await sb.api('GET', '/phone/codes')).body.contactWays.find((w: Json) => w.configId === way.config_id).qrContent;
    person = (await sb.api('POST', '/people', { count: 1, seed: 9 })).body.people[0];
    await sb.api('POST', '/actions/scan', { person_id: person.id, qr_url: cfg.join_way.qr_code, wait: true });
    browser = await launchBrowser();
    page = await (await browser.newContext(PHONE)).newPage();
    page.setDefaultTimeout(8000);
  });
  after(async () => {
    await browser?.close();
    await rcv?.close();
    await sb?.close();
  });

  it('opens a QR link with the person chosen by ?as= and scans it from 发现', async () => {
    await page.goto(`${sb.url}/phone?as=${person.id}&scan=${encodeURIComponent(link)}`);
    await page.waitForURL(/#\/discover$/);
    assert.equal(await page.getByTestId('scan-url').inputValue(), link);
    await page.getByTestId('scan-go').click();
    await page.waitForURL(new RegExp(`#/chat/staff:${DEMO_CORPID}:LiNa$`));
    await rcv.waitFor(2);
    assert.equal((rcv.received.at(-1)!.event as Json).changeType, 'add_external_contact');
  });

  it('leaves the group from the chat menu: del_member with QuitScene 0', async () => {
    await page.goto(`${sb.url}/phone#/chat/group:${DEMO_CORPID}:${chatId}`);
    await page.locator('#more').click();
    await screenshot(page, '20-group-menu');
    await page.getByRole('button', { name: '退出群聊' }).click();
    await page.getByText('已退出群聊').waitFor();
    await rcv.waitFor(3);
    const ev = rcv.received.at(-1)!.event as Json;
    assert.deepEqual([ev.changeType, ev.updateDetail, ev.quitScene], ['update', 'del_member', 0]);
  });

  it('blocks 李娜 from her card: del_follow_user, and the contacts list says so', async () => {
    await page.goto(`${sb.url}/phone#/staff/${DEMO_CORPID}/LiNa`);
    await page.getByTestId('block-staff').click();
    await page.getByText('已加入黑名单').waitFor();
    await page.getByRole('button', { name: '取消拉黑' }).waitFor();
    await rcv.waitFor(4);
    assert.equal((rcv.received.at(-1)!.event as Json).changeType, 'del_follow_user');
    await page.goto(`${sb.url}/phone#/contacts`);
    await page.getByTestId('staff-LiNa').getByText('已拉黑').waitFor();
    await screenshot(page, '21-contacts-blocked');
    const p = (await sb.api('GET', `/people/${person.id}`)).body;
    assert.deepEqual(p.corps[0].blocked, ['LiNa']);
    assert.deepEqual(p.corps[0].groups, []);
  });
});
