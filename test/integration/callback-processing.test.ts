// The inbox.process job: a posted callback is processed once by the handler registered for its
// type and marked; rows without a handler are ignored with a reason; failures are recorded with
// attempts and retried; settled rows are never run again.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../helpers/db.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { registerInboxHandler } from '../../src/modules/inbox/handlers.ts';
import type { InboxItem } from '../../src/modules/inbox/inbox-item.ts';
import { InboxProcessJob } from '../../src/modules/inbox/inbox-job.ts';
import { listInbox } from '../../src/modules/inbox/inbox-rows.ts';
import { processInboxEvent } from '../../src/modules/inbox/process-inbox-event.ts';
import { recordInboxEvent } from '../../src/modules/inbox/record-inbox-event.ts';
import { buildExternalContactEventXml, buildExternalTagEventXml, createCallbackCrypto, parseWecomEvent } from '../../src/wechat/protocol/index.ts';

const CORP = 'wwcorp0002';
const CREDS = { token: 'tok2', encodingAESKey: randomBytes(40).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 43), receiveId: CORP };
const head = { toUserName: CORP, fromUserName: 'sys', createTime: 1_700_000_000 };
const contactXml = (ext: string) => buildExternalContactEventXml({ ...head, changeType: 'add_external_contact', userId: 'lisi', externalUserId: ext, state: 's1', welcomeCode: 'W' });

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

describeEachEngine('inbox processing through the job queue', (ctx) => {
  let app: FastifyInstance;
  let jobs: JobQueue;
  let workspaceId: string;

  before(async () => {
    const { db } = ctx();
    jobs = await JobQueue.start(db, { supervise: false, queues: [InboxProcessJob] });
    const config: Config = loadConfig({ LOG_LEVEL: 'silent' });
    app = await buildApp({ config, db, jobs });
    workspaceId = (await db.query<{ id: string }>(
      `INSERT INTO workspaces (slug, name, wecom_corp_id, wecom_callback_token, wecom_callback_aes_key) VALUES ('proc', 'proc', $1, $2, $3) RETURNING id`,
      [CORP, CREDS.token, CREDS.encodingAESKey],
    )).rows[0]!.id;
    await jobs.work(InboxProcessJob, 2, async (p) => void (await processInboxEvent({ db, jobs, config }, p)), 0.5);
  });
  after(async () => {
    await app?.close();
    await jobs?.stop();
  });

  const post = async (xml: string) => {
    const s = createCallbackCrypto(CREDS).sealCallback(xml, { timestamp: String(Math.floor(Date.now() / 1000)), nonce: '42' });
    const res = await app.inject({ method: 'POST', url: `/callback/wecom/proc?${new URLSearchParams({ ...s.query })}`, headers: { 'content-type': 'text/xml' }, payload: s.body });
    assert.equal(res.body, 'success');
  };
  const statusOf = async (needle: string) => (await listInbox(ctx().db, workspaceId)).find((r) => r.dedupeKey.includes(needle));

  test('a handled event is processed once and marked; settled rows are not run again', async () => {
    const seen: InboxItem<'wecom'>[] = [];
    unregister.push(registerInboxHandler('wecom', 'change_external_contact', async (item) => void seen.push(item)));
    await post(contactXml('wmONE'));
    await post(contactXml('wmONE'));
    await waitFor(async () => (await statusOf('wmONE'))?.status === 'processed');
    const row = (await statusOf('wmONE'))!;
    assert.equal(row.attempts, 1);
    assert.ok(row.processedAt);
    assert.equal(seen.length, 1);
    const ev = seen[0]!.event;
    assert.equal(ev.kind, 'change_external_contact');
    assert.deepEqual(ev.kind === 'change_external_contact' && [ev.userId, ev.externalUserId, ev.state, ev.welcomeCode], ['lisi', 'wmONE', 's1', 'W']);

    const again = await processInboxEvent({ db: ctx().db, jobs, config: loadConfig({}) }, { workspaceId, inboxId: row.id });
    assert.deepEqual(again, { status: 'skipped', reason: 'already processed' });
    assert.equal(seen.length, 1);
  });

  test('an event type nobody handles is ignored with the reason', async () => {
    await post(buildExternalTagEventXml({ ...head, id: 'etX', tagType: 'tag', changeType: 'create' }));
    await waitFor(async () => (await statusOf('etX'))?.status === 'ignored');
    assert.equal((await statusOf('etX'))!.statusReason, 'no handler for wecom event change_external_tag');
  });
});

describeEachEngine('inbox dispatcher outcomes', (ctx) => {
  let jobs: JobQueue;
  let workspaceId: string;
  const deps = () => ({ db: ctx().db, jobs, config: loadConfig({}) });

  before(async () => {
    jobs = await JobQueue.start(ctx().db, { supervise: false, queues: [InboxProcessJob] });
    workspaceId = (await ctx().db.query<{ id: string }>(`INSERT INTO workspaces (slug, name) VALUES ('disp', 'disp') RETURNING id`)).rows[0]!.id;
  });
  after(async () => {
    await jobs?.stop();
  });

  const record = async (ext: string) => (await recordInboxEvent(ctx().db, jobs, { workspaceId, source: 'wecom', event: parseWecomEvent(contactXml(ext)), rawXml: contactXml(ext) })).id!;
  const row = async (id: string) => (await listInbox(ctx().db, workspaceId)).find((r) => r.id === id)!;

  test('a throwing handler marks the row failed with its error and attempts; a later run processes it', async () => {
    let calls = 0;
    unregister.push(registerInboxHandler('wecom', 'CHANGE_EXTERNAL_CONTACT', async () => {
      if (++calls === 1) throw new Error('welcome send failed: 41050');
    }));
    const id = await record('wmFAIL');
    await assert.rejects(processInboxEvent(deps(), { workspaceId, inboxId: id }), /41050/);
    assert.deepEqual([(await row(id)).status, (await row(id)).statusReason, (await row(id)).attempts], ['failed', 'welcome send failed: 41050', 1]);
    assert.deepEqual(await processInboxEvent(deps(), { workspaceId, inboxId: id }), { status: 'processed' });
    assert.deepEqual([(await row(id)).status, (await row(id)).statusReason, (await row(id)).attempts], ['processed', null, 2]);
  });

  test('several handlers: processed when one acts, ignored with every reason when none does', async () => {
    unregister.push(registerInboxHandler('wecom', 'change_external_contact', async () => ({ status: 'ignored', reason: 'unknown campaign' })));
    unregister.push(registerInboxHandler('wecom', 'change_external_contact', async () => ({ status: 'ignored', reason: 'not a group code' })));
    const ignored = await record('wmIGN');
    assert.deepEqual(await processInboxEvent(deps(), { workspaceId, inboxId: ignored }), { status: 'ignored', reason: 'unknown campaign; not a group code' });

    unregister.push(registerInboxHandler('wecom', 'change_external_contact', async () => ({ status: 'processed', reason: 'helped task 7' })));
    const acted = await record('wmACT');
    assert.deepEqual(await processInboxEvent(deps(), { workspaceId, inboxId: acted }), { status: 'processed', reason: 'helped task 7' });
    assert.equal((await row(acted)).statusReason, 'helped task 7');
  });

  test('a handler cannot be registered twice; unregistering removes it', async () => {
    const h = async () => undefined;
    const off = registerInboxHandler('oa', 'subscribe', h);
    assert.throws(() => registerInboxHandler('oa', 'SUBSCRIBE', h), /already registered/);
    off();
    registerInboxHandler('oa', 'subscribe', h)();
  });
});
