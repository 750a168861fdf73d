// OA users and messages: user/info (+ batchget) for followers, unfollowers and strangers, the same
// unionid as in WeCom, customer-service windows (45015/45047), template messages (43004, 40037,
// client_msg_id) and media upload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_APPID, oaCredentials, oaGet, oaPost, oaToken } from '../helpers/sandbox-oa.ts';
import { DEMO_CORPID, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('sandbox OA users and messages', () => {
  let sb: TestSandbox;
  let token: string;
  let people: Json[];
  let n = 0;
  const next = () => people[n++]!;
  const act = async (name: string, body: Json) => (await sb.api('POST', `/actions/${name}`, body)).body;
  const follow = async () => {
    const p = next();
    return { p, openid: (await act('oa-follow', { person_id: p.id, appid: DEMO_APPID })).openid as string };
  };
  const info = (openid: string) => oaGet(sb, `/cgi-bin/user/info?access_token=${token}&openid=${openid}&lang=zh_CN`);
  const custom = (touser: string, content = 'hi') => oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser, msgtype: 'text', text: { content } });
  const advance = async (seconds: number) => {
    await sb.api('POST', '/clock/advance', { seconds });
    token = await oaToken(sb);
  };

  before(async () => {
    sb = await startTestSandbox();
    token = await oaToken(sb);
    people = await makePeople(sb, 20, 71);
  });
  after(() => sb.close());

  it('describes a follower, with the unionid the same person has in WeCom', async () => {
    const { p, openid } = await follow();
    const u = await info(openid);
    assert.equal(u.errcode, undefined);
    assert.equal(u.subscribe, 1);
    assert.equal(u.openid, openid);
    assert.equal(u.unionid, p.unionid);
    assert.equal(u.nickname, '');
    assert.equal(u.headimgurl, '');
    assert.equal(u.subscribe_scene, 'ADD_SCENE_SEARCH');
    assert.equal(typeof u.subscribe_time, 'number');
    assert.deepEqual(u.tagid_list, []);
    // The same person scanning a WeCom code is the same unionid there.
    const ct = await sb.token();
    const way = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${ct}`, { type: 1, scene: 2, user: ['ZhangWei'] });
    const added = await act('scan', { person_id: p.id, qr_url: way.qr_code });
    const wc = await sb.wecom(`/cgi-bin/externalcontact/get?access_token=${ct}&external_userid=${added.external_userid}`);
    assert.equal(wc.external_contact.unionid, u.unionid);
    const person = (await sb.api('GET', `/people/${p.id}`)).body;
    assert.deepEqual(person.oas.map((o: Json) => [o.appid, o.openid, o.subscribed]), [[DEMO_APPID, openid, true]]);
    assert.equal(person.corps[0].corpid, DEMO_CORPID);
  });

  it('answers subscribe 0 after unfollowing, 40003 for strangers, and batchget ≤ 100', async () => {
    const { p, openid } = await follow();
    await act('oa-unfollow', { person_id: p.id, appid: DEMO_APPID });
    assert.deepEqual(await info(openid), { subscribe: 0, openid, tagid_list: [] });
    assert.equal((await info('oNOBODY')).errcode, 40003);
    assert.equal((await oaGet(sb, `/cgi-bin/user/info?access_token=${token}`)).errcode, 41009);
    const other = await follow();
    const batch = await oaPost(sb, `/cgi-bin/user/info/batchget?access_token=${token}`, { user_list: [{ openid, lang: 'zh_CN' }, { openid: other.openid }] });
    assert.deepEqual(batch.user_info_list.map((u: Json) => u.subscribe), [0, 1]);
    const many = Array.from({ length: 101 }, () => ({ openid }));
    assert.equal((await oaPost(sb, `/cgi-bin/user/info/batchget?access_token=${token}`, { user_list: many })).errcode, 40032);
    assert.equal((await oaPost(sb, `/cgi-bin/user/info/batchget?access_token=${token}`, { user_list: [{ openid: 'oNOBODY' }] })).errcode, 40003);
  });

  it('leaves out unionid for an account without an open platform', async () => {
    const { openid } = await follow();
    await sb.api('PATCH', `/oas/${DEMO_APPID}`, { openPlatform: false });
    try {
      assert.equal((await info(openid)).unionid, undefined);
    } finally {
      await sb.api('PATCH', `/oas/${DEMO_APPID}`, { openPlatform: true });
    }
  });

  it('allows 3 customer-service messages within a minute of a follow, then 45047, then 45015', async () => {
    const { openid } = await follow();
    for (let i = 0; i < 3; i++) assert.equal((await custom(openid)).errcode, 0);
    const over = await custom(openid);
    assert.equal(over.errcode, 45047);
    assert.match(over.errmsg, /^out of response count limit rid: /);
    await advance(61);
    assert.equal((await custom(openid)).errcode, 45015);
  });

  it('allows 20 messages within 48 h after the user writes, and nothing after unfollowing', async () => {
    const { p, openid } = await follow();
    await advance(61);
    await act('oa-message', { person_id: p.id, appid: DEMO_APPID, content: '1' });
    for (let i = 0; i < 20; i++) assert.equal((await custom(openid, `m${i}`)).errcode, 0);
    assert.equal((await custom(openid)).errcode, 45047);
    await act('oa-message', { person_id: p.id, appid: DEMO_APPID, content: '2' });
    assert.equal((await custom(openid)).errcode, 0);
    await advance(48 * 3600);
    assert.equal((await custom(openid)).errcode, 45015);
    await act('oa-message', { person_id: p.id, appid: DEMO_APPID, content: '3' });
    await act('oa-unfollow', { person_id: p.id, appid: DEMO_APPID });
    assert.equal((await custom(openid)).errcode, 45015);
    const kinds = ((await sb.api('GET', `/oas/${DEMO_APPID}/messages?openid=${openid}&limit=1000`)).body.messages as Json[]).map((m) => m.kind);
    assert.equal(kinds.filter((k) => k === 'custom').length, 21);
  });

  it('checks the recipient, the message type and its content', async () => {
    const { openid } = await follow();
    const send = (body: Json) => oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser: openid, ...body });
    assert.equal((await oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser: 'oNOBODY', msgtype: 'text', text: { content: 'x' } })).errcode, 40003);
    assert.equal((await send({ msgtype: 'fax', fax: {} })).errcode, 40008);
    assert.equal((await send({ msgtype: 'text', text: { content: '' } })).errcode, 44004);
    assert.equal((await send({ msgtype: 'image', image: { media_id: 'nope' } })).errcode, 40007);
    assert.equal((await send({ msgtype: 'news', news: { articles: [] } })).errcode, 44003);
    const article = { title: 't', description: 'd', url: 'https://example.com', picurl: '' };
    assert.equal((await send({ msgtype: 'news', news: { articles: [article, article] } })).errcode, 45008);
    assert.equal((await send({ msgtype: 'news', news: { articles: [article] } })).errcode, 0);
  });

  it('uploads temporary media (3 days) usable in image messages', async () => {
    const upload = async (type: string, bytes: Buffer, name = 'poster.png') => {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(bytes)]), name);
      const res = await fetch(`${sb.url}/oa/cgi-bin/media/upload?access_token=${token}&type=${type}`, { method: 'POST', body: form });
      return (await res.json()) as Json;
    };
    const r = await upload('image', PNG);
    assert.deepEqual(Object.keys(r).sort(), ['created_at', 'media_id', 'type']);
    assert.equal(r.type, 'image');
    assert.equal(typeof r.created_at, 'number');
    assert.equal((await upload('thumb', PNG)).errcode, 40005);
    assert.equal((await upload('sticker', PNG)).errcode, 40004);
    assert.equal((await upload('image', Buffer.from('not an image at all'))).errcode, 40005);
    assert.equal((await upload('thumb', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(70 * 1024)]))).errcode, 40012);
    const thumb = await upload('thumb', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100)]), 't.jpg');
    assert.ok(thumb.thumb_media_id);
    assert.equal((await fetch(`${sb.url}/oa/cgi-bin/media/upload?access_token=${token}&type=image`, { method: 'POST' }).then((x) => x.json()) as Json).errcode, 41005);

    const { openid } = await follow();
    const sent = await oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser: openid, msgtype: 'image', image: { media_id: r.media_id } });
    assert.equal(sent.errcode, 0);
    const img = await fetch(`${sb.url}/img/media/${r.media_id}`);
    assert.equal(img.headers.get('content-type'), 'image/png');
    await advance(3 * 86400);
    const late = await follow();
    assert.equal((await oaPost(sb, `/cgi-bin/message/custom/send?access_token=${token}`, { touser: late.openid, msgtype: 'image', image: { media_id: r.media_id } })).errcode, 40007);
  });

  it('sends template messages to followers only, with a known template, once per client_msg_id', async () => {
    const oa = await oaCredentials(sb);
    const tpl = oa.templates[0].templateId as string;
    const { p, openid } = await follow();
    const send = (body: Json) => oaPost(sb, `/cgi-bin/message/template/send?access_token=${token}`, { touser: openid, template_id: tpl, ...body });
    const data = { first: { value: '你的好友助力成功' }, keyword1: { value: '春季裂变' }, keyword2: { value: '2/3' }, remark: { value: '再邀 1 人' } };
    const ok = await send({ data, url: 'https://h5.example.com/task', client_msg_id: 'c1' });
    assert.equal(ok.errcode, 0);
    assert.equal(ok.errmsg, 'ok');
    assert.equal(typeof ok.msgid, 'number');
    assert.equal((await send({ data, client_msg_id: 'c1' })).msgid, ok.msgid);
    assert.notEqual((await send({ data, client_msg_id: 'c2' })).msgid, ok.msgid);
    assert.equal((await send({ template_id: 'nope', data })).errcode, 40037);
    assert.equal((await send({ touser: 'oNOBODY', data })).errcode, 40003);
    const msgs = (await sb.api('GET', `/oas/${DEMO_APPID}/messages?openid=${openid}&kind=template`)).body.messages as Json[];
    assert.equal(msgs.length, 2);
    assert.equal(msgs[0]!.content.text, '你的好友助力成功\n活动名称：春季裂变\n当前进度：2/3\n再邀 1 人');
    assert.equal(msgs[0]!.content.url, 'https://h5.example.com/task');
    await act('oa-unfollow', { person_id: p.id, appid: DEMO_APPID });
    const notFollowing = await send({ data });
    assert.equal(notFollowing.errcode, 43004);
    assert.match(notFollowing.errmsg, /^require subscribe rid: /);
  });
});
