// The participants search through the admin API: any fragment of the nickname (one character or
// many, any case, emoji, LIKE's own wildcards taken literally) or an exact external_userid returns
// exactly the participants a plain substring test finds, in this campaign only, following nickname
// changes; and the query the list sends can be answered from the nickname index (migration 0080).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedParticipant } from '../../src/db/seeders/task-fission-activity.ts';
import type { Queryable } from '../../src/db/client.ts';
import { listParticipants } from '../../src/modules/participant/list-participants.ts';

const NICKNAMES = [
  '王小明', '小明同学🎉', '明明', 'Amy', 'AMY王', 'amy_li', 'Lily 李', '50%折扣', '100_percent', 'back\\slash', '阳光明媚', '🌸张伟🌸',
  '<script>alert("王")</script>', '王', '', 'İstanbul', 'ΣΊΣΥΦΟΣ',
];
// Filler so the planner has a table worth an index: names sharing no pair with the fragments below.
const filler = (i: number) => `路人${String.fromCodePoint(0x4e00 + (i % 500))}${i}`;

describeEachEngine('participants search', (ctx) => {
  let api: AdminApi;
  let campaignId: number;
  let otherCampaignId: number;
  const search = async (fragment: string, extra = '') => {
    const items: any[] = [];
    let cursor = '';
    for (let guard = 0; guard < 100; guard++) {
      const r = await api.call('GET', `${api.url(`/campaigns/${campaignId}/participants`)}?search=${encodeURIComponent(fragment)}&limit=7${extra}${cursor ? `&cursor=${cursor}` : ''}`, { as: 'viewer' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      items.push(...r.body.items);
      if (!r.body.nextCursor) return items.map((p) => p.id as number);
      cursor = r.body.nextCursor;
    }
    throw new Error('too many pages');
  };
  /** A plain substring test on lower-cased text, independent of LIKE and of the index. */
  const expected = async (fragment: string) => (await ctx().db.query<{ id: number }>(
    `SELECT id FROM participants WHERE campaign_id = $1 AND (strpos(lower(nickname), lower($2)) > 0 OR external_userid = $2) ORDER BY id DESC`,
    [campaignId, fragment])).rows.map((r) => r.id);

  before(async () => {
    const { db } = ctx();
    api = await startAdminApi(db, 'search');
    await seedStaff(db, api.ws.workspaceId);
    campaignId = (await seedCampaign(db, { workspaceId: api.ws.workspaceId, publish: true })).id;
    otherCampaignId = (await seedCampaign(db, { workspaceId: api.ws.workspaceId, publish: true })).id;
    for (const [i, nickname] of NICKNAMES.entries()) {
      await seedParticipant(db, { workspaceId: api.ws.workspaceId, campaignId, externalUserId: `wm_s${i}`, nickname });
      // The same names in another campaign must never show up in this one's results.
      await seedParticipant(db, { workspaceId: api.ws.workspaceId, campaignId: otherCampaignId, externalUserId: `wm_o${i}`, nickname });
    }
    await db.query(
      `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, level, is_new_customer)
       SELECT $1, $2, 'wm_f' || g, ($3::text[])[g], 1, true FROM generate_series(1, 400) g`,
      [api.ws.workspaceId, campaignId, Array.from({ length: 400 }, (_, i) => filler(i + 1))]);
    await db.exec('ANALYZE participants');
  });
  after(async () => api.close());

  const fragments = [
    '王', '小明', '明', 'amy', 'AMY', 'Amy王', 'y王', 'li', 'lily 李', '%', '50%', '_', '0_p', '\\', 'k\\s', '🎉', '🌸张', '伟🌸',
    '<script>', 'alert("王")', 'istanbul', 'İSTANBUL', 'σίσυφοσ', 'ΣΥΦ', '路人', '不存在', 'wm_s3', 'wm_o3', 'wm_s',
  ];
  for (const fragment of fragments) {
    test(`search ${JSON.stringify(fragment)} returns exactly the participants whose nickname contains it (any case) or whose external_userid it is`, async () => {
      const want = await expected(fragment);
      assert.deepEqual(await search(fragment), want);
    });
  }

  test('the fragments above do match something, and not everything', async () => {
    for (const f of ['王', 'amy', '%', '_', '\\', '🎉', 'wm_s3', '路人']) assert.ok((await expected(f)).length > 0, f);
    assert.equal((await expected('wm_o3')).length, 0, 'another campaign\'s participant');
    assert.equal((await expected('wm_s')).length, 0, 'external ids match exactly, never by fragment');
  });

  test('combined with a filter and the most-helps order', async () => {
    const { db } = ctx();
    await db.query(`UPDATE participants SET valid_helps = 5 WHERE campaign_id = $1 AND nickname = '明明'`, [campaignId]);
    const byHelps = await search('明', '&sort=helps');
    assert.deepEqual(new Set(byHelps), new Set(await expected('明')));
    assert.equal(byHelps[0], (await db.query<{ id: number }>(`SELECT id FROM participants WHERE campaign_id = $1 AND nickname = '明明'`, [campaignId])).rows[0]!.id);
    assert.deepEqual(await search('明', '&friendStatus=lost'), []);
  });

  test('a changed nickname is found by its new fragments, no longer by its old ones', async () => {
    const { db } = ctx();
    const id = (await db.query<{ id: number }>(`UPDATE participants SET nickname = '新名字Zed' WHERE campaign_id = $1 AND external_userid = 'wm_s2' RETURNING id`, [campaignId])).rows[0]!.id;
    assert.ok((await search('zed')).includes(id));
    assert.ok((await search('名字')).includes(id));
    assert.ok(!(await search('明明')).includes(id));
  });

  test('the list\'s search query can be answered from the nickname index', async () => {
    const { db } = ctx();
    // Record what listParticipants sends, then ask for its plan with the table scans priced out.
    const sent: Array<{ text: string; params: readonly unknown[] | undefined }> = [];
    const recorder: Queryable = { query: (text, params) => (sent.push({ text, params }), db.query(text, params)), exec: (sql) => db.exec(sql) };
    await listParticipants(recorder, api.ws.workspaceId, campaignId, { search: '小明' });
    const list = sent.find((s) => s.text.includes('FROM participants p'))!;
    const plan = await db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off');
      return (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${list.text}`, list.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    assert.match(plan, /participants_nickname_grams/, plan);
  });
});
