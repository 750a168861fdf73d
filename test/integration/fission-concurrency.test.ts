// Concurrency and delivery faults through the real sandbox: many helpers at once, one help code
// requested concurrently, callbacks duplicated, reordered and a delete arriving before its add,
// and participants racing for the last units of stock — at the flow level, from scans.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { DEMO_CORPID, type Json } from '../helpers/sandbox.ts';
import { ensureContactWay } from '../../src/modules/fission/ensure-contact-way.ts';
import { listWelcomeAttempts } from '../../src/modules/fission/welcome-attempt-row.ts';
import { inviterCode, linkSecret } from '../../src/modules/fission/links.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';

/** Runs `fn` over `items`, `width` at a time. */
async function inWaves<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

describeEachEngine('task fission under concurrency and delivery faults', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db);
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const deps = () => ({ db: ctx().db, jobs: w.jobs, config: w.config });
  const joinAll = async (campaignId: number, qrUrl: string, people: Json[]) => {
    const scans = await inWaves(people, 20, (p) => w.scan(p, qrUrl));
    assert.ok(scans.every((s) => s.outcome === 'added'));
    await w.settle(120_000);
    const rows = (await q(`SELECT id, external_userid FROM participants WHERE campaign_id = $1`, [campaignId])).rows;
    const byExt = new Map(rows.map((r) => [r.external_userid as string, r.id as number]));
    const missing = scans.filter((s) => !byExt.has(s.external_userid));
    assert.equal(missing.length, 0, `not participants: ${JSON.stringify((await listInbox(ctx().db, w.workspaceId, { limit: 1000 })).filter((r) => missing.some((m) => r.dedupeKey.includes(m.external_userid))))}`);
    return scans.map((s) => ({ ext: s.external_userid as string, id: byExt.get(s.external_userid)! }));
  };
  const helpQr = async (campaignId: number, participantId: number) =>
    (await ensureContactWay(deps(), { workspaceId: w.workspaceId, campaignId, participantId })).qrUrl;

  test('50 helpers helping one inviter at once: exact count, 50 level-2 participants, 51 welcome attempts', async () => {
    const c = await w.campaign({ tiers: [{ target: 100, reward: { type: 'physical', name: '大礼包' }, stock: 5 }] });
    const [A] = await joinAll(c.id, c.qrUrl, await w.people(1));
    const qr = await helpQr(c.id, A!.id);
    const helpers = await w.people(50);
    const scans = await Promise.all(helpers.map((h) => w.scan(h, qr)));
    assert.ok(scans.every((s) => s.outcome === 'added'));
    await w.settle(120_000);
    assert.equal((await q(`SELECT valid_helps FROM participants WHERE id = $1`, [A!.id])).rows[0]!.valid_helps, 50);
    assert.equal((await q(`SELECT count(*)::int AS n FROM helps WHERE inviter_id = $1 AND status = 'valid'`, [A!.id])).rows[0]!.n, 50);
    assert.deepEqual((await q(`SELECT level, count(*)::int AS n FROM participants WHERE campaign_id = $1 GROUP BY level ORDER BY level`, [c.id])).rows, [{ level: 1, n: 1 }, { level: 2, n: 50 }]);
    const adds = (await listInbox(ctx().db, w.workspaceId, { limit: 1000 })).filter((r) => scans.some((s) => r.dedupeKey.includes(s.external_userid)));
    assert.equal(adds.length, 50);
    assert.ok(adds.every((r) => r.status === 'processed'));
    // No run is left failing on a deadlock: helpers of one inviter queue on its row, and victims are re-run inside.
    const failedRuns = (await q(`SELECT output FROM pgboss.job WHERE name = 'inbox.process' AND retry_count > 0`)).rows;
    assert.ok(!JSON.stringify(failedRuns).includes('40P01'), JSON.stringify(failedRuns).slice(0, 1500));
    const attempts = await listWelcomeAttempts(ctx().db, w.workspaceId, c.id);
    assert.equal(attempts.length, 51);
    assert.equal(new Set(attempts.map((a) => a.inboxId)).size, 51, 'one attempt per add event');
    // Sent within the code's 20 s, or (on a starved machine) handed to the group-send fallback: never lost.
    assert.ok(attempts.every((a) => ['sent', 'fallback_created', 'fallback_limited'].includes(a.status)), JSON.stringify(attempts.filter((a) => a.status !== 'sent')));
  });

  test('concurrent first requests for a help code create one contact way at WeCom', async () => {
    const c = await w.campaign();
    const [A] = await joinAll(c.id, c.qrUrl, await w.people(1));
    const code = inviterCode(await linkSecret(ctx().db), c.id, A!.id);
    const before = (await w.sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body;
    const pages = await Promise.all(Array.from({ length: 12 }, () => w.h5('GET', `/api/h5/c/${c.id}/help/${code}`)));
    assert.ok(pages.every((p) => p.status === 200), JSON.stringify(pages.find((p) => p.status !== 200)));
    assert.equal(new Set(pages.map((p) => p.body.staffQr.url)).size, 1);
    assert.equal((await q(`SELECT count(*)::int AS n FROM contact_ways WHERE participant_id = $1`, [A!.id])).rows[0]!.n, 1);
    const after = (await w.sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body;
    assert.equal(after.contactWays.length - before.contactWays.length, 1, 'one add_contact_way at WeCom');
    // A code that is not ours for this campaign: 404, nothing created.
    const forged = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    assert.equal((await w.h5('GET', `/api/h5/c/${c.id}/help/${forged}`)).status, 404);
  });

  test('a callback delivered 3 times and out of order counts once; a delete arriving before its add is not lost', async () => {
    const c = await w.campaign({ tiers: [{ target: 10, reward: { type: 'physical', name: '大礼包' }, stock: 5 }], rules: { churnPolicy: 'deduct' } });
    const [A] = await joinAll(c.id, c.qrUrl, await w.people(1));
    const qr = await helpQr(c.id, A!.id);
    const [b, cc, d] = await w.people(3);
    // B's add: three copies, held back until C's add was sent.
    const sB = await w.scan(b!, qr, { faults: { duplicate: 2, reorder: true }, wait: false });
    const sC = await w.scan(cc!, qr);
    await w.settle();
    const deliveries = (await w.sb.api('GET', `/deliveries?corpid=${DEMO_CORPID}&limit=1000`)).body.deliveries as Json[];
    const ofB = deliveries.filter((x) => x.xml.includes(sB.external_userid) && x.xml.includes('add_external_contact'));
    assert.equal(ofB.filter((x) => x.status === 'delivered').length, 3);
    assert.ok(ofB.some((x) => x.faults.includes('reordered')), JSON.stringify(ofB.map((x) => x.faults)));
    assert.equal((await listInbox(ctx().db, w.workspaceId)).filter((r) => r.dedupeKey.includes(sB.external_userid)).length, 1);
    assert.equal((await q(`SELECT valid_helps FROM participants WHERE id = $1`, [A!.id])).rows[0]!.valid_helps, 2);

    // D's add is held; D deletes the staff; the delete is delivered (twice) first, then the add.
    const sD = await w.scan(d!, qr, { faults: { hold: true }, wait: false });
    const del = await w.sb.api('POST', '/actions/delete-staff', { person_id: d!.id, corpid: DEMO_CORPID, userid: 'ZhangWei', faults: { duplicate: 1 }, wait: true });
    assert.equal(del.status, 200);
    await w.settle();
    await w.sb.api('POST', '/deliveries/release', { wait: true });
    await w.settle();
    const helpD = (await q(`SELECT status FROM helps WHERE helper_external_userid = $1`, [sD.external_userid])).rows;
    assert.deepEqual(helpD, [{ status: 'revoked' }], 'the help was recorded, then revoked by the earlier-delivered delete');
    assert.equal((await q(`SELECT valid_helps FROM participants WHERE id = $1`, [A!.id])).rows[0]!.valid_helps, 2);
    assert.equal((await q(`SELECT lost_at IS NOT NULL AS lost FROM campaign_friends WHERE campaign_id = $1 AND external_userid = $2`, [c.id, sD.external_userid])).rows[0]!.lost, true);
    const attemptD = (await listWelcomeAttempts(ctx().db, w.workspaceId, c.id)).filter((a) => a.externalUserId === sD.external_userid);
    assert.deepEqual(attemptD.map((a) => a.status), ['skipped']);
  });

  test('100 participants racing for the last 10 units of stock: exactly 10 prizes, then the campaign is sold out and its codes deleted', async () => {
    const c = await w.campaign({ tiers: [{ target: 1, reward: { type: 'physical', name: '限量款' }, stock: 10 }] });
    const racers = await joinAll(c.id, c.qrUrl, await w.people(100));
    const qrs = await inWaves(racers, 10, (r) => helpQr(c.id, r.id));
    const helpers = await w.people(100);
    await inWaves(helpers.map((h, i) => [h, qrs[i]!] as const), 25, ([h, qr]) => w.scan(h, qr));
    await w.settle(180_000);
    const rewards = (await q(`SELECT participant_id FROM rewards WHERE campaign_id = $1`, [c.id])).rows;
    assert.equal(rewards.length, 10);
    assert.equal(new Set(rewards.map((r) => r.participant_id)).size, 10);
    assert.equal((await q(`SELECT stock_reserved FROM campaign_tiers WHERE campaign_id = $1`, [c.id])).rows[0]!.stock_reserved, 10);
    assert.equal((await q(`SELECT end_reason FROM campaigns WHERE id = $1`, [c.id])).rows[0]!.end_reason, 'sold_out');
    // Helps that came after the sell-out were for an ended campaign: ignored with the reason.
    const adds = (await listInbox(ctx().db, w.workspaceId, { limit: 1000 })).filter((r) => r.statusReason?.includes(`campaign ${c.id} is ended`));
    const valid = (await q(`SELECT count(*)::int AS n FROM helps WHERE campaign_id = $1 AND status = 'valid'`, [c.id])).rows[0]!.n;
    assert.equal(valid + adds.length, 100, 'every helper scan is either a counted help or ignored as too late');
    // The sell-out deleted every code of the campaign at WeCom (101: the activity code and 100 help codes, two batches).
    const live = (await q(`SELECT count(*)::int AS n FROM contact_ways WHERE campaign_id = $1 AND deleted_at IS NULL`, [c.id])).rows[0]!.n;
    assert.equal(live, 0);
  });
});
