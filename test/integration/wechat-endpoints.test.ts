// Every client method against the fake WeChat: method, path, query and JSON body as the reference
// documents them, and typed answers read back. Pay: signed XML, same-billno retry, error fields.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { captureLogger, SECRET, startFakeWeChat, type FakeWeChat, type Recorded } from '../helpers/fake-wechat.ts';
import { WeChatApiError } from '../../src/wechat/core/api-error.ts';
import { OaClient } from '../../src/wechat/oa/client.ts';
import { PayClient } from '../../src/wechat/pay/client.ts';
import { payV2SignatureValid } from '../../src/wechat/pay/sign.ts';
import { buildXml, parseXml } from '../../src/wechat/protocol/index.ts';
import { WeComClient } from '../../src/wechat/wecom/client.ts';

const log = captureLogger();
const opts = { logger: log.logger, rateLimit: false as const, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } };

describeEachEngine('WeChat client endpoints', (ctx) => {
  let fake: FakeWeChat;
  let wecom: WeComClient;
  let oa: OaClient;
  before(async () => {
    fake = await startFakeWeChat();
    wecom = new WeComClient({ ...opts, corpId: 'wwcorp', secret: SECRET, db: ctx().db, baseUrl: fake.url });
    oa = new OaClient({ ...opts, appId: 'wx0123456789abcdef', appSecret: SECRET, db: ctx().db, baseUrl: fake.url, mpBaseUrl: 'http://mp.test', openBaseUrl: 'http://open.test' });
  });
  after(() => fake.close());

  const last = (path: string): Recorded => {
    const r = fake.requests.filter((x) => x.path === path).at(-1);
    assert.ok(r, `no request to ${path}`);
    return r;
  };

  test('WeCom customer-contact, tag, message and group endpoints send the documented requests', async () => {
    const EC = '/cgi-bin/externalcontact';
    fake.answer(`${EC}/add_contact_way`, { config_id: 'cfg1', qr_code: 'http://qr/1' });
    fake.answer(`${EC}/list_contact_way`, { contact_way: [{ config_id: 'cfg1' }], next_cursor: '' });
    fake.answer(`${EC}/get`, { external_contact: { external_userid: 'wmA', name: '李四', type: 1, unionid: 'u1' }, follow_user: [{ userid: 'zs', createtime: 1, state: 's' }] });
    fake.answer(`${EC}/list`, { external_userid: ['wmA', 'wmB'] });
    fake.answer(`${EC}/batch/get_by_user`, { external_contact_list: [], next_cursor: 'N' });
    fake.answer(`${EC}/add_msg_template`, { fail_list: [], msgid: 'msg1' });
    fake.answer(`${EC}/get_corp_tag_list`, { tag_group: [{ group_id: 'g1', group_name: '进度', create_time: 1, order: 0, tag: [] }] });
    fake.answer(`${EC}/add_corp_tag`, { tag_group: { group_id: 'g1', group_name: '进度', create_time: 1, order: 0, tag: [{ id: 'et1', name: '完成', create_time: 1, order: 0 }] } });
    fake.answer('/cgi-bin/message/send', { invaliduser: '', msgid: 'm1' });
    fake.answer(`${EC}/groupchat/list`, { group_chat_list: [{ chat_id: 'wr1', status: 0 }], next_cursor: '' });
    fake.answer(`${EC}/groupchat/get`, { group_chat: { chat_id: 'wr1', name: '群', owner: 'zs', create_time: 1, member_list: [{ userid: 'wmA', type: 2, join_time: 2, join_scene: 3, state: 'g1' }], member_version: 'v1' } });
    fake.answer(`${EC}/groupchat/add_join_way`, { config_id: 'jw1' });
    fake.answer(`${EC}/groupchat/get_join_way`, { join_way: { config_id: 'jw1', scene: 2, chat_id_list: ['wr1'], qr_code: 'http://qr/j' } });
    fake.answer(`${EC}/group_welcome_template/add`, { template_id: 'tpl1' });
    fake.answer(`${EC}/group_welcome_template/get`, { text: { content: '欢迎 %NICKNAME%' } });
    fake.answer('/cgi-bin/media/upload', { type: 'image', media_id: 'MEDIA1', created_at: '1380000000' });
    fake.answer('/cgi-bin/media/uploadimg', { url: 'http://p.qpic.cn/x' });

    const calls: Array<[string, () => Promise<unknown>, string, unknown]> = [
      ['add contact way', () => wecom.addContactWay({ type: 1, scene: 2, user: ['zs'], state: 't1', skip_verify: true }), `${EC}/add_contact_way`, { type: 1, scene: 2, user: ['zs'], state: 't1', skip_verify: true }],
      ['get contact way', () => wecom.getContactWay('cfg1'), `${EC}/get_contact_way`, { config_id: 'cfg1' }],
      ['list contact ways', () => wecom.listContactWays({ limit: 100 }), `${EC}/list_contact_way`, { limit: 100 }],
      ['update contact way', () => wecom.updateContactWay({ config_id: 'cfg1', remark: 'r' }), `${EC}/update_contact_way`, { config_id: 'cfg1', remark: 'r' }],
      ['delete contact way', () => wecom.deleteContactWay('cfg1'), `${EC}/del_contact_way`, { config_id: 'cfg1' }],
      ['batch get by user', () => wecom.batchGetExternalContactsByUser({ userid_list: ['zs'], limit: 100 }), `${EC}/batch/get_by_user`, { userid_list: ['zs'], limit: 100 }],
      ['welcome', () => wecom.sendWelcomeMsg({ welcome_code: 'W', text: { content: 'hi' }, attachments: [{ msgtype: 'image', image: { media_id: 'M' } }] }), `${EC}/send_welcome_msg`, { welcome_code: 'W', text: { content: 'hi' }, attachments: [{ msgtype: 'image', image: { media_id: 'M' } }] }],
      ['group send', () => wecom.addMsgTemplate({ external_userid: ['wmA'], sender: 'zs', text: { content: 'x' } }), `${EC}/add_msg_template`, { external_userid: ['wmA'], sender: 'zs', text: { content: 'x' } }],
      ['tags', () => wecom.getCorpTagList({ group_id: ['g1'] }), `${EC}/get_corp_tag_list`, { group_id: ['g1'] }],
      ['add tag', () => wecom.addCorpTag({ group_name: '进度', tag: [{ name: '完成' }] }), `${EC}/add_corp_tag`, { group_name: '进度', tag: [{ name: '完成' }] }],
      ['mark tag', () => wecom.markTag({ userid: 'zs', external_userid: 'wmA', add_tag: ['et1'] }), `${EC}/mark_tag`, { userid: 'zs', external_userid: 'wmA', add_tag: ['et1'] }],
      ['app message', () => wecom.sendAppMessage({ touser: 'zs', agentid: 1000002, msgtype: 'text', text: { content: 'x' } }), '/cgi-bin/message/send', { touser: 'zs', agentid: 1000002, msgtype: 'text', text: { content: 'x' } }],
      ['group list', () => wecom.listGroupChats({ limit: 10, owner_filter: { userid_list: ['zs'] } }), `${EC}/groupchat/list`, { limit: 10, owner_filter: { userid_list: ['zs'] } }],
      ['group get', () => wecom.getGroupChat('wr1'), `${EC}/groupchat/get`, { chat_id: 'wr1', need_name: 1 }],
      ['add join way', () => wecom.addJoinWay({ scene: 2, chat_id_list: ['wr1'], state: 'g1', auto_create_room: 1, room_base_name: '群' }), `${EC}/groupchat/add_join_way`, { scene: 2, chat_id_list: ['wr1'], state: 'g1', auto_create_room: 1, room_base_name: '群' }],
      ['get join way', () => wecom.getJoinWay('jw1'), `${EC}/groupchat/get_join_way`, { config_id: 'jw1' }],
      ['update join way', () => wecom.updateJoinWay({ config_id: 'jw1', scene: 2, chat_id_list: ['wr1', 'wr2'] }), `${EC}/groupchat/update_join_way`, { config_id: 'jw1', scene: 2, chat_id_list: ['wr1', 'wr2'] }],
      ['delete join way', () => wecom.deleteJoinWay('jw1'), `${EC}/groupchat/del_join_way`, { config_id: 'jw1' }],
      ['add welcome tpl', () => wecom.addGroupWelcomeTemplate({ text: { content: '欢迎 %NICKNAME%' }, notify: 0 }), `${EC}/group_welcome_template/add`, { text: { content: '欢迎 %NICKNAME%' }, notify: 0 }],
      ['get welcome tpl', () => wecom.getGroupWelcomeTemplate('tpl1'), `${EC}/group_welcome_template/get`, { template_id: 'tpl1' }],
      ['edit welcome tpl', () => wecom.editGroupWelcomeTemplate({ template_id: 'tpl1', text: { content: 'x' } }), `${EC}/group_welcome_template/edit`, { template_id: 'tpl1', text: { content: 'x' } }],
      ['del welcome tpl', () => wecom.deleteGroupWelcomeTemplate('tpl1'), `${EC}/group_welcome_template/del`, { template_id: 'tpl1' }],
    ];
    const token = await wecom.accessToken();
    for (const [name, call, path, body] of calls) {
      await call();
      const r = last(path);
      assert.equal(r.method, 'POST', name);
      assert.deepEqual(r.body, body, name);
      assert.equal(r.query.access_token, token, name);
    }
    // Typed answers come back without errcode/errmsg.
    assert.deepEqual(await wecom.addContactWay({ type: 1, scene: 2, user: ['zs'] }), { config_id: 'cfg1', qr_code: 'http://qr/1' });
    assert.equal((await wecom.getGroupChat('wr1')).member_list[0]?.state, 'g1');
    assert.equal((await wecom.addCorpTag({ group_name: '进度', tag: [{ name: '完成' }] })).tag[0]?.id, 'et1');
    assert.equal(await wecom.addJoinWay({ scene: 2, chat_id_list: ['wr1'] }), 'jw1');
    assert.equal(await wecom.addGroupWelcomeTemplate({ text: { content: 'x' } }), 'tpl1');

    const detail = await wecom.getExternalContact('wmA', 'CUR');
    assert.equal(detail.external_contact.unionid, 'u1');
    assert.deepEqual([last(`${EC}/get`).method, last(`${EC}/get`).query.external_userid, last(`${EC}/get`).query.cursor], ['GET', 'wmA', 'CUR']);
    assert.deepEqual(await wecom.listExternalContacts('zs'), ['wmA', 'wmB']);
    assert.equal(last(`${EC}/list`).query.userid, 'zs');
  });

  test('WeCom media uploads are multipart with the field `media`', async () => {
    const png = Buffer.alloc(2048, 7);
    const up = await wecom.uploadMedia('image', { filename: 'poster 海报.png', contentType: 'image/png', data: png });
    assert.deepEqual(up, { type: 'image', media_id: 'MEDIA1', created_at: '1380000000' });
    const r = last('/cgi-bin/media/upload');
    assert.equal(r.query.type, 'image');
    assert.deepEqual(r.file, { field: 'media', filename: 'poster 海报.png', mimetype: 'image/png', size: 2048 });
    assert.equal((await wecom.uploadImage({ filename: 'a.jpg', contentType: 'image/jpeg', data: png })).url, 'http://p.qpic.cn/x');
    assert.equal(last('/cgi-bin/media/uploadimg').file?.field, 'media');
  });

  test('OA: token, QR code, user info, messages and OAuth', async () => {
    fake.answer('/cgi-bin/qrcode/create', { ticket: 'gQH47j==', expire_seconds: 604800, url: 'http://weixin.qq.com/q/x' });
    fake.answer('/cgi-bin/user/info', { subscribe: 1, openid: 'oU1', unionid: 'u1', subscribe_scene: 'ADD_SCENE_QR_CODE', qr_scene_str: 't42' });
    fake.answer('/cgi-bin/message/template/send', { msgid: 200228332 });
    fake.answer('/sns/oauth2/access_token', { access_token: 'USERTOKEN', expires_in: 7200, refresh_token: 'R', openid: 'oU1', scope: 'snsapi_userinfo', unionid: 'u1' });
    fake.answer('/sns/userinfo', { openid: 'oU1', nickname: '小明', headimgurl: 'http://h/1', privilege: [] });

    const qr = await oa.createQrCode({ expire_seconds: 604800, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 't42' } } });
    assert.equal(qr.ticket, 'gQH47j==');
    assert.deepEqual(last('/cgi-bin/qrcode/create').body, { expire_seconds: 604800, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 't42' } } });
    assert.equal(last('/cgi-bin/token').query.grant_type, 'client_credential');
    assert.equal(oa.qrCodeImageUrl('gQH47j=='), 'http://mp.test/cgi-bin/showqrcode?ticket=gQH47j%3D%3D');

    assert.equal((await oa.getUserInfo('oU1')).qr_scene_str, 't42');
    assert.deepEqual([last('/cgi-bin/user/info').method, last('/cgi-bin/user/info').query.openid, last('/cgi-bin/user/info').query.lang], ['GET', 'oU1', 'zh_CN']);
    await oa.sendCustomMessage({ touser: 'oU1', msgtype: 'text', text: { content: '你好' } });
    assert.deepEqual(last('/cgi-bin/message/custom/send').body, { touser: 'oU1', msgtype: 'text', text: { content: '你好' } });
    assert.equal(await oa.sendTemplateMessage({ touser: 'oU1', template_id: 'T', data: { keyword1: { value: 'v' } } }), 200228332);

    const url = new URL(oa.oauthAuthorizeUrl({ redirectUri: 'https://h5.example/cb?x=1', scope: 'snsapi_userinfo', state: 'abc123' }));
    assert.equal(url.origin + url.pathname, 'http://open.test/connect/oauth2/authorize');
    assert.equal(url.hash, '#wechat_redirect');
    assert.deepEqual(Object.fromEntries(url.searchParams), { appid: 'wx0123456789abcdef', redirect_uri: 'https://h5.example/cb?x=1', response_type: 'code', scope: 'snsapi_userinfo', state: 'abc123' });
    assert.throws(() => oa.oauthAuthorizeUrl({ redirectUri: 'https://x', scope: 'snsapi_base', state: 'bad state!' }), /state/);

    const grant = await oa.oauthAccessToken('CODE1');
    assert.equal(grant.openid, 'oU1');
    const g = last('/sns/oauth2/access_token');
    assert.deepEqual([g.query.code, g.query.grant_type, g.query.appid, g.query.access_token], ['CODE1', 'authorization_code', 'wx0123456789abcdef', undefined]);
    assert.equal((await oa.snsUserInfo(grant.access_token, grant.openid)).nickname, '小明');
    assert.equal(last('/sns/userinfo').query.access_token, 'USERTOKEN');
    const text = log.lines.join('');
    assert.ok(!text.includes('USERTOKEN') && !text.includes('CODE1') && !text.includes(SECRET));
  });

  test('OA: a wrong AppSecret is a typed error from the token call', async () => {
    const bad = new OaClient({ ...opts, appId: 'wx0123456789abcdef', appSecret: 'wrong-secret-1', db: ctx().db, baseUrl: fake.url });
    await assert.rejects(bad.getUserInfo('oU1'), (e: unknown) => e instanceof WeChatApiError && e.api === 'token' && e.errcode === 40125);
  });
});

describe('WeChat Pay client (no database)', () => {
  const KEY = 'A'.repeat(32);
  let fake: FakeWeChat;
  let pay: PayClient;
  const bodies: string[] = [];
  let script: Array<Record<string, string>> = [];
  before(async () => {
    fake = await startFakeWeChat();
    pay = new PayClient({ ...opts, mchId: '1900000109', apiKey: KEY, baseUrl: fake.url });
    fake.raw('/mmpaymkttransfers/sendredpack', (r) => {
      bodies.push(String(r.body));
      const req = parseXml(String(r.body)) as Record<string, string>;
      if (!payV2SignatureValid(req, KEY)) return { type: 'text/xml', body: buildXml({ return_code: 'FAIL', return_msg: 'SIGN_ERROR' }) };
      const next = script.shift() ?? {};
      return { type: 'text/xml', body: buildXml({ return_code: 'SUCCESS', return_msg: 'ok', result_code: 'SUCCESS', mch_billno: req.mch_billno!, mch_id: req.mch_id!, wxappid: req.wxappid!, re_openid: req.re_openid!, total_amount: req.total_amount!, send_listid: 'L1', ...next }) };
    });
    fake.raw('/mmpaymkttransfers/gethbinfo', (r) => {
      const req = parseXml(String(r.body)) as Record<string, string>;
      return {
        type: 'text/xml',
        body: buildXml({
          return_code: 'SUCCESS', result_code: 'SUCCESS', mch_billno: req.mch_billno!, mch_id: req.mch_id!, detail_id: 'D1', status: 'RECEIVED',
          send_type: 'API', hb_type: 'NORMAL', total_num: 1, total_amount: 188, send_time: '2026-01-01 10:00:00', wishing: 'w', remark: 'r', act_name: 'a',
          hblist: { hbinfo: { openid: 'oU1', amount: 188, rcv_time: '2026-01-01 10:01:00' } },
        }),
      };
    });
  });
  after(() => fake.close());

  const packet = { mch_billno: '1900000109202601010000000001', wxappid: 'wx0123456789abcdef', send_name: '店', re_openid: 'oU1', total_amount: 188, wishing: '恭喜', client_ip: '127.0.0.1', act_name: '裂变', remark: '奖励' };

  test('sendredpack: signed XML with total_num 1; typed success', async () => {
    const r = await pay.sendRedPack(packet);
    assert.deepEqual(r, { mch_billno: packet.mch_billno, mch_id: '1900000109', wxappid: packet.wxappid, re_openid: 'oU1', total_amount: 188, send_listid: 'L1' });
    const sent = parseXml(bodies.at(-1)!) as Record<string, string>;
    assert.equal(sent.total_num, '1');
    assert.equal(sent.total_amount, '188');
    assert.ok(!bodies.at(-1)!.includes(KEY), 'the API key is never sent');
  });

  test('SYSTEMERROR is retried with the very same body (same billno and nonce); other errors carry pay fields', async () => {
    script = [{ result_code: 'FAIL', err_code: 'SYSTEMERROR', err_code_des: 'busy' }];
    const n = bodies.length;
    await pay.sendRedPack(packet);
    assert.equal(bodies.length - n, 2);
    assert.equal(bodies.at(-1), bodies.at(-2));

    script = [{ result_code: 'FAIL', err_code: 'NOTENOUGH', err_code_des: '帐号余额不足' }];
    const err = await pay.sendRedPack(packet).catch((e: unknown) => e);
    assert.ok(err instanceof WeChatApiError);
    assert.deepEqual([err.api, err.errcode, err.errmsg, err.pay], ['sendredpack', null, '帐号余额不足', { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'NOTENOUGH' }]);
    assert.ok(!log.lines.join('').includes(KEY));
  });

  test('a bad signature answer (return_code FAIL) is an error too', async () => {
    const wrong = new PayClient({ ...opts, mchId: '1900000109', apiKey: 'B'.repeat(32), baseUrl: fake.url });
    await assert.rejects(wrong.sendRedPack(packet), (e: unknown) => e instanceof WeChatApiError && e.pay?.returnCode === 'FAIL' && e.errmsg === 'SIGN_ERROR');
  });

  test('gethbinfo reads status and receipts', async () => {
    const info = await pay.getRedPackInfo(packet.mch_billno, packet.wxappid);
    assert.equal(info.status, 'RECEIVED');
    assert.equal(info.total_amount, 188);
    assert.deepEqual(info.hblist, [{ openid: 'oU1', amount: 188, rcv_time: '2026-01-01 10:01:00' }]);
  });
});
