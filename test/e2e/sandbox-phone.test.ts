// The phone page in headless Chromium at 375×812, playing one WeChat user end to end: created with a
// hostile nickname (shown as text), adds a staff member by scanning a contact way (the service's
// welcome message appears), opens an H5 page as themself, follows the Official Account (and gets a
// template message and a red packet, which they open), joins a group, deletes the staff member, and — as the staff member — confirms a group-send. Every step's
// callback is checked at receivers that verify and decrypt it. Screenshots land in test-artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_APPID, DEMO_MCHID, connectOaReceiver, oaCredentials, oaPost, oaToken, payPost } from '../helpers/sandbox-oa.ts';
import type { OaReceiver } from '../helpers/sandbox-oa.ts';
import { DEMO_CORPID, connectReceiver, startTestSandbox } from '../helpers/sandbox.ts';
import type { CallbackReceiver, Json, TestSandbox } from '../helpers/sandbox.ts';
import { PHONE, launchBrowser, screenshot, startH5Site } from './sandbox-phone-harness.ts';
import type { H5Site } from './sandbox-phone-harness.ts';

const HOSTILE = '<script>alert("小明")</script><img src=x onerror=alert(1)>';

describe('sandbox phone page in a browser', () => {
  let sb: TestSandbox;
  let wecom: CallbackReceiver;
  let oa: OaReceiver;
  let h5: H5Site;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let ct: string;
  let way: Json;
  let joinWay: Json;
  let personId: string;
  const dialogs: string[] = [];
  const events = (kind: string) => wecom.received.filter((r) => (r.event as Json).changeType === kind || (r.event as Json).updateDetail === kind);
  /** Taps back until the tab bar shows, then the tab. */
  const tab = async (name: 'chats' | 'contacts' | 'discover' | 'me') => {
    // Back up to a tab screen. While a screen renders, the old one's back button may vanish
    // under the click: try again instead of waiting for it.
    while (!(await page.locator('#tabs').isVisible())) await page.locator('#back').click({ timeout: 1000 }).catch(() => undefined);
    await page.locator(`.tabs a[data-tab=${name}]`).click();
    await page.waitForURL(new RegExp(`#/${name}$`));
  };
  const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 5000) => {
    const end = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  before(async () => {
    sb = await startTestSandbox();
    wecom = await connectReceiver(sb);
    oa = await connectOaReceiver(sb, 'safe');
    const creds = await oaCredentials(sb);
    h5 = await startH5Site(sb.url, DEMO_APPID, creds.secret);
    // The service's side: a "contact me" code for 张伟, a group with a join code, an OA code.
    ct = await sb.token();
    way = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${ct}`, { type: 1, scene: 2, user: ['ZhangWei'], state: 'e2etask', remark: '任务宝海报' });
    const group = (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'WangFang', name: '裂变福利群' })).body.group;
    joinWay = await sb.wecom(`/cgi-bin/externalcontact/groupchat/add_join_way?access_token=${ct}`, { scene: 2, chat_id_list: [group.chatId], state: 'e2egroup' });
    await sb.api('POST', '/people', { count: 8, seed: 3 });
    browser = await launchBrowser();
    ctx = await browser.newContext(PHONE);
    page = await ctx.newPage();
    page.setDefaultTimeout(8000);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
    await h5?.close();
    await oa?.close();
    await wecom?.close();
    await sb?.close();
  });

  it('creates a person whose hostile nickname shows as text', async () => {
    await page.goto(`${sb.url}/phone`);
    await page.waitForURL(/#\/who$/);
    await page.getByText('沙箱：你要扮演哪位微信用户？').waitFor();
    await screenshot(page, '01-who');
    await page.getByTestId('new-nickname').fill(HOSTILE);
    await page.getByTestId('create-person').click();
    await page.waitForURL(/#\/chats$/);
    await page.getByText('还没有聊天').waitFor();
    await screenshot(page, '02-chats-empty');
    await tab('me');
    const name = page.getByTestId('me-nickname');
    await name.waitFor();
    assert.equal(await name.textContent(), HOSTILE);
    personId = ((await page.locator('.card-sub').first().textContent()) ?? '').split(' ')[0] as string;
    assert.match(personId, /^p\d{5}$/);
    assert.equal(await page.locator('script').count(), 1, 'only the page script');
    assert.equal(await page.locator('img[src=x]').count(), 0);
    await screenshot(page, '03-me');
  });

  it('adds 张伟 by scanning his contact way; the add event arrives and the welcome message shows', async () => {
    await tab('discover');
    await page.getByTestId(`code-${way.config_id}`).waitFor();
    await screenshot(page, '04-discover');
    await page.getByTestId(`code-${way.config_id}`).click();
    await page.waitForURL(new RegExp(`#/chat/staff:${DEMO_CORPID}:ZhangWei$`));
    await until('add_external_contact', () => events('add_external_contact').length === 1);
    const add = events('add_external_contact')[0]!.event as Json;
    assert.equal(add.state, 'e2etask');
    assert.equal(add.userId, 'ZhangWei');
    // The service answers the event with a welcome message; the phone shows it.
    const sent = await sb.wecom(`/cgi-bin/externalcontact/send_welcome_msg?access_token=${ct}`, {
      welcome_code: add.welcomeCode,
      text: { content: '你好！完成邀请任务即可领取奖品 🎁' },
      attachments: [{ msgtype: 'link', link: { title: '我的助力海报', desc: '邀请 3 位好友扫码', url: h5.url } }],
    });
    assert.equal(sent.errcode, 0);
    await page.getByText('你好！完成邀请任务即可领取奖品').waitFor();
    await page.getByText('我的助力海报').waitFor();
    assert.equal(await page.locator('#title').textContent(), '张伟');
    await screenshot(page, '05-staff-chat-welcome');
  });

  it('opens the H5 link from the welcome card as themself (OAuth through the phone\'s cookie)', async () => {
    await page.getByText('我的助力海报').click();
    const frame = page.frameLocator('#browser-frame');
    await frame.locator('#openid').waitFor();
    const person = (await sb.api('GET', `/people/${personId}`)).body;
    assert.equal(await frame.locator('#openid').textContent(), person.oas[0].openid);
    assert.equal(await frame.locator('#hello').textContent(), `你好，${HOSTILE}`);
    await screenshot(page, '06-h5-as-person');
    await page.locator('#browser-close').click();
  });

  it('follows the Official Account; the subscribe push arrives and the account\'s message shows', async () => {
    await tab('contacts');
    await page.getByTestId(`oa-${DEMO_APPID}`).click();
    await screenshot(page, '07-oa-card');
    await page.getByTestId('oa-follow').click();
    await page.waitForURL(new RegExp(`#/chat/oa:${DEMO_APPID}$`));
    const [sub] = await oa.waitFor(1);
    assert.equal(sub!.fields.Event, 'subscribe');
    assert.equal(sub!.query.encrypt_type, 'aes');
    const token = await oaToken(sb);
    const r = await oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser: sub!.fields.FromUserName, msgtype: 'text', text: { content: '感谢关注！回复「海报」获取你的专属海报' } });
    assert.equal(r.errcode, 0);
    await page.getByText('感谢关注！回复「海报」获取你的专属海报').waitFor();
    await page.getByTestId('oa-input').fill('海报');
    await page.getByRole('button', { name: '发送' }).click();
    await oa.waitFor(2);
    assert.equal(oa.received[1]!.fields.Content, '海报');
    await page.locator('.msg.out .bubble', { hasText: '海报' }).waitFor();
    // The service sends a template message and a red packet; the person opens the packet.
    const creds = (await sb.api('GET', '/credentials')).body;
    const tpl = await oaPost(sb, `/cgi-bin/message/template/send?access_token=${token}`, {
      touser: sub!.fields.FromUserName, template_id: creds.oa.accounts[0].templates[0].templateId, url: h5.url,
      data: { first: { value: '好友「阿强」为你助力成功' }, keyword1: { value: '春季裂变' }, keyword2: { value: '1/3' }, remark: { value: '再邀请 2 人即可领取' } },
    });
    assert.equal(tpl.errcode, 0);
    const billno = `${DEMO_MCHID}2026030100000001`;
    const rp = await payPost(sb, '/mmpaymkttransfers/sendredpack', {
      nonce_str: 'e2e', mch_billno: billno, mch_id: DEMO_MCHID, wxappid: DEMO_APPID, send_name: '裂变示例', re_openid: sub!.fields.FromUserName as string,
      total_amount: 666, total_num: 1, wishing: '恭喜完成任务', client_ip: '127.0.0.1', act_name: '春季裂变', remark: '感谢参与',
    }, { key: creds.pay.merchants[0].key });
    assert.equal(rp.result_code, 'SUCCESS');
    await page.getByTestId('redpack').waitFor();
    await page.getByText('好友「阿强」为你助力成功').waitFor();
    await screenshot(page, '08-oa-chat');
    await page.getByTestId('redpack').click();
    await page.getByText('已领取 ¥6.66').waitFor();
    await page.locator('.redpack.done').waitFor();
    const info = await payPost(sb, '/mmpaymkttransfers/gethbinfo', { nonce_str: 'q', mch_billno: billno, mch_id: DEMO_MCHID, appid: DEMO_APPID, bill_type: 'MCHT' }, { key: creds.pay.merchants[0].key });
    assert.equal(info.status, 'RECEIVED');
    await screenshot(page, '08b-redpack-opened');
  });

  it('scans the account\'s QR link while following: a SCAN push with the raw scene', async () => {
    const code = await oaPost(sb, `/cgi-bin/qrcode/create?access_token=${await oaToken(sb)}`, { action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'inviter42' } } });
    await page.goto(`${sb.url}/phone#/discover`);
    await page.getByTestId('scan-url').fill(code.url);
    await page.getByTestId('scan-go').click();
    await page.waitForURL(new RegExp(`#/chat/oa:${DEMO_APPID}$`));
    await until('SCAN', () => oa.received.some((r) => r.fields.Event === 'SCAN'));
    const scan = oa.received.find((r) => r.fields.Event === 'SCAN')!;
    assert.deepEqual([scan.fields.EventKey, scan.fields.Ticket], ['inviter42', code.ticket]);
  });

  it('joins the group by scanning its code; add_member arrives with JoinScene 3 and the state', async () => {
    await tab('discover');
    await page.getByTestId(`code-${joinWay.config_id}`).click();
    await page.waitForURL(/#\/chat\/group:/);
    await until('add_member', () => events('add_member').length === 1);
    const ev = events('add_member')[0]!.event as Json;
    assert.equal(ev.joinScene, 3);
    const members = (await sb.wecom(`/cgi-bin/externalcontact/groupchat/get?access_token=${ct}`, { chat_id: ev.chatId, need_name: 1 })).group_chat.member_list as Json[];
    assert.equal(members.find((m) => m.type === 2)?.state, 'e2egroup');
    assert.match((await page.locator('#title').textContent()) ?? '', /^裂变福利群（2）$/);
    await screenshot(page, '09-group-chat');
  });

  it('as 张伟, confirms a pending group-send that then reaches the person', async () => {
    const task = await sb.wecom(`/cgi-bin/externalcontact/add_msg_template?access_token=${ct}`, { sender: 'ZhangWei', text: { content: '活动今晚 24 点截止，抓紧邀请好友！' } });
    await tab('me');
    await page.getByTestId(`mass-${task.msgid}`).click();
    await page.getByText('已发送 1 个').waitFor();
    await screenshot(page, '10-staff-confirmed');
    await tab('chats');
    await page.getByText('活动今晚 24 点截止，抓紧邀请好友！').waitFor();
    await screenshot(page, '11-chats');
  });

  it('deletes 张伟 from the contact card; del_follow_user arrives', async () => {
    await tab('contacts');
    await screenshot(page, '12-contacts');
    await page.getByTestId('staff-ZhangWei').click();
    await page.getByTestId('delete-staff').click();
    await until('del_follow_user', () => events('del_follow_user').length === 1);
    assert.equal((events('del_follow_user')[0]!.event as Json).userId, 'ZhangWei');
    await page.getByText('扫描员工的「联系我」二维码添加').waitFor();
    await screenshot(page, '13-staff-deleted');
    assert.deepEqual(dialogs, [], 'no script ever ran from a nickname');
    assert.deepEqual(wecom.rejected, []);
    assert.deepEqual(oa.rejected, []);
  });
});
