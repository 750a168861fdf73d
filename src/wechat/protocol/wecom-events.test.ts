import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildExternalChatEventXml, buildExternalContactEventXml, buildExternalTagEventXml, parseWecomEvent } from './wecom-events.ts';

const head = { toUserName: 'wwcorp', fromUserName: 'sys', createTime: 1403610513 };

describe('WeCom event bodies', () => {
  it('builds add_external_contact exactly like reference §3.2 and parses it back', () => {
    const ev = { ...head, changeType: 'add_external_contact' as const, userId: 'zhangsan', externalUserId: 'wmX', state: 'teststate', welcomeCode: 'WC' };
    const xml = buildExternalContactEventXml(ev);
    assert.equal(
      xml,
      '<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime>' +
        '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>' +
        '<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[wmX]]></ExternalUserID><State><![CDATA[teststate]]></State>' +
        '<WelcomeCode><![CDATA[WC]]></WelcomeCode></xml>',
    );
    assert.deepEqual(parseWecomEvent(xml), { kind: 'change_external_contact', ...ev });
  });

  it('leaves State and WelcomeCode out when absent', () => {
    const ev = { ...head, changeType: 'del_follow_user' as const, userId: 'u', externalUserId: 'wm' };
    const xml = buildExternalContactEventXml(ev);
    assert.doesNotMatch(xml, /State|WelcomeCode/);
    assert.deepEqual(parseWecomEvent(xml), { kind: 'change_external_contact', ...ev });
  });

  it('builds transfer_fail with FailReason', () => {
    const ev = { ...head, changeType: 'transfer_fail' as const, userId: 'u', externalUserId: 'wm', failReason: 'customer_refused' };
    assert.deepEqual(parseWecomEvent(buildExternalContactEventXml(ev)), { kind: 'change_external_contact', ...ev });
  });

  it('builds change_external_chat add_member with Item list and bare versions (§4.3)', () => {
    const ev = {
      ...head,
      chatId: 'wrChat',
      changeType: 'update' as const,
      updateDetail: 'add_member' as const,
      joinScene: 3,
      quitScene: 0,
      memChangeCnt: 2,
      memChangeList: ['wmXXX', 'wmYYY'],
      lastMemVer: '9c3f',
      curMemVer: '7121',
    };
    const xml = buildExternalChatEventXml(ev);
    assert.match(xml, /<UpdateDetail><!\[CDATA\[add_member\]\]><\/UpdateDetail><JoinScene>3<\/JoinScene><QuitScene>0<\/QuitScene><MemChangeCnt>2<\/MemChangeCnt>/);
    assert.match(xml, /<MemChangeList><Item>wmXXX<\/Item><Item>wmYYY<\/Item><\/MemChangeList><LastMemVer>9c3f<\/LastMemVer><CurMemVer>7121<\/CurMemVer><\/xml>$/);
    assert.deepEqual(parseWecomEvent(xml), { kind: 'change_external_chat', ...ev });
  });

  it('emits only ChatId for create and dismiss', () => {
    const xml = buildExternalChatEventXml({ ...head, chatId: 'wrNew', changeType: 'create' });
    assert.match(xml, /<ChatId><!\[CDATA\[wrNew\]\]><\/ChatId><ChangeType><!\[CDATA\[create\]\]><\/ChangeType><\/xml>$/);
    assert.deepEqual(parseWecomEvent(xml), { kind: 'change_external_chat', ...head, chatId: 'wrNew', changeType: 'create' });
  });

  it('reads the legacy comma-separated MemChangeList', () => {
    const xml =
      '<xml><ToUserName>c</ToUserName><FromUserName>sys</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType>' +
      '<Event>change_external_chat</Event><ChatId>wr</ChatId><ChangeType>update</ChangeType><UpdateDetail>del_member</UpdateDetail>' +
      '<QuitScene>1</QuitScene><MemChangeCnt>2</MemChangeCnt><MemChangeList>wm1,wm2</MemChangeList></xml>';
    const ev = parseWecomEvent(xml);
    assert.equal(ev.kind, 'change_external_chat');
    if (ev.kind === 'change_external_chat') {
      assert.deepEqual(ev.memChangeList, ['wm1', 'wm2']);
      assert.equal(ev.quitScene, 1);
    }
  });

  it('round-trips change_external_tag and passes other messages through raw', () => {
    const tag = { ...head, id: 'etTag', tagType: 'tag', changeType: 'create' };
    assert.deepEqual(parseWecomEvent(buildExternalTagEventXml(tag)), { kind: 'change_external_tag', ...tag });
    const other = parseWecomEvent('<xml><ToUserName>c</ToUserName><FromUserName>u</FromUserName><CreateTime>5</CreateTime><MsgType>text</MsgType><Content>hi</Content></xml>');
    assert.equal(other.kind, 'other');
    if (other.kind === 'other') {
      assert.equal(other.msgType, 'text');
      assert.equal(other.fields.Content, 'hi');
    }
  });
});
