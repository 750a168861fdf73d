// The whole WeCom-only task-fission story through the real sandbox: publish → A scans the activity
// code → A is a participant and got the welcome card → A's help page → B and C scan A's help QR →
// A's count 2 → tier 1 reached, prize reserved, staff app message → B and C are participants of
// level 2 and got the helper text. Then A reads their page, claims the prize, and the campaign's
// codes are deleted at WeCom once it ends.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { DEMO_CORPID, type Json } from '../helpers/sandbox.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { listWelcomeAttempts } from '../../src/modules/fission/welcome-attempt-row.ts';

describeEachEngine('task fission, WeCom only: the whole story', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db);
  });
  after(async () => {
    await w?.close();
  });

  const participant = async (campaignId: number, ext: string) =>
    (await ctx().db.query(`SELECT * FROM participants WHERE campaign_id = $1 AND external_userid = $2`, [campaignId, ext])).rows[0]!;
  const messagesTo = async (person: Json) => (await w.sb.api('GET', `/people/${person.id}/messages`)).body.messages as Json[];
  const tokenIn = (url: string) => decodeURIComponent(new URL(url).searchParams.get('t')!);

  test('publish, join, help, tier reached, prize reserved, staff told, helpers join one level down', async () => {
    const { db } = ctx();
    const c = await w.campaign();
    const [a, b, cc] = await w.people(3);

    const scanA = await w.scan(a!, c.qrUrl);
    assert.equal(scanA.outcome, 'added');
    await w.settle();
    const pa = await participant(c.id, scanA.external_userid);
    assert.ok(pa, 'A is a participant');
    assert.deepEqual([pa.level, pa.inviter_id, pa.is_new_customer, pa.nickname], [1, null, true, a!.nickname]);

    // A got the welcome card: text + a link card to their own page, through the welcome code.
    const welcomeA = (await messagesTo(a!)).filter((m) => m.kind === 'welcome');
    assert.equal(welcomeA.length, 1, JSON.stringify(await messagesTo(a!)));
    const card = welcomeA[0]!.content.attachments[0];
    assert.equal(card.msgtype, 'link');
    assert.match(card.link.url, new RegExp(`/h5/c/${c.id}/me\\?t=`));
    assert.match(welcomeA[0]!.content.text.content, /欢迎参加活动/);

    // The public activity page shows the activity code and the rules participants are told.
    const landing = await w.h5('GET', `/api/h5/c/${c.id}`);
    assert.equal(landing.status, 200, JSON.stringify(landing.body));
    assert.equal(landing.body.activityQr.url, c.qrUrl);
    assert.equal(landing.body.rules.helpsPerHelper, 1);
    assert.equal(landing.body.rules.joinTagIds, undefined, 'tag ids are not shown');

    // A's page (identity from the link's token) shows the help link; the help page shows the staff QR.
    const me = await w.h5('GET', '/api/h5/me', { token: tokenIn(card.link.url) });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.me.validHelps, 0);
    assert.deepEqual(me.body.nextTier, { tier: 1, target: 2, stillNeeded: 2 });
    assert.equal(me.body.posterUrl, null);
    const helpPath = new URL(me.body.helpUrl).pathname.replace('/h5/', '/api/h5/');
    const help = await w.h5('GET', helpPath);
    assert.equal(help.status, 200, JSON.stringify(help.body));
    assert.equal(help.body.inviter.nickname, a!.nickname);
    assert.ok(help.body.staffQr.url);

    // B and C scan A's help QR.
    const scanB = await w.scan(b!, help.body.staffQr.url);
    const scanC = await w.scan(cc!, help.body.staffQr.url);
    assert.deepEqual([scanB.outcome, scanC.outcome], ['added', 'added']);
    await w.settle();

    const pa2 = await participant(c.id, scanA.external_userid);
    assert.equal(pa2.valid_helps, 2);
    assert.equal(pa2.funnel, 'completed');
    const rewards = (await db.query(`SELECT tier_no, status FROM rewards WHERE participant_id = $1`, [pa.id])).rows;
    assert.deepEqual(rewards, [{ tier_no: 1, status: 'reserved' }]);
    assert.equal((await db.query(`SELECT stock_reserved FROM campaign_tiers WHERE campaign_id = $1`, [c.id])).rows[0]!.stock_reserved, 1);

    // The staff member got an app message about A's tier.
    const appMsgs = (await w.sb.api('GET', `/corps/${DEMO_CORPID}/messages?kind=app_message`)).body.messages as Json[];
    assert.equal(appMsgs.length, 1, JSON.stringify(appMsgs));
    assert.equal(appMsgs[0]!.to, 'ZhangWei');
    assert.match(JSON.stringify(appMsgs[0]!.content), new RegExp(`完成第1阶任务`));

    for (const [person, scan] of [[b!, scanB], [cc!, scanC]] as const) {
      const p = await participant(c.id, scan.external_userid);
      assert.deepEqual([p.level, p.inviter_id], [2, pa.id]);
      const welcome = (await messagesTo(person)).filter((m) => m.kind === 'welcome');
      assert.equal(welcome.length, 1);
      assert.match(welcome[0]!.content.text.content, new RegExp(`你已成功为${escape(a!.nickname)}助力`));
    }

    // Every add event got exactly one welcome attempt, all sent.
    const attempts = await listWelcomeAttempts(db, w.workspaceId, c.id);
    assert.deepEqual(attempts.map((x) => [x.kind, x.status]), [['participant', 'sent'], ['helper', 'sent'], ['helper', 'sent']]);
    const adds = (await listInbox(db, w.workspaceId)).filter((r) => r.dedupeKey.startsWith('contact:add_external_contact'));
    assert.equal(adds.length, 3);
    assert.ok(adds.every((r) => r.status === 'processed'));

    // Tags went on all three.
    const token = await w.sb.token();
    for (const scan of [scanA, scanB, scanC]) {
      const d = await w.sb.wecom(`/cgi-bin/externalcontact/get?access_token=${token}&external_userid=${scan.external_userid}`);
      assert.ok(d.follow_user[0].tags.some((t: Json) => t.tag_id === w.tagId), JSON.stringify(d.follow_user[0]));
    }

    // The leaderboard: A first with 2.
    const ranking = await w.h5('GET', '/api/h5/me/ranking', { token: tokenIn(card.link.url) });
    assert.deepEqual(ranking.body.me, { rank: 1, validHelps: 2 });
    assert.deepEqual(ranking.body.top.map((r: Json) => [r.rank, r.validHelps, r.isMe]), [[1, 2, true]]);

    // Operators: the corp's contact-way quota, the welcome attempts, a customer link (operators only).
    const quota = await w.admin('GET', `/api/admin/workspaces/${w.slug}/contact-way-quota`, { as: 'viewer' });
    assert.deepEqual(quota.body, { live: 2, quota: 500_000, left: 499_998 });
    const listed = await w.admin('GET', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}/welcome-attempts`, { as: 'viewer' });
    assert.equal(listed.body.attempts.length, 3);
    const link = await w.admin('POST', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}/customer-links`, { body: { externalUserId: scanB.external_userid } });
    assert.equal(link.status, 200);
    assert.match(link.body.url, new RegExp(`/h5/c/${c.id}/join\\?ct=`));
    assert.equal((await w.admin('POST', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}/customer-links`, { as: 'viewer', body: { externalUserId: 'wmX' } })).status, 403);

    // A's page now shows the prize, and A claims it with an address.
    const me2 = await w.h5('GET', '/api/h5/me', { token: tokenIn(card.link.url) });
    assert.equal(me2.body.helpers.length, 2);
    assert.deepEqual(me2.body.rewards.map((r: Json) => [r.tierNo, r.status, r.claimMethod]), [[1, 'reserved', 'address_form']]);
    const claim = await w.h5('POST', '/api/h5/me/rewards/1/address', {
      token: tokenIn(card.link.url),
      body: { name: '张三', mobile: '13800138000', province: '广东省', city: '深圳市', district: '南山区', address: '科技园 1 号' },
    });
    assert.equal(claim.status, 200, JSON.stringify(claim.body));
    assert.equal(claim.body.status, 'claimed');

    // Ending the campaign early (admin API): its codes (activity code + A's help code) are deleted at WeCom.
    assert.equal((await w.admin('POST', `/api/admin/workspaces/${w.slug}/campaigns/${c.id}/end`)).status, 200);
    await w.settle();
    const ways = (await db.query(`SELECT config_id, deleted_at FROM contact_ways WHERE campaign_id = $1`, [c.id])).rows;
    assert.equal(ways.length, 2);
    assert.ok(ways.every((x) => x.deleted_at !== null), JSON.stringify(ways));
    const live = (await w.sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body.contactWays as Json[];
    assert.ok(ways.every((x) => !live.some((l) => l.configId === x.config_id || l.config_id === x.config_id)));
    assert.equal((await w.admin('GET', `/api/admin/workspaces/${w.slug}/contact-way-quota`)).body.live, 0);
    assert.equal((await w.h5('GET', `/api/h5/c/${c.id}`)).body.activityQr, null, 'no code to scan once ended');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
