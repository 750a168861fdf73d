// Official Accounts and merchants survive a restart, and a snapshot written before they existed gets
// the demo account and merchant on its next start without losing its corps.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO_APPID, DEMO_MCHID, oaGet, oaPost, oaToken } from '../helpers/sandbox-oa.ts';
import { DEMO_CORPID, makePeople, startTestSandbox } from '../helpers/sandbox.ts';
import type { Json } from '../helpers/sandbox.ts';

describe('sandbox snapshot with Official Accounts and Pay', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'fission-sandbox-oa-'));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('restores followers, QR codes, tokens and balances', async () => {
    const dataDir = tmp();
    const first = await startTestSandbox({ dataDir, snapshotDebounceMs: 5 });
    let token: string;
    let openid: string;
    let code: Json;
    let person: Json;
    try {
      [person] = (await makePeople(first, 1, 111)) as [Json];
      token = await oaToken(first);
      code = await oaPost(first, `/cgi-bin/qrcode/create?access_token=${token}`, { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 1 } } });
      openid = (await first.api('POST', '/actions/scan', { person_id: person.id, qr_url: code.url })).body.openid;
      await first.api('POST', `/merchants/${DEMO_MCHID}/top-up`, { amount: 500 });
    } finally {
      await first.close();
    }
    const second = await startTestSandbox({ dataDir });
    try {
      const u = await oaGet(second, `/cgi-bin/user/info?access_token=${token}&openid=${openid}`);
      assert.equal(u.subscribe, 1, 'token and follower restored');
      assert.equal(u.qr_scene, 1);
      assert.equal((await second.api('POST', '/actions/scan', { person_id: person.id, qr_url: code.url })).body.outcome, 'scanned');
      assert.equal((await second.api('GET', `/merchants/${DEMO_MCHID}`)).body.balance, 1_000_500);
      assert.equal((await second.api('GET', '/oas')).body.oas.length, 1, 'the demo account is not provisioned twice');
    } finally {
      await second.close();
    }
  });

  it('adds the demo account and merchant to a snapshot from before them', async () => {
    const dataDir = tmp();
    const first = await startTestSandbox({ dataDir, snapshotDebounceMs: 5 });
    await first.close();
    const file = join(dataDir, 'sandbox-state.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    for (const k of ['oas', 'oaTokens', 'oauthCodes', 'snsTokens', 'merchants']) delete data[k];
    writeFileSync(file, JSON.stringify(data));

    const second = await startTestSandbox({ dataDir });
    try {
      const creds = (await second.api('GET', '/credentials')).body;
      assert.deepEqual(creds.wecom.corps.map((c: Json) => c.corpid), [DEMO_CORPID]);
      assert.deepEqual(creds.oa.accounts.map((a: Json) => a.appid), [DEMO_APPID]);
      assert.deepEqual(creds.pay.merchants.map((m: Json) => m.mchId), [DEMO_MCHID]);
      assert.ok(await oaToken(second));
    } finally {
      await second.close();
    }
  });
});
