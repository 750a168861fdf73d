// The sandbox keeps its world across restarts: corps, people, ways, groups, tokens, media and the
// clock come back from the snapshot in its data folder.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_CORPID, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json } from '../helpers/sandbox.ts';

describe('sandbox snapshot', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fission-sandbox-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('restores corps, people, relations, ways, groups, media, tokens and the clock', async () => {
    const first = await startTestSandbox({ dataDir, snapshotDebounceMs: 5 });
    let token: string;
    let creds: Json;
    let way: Json;
    let person: Json;
    let ext: string;
    let chatId: string;
    let mediaId: string;
    try {
      creds = (await first.api('GET', '/credentials')).body;
      await first.api('POST', '/corps', { corpid: 'wwsecondcorp', name: '第二家公司', staff: [{ userid: 'boss', name: '老板' }] });
      token = await first.token();
      way = await first.wecom(`/cgi-bin/externalcontact/add_contact_way?access_token=${token}`, { type: 1, scene: 2, user: ['ZhangWei'], state: 'persist' });
      [person] = (await makePeople(first, 1, 77)) as [Json];
      ext = (await first.api('POST', '/actions/scan', { person_id: person.id, qr_url: way.qr_code })).body.external_userid;
      chatId = (await first.api('POST', `/corps/${DEMO_CORPID}/groups`, { owner: 'WangFang', name: '持久群' })).body.group.chatId;
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(Buffer.from(await (await fetch(person.avatar)).arrayBuffer()))], { type: 'image/png' }), 'p.png');
      mediaId = (await (await fetch(`${first.url}/wecom/cgi-bin/media/upload?type=image&access_token=${token}`, { method: 'POST', body: form })).json()).media_id;
      await first.api('POST', '/clock/advance', { seconds: 600 });
    } finally {
      await first.close();
    }
    const file = join(dataDir, 'sandbox-state.json');
    assert.ok(existsSync(file));
    assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')));

    const second = await startTestSandbox({ dataDir });
    try {
      assert.deepEqual((await second.api('GET', '/credentials')).body.wecom.corps.slice(0, 1), creds.wecom.corps.slice(0, 1));
      assert.equal((await second.api('GET', '/corps')).body.corps.length, 2, 'the demo corp is not provisioned twice');
      const clock = (await second.api('GET', '/clock')).body;
      assert.ok(clock.offsetMs >= 600_000);
      const got = await second.wecom(`/cgi-bin/externalcontact/get_contact_way?access_token=${token}`, { config_id: way.config_id });
      assert.equal(got.errcode, 0, 'the token is still valid');
      assert.equal(got.contact_way.state, 'persist');
      assert.equal(got.contact_way.qr_code.replace(/^http:\/\/[^/]+/, ''), way.qr_code.replace(/^http:\/\/[^/]+/, ''));
      const detail = await second.wecom(`/cgi-bin/externalcontact/get?access_token=${token}&external_userid=${ext}`);
      assert.equal(detail.external_contact.unionid, person.unionid);
      assert.equal((await second.wecom(`/cgi-bin/externalcontact/groupchat/get?access_token=${token}`, { chat_id: chatId })).group_chat.name, '持久群');
      const media = await fetch(`${second.url}/wecom/cgi-bin/media/get?access_token=${token}&media_id=${mediaId}`);
      assert.equal(media.headers.get('content-type'), 'image/png');
      const rescan = await second.api('POST', '/actions/scan', { person_id: person.id, config_id: way.config_id, corpid: DEMO_CORPID });
      assert.equal(rescan.body.outcome, 'already_friend');
      assert.equal((await second.api('GET', `/people/${person.id}`)).body.nickname, person.nickname);
    } finally {
      await second.close();
    }
  });
});
