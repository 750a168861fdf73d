import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWecomEvent, buildExternalChatEventXml, buildExternalContactEventXml, buildExternalTagEventXml, buildXml } from '../../wechat/protocol/index.ts';
import { parseOaEvent } from '../../wechat/oa/events.ts';
import { identifyOaEvent, identifyWecomEvent } from './event-identity.ts';

const head = { toUserName: 'wwcorp', fromUserName: 'sys', createTime: 1_700_000_000 };

test('group changes are keyed by chat, detail and the (order-free) member list', () => {
  const a = identifyWecomEvent(parseWecomEvent(buildExternalChatEventXml({ ...head, chatId: 'wrC1', changeType: 'update', updateDetail: 'add_member', joinScene: 3, memChangeList: ['wmB', 'wmA'] })));
  const b = identifyWecomEvent(parseWecomEvent(buildExternalChatEventXml({ ...head, chatId: 'wrC1', changeType: 'update', updateDetail: 'add_member', joinScene: 3, memChangeList: ['wmA', 'wmB'] })));
  const c = identifyWecomEvent(parseWecomEvent(buildExternalChatEventXml({ ...head, chatId: 'wrC1', changeType: 'update', updateDetail: 'add_member', joinScene: 3, memChangeList: ['wmC'] })));
  assert.deepEqual(a, { eventType: 'change_external_chat', dedupeKey: 'chat:update:1700000000:wrC1:add_member:wmA,wmB' });
  assert.equal(a.dedupeKey, b.dedupeKey);
  assert.notEqual(a.dedupeKey, c.dedupeKey);
});

test('customer adds are keyed by time, staff, customer and welcome code: a re-add within the same second is a new event', () => {
  const add = (welcomeCode?: string) =>
    identifyWecomEvent(parseWecomEvent(buildExternalContactEventXml({ ...head, changeType: 'add_external_contact', userId: 'ZhangWei', externalUserId: 'wmA', state: 'f11', ...(welcomeCode ? { welcomeCode } : {}) })));
  assert.deepEqual(add('WC1'), { eventType: 'change_external_contact', dedupeKey: 'contact:add_external_contact:1700000000:ZhangWei:wmA:WC1' });
  assert.equal(add('WC1').dedupeKey, add('WC1').dedupeKey, 'a re-delivery collides');
  assert.notEqual(add('WC1').dedupeKey, add('WC2').dedupeKey);
  assert.equal(add().dedupeKey, 'contact:add_external_contact:1700000000:ZhangWei:wmA');
  const del = identifyWecomEvent(parseWecomEvent(buildExternalContactEventXml({ ...head, changeType: 'del_follow_user', userId: 'ZhangWei', externalUserId: 'wmA' })));
  assert.equal(del.dedupeKey, 'contact:del_follow_user:1700000000:ZhangWei:wmA');
});

test('a huge member list gives a bounded key that still tells lists apart', () => {
  const many = (n: number) => Array.from({ length: 300 }, (_, i) => `wm${n}member${i}`);
  const k1 = identifyWecomEvent(parseWecomEvent(buildExternalChatEventXml({ ...head, chatId: 'wrC1', changeType: 'update', updateDetail: 'add_member', memChangeList: many(1) }))).dedupeKey;
  const k2 = identifyWecomEvent(parseWecomEvent(buildExternalChatEventXml({ ...head, chatId: 'wrC1', changeType: 'update', updateDetail: 'add_member', memChangeList: many(2) }))).dedupeKey;
  assert.ok(k1.length <= 200);
  assert.notEqual(k1, k2);
});

test('tag changes, messages and other WeCom events', () => {
  assert.deepEqual(identifyWecomEvent(parseWecomEvent(buildExternalTagEventXml({ ...head, id: 'et1', tagType: 'tag', changeType: 'create' }))), { eventType: 'change_external_tag', dedupeKey: 'tag:create:1700000000:tag:et1' });
  const text = parseWecomEvent(buildXml({ ToUserName: 'wwcorp', FromUserName: 'zhangsan', CreateTime: 1, MsgType: 'text', Content: 'x', MsgId: '4561255354251345929' }));
  assert.deepEqual(identifyWecomEvent(text), { eventType: 'message:text', dedupeKey: 'msg:4561255354251345929' });
  const enter = parseWecomEvent(buildXml({ ToUserName: 'wwcorp', FromUserName: 'zhangsan', CreateTime: 5, MsgType: 'event', Event: 'enter_agent' }));
  assert.deepEqual(identifyWecomEvent(enter), { eventType: 'enter_agent', dedupeKey: 'event:zhangsan:5:enter_agent' });
});

test('OA events: lowercased types; scene and template msg id are part of the key', () => {
  const ev = (o: Record<string, string | number>) => identifyOaEvent(parseOaEvent(buildXml({ ToUserName: 'gh_x', FromUserName: 'oU', CreateTime: 9, MsgType: 'event', ...o })));
  assert.deepEqual(ev({ Event: 'SCAN', EventKey: 't1' }), { eventType: 'scan', dedupeKey: 'event:oU:9:scan:t1' });
  assert.notEqual(ev({ Event: 'SCAN', EventKey: 't1' }).dedupeKey, ev({ Event: 'SCAN', EventKey: 't2' }).dedupeKey);
  assert.deepEqual(ev({ Event: 'subscribe' }), { eventType: 'subscribe', dedupeKey: 'event:oU:9:subscribe:' });
  assert.deepEqual(ev({ Event: 'TEMPLATESENDJOBFINISH', MsgID: '77', Status: 'success' }), { eventType: 'templatesendjobfinish', dedupeKey: 'event:oU:9:templatesendjobfinish:77' });
  assert.deepEqual(ev({ Event: 'CLICK', EventKey: 'menu1' }), { eventType: 'click', dedupeKey: 'event:oU:9:click:menu1' });
  assert.deepEqual(ev({ MsgType: 'text', Content: 'x', MsgId: '12' }), { eventType: 'message:text', dedupeKey: 'msg:12' });
});
