// Contract: the real WeCom client against the sandbox (the faithful emulator) over HTTP, for every
// endpoint the client offers, plus the whole loop: the sandbox verifies our callback URL, a
// simulated person scans a contact-way QR, the encrypted event reaches /callback/wecom, lands in
// the inbox once (even when delivered twice), and an inbox handler answers with a welcome message.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../helpers/db.ts';
import { captureLogger } from '../helpers/fake-wechat.ts';
import { DEMO_CORPID, makePeople, startTestSandbox, type Json, type TestSandbox } from '../helpers/sandbox.ts';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { registerInboxHandler } from '../../src/modules/inbox/handlers.ts';
import { InboxProcessJob } from '../../src/modules/inbox/inbox-job.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { processInboxEvent } from '../../src/modules/inbox/process-inbox-event.ts';
import { WeChatApiError } from '../../src/wechat/core/api-error.ts';
import { sandboxHosts } from '../../src/wechat/hosts.ts';
import { WeComClient } from '../../src/wechat/wecom/client.ts';

const waitFor = async (cond: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
};

const unregister: Array<() => void> = [];
afterEach(() => {
  while (unregister.length) unregister.pop()!();
});

describeEachEngine('WeCom client against the sandbox', (ctx) => {
  let sb: TestSandbox;
  let app: FastifyInstance;
  let jobs: JobQueue;
  let contact: WeComClient;
  let agent: WeComClient;
  let people: Json[];
  let workspaceId: string;
  let callback: { token: string; encodingAESKey: string };
  const log = captureLogger();

  before(async () => {
    const { db } = ctx();
    sb = await startTestSandbox();
    const creds = (await sb.api('GET', '/credentials')).body.wecom.corps.find((c: Json) => c.corpid === DEMO_CORPID);
    callback = creds.callback;
    const secretOf = (kind: string) => creds.apps.find((a: Json) => a.kind === kind);
    const base = { corpId: DEMO_CORPID, db, logger: log.logger, baseUrl: sandboxHosts(sb.url).wecom, rateLimit: false as const };
    contact = new WeComClient({ ...base, secret: secretOf('contact').secret });
    agent = new WeComClient({ ...base, secret: secretOf('agent').secret });

    const config = loadConfig({ LOG_LEVEL: 'silent' });
    jobs = await JobQueue.start(db, { supervise: false, queues: [InboxProcessJob] });
    app = await buildApp({ config, db, jobs });
    await app.listen({ host: '127.0.0.1', port: 0 });
    workspaceId = (await db.query<{ id: string }>(
      `INSERT INTO workspaces (slug, name, wecom_corp_id, wecom_callback_token, wecom_callback_aes_key) VALUES ('sbx', 'sbx', $1, $2, $3) RETURNING id`,
      [DEMO_CORPID, callback.token, callback.encodingAESKey],
    )).rows[0]!.id;
    await jobs.work(InboxProcessJob, 2, async (p) => void (await processInboxEvent({ db, jobs, config }, p)), 0.5);
    people = await makePeople(sb, 6, 11);
  });
  after(async () => {
    await sb?.close();
    await app?.close();
    await jobs?.stop();
  });

  test('the sandbox verifies our callback URL (GET with an encrypted echostr)', async () => {
    const { port } = app.server.address() as { port: number };
    const put = await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: `http://127.0.0.1:${port}/callback/wecom/sbx`, verify: true });
    assert.equal(put.status, 200, JSON.stringify(put.body));
  });

  test('tokens: fetched once, cached in the database, refreshed after the sandbox revokes them', async () => {
    const t1 = await contact.accessToken();
    assert.equal(await contact.accessToken(), t1);
    await sb.api('POST', '/tokens/invalidate', { access_token: t1, errcode: 42001 });
    await contact.listContactWays(); // refused with 42001, refreshed, retried
    assert.notEqual(await contact.accessToken(), t1);
  });

  test('contact ways: add, get, list, update, delete; errors are typed', async () => {
    const added = await contact.addContactWay({ type: 1, scene: 2, user: ['ZhangWei'], state: 'cw_t1', remark: 'contract' });
    assert.match(added.config_id, /\w+/);
    assert.match(added.qr_code ?? '', /^http/);
    const way = await contact.getContactWay(added.config_id);
    assert.deepEqual([way.type, way.scene, way.state, way.user], [1, 2, 'cw_t1', ['ZhangWei']]);
    assert.ok((await contact.listContactWays({ limit: 100 })).contact_way.some((w) => w.config_id === added.config_id));
    await contact.updateContactWay({ config_id: added.config_id, state: 'cw_t2' });
    assert.equal((await contact.getContactWay(added.config_id)).state, 'cw_t2');
    await contact.deleteContactWay(added.config_id);
    const err = await contact.getContactWay(added.config_id).catch((e: unknown) => e);
    assert.ok(err instanceof WeChatApiError);
    assert.deepEqual([err.api, err.errcode], ['externalcontact/get_contact_way', 41044]);
    await assert.rejects(contact.addContactWay({ type: 1, scene: 2, user: ['ZhangWei'], state: 'x'.repeat(31) }), WeChatApiError);
  });

  test('a scan reaches the inbox once (even delivered twice) and a handler welcomes the customer', async () => {
    const welcomed: string[] = [];
    unregister.push(registerInboxHandler('wecom', 'change_external_contact', async (item) => {
      const ev = item.event;
      if (ev.kind !== 'change_external_contact' || ev.changeType !== 'add_external_contact') return { status: 'ignored', reason: 'not an add' };
      const detail = await contact.getExternalContact(ev.externalUserId);
      await contact.sendWelcomeMsg({ welcome_code: ev.welcomeCode!, text: { content: `欢迎 ${detail.external_contact.name}` } });
      welcomed.push(ev.externalUserId);
      return { status: 'processed', reason: `welcomed via ${ev.state}` };
    }));
    const way = await contact.addContactWay({ type: 1, scene: 2, user: ['ZhangWei'], state: 'e2e' });
    const scan = (await sb.api('POST', '/actions/scan', { person_id: people[0]!.id, qr_url: way.qr_code, faults: { duplicate: 1 }, wait: true })).body;
    assert.equal(scan.outcome, 'added', JSON.stringify(scan));
    const ext = scan.external_userid as string;
    const mine = async () => (await listInbox(ctx().db, workspaceId)).filter((r) => r.dedupeKey.includes(ext));
    await waitFor(async () => (await mine())[0]?.status === 'processed');
    const rows = await mine();
    assert.equal(rows.length, 1, 'the duplicate delivery stored nothing');
    assert.equal(rows[0]!.statusReason, 'welcomed via e2e');
    assert.deepEqual(welcomed, [ext]);
    const delivered = (await sb.api('GET', `/deliveries?corpid=${DEMO_CORPID}`)).body.deliveries.filter((d: Json) => d.status === 'delivered');
    assert.ok(delivered.length >= 2);
    const msgs = (await sb.api('GET', `/people/${people[0]!.id}/messages`)).body.messages as Json[];
    assert.ok(msgs.some((m) => JSON.stringify(m).includes('欢迎')), JSON.stringify(msgs));
    // The welcome code is single-use.
    const again = await contact.sendWelcomeMsg({ welcome_code: scan.welcome_code, text: { content: 'x' } }).catch((e: unknown) => e);
    assert.ok(again instanceof WeChatApiError && [41050, 41051].includes(again.errcode!));
  });

  test('customers: list, detail with state, batch by staff', async () => {
    const way = await contact.addContactWay({ type: 1, scene: 2, user: ['LiNa'], state: 'cust' });
    const { external_userid: ext } = (await sb.api('POST', '/actions/scan', { person_id: people[1]!.id, qr_url: way.qr_code, wait: true })).body;
    assert.ok((await contact.listExternalContacts('LiNa')).includes(ext));
    const detail = await contact.getExternalContact(ext);
    assert.equal(detail.external_contact.external_userid, ext);
    assert.equal(detail.follow_user.find((f) => f.userid === 'LiNa')?.state, 'cust');
    const batch = await contact.batchGetExternalContactsByUser({ userid_list: ['LiNa'], limit: 100 });
    assert.ok(batch.external_contact_list.some((c) => c.external_contact.external_userid === ext && c.follow_info.state === 'cust'));
  });

  test('tags: add, list, mark', async () => {
    const group = await contact.addCorpTag({ group_name: '裂变进度', tag: [{ name: '已完成' }, { name: '进行中' }] });
    assert.equal(group.tag.length, 2);
    const all = await contact.getCorpTagList();
    assert.ok(all.some((g) => g.group_id === group.group_id));
    const way = await contact.addContactWay({ type: 1, scene: 2, user: ['LiuYang'], state: 'tag' });
    const { external_userid: ext } = (await sb.api('POST', '/actions/scan', { person_id: people[2]!.id, qr_url: way.qr_code, wait: true })).body;
    await contact.markTag({ userid: 'LiuYang', external_userid: ext, add_tag: [group.tag[0]!.id] });
    const tags = (await contact.getExternalContact(ext)).follow_user.find((f) => f.userid === 'LiuYang')?.tags ?? [];
    assert.ok(tags.some((t) => t.tag_id === group.tag[0]!.id));
  });

  test('media: upload (multipart `media`) and uploadimg', async () => {
    const png = Buffer.from(await (await fetch(people[0]!.avatar)).arrayBuffer());
    const up = await contact.uploadMedia('image', { filename: 'poster.png', contentType: 'image/png', data: png });
    assert.equal(up.type, 'image');
    assert.equal(typeof up.created_at, 'string');
    const img = await contact.uploadImage({ filename: 'poster.png', contentType: 'image/png', data: png });
    assert.deepEqual(Buffer.from(await (await fetch(img.url)).arrayBuffer()), png);
  });

  test('app message to staff (agent secret) and a customer group send', async () => {
    const sent = await agent.sendAppMessage({ touser: 'ZhangWei', agentid: 1000002, msgtype: 'text', text: { content: '新客户完成任务' } });
    assert.ok(sent.msgid);
    const ext = (await contact.listExternalContacts('ZhangWei'))[0]!;
    const tpl = await contact.addMsgTemplate({ external_userid: [ext], sender: 'ZhangWei', text: { content: '活动提醒' } });
    assert.ok(tpl.msgid);
  });

  test('groups: list, detail, join ways, group welcome templates', async () => {
    const g = (await sb.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'WangFang', name: '合约群', wait: true })).body.group as Json;
    assert.ok((await contact.listGroupChats({ limit: 100 })).group_chat_list.some((c) => c.chat_id === g.chatId));
    const jw = await contact.addJoinWay({ scene: 2, chat_id_list: [g.chatId], state: 'grp1', auto_create_room: 1, room_base_name: '合约群', room_base_id: 2 });
    const way = await contact.getJoinWay(jw);
    assert.deepEqual([way.chat_id_list, way.state], [[g.chatId], 'grp1']);
    await sb.api('POST', '/actions/scan', { person_id: people[3]!.id, qr_url: way.qr_code, wait: true });
    const chat = await contact.getGroupChat(g.chatId);
    assert.ok(chat.member_list.some((m) => m.type === 2 && m.state === 'grp1'));
    await contact.updateJoinWay({ config_id: jw, scene: 2, chat_id_list: [g.chatId], state: 'grp2' });
    assert.equal((await contact.getJoinWay(jw)).state, 'grp2');
    await contact.deleteJoinWay(jw);
    await assert.rejects(contact.getJoinWay(jw), WeChatApiError);

    const tplId = await contact.addGroupWelcomeTemplate({ text: { content: '欢迎 %NICKNAME% 入群' }, notify: 0 });
    assert.equal((await contact.getGroupWelcomeTemplate(tplId)).text?.content, '欢迎 %NICKNAME% 入群');
    await contact.editGroupWelcomeTemplate({ template_id: tplId, text: { content: '新欢迎' } });
    assert.equal((await contact.getGroupWelcomeTemplate(tplId)).text?.content, '新欢迎');
    await contact.deleteGroupWelcomeTemplate(tplId);
    await assert.rejects(contact.getGroupWelcomeTemplate(tplId), WeChatApiError);
  });

  test('nothing secret reached the logs', () => {
    const text = log.lines.join('');
    assert.ok(log.lines.length > 20);
    assert.ok(!/access_token=[^*]/.test(text));
    assert.ok(!text.includes(callback.encodingAESKey));
  });
});
