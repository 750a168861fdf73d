// A prize's customer-service QR through the real sandbox. A staff contact gets one "contact me"
// code per (campaign, staff member), made on the first claim-page load (once, however many load at
// once), shared by every winner, shown to winners only, counted in the quota view; an add through
// it is ignored with its reason and counted nowhere; it outlives the campaign until the claim
// window closes, then is deleted. An uploaded QR image is served to its winners under a signed key.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { DEMO_CORPID, type Json } from '../helpers/sandbox.ts';
import { parseContactWayState } from '../../src/domain/shared/contact-way-state.ts';
import { remarkIsOurs } from '../../src/domain/shared/contact-way-remark.ts';
import { claimDeadline } from '../../src/modules/fission/claim-window.ts';
import { cleanupContactWays } from '../../src/modules/fission/cleanup-contact-ways.ts';
import { findFlowCampaign } from '../../src/modules/fission/flow-campaign.ts';
import { inviterCode, linkSecret, participantToken } from '../../src/modules/fission/links.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { solidImage } from '../../src/modules/poster/testing.ts';

const multipart = (bytes: Buffer, field = 'file') => {
  const boundary = `----fission${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="qr.png"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
};

describeEachEngine('a prize’s customer-service QR', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db, 'service');
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const deps = () => ({ db: ctx().db, jobs: w.jobs, config: w.config });
  const sandboxWays = async () => (await w.sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body.contactWays as Json[];
  const quota = async () => (await w.admin('GET', `/api/admin/workspaces/${w.slug}/contact-way-quota`, { as: 'viewer' })).body.live as number;
  const serviceQr = (token: string, tierNo = 1) => w.h5('GET', `/api/h5/me/rewards/${tierNo}/service-qr`, { token });

  /** A joins through the activity code and wins tier 1 (target 1) by one friend's help; returns A's link token. */
  const winner = async (c: { id: number; qrUrl: string }, endAt: string) => {
    const [a, helper] = await w.people(2);
    const scan = await w.scan(a!, c.qrUrl);
    await w.settle();
    const id = (await q(`SELECT id FROM participants WHERE campaign_id = $1 AND external_userid = $2`, [c.id, scan.external_userid])).rows[0]!.id as number;
    const secret = await linkSecret(ctx().db);
    const help = await w.h5('GET', `/api/h5/c/${c.id}/help/${inviterCode(secret, c.id, id)}`);
    await w.scan(helper!, help.body.staffQr.url);
    await w.settle();
    assert.deepEqual((await q(`SELECT tier_no, status FROM rewards WHERE participant_id = $1`, [id])).rows, [{ tier_no: 1, status: 'reserved' }]);
    return { id, token: participantToken(secret, id, endAt), helperExt: (await q(`SELECT helper_external_userid AS e FROM helps WHERE inviter_id = $1`, [id])).rows[0]!.e as string };
  };

  test('a staff contact: one code under 20 concurrent claim-page loads, shared, winners only, ignored adds, kept until the claim window closes', async () => {
    const c = await w.campaign({
      tiers: [
        { target: 1, reward: { type: 'customer_service', name: '到店领取帆布包', contact: { type: 'staff', userId: 'LiNa' } }, stock: 10 },
        { target: 5, reward: { type: 'physical', name: '保温杯' }, stock: 10 },
      ],
    });
    const endAt = (await findFlowCampaign(ctx().db, w.workspaceId, c.id, new Date()))!.config.endAt;
    const A = await winner(c, endAt);
    const B = await winner(c, endAt);
    const helperOfA = (await q(`SELECT id FROM participants WHERE campaign_id = $1 AND external_userid = $2`, [c.id, A.helperExt])).rows[0]!.id as number;

    // My page names the kind of contact only, never the staff userid.
    const me = await w.h5('GET', '/api/h5/me', { token: A.token });
    assert.deepEqual(me.body.rewards[0].contact, { type: 'staff' });

    const waysBefore = await sandboxWays();
    const quotaBefore = await quota();
    const loads = await Promise.all(Array.from({ length: 20 }, () => serviceQr(A.token)));
    assert.ok(loads.every((r) => r.status === 200), JSON.stringify(loads.find((r) => r.status !== 200)?.body));
    const urls = new Set(loads.map((r) => r.body.url));
    assert.equal(urls.size, 1);
    assert.equal(loads[0]!.body.kind, 'staff');
    const url = loads[0]!.body.url as string;

    const waysAfter = await sandboxWays();
    assert.equal(waysAfter.length - waysBefore.length, 1, 'one add_contact_way at WeCom');
    const made = waysAfter.find((x) => !waysBefore.some((y) => y.configId === x.configId))!;
    assert.deepEqual([made.type, made.user], [1, ['LiNa']]);
    assert.deepEqual(parseContactWayState(made.state), { kind: 'service', campaignId: c.id });
    assert.ok(remarkIsOurs(w.workspaceId, made.remark), made.remark);
    const rows = (await q(`SELECT config_id, service_userid, participant_id FROM contact_ways WHERE campaign_id = $1 AND service_userid IS NOT NULL`, [c.id])).rows;
    assert.deepEqual(rows, [{ config_id: made.configId, service_userid: 'LiNa', participant_id: null }]);
    assert.equal(await quota(), quotaBefore + 1, 'the quota view counts it');

    // Shared by every winner of the campaign.
    assert.deepEqual((await serviceQr(B.token)).body, { kind: 'staff', url });
    // Winners only: a participant without that prize, a prize not won, a prize not claimed through service, no token.
    assert.equal((await serviceQr(participantToken(await linkSecret(ctx().db), helperOfA, endAt))).status, 404);
    assert.equal((await serviceQr(A.token, 2)).status, 404);
    assert.equal((await serviceQr('not-a-token')).status, 401);
    assert.equal((await w.h5('GET', '/api/h5/me/rewards/1/service-qr')).status, 401);
    assert.equal((await w.h5('GET', '/api/h5/me/rewards/9/service-qr', { token: A.token })).status, 400);

    // Someone adds the staff through it: ignored with the reason, counted nowhere.
    const counts = async () => (await q(
      `SELECT (SELECT count(*) FROM participants WHERE campaign_id = $1)::int AS participants, (SELECT count(*) FROM campaign_friends WHERE campaign_id = $1)::int AS friends,
              (SELECT count(*) FROM helps WHERE campaign_id = $1)::int AS helps, (SELECT count(*) FROM welcome_attempts WHERE campaign_id = $1)::int AS welcomes,
              (SELECT coalesce(sum(n), 0) FROM campaign_stat_counters WHERE campaign_id = $1)::int AS counters`,
      [c.id],
    )).rows[0];
    const before = await counts();
    const [visitor] = await w.people(1);
    const scan = await w.scan(visitor!, url);
    assert.equal(scan.outcome, 'added');
    await w.settle();
    const add = (await listInbox(ctx().db, w.workspaceId, { limit: 1000 })).find((r) => r.dedupeKey.includes(scan.external_userid));
    assert.equal(add?.status, 'ignored');
    assert.match(add!.statusReason!, new RegExp(`customer-service code of campaign ${c.id}: a winner adding customer service to claim a prize, not a join or a help`));
    assert.deepEqual(await counts(), before);

    // The campaign ends: its fission codes go, the service code stays while prizes can be claimed.
    assert.equal((await w.admin('POST', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}/end`)).status, 200);
    await w.settle();
    const live = (await q(`SELECT service_userid FROM contact_ways WHERE campaign_id = $1 AND deleted_at IS NULL`, [c.id])).rows;
    assert.deepEqual(live, [{ service_userid: 'LiNa' }]);
    assert.ok((await sandboxWays()).some((x) => x.configId === made.configId));
    assert.deepEqual((await serviceQr(A.token)).body, { kind: 'staff', url }, 'a winner still claims after the end');
    const ended = (await findFlowCampaign(ctx().db, w.workspaceId, c.id, new Date()))!;
    const deadline = claimDeadline(ended);
    const planned = (await q(`SELECT start_after FROM pgboss.job WHERE name = 'fission.contact-ways.cleanup' AND (data->>'campaignId')::bigint = $1 AND state = 'created'`, [c.id])).rows;
    assert.deepEqual(planned.map((r) => (r.start_after as Date).toISOString()), [deadline.toISOString()], 'the clean-up waits for the claim window to close');

    // The claim window closes: the clean-up deletes it at WeCom, and it leaves the quota.
    const quotaLive = await quota();
    const early = await cleanupContactWays(deps(), { workspaceId: w.workspaceId, campaignId: c.id }, new Date(deadline.getTime() - 1000));
    assert.deepEqual(early, { deleted: 0, more: false });
    const done = await cleanupContactWays(deps(), { workspaceId: w.workspaceId, campaignId: c.id }, new Date(deadline.getTime() + 1000));
    assert.deepEqual(done, { deleted: 1, more: false });
    assert.ok(!(await sandboxWays()).some((x) => x.configId === made.configId));
    assert.equal(await quota(), quotaLive - 1);
  });

  test('deleting the ended campaign deletes its service code at once', async () => {
    const c = await w.campaign({ tiers: [{ target: 1, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'LiNa' } }, stock: 5 }] });
    const endAt = (await findFlowCampaign(ctx().db, w.workspaceId, c.id, new Date()))!.config.endAt;
    const A = await winner(c, endAt);
    assert.equal((await serviceQr(A.token)).status, 200);
    const configId = (await q(`SELECT config_id FROM contact_ways WHERE campaign_id = $1 AND service_userid = 'LiNa'`, [c.id])).rows[0]!.config_id as string;
    assert.equal((await w.admin('POST', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}/end`)).status, 200);
    await w.settle();
    assert.ok((await sandboxWays()).some((x) => x.configId === configId), 'kept for the claim window');
    assert.equal((await w.admin('DELETE', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}`, { as: 'owner' })).status, 204);
    await w.settle();
    assert.ok(!(await sandboxWays()).some((x) => x.configId === configId));
    assert.equal((await q(`SELECT count(*)::int AS n FROM contact_ways WHERE campaign_id = $1 AND deleted_at IS NULL`, [c.id])).rows[0]!.n, 0);
    assert.equal((await serviceQr(A.token)).status, 404, 'a deleted campaign has no prizes to claim');
  });

  test('an uploaded QR image: validated like a poster background, served to its winners under a signed key', async () => {
    const api = `/api/admin/workspaces/${w.slug}/service-qr-images`;
    const cookie = async () => {
      const r = await w.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: `operator@${w.slug}.test`, password: 'correct horse battery' } });
      const c = r.cookies.find((x) => x.name === 'fission_session')!;
      return `${c.name}=${c.value}`;
    };
    const session = await cookie();
    const upload = async (bytes: Buffer, field = 'file') => {
      const { payload, contentType } = multipart(bytes, field);
      const r = await w.app.inject({ method: 'POST', url: api, payload, headers: { cookie: session, 'content-type': contentType } });
      return { status: r.statusCode, body: JSON.parse(r.body) };
    };
    const before = (await q(`SELECT count(*)::int AS n FROM service_qr_images`)).rows[0]!.n;
    for (const [bytes, status] of [[Buffer.from('not an image at all'), 415], [solidImage(100, 100, '#000000', 'png'), 400]] as const) {
      const bad = await upload(bytes);
      assert.equal(bad.status, status, JSON.stringify(bad.body));
      assert.equal(bad.body.error.fields[0].path, 'file');
    }
    assert.equal((await upload(solidImage(430, 430, '#222222', 'png'), 'image')).status, 400);
    assert.equal((await q(`SELECT count(*)::int AS n FROM service_qr_images`)).rows[0]!.n, before, 'refused uploads store nothing');
    const png = solidImage(430, 430, '#222222', 'png');
    const up = await upload(png);
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.match(up.body.url, new RegExp(`^/api/admin/workspaces/${w.slug}/service-qr-images/${up.body.id}$`));
    const back = await w.app.inject({ method: 'GET', url: up.body.url, headers: { cookie: session } });
    assert.equal(back.statusCode, 200);
    assert.ok(back.rawPayload.equals(png));
    assert.equal((await w.app.inject({ method: 'GET', url: up.body.url })).statusCode, 401, 'the admin copy needs a session');

    const c = await w.campaign({ tiers: [{ target: 1, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'qr_image', imageUrl: up.body.url } }, stock: 5 }] });
    const endAt = (await findFlowCampaign(ctx().db, w.workspaceId, c.id, new Date()))!.config.endAt;
    const A = await winner(c, endAt);
    const codesBefore = (await q(`SELECT count(*)::int AS n FROM contact_ways WHERE campaign_id = $1`, [c.id])).rows[0]!.n;
    const qr = await serviceQr(A.token);
    assert.equal(qr.status, 200, JSON.stringify(qr.body));
    assert.equal(qr.body.kind, 'qr_image');
    assert.match(qr.body.url, /^\/api\/h5\/me\/service-qr\.img\?k=/);
    assert.equal((await q(`SELECT count(*)::int AS n FROM contact_ways WHERE campaign_id = $1`, [c.id])).rows[0]!.n, codesBefore, 'no WeCom code for an image');
    const img = await w.app.inject({ method: 'GET', url: qr.body.url });
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/png');
    assert.ok(img.rawPayload.equals(png));
    const k = new URL(qr.body.url, 'http://x').searchParams.get('k')!;
    const forged = `${k.slice(0, -2)}${k.endsWith('AA') ? 'BB' : 'AA'}`;
    assert.equal((await w.app.inject({ method: 'GET', url: `/api/h5/me/service-qr.img?k=${encodeURIComponent(forged)}` })).statusCode, 401);
    // A URL of another host is handed out as it is.
    const d = await w.campaign({ tiers: [{ target: 1, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'qr_image', imageUrl: 'https://cdn.example.com/kefu.png' } }, stock: 5 }] });
    const dEnd = (await findFlowCampaign(ctx().db, w.workspaceId, d.id, new Date()))!.config.endAt;
    assert.deepEqual((await serviceQr((await winner(d, dEnd)).token)).body, { kind: 'qr_image', url: 'https://cdn.example.com/kefu.png' });
  });
});
