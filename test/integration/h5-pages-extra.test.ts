// The API the H5 pages add beyond the participant API (src/http/routes/h5/pages-extra.ts): the
// public activity page, the leaderboard (order, ties, my place), and the poster behind a signed
// image key (readable QR to the help link, conditional requests, keys that cannot be edited or
// used as a personal link). How the built pages are served, and their first-load budget.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachEngine } from '../helpers/db.ts';
import { personalToken, startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { endCampaign } from '../../src/modules/campaign/end-campaign.ts';
import { createCampaign } from '../../src/modules/campaign/create-campaign.ts';
import { readImageHeader } from '../../src/modules/poster/read-image-header.ts';
import { decodePixels, readQr } from '../../src/modules/poster/testing.ts';
import { ensureH5Built, H5_DIST } from '../../src/http/ensure-web-built.ts';
import { measureH5Bundle } from '../../src/http/h5-bundle-size.ts';

describeEachEngine('H5 pages API', (ctx) => {
  let w: FissionWorld;
  let dataDir: string;
  before(async () => {
    w = await startFissionWorld(ctx().db, 'h5api');
    dataDir = mkdtempSync(join(tmpdir(), 'fission-h5api-'));
    w.config.dataDir = dataDir;
  });
  after(async () => {
    await w?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Participants with the given valid help counts (a fixture: the counts are what is under test). */
  const seedParticipants = async (campaignId: number, counts: number[]) => {
    const ids: number[] = [];
    for (const [i, n] of counts.entries()) {
      const r = await ctx().db.query<{ id: number }>(
        `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, level, is_new_customer, valid_helps, funnel)
         VALUES ($1, $2, $3, $4, 1, true, $5, $6) RETURNING id`,
        [w.workspaceId, campaignId, `wm_rank_${campaignId}_${i}`, `参与者${i}`, n, n > 0 ? 'shared_not_completed' : 'not_shared'],
      );
      ids.push(r.rows[0]!.id);
    }
    return ids;
  };
  const tokenFor = (campaignId: number, pid: number) => personalToken(ctx().db, campaignId, pid);

  test('the public activity page: tiers and stock, the rules participants are told, the activity code while running', async () => {
    const c = await w.campaign({ rules: { helpsPerHelper: 2, newCustomersOnly: true, joinTagIds: [w.tagId] } });
    const r = await w.h5('GET', `/api/h5/c/${c.id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.campaign.status, 'running');
    assert.deepEqual(r.body.campaign.tiers.map((t: { target: number; stockLeft: number }) => [t.target, t.stockLeft]), [[2, 100]]);
    assert.deepEqual(r.body.rules, { helpsPerHelper: 2, noMutualHelp: false, genderFilter: 'all', newCustomersOnly: true, churnPolicy: 'deduct' });
    assert.equal(r.body.activityQr.url, c.qrUrl);
    // Nothing operators keep to themselves: no staff pool, tags or welcome texts.
    assert.doesNotMatch(JSON.stringify(r.body), /ZhangWei|joinTagIds|welcome/);

    await ctx().db.transaction((tx) => endCampaign(tx, { workspaceId: w.workspaceId, campaignId: c.id }));
    const ended = await w.h5('GET', `/api/h5/c/${c.id}`);
    assert.deepEqual([ended.body.campaign.status, ended.body.activityQr], ['ended', null]);

    const draft = await ctx().db.transaction((tx) => createCampaign(tx, {
      workspaceId: w.workspaceId, createdBy: null,
      config: { name: '草稿', startAt: new Date().toISOString(), endAt: new Date(Date.now() + 86_400_000).toISOString(), channel: { type: 'wecom', staffUserIds: ['ZhangWei'] }, tiers: [{ target: 1, reward: { type: 'physical', name: '杯子' }, stock: 1 }] },
    }));
    assert.equal((await w.h5('GET', `/api/h5/c/${draft.id}`)).status, 404);
    assert.equal((await w.h5('GET', '/api/h5/c/999999999')).status, 404);
  });

  test('the leaderboard: most helps first, earlier participants first among equals, my place, nobody without a help', async () => {
    const c = await w.campaign();
    const [, , p3, p4] = await seedParticipants(c.id, [3, 5, 3, 0]);
    const asP3 = await w.h5('GET', '/api/h5/me/ranking', { token: await tokenFor(c.id, p3!) });
    assert.equal(asP3.status, 200, JSON.stringify(asP3.body));
    assert.deepEqual(asP3.body.top.map((r: { rank: number; nickname: string; validHelps: number; isMe: boolean }) => [r.rank, r.nickname, r.validHelps, r.isMe]),
      [[1, '参与者1', 5, false], [2, '参与者0', 3, false], [3, '参与者2', 3, true]]);
    assert.deepEqual(asP3.body.me, { rank: 3, validHelps: 3 });
    assert.ok(!JSON.stringify(asP3.body).includes('participantId'), 'ids of other people are not sent');
    const asP4 = await w.h5('GET', '/api/h5/me/ranking', { token: await tokenFor(c.id, p4!) });
    assert.equal(asP4.body.me, null);
    assert.equal(asP4.body.top.length, 3);
    assert.equal((await w.h5('GET', '/api/h5/me/ranking')).status, 401);
  });

  test('the poster: a 750×1334 JPEG whose QR opens the help page, behind a key that cannot be edited or reused', async () => {
    const c = await w.campaign();
    const [a] = await w.people(1);
    await w.scan(a!, c.qrUrl);
    await w.settle();
    const pid = (await ctx().db.query<{ id: number }>(`SELECT id FROM participants WHERE campaign_id = $1`, [c.id])).rows[0]!.id;
    const token = await tokenFor(c.id, pid);

    const info = await w.h5('GET', '/api/h5/me/poster', { token });
    assert.equal(info.status, 200, JSON.stringify(info.body));
    assert.deepEqual([info.body.width, info.body.height], [750, 1334]);
    const img = await w.app.inject({ method: 'GET', url: info.body.url });
    assert.equal(img.statusCode, 200, img.body);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    assert.deepEqual(readImageHeader(img.rawPayload), { mime: 'image/jpeg', width: 750, height: 1334 });
    const me = await w.h5('GET', '/api/h5/me', { token });
    assert.equal(readQr(await decodePixels(img.rawPayload)), me.body.helpUrl);

    const again = await w.app.inject({ method: 'GET', url: info.body.url, headers: { 'if-none-match': String(img.headers.etag) } });
    assert.equal(again.statusCode, 304);

    const key = new URL(info.body.url, 'http://x').searchParams.get('k')!;
    const edited = key.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/h5/me/poster.jpg?k=${encodeURIComponent(edited)}` })).statusCode, 401);
    // A poster key is not a personal link, and a personal link is not a poster key.
    assert.equal((await w.h5('GET', '/api/h5/me', { token: key })).status, 401);
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/h5/me/poster.jpg?k=${encodeURIComponent(token)}` })).statusCode, 401);
    assert.equal((await w.h5('GET', '/api/h5/me/poster')).status, 401);
  });
});

describeEachEngine('H5 pages served', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    await ensureH5Built();
    w = await startFissionWorld(ctx().db, 'h5static');
  });
  after(async () => {
    await w?.close();
  });

  test('any page address answers the app, never cached, framed only by us and the sandbox; hashed assets cached for good, pre-compressed', async () => {
    const page = await w.app.inject({ method: 'GET', url: '/h5/c/1/me/poster' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.equal(page.headers['cache-control'], 'no-cache');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, new RegExp(`frame-ancestors 'self' ${new URL(w.config.sandboxUrl).origin.replace(/[.]/g, '\\.')}`));
    const entry = /src="(\/h5\/assets\/index-[^"]+\.js)"/.exec(page.body)![1]!;
    const js = await w.app.inject({ method: 'GET', url: entry, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(js.statusCode, 200);
    assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(js.headers['content-encoding'], 'gzip');
    assert.equal((await w.app.inject({ method: 'GET', url: '/h5/assets/missing-abc123.js' })).statusCode, 404);
  });
});

test('the built H5 pages stay within 150 KB of gzipped JavaScript on first load', async () => {
  await ensureH5Built();
  const size = measureH5Bundle(H5_DIST);
  assert.ok(size.files.length >= 2 && size.files[0]!.file.includes('index-'), JSON.stringify(size));
  assert.ok(size.firstLoadGzipBytes > 0 && size.firstLoadGzipBytes <= 150 * 1024, `first load ${size.firstLoadGzipBytes} bytes`);
  assert.equal(size.pages.length, 6);
});
