import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildXml, CallbackCryptoError } from '../protocol/index.ts';
import { parseOaEvent } from './events.ts';

const head = { ToUserName: 'gh_abc123456', FromUserName: 'oUser1', CreateTime: 1700000000, MsgType: 'event' };

test('subscribe through a parametric QR carries the scene without its prefix', () => {
  const ev = parseOaEvent(buildXml({ ...head, Event: 'subscribe', EventKey: 'qrscene_t42', Ticket: 'TICKET' }));
  assert.deepEqual(ev, { kind: 'subscribe', toUserName: 'gh_abc123456', fromUserName: 'oUser1', createTime: 1700000000, scene: 't42', ticket: 'TICKET' });
});

test('a plain follow has no scene; SCAN keeps the raw scene', () => {
  const plain = parseOaEvent(buildXml({ ...head, Event: 'subscribe', EventKey: '' }));
  assert.equal(plain.kind, 'subscribe');
  assert.equal('scene' in plain, false);
  const scan = parseOaEvent(buildXml({ ...head, Event: 'SCAN', EventKey: 't42', Ticket: 'T' }));
  assert.deepEqual([scan.kind, scan.kind === 'scan' && scan.scene], ['scan', 't42']);
});

test('unsubscribe and template results', () => {
  assert.equal(parseOaEvent(buildXml({ ...head, Event: 'unsubscribe' })).kind, 'unsubscribe');
  const fin = parseOaEvent(buildXml({ ...head, Event: 'TEMPLATESENDJOBFINISH', MsgID: '200163836', Status: 'failed:user block' }));
  assert.deepEqual(fin.kind === 'template_send_job_finish' && [fin.msgId, fin.status], ['200163836', 'failed:user block']);
});

test('messages keep their MsgId as a string (64-bit ids do not fit a number)', () => {
  const ev = parseOaEvent(buildXml({ ...head, MsgType: 'text', Content: 'hi', MsgId: '23456789012345678901' }));
  assert.equal(ev.kind, 'other');
  assert.equal(ev.kind === 'other' && ev.msgId, '23456789012345678901');
  assert.equal(ev.kind === 'other' && ev.msgType, 'text');
});

test('malformed XML is a protocol error', () => {
  assert.throws(() => parseOaEvent('<xml><ToUserName>'), CallbackCryptoError);
});
