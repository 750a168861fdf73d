// OA parametric QR codes: create (temporary/permanent, int/string scenes, limits and errors), the
// showqrcode image (a real QR encoding the code's url), expiry, and scanning the image.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeQr } from '../../src/sandbox/img/qr.ts';
import { DEMO_APPID, oaPost, oaToken } from '../helpers/sandbox-oa.ts';
import { makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox OA QR codes', () => {
  let sb: TestSandbox;
  let token: string;
  const create = (body: unknown) => oaPost(sb, `/cgi-bin/qrcode/create?access_token=${token}`, body);
  const show = (ticket: string) => fetch(`${sb.url}/mp/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`);

  before(async () => {
    sb = await startTestSandbox({ limits: { oa: { permanentQrCodes: 3 } } });
    token = await oaToken(sb);
  });
  after(() => sb.close());

  it('creates a temporary integer-scene code that expires after 60 s by default', async () => {
    const r = await create({ action_name: 'QR_SCENE', action_info: { scene: { scene_id: 123 } } });
    assert.deepEqual(Object.keys(r).sort(), ['expire_seconds', 'ticket', 'url']);
    assert.equal(r.expire_seconds, 60);
    assert.match(r.url, new RegExp(`^${sb.url}/q/[A-Za-z0-9]{22}$`));
    assert.match(r.ticket, /^gQ[A-Za-z0-9+/]+=*$/);
  });

  it('caps expire_seconds at 30 days and takes string scenes of 1-64 characters', async () => {
    const long = await create({ expire_seconds: 9_999_999, action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'x'.repeat(64) } } });
    assert.equal(long.expire_seconds, 2_592_000);
    const tooLong = await create({ action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: 'x'.repeat(65) } } });
    assert.equal(tooLong.errcode, 40053);
    assert.match(tooLong.errmsg, /scene_str must be 1-64 characters rid: /);
    assert.equal((await create({ action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: '' } } })).errcode, 40053);
    assert.equal((await create({ action_name: 'QR_STR_SCENE', action_info: { scene: { scene_str: '裂变🎉活动' } } })).expire_seconds, 60);
  });

  it('rejects bad actions and scenes with 40052/40053', async () => {
    assert.equal((await create({ action_name: 'QR_FOREVER', action_info: { scene: { scene_id: 1 } } })).errcode, 40052);
    assert.equal((await create({ action_name: 'QR_SCENE' })).errcode, 40053);
    assert.equal((await create({ action_name: 'QR_SCENE', action_info: { scene: { scene_id: 0 } } })).errcode, 40053);
    assert.equal((await create({ action_name: 'QR_SCENE', action_info: { scene: { scene_id: '12' } } })).errcode, 40053);
    assert.equal((await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 100_001 } } })).errcode, 40053);
    assert.equal((await create({ action_name: 'QR_SCENE', expire_seconds: 'soon', action_info: { scene: { scene_id: 1 } } })).errcode, 47001);
    assert.equal((await oaPost(sb, `/cgi-bin/qrcode/create?access_token=${token}`, '{oops')).errcode, 47001);
  });

  it('accepts a code without the scene wrapper as scene 0, as WeChat does', async () => {
    const r = await create({ action_name: 'QR_SCENE', action_info: { scene_id: 5 } });
    assert.ok(r.ticket);
    const codes = (await sb.api('GET', `/oas/${DEMO_APPID}/qrcodes`)).body.qrcodes as Json[];
    assert.equal(codes.find((c) => c.ticket === r.ticket)?.scene, '0');
  });

  it('gives a permanent scene the same ticket again, and stops at the permanent-code cap', async () => {
    const a = await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 7 } } });
    assert.equal(a.expire_seconds, undefined);
    const again = await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 7 } } });
    assert.equal(again.ticket, a.ticket);
    await create({ action_name: 'QR_LIMIT_STR_SCENE', action_info: { scene: { scene_str: 'poster' } } });
    await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 8 } } });
    const over = await create({ action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 9 } } });
    assert.equal(over.errcode, 40053);
    assert.match(over.errmsg, /permanent QR codes are used up/);
    // The cap is on permanent codes only.
    assert.ok((await create({ action_name: 'QR_SCENE', action_info: { scene: { scene_id: 9 } } })).ticket);
  });

  it('serves the code as a JPEG encoding its url, without a token, until it expires', async () => {
    const r = await create({ action_name: 'QR_STR_SCENE', expire_seconds: 120, action_info: { scene: { scene_str: 'img' } } });
    const res = await show(r.ticket);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    const jpeg = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    assert.equal(await decodeQr(jpeg), r.url);

    // A person scanning that picture follows through the code.
    const [person] = await makePeople(sb, 1, 41);
    const scan = await sb.api('POST', '/actions/scan', { person_id: person!.id, qr_image: jpeg.toString('base64') });
    assert.equal(scan.status, 200);
    assert.equal(scan.body.kind, 'oa_qrcode');
    assert.equal(scan.body.outcome, 'subscribed');
    assert.equal(scan.body.event_key, 'qrscene_img');

    await sb.api('POST', '/clock/advance', { seconds: 121 });
    assert.equal((await show(r.ticket)).status, 404);
    assert.equal((await show('no-such-ticket')).status, 404);
    const [late] = await makePeople(sb, 1, 42);
    const expired = await sb.api('POST', '/actions/scan', { person_id: late!.id, qr_url: r.url });
    assert.equal(expired.body.outcome, 'expired');
    assert.deepEqual(expired.body.deliveries, []);
  });
});
