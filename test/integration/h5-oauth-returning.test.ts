// Returning customers through OAuth identity (seed 000 老用户参与 / 老用户助力): a visitor signed in
// through the OA is found at WeCom by unionid (customer directory: filled by the flows' lookups,
// by adds through codes that are not campaigns', and by pulls of the staff's customers, paged),
// joins or helps with one tap under the same rules as a scan (each invalid reason, new customers
// only), is shown the QR when not a friend of the campaign's staff — and a participant link held
// by someone OAuth says is another person is never taken as theirs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { signIn } from '../helpers/oauth.ts';
import { DEMO_APPID } from '../helpers/sandbox-oa.ts';
import { DEMO_CORPID, type Json } from '../helpers/sandbox.ts';
import { listWelcomeAttempts } from '../../src/modules/fission/welcome-attempt-row.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { endCampaign } from '../../src/modules/campaign/end-campaign.ts';

describeEachEngine('returning customers through OAuth identity', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db, 'returning', { oa: true });
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const second = () => new Promise((r) => setTimeout(r, 1100)); // campaigns start after earlier friendships (WeCom's createtime is in seconds)
  const participantRow = async (campaignId: number, ext: string) => (await q(`SELECT * FROM participants WHERE campaign_id = $1 AND external_userid = $2`, [campaignId, ext])).rows[0];
  /** A person joins through the campaign's code: their external id, participant id, link token and help path. */
  const join = async (c: { id: number; qrUrl: string }, person: Json) => {
    const s = await w.scan(person, c.qrUrl, { userid: 'ZhangWei' });
    assert.equal(s.outcome, 'added', JSON.stringify(s));
    await w.settle();
    const p = (await participantRow(c.id, s.external_userid))!;
    const a = (await listWelcomeAttempts(ctx().db, w.workspaceId, c.id)).find((x) => x.participantId === p.id && x.content)!;
    const token = decodeURIComponent(new URL(a.content!.link.url).searchParams.get('t')!);
    const me = await w.h5('GET', '/api/h5/me', { token });
    return { ext: s.external_userid as string, id: p.id as number, token, help: new URL(me.body.helpUrl).pathname.replace('/h5/', '/api/h5/') };
  };
  const session = async (person: Json, campaignId: number) => {
    const r = await signIn(w, person, campaignId);
    assert.ok(r.session, JSON.stringify(r.hops));
    return r.session;
  };
  const identity = async (campaignId: number, token: string, participantToken?: string) => {
    const r = await w.h5('POST', `/api/h5/c/${campaignId}/identity`, { token, body: participantToken ? { participantToken } : {} });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const plainCode = async (userid: string, state: string) => (await w.sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${await w.sb.token()}`, { type: 1, scene: 2, user: [userid], state })).qr_code as string;

  test('join and help with one tap; every refusal as a scan would meet it; strangers get the QR', async () => {
    const c1 = await w.campaign();
    const [r, o, stranger, x, y, z, v] = await w.people(7);
    const R = await join(c1, r!);
    // O is a customer of WangFang (not in the pools) through a code that is no campaign's.
    const oScan = await w.scan(o!, await plainCode('WangFang', 'shop'));
    await w.settle();
    const oInbox = (await listInbox(ctx().db, w.workspaceId)).filter((i) => i.dedupeKey.includes(oScan.external_userid));
    assert.deepEqual(oInbox.map((i) => i.status), ['ignored'], 'still not a campaign event');
    const dir = (await q(`SELECT d.unionid, array_agg(f.staff_userid) AS staff FROM customer_directory d JOIN customer_follows f USING (workspace_id, external_userid)
                          WHERE d.workspace_id = $1 AND d.external_userid = $2 GROUP BY d.unionid`, [w.workspaceId, oScan.external_userid])).rows[0]!;
    assert.deepEqual([dir.unionid, dir.staff], [(await w.sb.api('GET', `/people/${o!.id}`)).body.unionid, ['WangFang']]);
    await second();

    const c2 = await w.campaign({ startAt: new Date().toISOString() });
    const sR = await session(r!, c2.id);
    assert.deepEqual(await identity(c2.id, sR), { participant: null, link: null, customer: { known: true, friendOfStaff: true } });

    // 老用户参与: one tap, level 1, not a new customer; again → the same participation.
    const joined = await w.h5('POST', `/api/h5/c/${c2.id}/join`, { token: sR });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    assert.equal(joined.body.created, true);
    const pr = (await participantRow(c2.id, R.ext))!;
    assert.deepEqual([pr.level, pr.is_new_customer, pr.inviter_id], [1, false, null]);
    assert.equal((await w.h5('POST', `/api/h5/c/${c2.id}/join`, { token: sR })).body.participantId, pr.id);
    // Opening any page of the campaign through OAuth now brings them to their own page.
    const idR = await identity(c2.id, sR);
    assert.equal(idR.participant.id, pr.id);
    assert.equal((await w.h5('GET', '/api/h5/me', { token: idR.participant.token })).body.me.id, pr.id);
    assert.match(idR.participant.helpCode, /^[0-9a-z]+-[0-9a-f]{12}$/);

    // 老用户助力: valid at once; then already helped, help limit, self-help.
    const X = await join(c2, x!);
    const Y = await join(c2, y!);
    const helped = await w.h5('POST', X.help, { token: sR });
    assert.equal(helped.status, 200, JSON.stringify(helped.body));
    assert.deepEqual([helped.body.verdict, helped.body.inviterCount], [{ valid: true }, 1]);
    assert.deepEqual((await w.h5('POST', X.help, { token: sR })).body.verdict, { valid: false, reason: 'already_helped' });
    assert.deepEqual((await w.h5('POST', Y.help, { token: sR })).body.verdict, { valid: false, reason: 'help_limit' });
    const sX = await session(x!, c2.id);
    assert.deepEqual((await w.h5('POST', X.help, { token: sX })).body.verdict, { valid: false, reason: 'self_help' });
    assert.equal((await participantRow(c2.id, X.ext))!.valid_helps, 1);

    // New customers only: R was a friend before c3 started.
    await second();
    const c3 = await w.campaign({ startAt: new Date().toISOString(), rules: { newCustomersOnly: true } });
    const Z = await join(c3, z!);
    assert.deepEqual((await w.h5('POST', Z.help, { token: await session(r!, c3.id) })).body.verdict, { valid: false, reason: 'not_new_customer' });

    // Mutual help: in c4 both take part with one tap; R helps Y, so Y may not help R back.
    const c4 = await w.campaign({ startAt: new Date().toISOString(), rules: { noMutualHelp: true } });
    const sR4 = await session(r!, c4.id);
    const sY4 = await session(y!, c4.id);
    assert.equal((await w.h5('POST', `/api/h5/c/${c4.id}/join`, { token: sR4 })).status, 200);
    assert.equal((await w.h5('POST', `/api/h5/c/${c4.id}/join`, { token: sY4 })).status, 200);
    const helpOf = async (s: string) => `/api/h5/c/${c4.id}/help/${(await identity(c4.id, s)).participant.helpCode}`;
    assert.deepEqual((await w.h5('POST', await helpOf(sY4), { token: sR4 })).body.verdict, { valid: true });
    assert.deepEqual((await w.h5('POST', await helpOf(sR4), { token: sY4 })).body.verdict, { valid: false, reason: 'mutual_help' });

    // An ended campaign.
    await endCampaign(ctx().db, { workspaceId: w.workspaceId, campaignId: c2.id });
    assert.deepEqual((await w.h5('POST', Y.help, { token: sX })).body.verdict, { valid: false, reason: 'campaign_ended' });

    // Not a friend of the campaign's staff (O: WangFang only), or never met at WeCom: the QR, not one tap.
    const c5 = await w.campaign();
    const sO = await session(o!, c5.id);
    assert.deepEqual((await identity(c5.id, sO)).customer, { known: true, friendOfStaff: false });
    const oJoin = await w.h5('POST', `/api/h5/c/${c5.id}/join`, { token: sO });
    assert.equal(oJoin.status, 409);
    assert.match(oJoin.body.error.message, /scan the activity code/);
    const sS = await session(stranger!, c5.id);
    assert.deepEqual(await identity(c5.id, sS), { participant: null, link: null, customer: { known: false, friendOfStaff: false } });
    const V = await join(c5, v!);
    const sHelp = await w.h5('POST', V.help, { token: sS });
    assert.equal(sHelp.status, 409);
    assert.match(sHelp.body.error.message, /not yet a friend/);
    assert.equal((await q(`SELECT count(*)::int AS n FROM helps WHERE campaign_id = $1`, [c5.id])).rows[0]!.n, 0, 'nothing recorded');
    // A session is for its workspace's campaigns only, and a campaign's pages name it.
    const other = await w.h5('POST', `/api/h5/c/${c5.id + 999}/identity`, { token: sS, body: {} });
    assert.equal(other.status, 401);
  });

  test('a participant link opened by another WeChat user is not theirs; its owner gets it; unbound OAs cannot tell', async () => {
    const c = await w.campaign();
    const [a, b, n] = await w.people(3);
    const A = await join(c, a!);
    const B = await join(c, b!);
    // B's phone holds A's forwarded personal link: OAuth says B, so the link is not B's to use, and B gets their own.
    const onB = await identity(c.id, await session(b!, c.id), A.token);
    assert.equal(onB.link, 'not_yours');
    assert.equal(onB.participant.id, B.id);
    const onA = await identity(c.id, await session(a!, c.id), A.token);
    assert.deepEqual([onA.link, onA.participant.id], ['mine', A.id]);
    // A stranger holding it: not theirs either, and nothing of their own.
    const [s] = await w.people(1);
    const onS = await identity(c.id, await session(s!, c.id), A.token);
    assert.deepEqual([onS.link, onS.participant], ['not_yours', null]);
    // Another campaign's link, or a forged one.
    const c2 = await w.campaign();
    assert.equal((await identity(c2.id, await session(a!, c2.id), A.token)).link, 'invalid');
    assert.equal((await identity(c.id, await session(a!, c.id), A.token.slice(0, -2) + 'xx')).link, 'invalid');

    // An OA not bound to the open platform gives no unionid: OAuth cannot tell, the signed link stays the evidence.
    assert.equal((await w.sb.api('PATCH', `/oas/${DEMO_APPID}`, { openPlatform: false })).status, 200);
    try {
      const r = await signIn(w, n!, c.id);
      assert.deepEqual(r.scopes, ['snsapi_base', 'snsapi_userinfo']);
      const onN = await identity(c.id, r.session!, A.token);
      assert.deepEqual([onN.link, onN.participant, onN.customer.known], ['unverified', null, false]);
      const help = await w.h5('POST', B.help, { token: r.session! });
      assert.equal(help.status, 409);
      assert.match(help.body.error.message, /WeChat did not tell us/);
      // They were asked for userinfo once; the next visit is silent.
      assert.deepEqual((await signIn(w, n!, c.id)).scopes, ['snsapi_base']);
    } finally {
      await w.sb.api('PATCH', `/oas/${DEMO_APPID}`, { openPlatform: true });
    }
  });

  test('customers befriended before we listened are found by the pull a publish queues (paged) and by the admin pull', async () => {
    const people = await w.people(130);
    const code = await plainCode('LiuYang', 'before');
    // The corp's callbacks are off: Fission hears nothing of these adds.
    assert.equal((await w.sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: null })).status, 200);
    const exts: string[] = [];
    try {
      for (const p of people) exts.push((await w.scan(p, code)).external_userid);
    } finally {
      const put = await w.sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: `${w.config.publicUrl}/callback/wecom/${w.slug}`, verify: true });
      assert.equal(put.status, 200);
    }
    const known = async () => (await q(`SELECT count(*)::int AS n FROM customer_directory WHERE workspace_id = $1 AND external_userid = ANY($2::text[]) AND unionid IS NOT NULL`, [w.workspaceId, exts])).rows[0]!.n;
    assert.equal(await known(), 0);
    // A friendship the directory believes in but WeCom no longer has: a complete pull forgets it.
    await q(`INSERT INTO customer_directory (workspace_id, external_userid, unionid) VALUES ($1, 'wmGone', 'oGone')`, [w.workspaceId]);
    await q(`INSERT INTO customer_follows (workspace_id, external_userid, staff_userid, followed_at, seen_at) VALUES ($1, 'wmGone', 'LiuYang', now(), now() - interval '1 hour')`, [w.workspaceId]);

    const c = await w.campaign({ channel: { type: 'wecom', staffUserIds: ['LiuYang'] } });
    await w.settle();
    const pull = (await q(`SELECT status, pages, friendships, error FROM customer_pulls WHERE workspace_id = $1 AND reason = $2`, [w.workspaceId, `campaign:${c.id}`])).rows[0]!;
    assert.deepEqual(pull, { status: 'done', pages: 2, friendships: 130, error: null });
    assert.equal(await known(), 130);
    assert.equal((await q(`SELECT count(*)::int AS n FROM customer_follows WHERE external_userid = 'wmGone'`)).rows[0]!.n, 0);
    // One of them signs in: recognised, a friend of this campaign's staff, one tap away.
    const id = await identity(c.id, await session(people[7]!, c.id));
    assert.deepEqual(id.customer, { known: true, friendOfStaff: true });

    // "Sync from WeCom" on the Staff page also queues a pull of the staff's customers (the workspace has an OA).
    const sync = await w.admin('POST', `/api/admin/workspaces/${w.slug}/directory/pull`);
    assert.equal(sync.status, 200, JSON.stringify(sync.body));
    const synced = (await q(`SELECT reason, staff_userids FROM customer_pulls WHERE id = $1`, [sync.body.customers.pullId])).rows[0]!;
    assert.deepEqual([synced.reason, [...synced.staff_userids].sort()], ['admin', ['LiNa', 'LiuYang', 'WangFang', 'ZhangWei']]);
    await w.settle();

    // The operator's pull: every active staff member's customers; viewers may look, not start one.
    assert.equal((await w.admin('POST', `/api/admin/workspaces/${w.slug}/customers/pull`, { as: 'viewer' })).status, 403);
    const started = await w.admin('POST', `/api/admin/workspaces/${w.slug}/customers/pull`);
    assert.equal(started.status, 202, JSON.stringify(started.body));
    await w.settle();
    const view = await w.admin('GET', `/api/admin/workspaces/${w.slug}/customers`, { as: 'viewer' });
    assert.equal(view.status, 200);
    assert.equal(view.body.lastPull.id, started.body.pullId);
    assert.deepEqual([view.body.lastPull.status, view.body.lastPull.reason, view.body.lastPull.staffUserIds.length], ['done', 'admin', 4]);
    assert.ok(view.body.lastPull.friendships >= 130 && view.body.customers >= 130 && view.body.withUnionid === view.body.customers, JSON.stringify(view.body));
  });
});
