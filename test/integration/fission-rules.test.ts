// Every help and join rule through the real sandbox and callbacks: self-help, already helped, help
// limit, mutual help, gender filter, new customers only (by code and on the H5 page), churn under
// deduct and ignore, codes that are not ours or not live, and the welcome fallback when the code
// cannot be used.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { DEMO_CORPID, type Json } from '../helpers/sandbox.ts';
import { encodeContactWayState } from '../../src/domain/shared/contact-way-state.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { listWelcomeAttempts } from '../../src/modules/fission/welcome-attempt-row.ts';
import { issueCustomerLink } from '../../src/modules/fission/issue-customer-link.ts';
import { endCampaign } from '../../src/modules/campaign/end-campaign.ts';
import { getCampaignStats } from '../../src/modules/campaign/get-campaign-stats.ts';

describeEachEngine('task fission rules through the sandbox', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db);
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const participant = async (campaignId: number, ext: string) =>
    (await q(`SELECT * FROM participants WHERE campaign_id = $1 AND external_userid = $2`, [campaignId, ext])).rows[0];
  const helpsOf = async (campaignId: number, ext: string) =>
    (await q(`SELECT status, invalid_reason FROM helps WHERE campaign_id = $1 AND helper_external_userid = $2 ORDER BY id`, [campaignId, ext])).rows;
  /** A joins through the campaign code; returns their external id, participant id and help QR. */
  const join = async (campaignId: number, qrUrl: string, person: Json) => {
    const s = await w.scan(person, qrUrl, { userid: 'ZhangWei' });
    assert.equal(s.outcome, 'added', JSON.stringify(s));
    await w.settle();
    const p = (await participant(campaignId, s.external_userid))!;
    const page = await helpPage(campaignId, p.id);
    return { ext: s.external_userid as string, id: p.id as number, helpQr: page.staffQr.url as string, token: await tokenOf(campaignId, p.id) };
  };
  const tokenOf = async (campaignId: number, participantId: number) => {
    const a = (await listWelcomeAttempts(ctx().db, w.workspaceId, campaignId)).find((x) => x.participantId === participantId && x.content);
    return decodeURIComponent(new URL(a!.content!.link.url).searchParams.get('t')!);
  };
  const helpPage = async (campaignId: number, participantId: number) => {
    const me = await w.h5('GET', '/api/h5/me', { token: await tokenOf(campaignId, participantId) });
    const r = await w.h5('GET', new URL(me.body.helpUrl).pathname.replace('/h5/', '/api/h5/'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };
  const deleteStaff = async (person: Json, userid = 'ZhangWei') => {
    const r = await w.sb.api('POST', '/actions/delete-staff', { person_id: person.id, corpid: DEMO_CORPID, userid, wait: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const inboxFor = async (ext: string) => (await listInbox(ctx().db, w.workspaceId)).filter((r) => r.dedupeKey.includes(ext));

  test('self-help: the inviter adding through their own help code does not count', async () => {
    const c = await w.campaign();
    const [a] = await w.people(1);
    const A = await join(c.id, c.qrUrl, a!);
    await deleteStaff(a!);
    await w.scan(a!, A.helpQr);
    await w.settle();
    assert.deepEqual(await helpsOf(c.id, A.ext), [{ status: 'invalid', invalid_reason: 'self_help' }]);
    const pa = (await participant(c.id, A.ext))!;
    assert.deepEqual([pa.valid_helps, pa.level, pa.inviter_id, pa.friend_status], [0, 1, null, 'friend']);
    // On the H5 page too, with their own link.
    const r = await w.h5('POST', new URL((await w.h5('GET', '/api/h5/me', { token: A.token })).body.helpUrl).pathname.replace('/h5/', '/api/h5/'), { token: A.token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.verdict, { valid: false, reason: 'self_help' });
  });

  test('already helped: a helper who deleted and re-added through the same code counts once', async () => {
    const c = await w.campaign({ rules: { churnPolicy: 'ignore' } });
    const [a, b] = await w.people(2);
    const A = await join(c.id, c.qrUrl, a!);
    await w.scan(b!, A.helpQr);
    await w.settle();
    await deleteStaff(b!);
    const again = await w.scan(b!, A.helpQr);
    assert.equal(again.outcome, 'added');
    await w.settle();
    assert.deepEqual(await helpsOf(c.id, again.external_userid), [{ status: 'valid', invalid_reason: null }, { status: 'invalid', invalid_reason: 'already_helped' }]);
    assert.equal((await participant(c.id, A.ext))!.valid_helps, 1);
    // Two add events, two welcome attempts: the second tells them it did not count.
    const attempts = (await listWelcomeAttempts(ctx().db, w.workspaceId, c.id)).filter((x) => x.externalUserId === again.external_userid);
    assert.deepEqual(attempts.map((x) => x.kind), ['helper', 'invalid_help']);
    assert.match(attempts[1]!.content!.text, /已经为TA助力过/);
  });

  test('help limit: one help per helper in the campaign; a second inviter gets help_limit', async () => {
    const c = await w.campaign({ channel: { type: 'wecom', staffUserIds: ['ZhangWei', 'WangFang'] }, rules: { helpsPerHelper: 1 } });
    const [a, d, b] = await w.people(3);
    const A = await join(c.id, c.qrUrl, a!);
    const D = await join(c.id, c.qrUrl, d!);
    const s1 = await w.scan(b!, A.helpQr, { userid: 'ZhangWei' });
    await w.settle(); // the first help processed first
    const s2 = await w.scan(b!, D.helpQr, { userid: 'WangFang' });
    assert.deepEqual([s1.outcome, s2.outcome], ['added', 'added']);
    await w.settle();
    assert.deepEqual(await helpsOf(c.id, s1.external_userid), [{ status: 'valid', invalid_reason: null }, { status: 'invalid', invalid_reason: 'help_limit' }]);
    assert.equal((await participant(c.id, D.ext))!.valid_helps, 0);
    // B took part once, under A.
    assert.equal((await participant(c.id, s1.external_userid))!.inviter_id, A.id);
  });

  test('mutual help: forbidden when the campaign says so', async () => {
    const c = await w.campaign({ channel: { type: 'wecom', staffUserIds: ['ZhangWei', 'WangFang'] }, rules: { noMutualHelp: true, helpsPerHelper: 5 } });
    const [a, b] = await w.people(2);
    const A = await join(c.id, c.qrUrl, a!);
    const sb = await w.scan(b!, A.helpQr, { userid: 'ZhangWei' });
    await w.settle();
    const B = (await participant(c.id, sb.external_userid))!;
    const bPage = await helpPage(c.id, B.id);
    await w.scan(a!, bPage.staffQr.url, { userid: 'WangFang' });
    await w.settle();
    assert.deepEqual(await helpsOf(c.id, A.ext), [{ status: 'invalid', invalid_reason: 'mutual_help' }]);
    assert.equal((await participant(c.id, sb.external_userid))!.valid_helps, 0);
  });

  test('gender filter: a man cannot join a women-only campaign or help in it; he is still a new friend', async () => {
    const c = await w.campaign({ rules: { genderFilter: 'female' } });
    const [f] = await w.people(1, { gender: 2 });
    const [m1, m2] = await w.people(2, { gender: 1 });
    const F = await join(c.id, c.qrUrl, f!);
    const s1 = await w.scan(m1!, c.qrUrl);
    const s2 = await w.scan(m2!, F.helpQr);
    await w.settle();
    assert.equal(await participant(c.id, s1.external_userid), undefined);
    assert.equal(await participant(c.id, s2.external_userid), undefined);
    assert.deepEqual(await helpsOf(c.id, s2.external_userid), [{ status: 'invalid', invalid_reason: 'gender' }]);
    const attempts = await listWelcomeAttempts(ctx().db, w.workspaceId, c.id);
    assert.deepEqual(attempts.filter((x) => x.externalUserId !== F.ext).map((x) => [x.status, x.statusReason]), [['skipped', 'cannot take part: gender'], ['skipped', 'cannot take part: gender']]);
    const friends = await q(`SELECT count(*)::int AS n FROM campaign_friends WHERE campaign_id = $1`, [c.id]);
    assert.equal(friends.rows[0]!.n, 3);
  });

  test('new customers only: someone who was a friend before the campaign cannot help, by code or on the page', async () => {
    const token = await w.sb.token();
    const [old, old2] = await w.people(2);
    // Friends of WangFang (not a pool member) before either campaign starts.
    const plain = await w.sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['WangFang'], state: 'other' });
    const o1 = await w.scan(old!, plain.qr_code);
    const o2 = await w.scan(old2!, plain.qr_code);
    await w.settle();
    await new Promise((r) => setTimeout(r, 1100)); // the campaign must start after their friendship (second precision)
    const c = await w.campaign({ startAt: new Date().toISOString(), rules: { newCustomersOnly: true } });
    const [a] = await w.people(1);
    const A = await join(c.id, c.qrUrl, a!);
    await w.scan(old!, A.helpQr);
    await w.settle();
    assert.deepEqual(await helpsOf(c.id, o1.external_userid), [{ status: 'invalid', invalid_reason: 'not_new_customer' }]);
    // They still take part, as returning customers, and do not count as new friends.
    const po = (await participant(c.id, o1.external_userid))!;
    assert.deepEqual([po.is_new_customer, po.level], [false, 2]);
    const stats = await getCampaignStats(ctx().db, w.workspaceId, c.id);
    assert.equal(stats.friends.new.total, 1);

    // The H5 page: old2 is a friend of WangFang only, not of the campaign's staff: refused.
    const link2 = await issueCustomerLink(ctx().db, w.config, { workspaceId: w.workspaceId, campaignId: c.id, externalUserId: o2.external_userid });
    const helpPath = new URL((await w.h5('GET', '/api/h5/me', { token: A.token })).body.helpUrl).pathname.replace('/h5/', '/api/h5/');
    const refused = await w.h5('POST', helpPath, { token: link2.token });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    // A customer link names its campaign: it does not work on another one.
    const cOther = await w.campaign();
    assert.equal((await w.h5('POST', helpPath.replace(`/c/${c.id}/`, `/c/${cOther.id}/`), { token: link2.token })).status, 401);

    // A is now an old friend of ZhangWei. In a later campaign taking old customers, A helps from the page …
    await new Promise((r) => setTimeout(r, 1100));
    const open = await w.campaign({ startAt: new Date().toISOString() });
    const strict = await w.campaign({ startAt: new Date().toISOString(), rules: { newCustomersOnly: true } });
    const [x, y] = await w.people(2);
    const X = await join(open.id, open.qrUrl, x!);
    const Y = await join(strict.id, strict.qrUrl, y!);
    const helpOf = async (t: string) => new URL((await w.h5('GET', '/api/h5/me', { token: t })).body.helpUrl).pathname.replace('/h5/', '/api/h5/');
    const asA = async (campaignId: number) => (await issueCustomerLink(ctx().db, w.config, { workspaceId: w.workspaceId, campaignId, externalUserId: A.ext })).token;
    const ok = await w.h5('POST', await helpOf(X.token), { token: await asA(open.id) });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.verdict, ok.body.inviterCount, ok.body.participant.level], [{ valid: true }, 1, 2]);
    // … but not where only new customers count.
    const no = await w.h5('POST', await helpOf(Y.token), { token: await asA(strict.id) });
    assert.deepEqual(no.body.verdict, { valid: false, reason: 'not_new_customer' });
    assert.equal((await participant(strict.id, Y.ext))!.valid_helps, 0);
    // A returning friend joins from the page: level 1, not a new customer; again → the same participant.
    const other = await w.campaign({ startAt: new Date().toISOString() });
    const first = await w.h5('POST', `/api/h5/c/${other.id}/join`, { token: await asA(other.id) });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.created, true);
    const pj = (await participant(other.id, A.ext))!;
    assert.deepEqual([pj.level, pj.is_new_customer], [1, false]);
    const second = await w.h5('POST', `/api/h5/c/${other.id}/join`, { token: await asA(other.id) });
    assert.deepEqual([second.body.created, second.body.participantId], [false, pj.id]);
    assert.equal((await w.h5('GET', '/api/h5/me', { token: second.body.token })).body.me.level, 1);
    // Without a token, or with a forged one: 401 with a clear message.
    const none = await w.h5('POST', `/api/h5/c/${other.id}/join`);
    assert.equal(none.status, 401);
    assert.match(none.body.error.message, /missing customer token/);
    const forged = await w.h5('GET', '/api/h5/me', { token: second.body.token.replace(/.$/, (ch: string) => (ch === 'A' ? 'B' : 'A')) });
    assert.equal(forged.status, 401);
  });

  for (const policy of ['deduct', 'ignore'] as const) {
    test(`churn (${policy}): a helper deleting the staff ${policy === 'deduct' ? 'takes one help off' : 'changes nothing'}; prizes are kept`, async () => {
      const c = await w.campaign({ rules: { churnPolicy: policy, joinTagIds: [w.tagId] } });
      const [a, b, cc] = await w.people(3);
      const A = await join(c.id, c.qrUrl, a!);
      const sb = await w.scan(b!, A.helpQr);
      await w.scan(cc!, A.helpQr);
      await w.settle();
      assert.equal((await participant(c.id, A.ext))!.valid_helps, 2);
      await deleteStaff(b!);
      await w.settle();
      const pa = (await participant(c.id, A.ext))!;
      const valid = (await q(`SELECT count(*)::int AS n FROM helps WHERE inviter_id = $1 AND status = 'valid'`, [A.id])).rows[0]!.n;
      assert.equal(pa.valid_helps, policy === 'deduct' ? 1 : 2);
      assert.equal(pa.valid_helps, policy === 'deduct' ? valid : 2, 'under deduct the count is the valid, unrevoked helps');
      assert.deepEqual((await helpsOf(c.id, sb.external_userid)).map((h) => h.status), [policy === 'deduct' ? 'revoked' : 'valid']);
      assert.deepEqual((await q(`SELECT tier_no, status FROM rewards WHERE participant_id = $1`, [A.id])).rows, [{ tier_no: 1, status: 'reserved' }], 'the prize stays won');
      assert.equal((await participant(c.id, sb.external_userid))!.friend_status, 'lost');
      const stats = await getCampaignStats(ctx().db, w.workspaceId, c.id);
      assert.deepEqual([stats.friends.new.total, stats.friends.lost.total], [3, 1]);
      assert.equal(stats.helps.revoked, policy === 'deduct' ? 1 : 0);
      // The staff deleting a customer is churn too (del_external_contact).
      const del = await w.sb.api('POST', '/actions/delete-customer', { corpid: DEMO_CORPID, userid: 'ZhangWei', external_userid: A.ext, wait: true });
      assert.equal(del.status, 200);
      await w.settle();
      assert.equal((await participant(c.id, A.ext))!.friend_status, 'lost');
      const rows = await inboxFor(sb.external_userid);
      assert.ok(rows.some((r) => r.dedupeKey.startsWith('contact:del_follow_user') && r.status === 'processed'), JSON.stringify(rows));
    });
  }

  test('codes that are not ours, of unknown or ended campaigns: stored and ignored with the reason', async () => {
    const token = await w.sb.token();
    const way = async (state: string) => (await w.sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['LiNa'], state })).qr_code as string;
    const c = await w.campaign();
    await ctx().db.transaction((tx) => endCampaign(tx, { workspaceId: w.workspaceId, campaignId: c.id }));
    const cases: Array<[string, RegExp]> = [
      ['promo2024', /not a Fission campaign code/],
      [encodeContactWayState({ campaignId: 987654, inviterParticipantId: null }), /unknown campaign 987654/],
      [encodeContactWayState({ campaignId: c.id, inviterParticipantId: null }), new RegExp(`campaign ${c.id} is ended \\(ended_early\\)`)],
    ];
    const people = await w.people(cases.length);
    for (const [i, [state, reason]] of cases.entries()) {
      const s = await w.scan(people[i]!, await way(state));
      await w.settle();
      const rows = await inboxFor(s.external_userid);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.status, 'ignored');
      assert.match(rows[0]!.statusReason ?? '', reason);
    }
  });

  test('welcome fallback: an expired code (held delivery) becomes one staff-confirmed group-send; a second one that day is limited', async () => {
    const c = await w.campaign();
    const [a] = await w.people(1);
    const s = await w.scan(a!, c.qrUrl, { faults: { hold: true }, wait: false });
    await w.sb.api('POST', '/clock/advance', { seconds: 25 });
    await w.sb.api('POST', '/deliveries/release', { wait: true });
    await w.settle();
    let attempts = (await listWelcomeAttempts(ctx().db, w.workspaceId, c.id)).filter((x) => x.externalUserId === s.external_userid);
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]!.status, 'fallback_created', JSON.stringify(attempts));
    assert.match(attempts[0]!.statusReason ?? '', /41050/);
    const sends = (await w.sb.api('GET', `/corps/${DEMO_CORPID}/mass-sends`)).body;
    assert.ok(JSON.stringify(sends).includes(attempts[0]!.massSendMsgid!), JSON.stringify(sends));

    // No WelcomeCode at all (console welcome configured for the staff member): straight to the fallback, limited today.
    await w.sb.api('PATCH', `/corps/${DEMO_CORPID}/staff/ZhangWei`, { consoleWelcome: true });
    try {
      await deleteStaff(a!);
      await w.scan(a!, c.qrUrl);
      await w.settle();
    } finally {
      await w.sb.api('PATCH', `/corps/${DEMO_CORPID}/staff/ZhangWei`, { consoleWelcome: false });
    }
    attempts = (await listWelcomeAttempts(ctx().db, w.workspaceId, c.id)).filter((x) => x.externalUserId === s.external_userid);
    assert.deepEqual(attempts.map((x) => x.status), ['fallback_created', 'fallback_limited']);
    assert.equal(attempts[1]!.welcomeCode, null);
  });
});
