// The OA template message an inviter gets when a friend's help counts (and when it completes a tier),
// through the sandbox's Official Account: sent once per help even when its job runs twice (or dies
// between asking WeChat and recording it), never to someone who does not follow the account or
// whose openid we never learnt, not at all without a template id; WeChat's delivery report
// (TEMPLATESENDJOBFINISH) is kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { signIn } from '../helpers/oauth.ts';
import { DEMO_APPID, oaPost, oaToken } from '../helpers/sandbox-oa.ts';
import type { Json } from '../helpers/sandbox.ts';
import { notifyInviterProgress } from '../../src/modules/fission/notify-inviter-progress.ts';
import { PARTICIPANT_LINK, inviterCode, linkSecret } from '../../src/modules/fission/links.ts';
import { verifyToken } from '../../src/modules/h5-auth/signed-token.ts';
import { updateWorkspaceSettings } from '../../src/modules/workspace/update-workspace-settings.ts';

describeEachEngine('OA progress messages to inviters', (ctx) => {
  let w: FissionWorld;
  let c: { id: number; qrUrl: string };
  before(async () => {
    w = await startFissionWorld(ctx().db, 'notices', { oa: true });
    c = await w.campaign({ tiers: [{ target: 2, reward: { type: 'physical', name: '保温杯' }, stock: 10 }, { target: 4, reward: { type: 'physical', name: '帆布袋' }, stock: 10 }] });
  });
  after(async () => {
    await w?.close();
  });

  const q = (sql: string, params: unknown[] = []) => ctx().db.query(sql, params);
  const joinCode = async (person: Json) => {
    const s = await w.scan(person, c.qrUrl, { userid: 'ZhangWei' });
    assert.equal(s.outcome, 'added', JSON.stringify(s));
    await w.settle();
    const id = (await q(`SELECT id FROM participants WHERE campaign_id = $1 AND external_userid = $2`, [c.id, s.external_userid])).rows[0]!.id as number;
    const page = await w.h5('GET', `/api/h5/c/${c.id}/help/${await helpCode(id)}`);
    return { id, qr: page.body.staffQr.url as string };
  };
  const helpCode = async (participantId: number) => inviterCode(await linkSecret(ctx().db), c.id, participantId);
  const helpBy = async (helper: Json, qr: string) => {
    await w.scan(helper, qr);
    await w.settle();
  };
  const follow = async (person: Json) => {
    const r = await w.sb.api('POST', '/actions/oa-follow', { person_id: person.id, appid: DEMO_APPID, wait: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await w.settle();
  };
  const openidOf = async (person: Json) => (await w.sb.api('GET', `/people/${person.id}`)).body.oas.find((o: Json) => o.appid === DEMO_APPID)?.openid as string | undefined;
  const templatesTo = async (person: Json) => {
    const openid = await openidOf(person);
    if (!openid) return [];
    return (await w.sb.api('GET', `/oas/${DEMO_APPID}/messages?openid=${openid}&kind=template`)).body.messages as Json[];
  };
  const sendsOf = async (participantId: number) =>
    (await q(`SELECT help_id, status, msgid, delivery, error FROM oa_template_sends WHERE campaign_id = $1 AND participant_id = $2 ORDER BY help_id`, [c.id, participantId])).rows;

  test('a follower hears of each counted help and of the tier it completes, linked to their page', async () => {
    const [a, b, cc] = await w.people(3);
    const A = await joinCode(a!);
    await follow(a!); // the subscribe event tells us A's openid
    await helpBy(b!, A.qr);
    let msgs = await templatesTo(a!);
    assert.equal(msgs.length, 1);
    assert.equal(msgs[0]!.content.template_id, (await w.sb.api('GET', '/credentials')).body.oa.accounts[0].templates[0].templateId);
    assert.match(msgs[0]!.content.text, new RegExp(`好友「${b!.nickname.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^」]*」为你助力成功\\n活动名称：好友助力领好礼\\n当前进度：1/2\\n再邀请 1 位好友即可获得「保温杯」`));
    // The link opens the inviter's own page.
    const url = new URL(msgs[0]!.content.url);
    assert.equal(url.pathname, `/h5/c/${c.id}/me`);
    const v = verifyToken(await linkSecret(ctx().db), url.searchParams.get('t')!, PARTICIPANT_LINK);
    assert.ok(v.ok && Number(v.claims.sub) === A.id);

    await helpBy(cc!, A.qr);
    msgs = await templatesTo(a!);
    assert.equal(msgs.length, 2);
    assert.match(msgs[1]!.content.text, /恭喜！你已完成第1阶任务\n活动名称：好友助力领好礼\n当前进度：2\/4\n奖品「保温杯」已为你预留/);
    const sends = await sendsOf(A.id);
    assert.deepEqual(sends.map((s) => [s.status, s.delivery]), [['sent', 'success'], ['sent', 'success']], 'TEMPLATESENDJOBFINISH recorded');
    assert.deepEqual(sends.map((s) => s.msgid), msgs.map((m) => m.content.msgid));

    // The job again (at least once): nothing more. Even a run that died after asking WeChat and before
    // recording it ('sending') sends nothing new: the same client_msg_id answers the first msgid.
    const payload = { workspaceId: w.workspaceId, helpId: sends[0]!.help_id as number, count: 1, reachedTierNos: [] };
    assert.equal(await notifyInviterProgress(w, payload), 'done_before');
    await q(`UPDATE oa_template_sends SET status = 'sending', msgid = NULL WHERE workspace_id = $1 AND help_id = $2`, [w.workspaceId, payload.helpId]);
    assert.equal(await notifyInviterProgress(w, payload), 'sent');
    assert.equal((await templatesTo(a!)).length, 2);
    assert.equal((await sendsOf(A.id))[0]!.msgid, msgs[0]!.content.msgid);
  });

  test('nobody who does not follow, or whom the OA never met, is sent anything; a blocked account is reported by WeChat', async () => {
    const [d, e, f, g, h, i] = await w.people(6);
    // D signed in through OAuth (their openid is known) but does not follow the account.
    const D = await joinCode(d!);
    assert.ok((await signIn(w, d!, c.id)).session);
    await helpBy(e!, D.qr);
    assert.deepEqual((await sendsOf(D.id)).map((s) => s.status), ['not_following']);
    assert.equal((await templatesTo(d!)).length, 0);
    // F never met the OA.
    const F = await joinCode(f!);
    await helpBy(g!, F.qr);
    assert.deepEqual((await sendsOf(F.id)).map((s) => s.status), ['no_openid']);
    // H follows but switched the account's notifications off: WeChat accepts, then reports the block.
    const H = await joinCode(h!);
    await follow(h!);
    assert.equal((await w.sb.api('POST', '/actions/oa-refuse-templates', { person_id: h!.id, appid: DEMO_APPID, refuse: true })).status, 200);
    await helpBy(i!, H.qr);
    assert.deepEqual((await sendsOf(H.id)).map((s) => [s.status, s.delivery]), [['sent', 'failed:user block']]);
    assert.equal((await templatesTo(h!)).length, 0);
  });

  test('without a template id no message is queued', async () => {
    await updateWorkspaceSettings(ctx().db, w.workspaceId, { oaProgressTemplateId: null });
    try {
      const [j, k] = await w.people(2);
      const J = await joinCode(j!);
      await follow(j!);
      await helpBy(k!, J.qr);
      assert.deepEqual(await sendsOf(J.id), []);
      const jobs = (await q(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'fission.oa.notify-progress' AND data->>'workspaceId' = $1`, [w.workspaceId])).rows[0]!.n;
      const helps = (await q(`SELECT count(*)::int AS n FROM helps WHERE campaign_id = $1 AND status = 'valid' AND inviter_id <> $2`, [c.id, J.id])).rows[0]!.n;
      assert.equal(jobs, helps, 'one job for each earlier help, none for this one');
      assert.equal((await templatesTo(j!)).length, 0);
    } finally {
      const oa = (await w.sb.api('GET', '/credentials')).body.oa.accounts.find((a: Json) => a.appid === DEMO_APPID);
      await updateWorkspaceSettings(ctx().db, w.workspaceId, { oaProgressTemplateId: oa.templates[0].templateId });
    }
  });

  test('a template from the current library: its typed fields get the mapped values, cut to fit', async () => {
    const content = '活动名称：{{thing1.DATA}}\n当前进度：{{character_string2.DATA}}\n温馨提示：{{thing3.DATA}}';
    const added = await w.sb.api('POST', `/oas/${DEMO_APPID}/templates`, { title: '活动进度通知', content });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    // WeChat refuses a value its field type does not take.
    const [m, n] = await w.people(2);
    const M = await joinCode(m!);
    await follow(m!);
    const refused = await oaPost(w.sb, `/cgi-bin/message/template/send?access_token=${await oaToken(w.sb)}`, {
      touser: await openidOf(m!), template_id: added.body.templateId, data: { thing1: { value: '一'.repeat(21) } },
    });
    assert.equal(refused.errcode, 47003);
    assert.match(refused.errmsg, /data\.thing1\.value exceeds 20 characters/);

    await updateWorkspaceSettings(ctx().db, w.workspaceId, { oaProgressTemplateId: added.body.templateId, oaProgressTemplateFields: 'thing1=activity character_string2=progress thing3=next' });
    try {
      await helpBy(n!, M.qr);
      const msgs = await templatesTo(m!);
      assert.equal(msgs.length, 1, JSON.stringify(await sendsOf(M.id)));
      assert.equal(msgs[0]!.content.text, '活动名称：好友助力领好礼\n当前进度：1/2\n温馨提示：再邀请 1 位好友即可获得「保温杯」，…');
      assert.deepEqual((await sendsOf(M.id)).map((s) => s.status), ['sent']);
    } finally {
      const oa = (await w.sb.api('GET', '/credentials')).body.oa.accounts.find((a: Json) => a.appid === DEMO_APPID);
      await updateWorkspaceSettings(ctx().db, w.workspaceId, { oaProgressTemplateId: oa.templates[0].templateId, oaProgressTemplateFields: null });
    }
  });
});
