// Contract: media upload/uploadimg/get (reference §5) and send_welcome_msg (reference §3.4).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CORPID, connectReceiver, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { CallbackReceiver, Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox WeCom media and welcome messages', () => {
  let sb: TestSandbox;
  let rcv: CallbackReceiver;
  let token: string;
  let png: Buffer;
  let people: Json[];

  const upload = async (path: string, bytes: Buffer | null, field = 'media', filename = 'poster.png', type = 'image/png') => {
    const form = new FormData();
    if (bytes) form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
    const res = await fetch(`${sb.url}/wecom/cgi-bin/${path}${path.includes('?') ? '&' : '?'}access_token=${token}`, { method: 'POST', body: form });
    return (await res.json()) as Json;
  };
  const welcome = (body: Json) => sb.wecom(`/cgi-bin/externalcontact/send_welcome_msg?access_token=${token}`, body);
  let wayQr: string;
  const addFriend = async (p: Json) => (await sb.api('POST', '/actions/scan', { person_id: p.id, qr_url: wayQr })).body;

  before(async () => {
    sb = await startTestSandbox({ limits: { uploadimgPerDay: 2 } });
    rcv = await connectReceiver(sb);
    token = await sb.token();
    people = await makePeople(sb, 6, 5);
    png = Buffer.from(await (await fetch(people[0]!.avatar)).arrayBuffer());
    wayQr = (await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['ZhangWei'], state: 'w' })).qr_code;
  });
  after(async () => {
    await rcv.close();
    await sb.close();
  });

  it('uploads temporary media and serves it back for 3 days', async () => {
    const up = await upload('media/upload?type=image', png);
    assert.equal(up.errcode, 0);
    assert.equal(up.errmsg, '');
    assert.equal(up.type, 'image');
    assert.equal(typeof up.created_at, 'string');
    assert.match(up.media_id, /^[A-Za-z0-9_-]{20,}$/);
    const got = await fetch(`${sb.url}/wecom/cgi-bin/media/get?access_token=${token}&media_id=${up.media_id}`);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.match(got.headers.get('content-disposition') ?? '', /filename="poster\.png"/);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), png);
    await sb.api('POST', '/clock/advance', { seconds: 3 * 86400 });
    const late = await sb.wecom(`/cgi-bin/media/get?access_token=${(token = await sb.token())}&media_id=${up.media_id}`);
    assert.equal(late.errcode, 40007);
  });

  it('rejects bad uploads with the documented codes', async () => {
    assert.equal((await upload('media/upload?type=pdf', png)).errcode, 40004);
    assert.equal((await upload('media/upload', png)).errcode, 40004);
    assert.equal((await upload('media/upload?type=image', png, 'file')).errcode, 44001);
    assert.equal((await upload('media/upload?type=image', null)).errcode, 44001);
    assert.equal((await upload('media/upload?type=image', Buffer.from('tiny'))).errcode, 40006);
    assert.equal((await upload('media/upload?type=image', Buffer.from('this is not an image at all'))).errcode, 40005);
    const file = await upload('media/upload?type=file', Buffer.from('any bytes will do'), 'media', 'a.txt', 'text/plain');
    assert.equal(file.errcode, 0);
    assert.equal(file.type, 'file');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    png.copy(big, 0, 0, 8);
    assert.equal((await upload('media/upload?type=image', big)).errcode, 40009, 'images are at most 10 MB');
    const json = await sb.wecom(`/cgi-bin/media/upload?type=image&access_token=${token}`, { not: 'multipart' });
    assert.equal(json.errcode, 44001);
  });

  it('uploads permanent images within the daily quota', async () => {
    const a = await upload('media/uploadimg', png);
    assert.equal(a.errcode, 0);
    assert.match(a.url, /\/img\/media\/[A-Za-z0-9_-]+$/);
    const img = await fetch(a.url);
    assert.equal(img.status, 200);
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), png);
    assert.equal((await upload('media/uploadimg', Buffer.from('GIF89a-not-allowed'))).errcode, 40005);
    assert.equal((await upload('media/uploadimg', png)).errcode, 0);
    assert.equal((await upload('media/uploadimg', png)).errcode, 45009);
    await sb.api('POST', '/clock/advance', { seconds: 86400 });
    token = await sb.token();
    assert.equal((await upload('media/uploadimg', png)).errcode, 0);
  });

  it('sends a welcome message once within 20 s of the add', async () => {
    const added = await addFriend(people[1]!);
    const image = await upload('media/upload?type=image', png);
    const ok = await welcome({
      welcome_code: added.welcome_code,
      text: { content: '欢迎！分享海报邀请好友助力 <b>%NICKNAME%</b>' },
      attachments: [
        { msgtype: 'image', image: { media_id: image.media_id } },
        { msgtype: 'link', link: { title: '活动规则', url: 'https://example.com/rules' } },
      ],
    });
    assert.equal(ok.errcode, 0);
    const again = await welcome({ welcome_code: added.welcome_code, text: { content: 'again' } });
    assert.equal(again.errcode, 41051);
    assert.match(again.errmsg, /^externaluser has started chatting/);
    const inbox = (await sb.api('GET', `/people/${people[1]!.id}/messages`)).body.messages;
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0].kind, 'welcome');
    assert.equal(inbox[0].from, 'ZhangWei');
    assert.equal(inbox[0].content.attachments.length, 2);
  });

  it('answers 41049, 41050 (unknown or older than 20 s), 41051 after chatting, 44004, 40007, 41065', async () => {
    assert.equal((await welcome({ text: { content: 'x' } })).errcode, 41049);
    assert.equal((await welcome({ welcome_code: 'bogus', text: { content: 'x' } })).errcode, 41050);
    const late = await addFriend(people[2]!);
    await sb.api('POST', '/clock/advance', { seconds: 20 });
    token = await sb.token();
    assert.equal((await welcome({ welcome_code: late.welcome_code, text: { content: 'x' } })).errcode, 41050);

    const chatted = await addFriend(people[3]!);
    await sb.api('POST', '/actions/chat', { corpid: DEMO_CORPID, userid: 'ZhangWei', external_userid: chatted.external_userid });
    assert.equal((await welcome({ welcome_code: chatted.welcome_code, text: { content: 'x' } })).errcode, 41051);

    const fresh = await addFriend(people[4]!);
    assert.equal((await welcome({ welcome_code: fresh.welcome_code })).errcode, 44004);
    assert.equal((await welcome({ welcome_code: fresh.welcome_code, attachments: [{ msgtype: 'image', image: { media_id: 'missing' } }] })).errcode, 40007);
    assert.equal((await welcome({ welcome_code: fresh.welcome_code, attachments: [{ msgtype: 'sticker', sticker: {} }] })).errcode, 41065);
    assert.equal((await welcome({ welcome_code: fresh.welcome_code, attachments: Array(10).fill({ msgtype: 'link', link: { title: 't', url: 'https://x' } }) })).errcode, 40058);
    assert.equal((await welcome({ welcome_code: fresh.welcome_code, text: { content: '字'.repeat(1334) } })).errcode, 40058, 'over 4000 bytes');
    assert.equal((await welcome({ welcome_code: fresh.welcome_code, text: { content: 'finally' } })).errcode, 0, 'failed attempts do not use the code');
  });
});
