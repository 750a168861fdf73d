// Pulling the WeCom directory (staff with customer contact, corp tags) through the real client and
// sandbox, and the activity code operators download.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeQr } from '../../src/sandbox/img/qr.ts';
import { describeEachEngine } from '../helpers/db.ts';
import { startFissionWorld, type FissionWorld } from '../helpers/fission-world.ts';
import { DEMO_CORPID } from '../helpers/sandbox.ts';
import { pullDirectoryFromWeCom } from '../../src/modules/staff/pull-directory-from-wecom.ts';
import { listStaff } from '../../src/modules/staff/list-staff.ts';
import { listCorpTags } from '../../src/modules/staff/list-corp-tags.ts';
import { fetchActivityCodeImage, getActivityCode } from '../../src/modules/fission/get-activity-code.ts';
import { createCampaign } from '../../src/modules/campaign/create-campaign.ts';

describeEachEngine('WeCom directory pull and activity code', (ctx) => {
  let w: FissionWorld;
  before(async () => {
    w = await startFissionWorld(ctx().db, 'directory');
  });
  after(async () => {
    await w?.close();
  });

  test('staff names and avatars come from user/get, tags from get_corp_tag_list; unknown staff are deactivated', async () => {
    const { db } = ctx();
    await db.query(`INSERT INTO staff (workspace_id, userid, name, active) VALUES ($1, 'Gone', 'Gone', true)`, [w.workspaceId]);
    const r = await pullDirectoryFromWeCom(db, w.config, w.workspaceId);
    assert.equal(r.staff.deactivated, 1);
    const staff = await listStaff(db, w.workspaceId);
    const byId = new Map(staff.map((s) => [s.userid, s]));
    assert.equal(byId.get('ZhangWei')?.name, '张伟');
    assert.match(byId.get('ZhangWei')?.avatar ?? '', /^http:\/\/.+\.png$/);
    assert.equal(byId.get('Gone')?.active, false);
    const tags = await listCorpTags(db, w.workspaceId);
    assert.ok(tags.some((t) => t.tagId === w.tagId && t.active));
    // Idempotent: a second pull changes nothing.
    assert.deepEqual((await pullDirectoryFromWeCom(db, w.config, w.workspaceId)).staff.deactivated, 0);
  });

  test('a published campaign has one activity code whose image decodes to the code WeCom made; a draft has none', async () => {
    const { db } = ctx();
    const c = await w.campaign();
    const deps = { db, jobs: w.jobs, config: w.config };
    const a = await getActivityCode(deps, w.workspaceId, c.id);
    const b = await getActivityCode(deps, w.workspaceId, c.id);
    assert.equal(a.configId, b.configId, 'one code per campaign');
    assert.equal(a.qrUrl, c.qrUrl);
    const img = await fetchActivityCodeImage(a);
    assert.equal(img.contentType, 'image/png');
    const decoded = await decodeQr(img.bytes);
    assert.ok(decoded, 'the PNG holds a readable QR');
    const way = (await w.sb.api('GET', `/corps/${DEMO_CORPID}/contact-ways`)).body.contactWays.find((x: { configId: string }) => x.configId === a.configId);
    assert.equal(decoded, way.qrContent);

    const draft = await db.transaction((tx) => createCampaign(tx, { workspaceId: w.workspaceId, createdBy: null, config: {
      name: '草稿', startAt: new Date(Date.now() + 3600_000).toISOString(), endAt: new Date(Date.now() + 7200_000).toISOString(),
      channel: { type: 'wecom', staffUserIds: ['ZhangWei'] }, tiers: [{ target: 1, reward: { type: 'physical', name: '杯' }, stock: 1 }],
    } }));
    await assert.rejects(getActivityCode(deps, w.workspaceId, draft.id), /publish the campaign first/);
  });
});
