// Callback delivery: encrypted + signed XML verified by an independent receiver, retries on
// failure and timeout with identical CreateTime, and injected duplicates, loss and reordering.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEMO_CORPID, connectReceiver, makePeople, startCallbackReceiver, startTestSandbox } from '../helpers/sandbox.ts';
import type { CallbackReceiver, Json, TestSandbox } from '../helpers/sandbox.ts';

describe('sandbox callback delivery', () => {
  let sb: TestSandbox;
  let rcv: CallbackReceiver;
  let people: Json[];
  let n = 0;
  // Each call makes a fresh friendship, so every call yields exactly one add event.
  const addEvent = async (extra: Json = {}) => {
    const token = await sb.token();
    const w = await sb.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['ZhangWei'], state: `s${n}` });
    return (await sb.api('POST', '/actions/scan', { person_id: people[n++]!.id, qr_url: w.qr_code, ...extra })).body;
  };
  const deliveries = async (q = '') => (await sb.api('GET', `/deliveries?corpid=${DEMO_CORPID}${q}`)).body.deliveries as Json[];

  before(async () => {
    sb = await startTestSandbox({ callbacks: { timeoutMs: 150, retryDelayMs: 10, attempts: 3 } });
    rcv = await connectReceiver(sb);
    people = await makePeople(sb, 30, 2);
  });
  after(async () => {
    await rcv.close();
    await sb.close();
  });
  beforeEach(() => rcv.reset());

  it('posts the event signed and encrypted with the corp settings, as WeChat does', async () => {
    const r = await addEvent({ wait: true });
    const [got] = await rcv.waitFor(1);
    assert.deepEqual(Object.keys(got!.query).sort(), ['msg_signature', 'nonce', 'timestamp']);
    assert.match(got!.query.nonce!, /^\d+$/);
    assert.match(got!.body, new RegExp(`^<xml><ToUserName><!\\[CDATA\\[${DEMO_CORPID}\\]\\]></ToUserName><Encrypt><!\\[CDATA\\[[A-Za-z0-9+/=]+\\]\\]></Encrypt></xml>$`));
    assert.equal((got!.event as Json).externalUserId, r.external_userid);
    const [d] = await deliveries(`&after=${r.deliveries[0].seq - 1}&limit=1`);
    assert.equal(d!.status, 'delivered');
    assert.equal(d!.kind, 'change_external_contact/add_external_contact');
    assert.equal(d!.attempts.length, 1);
    assert.equal(d!.attempts[0].status, 200);
    assert.equal(d!.attempts[0].response, 'success');
    assert.equal(d!.xml, got!.xml);
  });

  it('is rejected by a receiver holding another key', async () => {
    const corp = (await sb.api('GET', `/corps/${DEMO_CORPID}`)).body;
    const wrong = await startCallbackReceiver({ token: corp.callback.token, encodingAESKey: 'A'.repeat(43), corpid: DEMO_CORPID });
    try {
      await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: wrong.url });
      const r = await addEvent({ wait: true });
      assert.ok(wrong.rejected.length >= 1);
      assert.equal(wrong.received.length, 0);
      assert.equal((await sb.api('GET', `/deliveries/${r.deliveries[0].id}`)).body.status, 'failed');
    } finally {
      await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: rcv.url });
      await wrong.close();
    }
  });

  it('retries a non-200 answer with the same inner XML (same CreateTime)', async () => {
    rcv.respond = (i) => ({ status: i < 2 ? 503 : 200 });
    const r = await addEvent({ wait: true });
    assert.deepEqual(rcv.attempts.map((a) => a.status), [503, 503, 200]);
    assert.equal(new Set(rcv.attempts.map((a) => a.xml)).size, 1);
    const d = (await sb.api('GET', `/deliveries/${r.deliveries[0].id}`)).body;
    assert.equal(d.status, 'delivered');
    assert.deepEqual(d.attempts.map((a: Json) => a.status), [503, 503, 200]);
  });

  it('retries after a timeout and gives up after 3 deliveries', async () => {
    rcv.respond = (i) => (i === 0 ? { delayMs: 400 } : { status: 200 });
    const slow = await addEvent({ wait: true });
    const d = (await sb.api('GET', `/deliveries/${slow.deliveries[0].id}`)).body;
    assert.equal(d.status, 'delivered');
    assert.match(d.attempts[0].error, /no answer within 150 ms/);
    assert.equal(d.attempts[1].status, 200);
    // The abandoned first request still completes at the receiver; let it land before moving on.
    await rcv.waitFor(2, 2000);

    rcv.reset();
    rcv.respond = () => ({ status: 500 });
    const dead = await addEvent({ wait: true });
    const f = (await sb.api('GET', `/deliveries/${dead.deliveries[0].id}`)).body;
    assert.equal(f.status, 'failed');
    assert.equal(f.attempts.length, 3);
    assert.equal((await deliveries('&status=failed')).some((x) => x.id === f.id), true);
  });

  it('injects a duplicate, a loss, and a hold released later, per request', async () => {
    const dup = await addEvent({ faults: { duplicate: 2 }, wait: true });
    assert.equal(rcv.received.length, 3);
    assert.equal(new Set(rcv.received.map((x) => x.xml)).size, 1, 'copies carry the same event');
    const copies = (await deliveries(`&after=${dup.deliveries[0].seq}`)).filter((x) => x.duplicateOf === dup.deliveries[0].id);
    assert.equal(copies.length, 2);

    rcv.received.length = 0;
    const lost = await addEvent({ faults: { drop: true }, wait: true });
    assert.equal(lost.deliveries[0].status, 'dropped');
    assert.equal(rcv.received.length, 0);

    const held = await addEvent({ faults: { hold: true } });
    const next = await addEvent({ wait: true });
    assert.equal(rcv.received.length, 1);
    assert.equal((rcv.received[0]!.event as Json).externalUserId, next.external_userid);
    const rel = (await sb.api('POST', '/deliveries/release', { ids: [held.deliveries[0].id], wait: true })).body;
    assert.deepEqual(rel.released, [held.deliveries[0].id]);
    assert.deepEqual(rcv.received.map((x) => (x.event as Json).externalUserId), [next.external_userid, held.external_userid]);
  });

  it('reorders: a held-back delivery follows the next one', async () => {
    const first = await addEvent({ faults: { reorder: true } });
    const second = await addEvent({ wait: true });
    await sb.api('POST', '/deliveries/flush');
    assert.deepEqual(rcv.received.map((x) => (x.event as Json).externalUserId), [second.external_userid, first.external_userid]);
  });

  it('applies global fault rates reproducibly', async () => {
    const put = await sb.api('PUT', '/callback-faults', { lossRate: 1, seed: 3 });
    assert.deepEqual(put.body, { duplicateRate: 0, lossRate: 1, reorderRate: 0, seed: 3 });
    const r = await addEvent({ wait: true });
    assert.equal(r.deliveries[0].status, 'dropped');
    await sb.api('PUT', '/callback-faults', { duplicateRate: 1 });
    await addEvent({ wait: true });
    assert.equal(rcv.received.length, 2);
    await sb.api('PUT', '/callback-faults', {});
    assert.equal((await sb.api('PUT', '/callback-faults', { lossRate: 2 })).status, 400);
  });

  it('logs events with no callback URL as no_url, and checks URLs like the console', async () => {
    await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: null });
    const r = await addEvent();
    assert.equal(r.deliveries[0].status, 'no_url');
    const check = (await sb.api('POST', `/corps/${DEMO_CORPID}/callback/verify`)).body;
    assert.equal(check.ok, false);
    const bad = await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: `${sb.url}/nowhere`, verify: true });
    assert.equal(bad.status, 409);
    assert.equal((await sb.api('GET', `/corps/${DEMO_CORPID}`)).body.callback.url, null, 'a failed check keeps the old settings');
    const ok = await sb.api('PUT', `/corps/${DEMO_CORPID}/callback`, { url: rcv.url, verify: true });
    assert.equal(ok.status, 200);
    assert.equal((await sb.api('POST', `/corps/${DEMO_CORPID}/callback/verify`)).body.ok, true);
  });
});
