// The poster wiring over HTTP (src/http/routes/admin/posters.ts, the campaign's `poster` field and
// the H5 poster): background upload and read-back, rejected uploads store nothing, the editor's
// preview scans, and a campaign's template drives its participants' posters, re-rendered when the
// layout changes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { describeEachEngine } from '../helpers/db.ts';
import { personalToken, startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { defaultPosterTemplate, type PosterTemplate } from '../../src/domain/poster/template.ts';
import { readImageHeader } from '../../src/modules/poster/read-image-header.ts';
import { PREVIEW_HELP_URL } from '../../src/modules/poster/render-poster-preview.ts';
import { bombHeader, decodePixels, near, readQr, solidImage } from '../../src/modules/poster/testing.ts';

const multipart = (bytes: Buffer, field = 'file') => {
  const boundary = `----fission${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="bg.img"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
};

describeEachEngine('posters over HTTP', (ctx) => {
  let w: FissionWorld;
  let dataDir: string;
  const cookies = new Map<string, string>();
  before(async () => {
    w = await startFissionWorld(ctx().db, 'posterhttp');
    dataDir = mkdtempSync(join(tmpdir(), 'fission-posterhttp-'));
    w.config.dataDir = dataDir;
  });
  after(async () => {
    await w?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = () => `/api/admin/workspaces/${w.slug}`;
  const cookieFor = async (role: 'operator' | 'viewer') => {
    if (!cookies.has(role)) {
      const r = await w.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: `${role}@${w.slug}.test`, password: 'correct horse battery' } });
      const c = r.cookies.find((x) => x.name === 'fission_session')!;
      cookies.set(role, `${c.name}=${c.value}`);
    }
    return cookies.get(role)!;
  };
  const upload = async (bytes: Buffer, opts: { as?: 'operator' | 'viewer'; field?: string } = {}) => {
    const { payload, contentType } = multipart(bytes, opts.field);
    const r = await w.app.inject({ method: 'POST', url: `${api()}/poster-backgrounds`, payload, headers: { cookie: await cookieFor(opts.as ?? 'operator'), 'content-type': contentType } });
    return { status: r.statusCode, body: r.json() };
  };
  const stored = async () => (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM poster_backgrounds')).rows[0]!.n;
  const tokenFor = (campaignId: number, pid: number) => personalToken(ctx().db, campaignId, pid);

  test('JPEG and PNG backgrounds are stored and read back; only operators upload', async () => {
    const jpg = solidImage(750, 1334, '#ffe0c0', 'jpeg');
    const up = await upload(jpg);
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.deepEqual([up.body.width, up.body.height, up.body.mime, up.body.byteSize], [750, 1334, 'image/jpeg', jpg.length]);
    const png = await upload(solidImage(600, 900, '#e0f0ff', 'png'));
    assert.deepEqual([png.status, png.body.mime, png.body.width, png.body.height], [201, 'image/png', 600, 900]);

    const got = await w.app.inject({ method: 'GET', url: up.body.url, headers: { cookie: await cookieFor('viewer') } });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/jpeg');
    assert.match(String(got.headers['cache-control']), /immutable/);
    assert.ok(got.rawPayload.equals(jpg));
    const again = await w.app.inject({ method: 'GET', url: up.body.url, headers: { cookie: await cookieFor('viewer'), 'if-none-match': String(got.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal((await w.app.inject({ method: 'GET', url: `${api()}/poster-backgrounds/${randomUUID()}`, headers: { cookie: await cookieFor('viewer') } })).statusCode, 404);
    assert.equal((await w.app.inject({ method: 'GET', url: up.body.url })).statusCode, 401);

    const before = await stored();
    assert.equal((await upload(solidImage(700, 700, '#123456', 'png'), { as: 'viewer' })).status, 403);
    assert.equal(await stored(), before);
  });

  test('a wrong type, a file over 2 MB or an undecodable image is refused naming `background`, and nothing is stored', async () => {
    const before = await stored();
    const text = await upload(Buffer.from('<html>not an image</html>'.repeat(20)));
    assert.equal(text.status, 415, JSON.stringify(text.body));
    assert.deepEqual(text.body.error.fields.map((f: { path: string }) => f.path), ['background']);
    const big = await upload(Buffer.concat([solidImage(750, 1334, '#ffffff', 'png'), randomBytes(2 * 1024 * 1024)]));
    assert.equal(big.status, 413, JSON.stringify(big.body));
    assert.deepEqual(big.body.error.fields.map((f: { path: string }) => f.path), ['background']);
    const broken = await upload(bombHeader('png', 800, 1200));
    assert.equal(broken.status, 400, JSON.stringify(broken.body));
    assert.deepEqual(broken.body.error.fields.map((f: { path: string }) => f.path), ['background']);
    const wrongField = await upload(solidImage(750, 1334, '#ffffff', 'jpeg'), { field: 'image' });
    assert.equal(wrongField.status, 400);
    assert.equal(await stored(), before);
  });

  test('the preview is a JPEG of the template whose QR code scans; a bad template answers 400 naming the field', async () => {
    const bg = await upload(solidImage(600, 900, '#fff4e0', 'jpeg'));
    const template = defaultPosterTemplate({ imageId: bg.body.id, width: 600, height: 900 });
    const r = await w.app.inject({ method: 'POST', url: `${api()}/poster-preview`, payload: { template }, headers: { cookie: await cookieFor('viewer') } });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.headers['content-type'], 'image/jpeg');
    assert.deepEqual(readImageHeader(r.rawPayload), { mime: 'image/jpeg', width: 600, height: 900 });
    assert.equal(readQr(await decodePixels(r.rawPayload)), PREVIEW_HELP_URL);

    const overlapping = { ...template, qr: { ...template.qr, x: template.avatar.x, y: template.avatar.y } };
    const bad = await w.app.inject({ method: 'POST', url: `${api()}/poster-preview`, payload: { template: overlapping }, headers: { cookie: await cookieFor('viewer') } });
    assert.equal(bad.statusCode, 400);
    assert.match(JSON.stringify(bad.json().error.fields), /qr/);
    const unknown = { ...template, background: { imageId: randomUUID(), width: 600, height: 900 } };
    const missing = await w.app.inject({ method: 'POST', url: `${api()}/poster-preview`, payload: { template: unknown }, headers: { cookie: await cookieFor('viewer') } });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().error.fields.map((f: { path: string }) => f.path), ['body.template.background.imageId']);
  });

  test('a campaign\'s template shapes its posters; a layout change bumps the version and the poster', async () => {
    const bg = await upload(solidImage(600, 900, '#eef6ff', 'jpeg'));
    const template: PosterTemplate = { ...defaultPosterTemplate({ imageId: bg.body.id, width: 600, height: 900 }), version: 1 };
    const c = await w.campaign({ poster: template });
    const [a] = await w.people(1);
    await w.scan(a!, c.qrUrl);
    await w.settle();
    const pid = (await ctx().db.query<{ id: number }>(`SELECT id FROM participants WHERE campaign_id = $1`, [c.id])).rows[0]!.id;
    const token = await tokenFor(c.id, pid);
    const helpUrl = (await w.h5('GET', '/api/h5/me', { token })).body.helpUrl;

    const info = await w.h5('GET', '/api/h5/me/poster', { token });
    assert.deepEqual([info.body.width, info.body.height], [600, 900]);
    const img = await w.app.inject({ method: 'GET', url: info.body.url });
    assert.equal(img.statusCode, 200, img.body);
    assert.deepEqual(readImageHeader(img.rawPayload), { mime: 'image/jpeg', width: 600, height: 900 });
    assert.equal(readQr(await decodePixels(img.rawPayload)), helpUrl);

    // Saving the same layout keeps version 1; moving the QR code makes it version 2 whatever was sent.
    const same = await w.admin('PUT', `${api()}/campaigns/${c.id}/poster`, { body: { template } });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    assert.equal(same.body.template.version, 1);
    const moved = { ...template, qr: { ...template.qr, y: template.qr.y - 300 } };
    const saved = await w.admin('PUT', `${api()}/campaigns/${c.id}/poster`, { body: { template: moved } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.template.version, 2);
    const foreign = await w.admin('PUT', `${api()}/campaigns/${c.id}/poster`, { body: { template: { ...moved, background: { imageId: randomUUID(), width: 600, height: 900 } } } });
    assert.equal(foreign.status, 400, JSON.stringify(foreign.body));
    assert.deepEqual(foreign.body.error.fields.map((f: { path: string }) => f.path), ['body.template.background.imageId']);
    // A full update that leaves the poster out keeps it.
    const view = await w.admin('GET', `${api()}/campaigns/${c.id}`);
    const { poster: _p, ...rest } = view.body.config;
    const kept = await w.admin('PUT', `${api()}/campaigns/${c.id}`, { body: rest });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.equal(kept.body.config.poster.version, 2);
    assert.equal((await w.admin('GET', `${api()}/campaigns/${c.id}/poster`, { as: 'viewer' })).body.template.qr.y, moved.qr.y);

    const info2 = await w.h5('GET', '/api/h5/me/poster', { token });
    assert.notEqual(info2.body.url, info.body.url);
    const img2 = await w.app.inject({ method: 'GET', url: info2.body.url });
    assert.equal(img2.statusCode, 200);
    assert.notEqual(img2.headers.etag, img.headers.etag);
    assert.equal(readQr(await decodePixels(img2.rawPayload)), helpUrl);
  });

  test('without an uploaded background, the editor, its preview and the posters all show the offer on the default background', async () => {
    // The default background's top is its red-orange gradient (#f5452f); a plain frame is near white.
    const warm = (p: Awaited<ReturnType<typeof decodePixels>>) => near(p.at(375, 20), [245, 69, 47], 60);
    const bg = await w.app.inject({ method: 'GET', url: `${api()}/poster-default-background?reward=${encodeURIComponent('保温杯')}&target=3`, headers: { cookie: await cookieFor('viewer') } });
    assert.equal(bg.statusCode, 200, bg.body);
    assert.deepEqual(readImageHeader(bg.rawPayload), { mime: 'image/jpeg', width: 750, height: 1334 });
    assert.ok(warm(await decodePixels(bg.rawPayload)));
    const badQuery = await w.app.inject({ method: 'GET', url: `${api()}/poster-default-background?reward=&target=0`, headers: { cookie: await cookieFor('viewer') } });
    assert.equal(badQuery.statusCode, 400);
    assert.deepEqual(badQuery.json().error.fields.map((f: { path: string }) => f.path).sort(), ['querystring.reward', 'querystring.target']);
    assert.equal((await w.app.inject({ method: 'GET', url: `${api()}/poster-default-background?reward=x&target=1` })).statusCode, 401);

    // A layout moved in the editor but no image uploaded: the preview with the offer is the default background's.
    const template: PosterTemplate = { ...defaultPosterTemplate(), version: 1 };
    const moved = { ...template, qr: { ...template.qr, y: template.qr.y - 400 } };
    const preview = async (body: object) => w.app.inject({ method: 'POST', url: `${api()}/poster-preview`, payload: body, headers: { cookie: await cookieFor('viewer') } });
    const withOffer = await preview({ template: moved, offer: { reward: '保温杯', target: 3 } });
    assert.equal(withOffer.statusCode, 200, withOffer.body);
    assert.ok(warm(await decodePixels(withOffer.rawPayload)));
    assert.equal(readQr(await decodePixels(withOffer.rawPayload)), PREVIEW_HELP_URL);
    assert.ok(!warm(await decodePixels((await preview({ template: moved })).rawPayload)), 'no offer: the plain frame');
    const badOffer = await preview({ template: moved, offer: { reward: '保温杯', target: 0 } });
    assert.equal(badOffer.statusCode, 400);
    assert.deepEqual(badOffer.json().error.fields.map((f: { path: string }) => f.path), ['body.offer.target']);

    // A campaign saved with that layout gives its participants the same picture, with their own QR.
    const c = await w.campaign({ poster: moved });
    const [a] = await w.people(1);
    await w.scan(a!, c.qrUrl);
    await w.settle();
    const pid = (await ctx().db.query<{ id: number }>(`SELECT id FROM participants WHERE campaign_id = $1`, [c.id])).rows[0]!.id;
    const token = await tokenFor(c.id, pid);
    const info = await w.h5('GET', '/api/h5/me/poster', { token });
    const img = await w.app.inject({ method: 'GET', url: info.body.url });
    assert.equal(img.statusCode, 200, img.body);
    const pixels = await decodePixels(img.rawPayload);
    assert.ok(warm(pixels));
    assert.equal(readQr(pixels), (await w.h5('GET', '/api/h5/me', { token })).body.helpUrl);
  });

  test('a bad poster template in a campaign answers 400 naming the field', async () => {
    const base = defaultPosterTemplate();
    const input = {
      name: '海报', startAt: new Date().toISOString(), endAt: new Date(Date.now() + 86_400_000).toISOString(),
      channel: { type: 'wecom', staffUserIds: ['ZhangWei'] }, tiers: [{ target: 1, reward: { type: 'physical', name: '杯子' }, stock: 1 }],
    };
    const offFrame = await w.admin('POST', `${api()}/campaigns`, { body: { ...input, poster: { ...base, qr: { ...base.qr, x: 700 } } } });
    assert.equal(offFrame.status, 400);
    assert.match(JSON.stringify(offFrame.body.error.fields), /poster\.qr\.x/);
    const unknownBg = await w.admin('POST', `${api()}/campaigns`, { body: { ...input, poster: { ...base, background: { imageId: randomUUID(), width: 750, height: 1334 } } } });
    assert.equal(unknownBg.status, 400, JSON.stringify(unknownBg.body));
    assert.deepEqual(unknownBg.body.error.fields.map((f: { path: string }) => f.path), ['body.poster.background.imageId']);
  });

  test('the poster routes are in the OpenAPI document', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['poster-backgrounds', 'poster-backgrounds/{id}', 'poster-preview', 'poster-default-background', 'campaigns/{campaignId}/poster']) {
      assert.ok(doc.paths[`/api/admin/workspaces/{workspace}/${path}`], path);
    }
    assert.ok(doc.paths['/api/admin/workspaces/{workspace}/poster-preview'].post.requestBody.content['application/json'].schema.properties.template);
  });
});
