// The participants pages over generated activity: keyset pages cover everyone exactly once, in
// order; each filter returns exactly the rows a raw query finds; the detail shows the inviter
// chain, helpers and rewards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import { campaignInput, seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedTaskFissionActivity } from '../../src/db/seeders/task-fission-activity.ts';

describeEachEngine('campaign participants API', (ctx) => {
  let api: AdminApi;
  let campaignId: number;
  const list = (query: string) => api.call('GET', `${api.url(`/campaigns/${campaignId}/participants`)}?${query}`, { as: 'viewer' });
  const ids = async (sql: string) => (await ctx().db.query<{ id: number }>(`SELECT id FROM participants p WHERE campaign_id = $1 AND ${sql} ORDER BY id DESC`, [campaignId])).rows.map((r) => r.id);

  /** Every page of a listing, following nextCursor. */
  async function all(query: string): Promise<any[]> {
    const items: any[] = [];
    let cursor = '';
    for (let guard = 0; guard < 100; guard++) {
      const r = await list(`${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      items.push(...r.body.items);
      if (!r.body.nextCursor) return items;
      cursor = r.body.nextCursor;
    }
    throw new Error('too many pages');
  }

  before(async () => {
    const now = new Date();
    api = await startAdminApi(ctx().db, 'people');
    await seedStaff(ctx().db, api.ws.workspaceId);
    const c = await seedCampaign(ctx().db, { workspaceId: api.ws.workspaceId, now, config: campaignInput(now), publish: true });
    campaignId = c.id;
    await seedTaskFissionActivity(ctx().db, { workspaceId: api.ws.workspaceId, campaignId, participants: 60, seed: 3, until: now });
  });
  after(async () => api.close());

  test('recent order: pages cover every participant once, newest first', async () => {
    const items = await all('sort=recent');
    assert.deepEqual(items.map((p) => p.id), await ids('true'));
  });

  test('by helps: pages are ordered by valid helps, then id, and cover everyone', async () => {
    const items = await all('sort=helps');
    assert.equal(items.length, 60);
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      assert.ok(a.validHelps > b.validHelps || (a.validHelps === b.validHelps && a.id > b.id), `order at ${i}`);
    }
    assert.equal(new Set(items.map((p) => p.id)).size, 60);
  });

  const filters: Array<[string, string]> = [
    ['friendStatus=lost', `friend_status = 'lost'`],
    ['friendStatus=friend', `friend_status = 'friend'`],
    ['completedTier=1', 'completed_tiers & 1 <> 0'],
    ['completedTier=2', 'completed_tiers & 2 <> 0'],
    ['rewardStatus=none', 'NOT EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id)'],
    ['rewardStatus=claimed', `EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.status = 'claimed')`],
    ['rewardStatus=issued&friendStatus=friend', `friend_status = 'friend' AND EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.status = 'issued')`],
    ['search=%E7%94%A8%E6%88%B71', `nickname LIKE '%用户1%'`],
    ['search=%E6%88%B712', `nickname LIKE '%户12%'`],
    ['search=wm_p5', `external_userid = 'wm_p5'`],
    ['search=50%25', 'false'],
  ];
  for (const [query, where] of filters) {
    test(`filter ${query} returns exactly the matching rows`, async () => {
      const expected = await ids(where);
      if (where !== 'false') assert.ok(expected.length > 0, 'the generated data has matches');
      assert.deepEqual((await all(query)).map((p) => p.id), expected);
    });
  }

  test('list items carry standing and rewards, with the claim form a winner filled in', async () => {
    const [winner] = await ids('EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id)');
    const item = (await all('sort=recent')).find((p) => p.id === winner);
    assert.ok(item.rewards.length > 0);
    assert.ok(item.completedTiers.includes(1));
    assert.equal(item.funnel, 'completed');
    const [claimer] = await ids(`EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.claim_form IS NOT NULL)`);
    const claimed = (await all('sort=recent')).find((p) => p.id === claimer);
    const form = (await ctx().db.query<{ claim_form: unknown }>(`SELECT claim_form FROM rewards WHERE participant_id = $1 AND claim_form IS NOT NULL`, [claimer])).rows[0]!.claim_form;
    assert.deepEqual(claimed.rewards.find((r: any) => r.claimForm).claimForm, form);
    assert.ok(item.rewards.every((r: any) => 'claimForm' in r && typeof r.reward.name === 'string'));
  });

  test('bad queries → 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['completedTier=9', 'querystring.completedTier'], ['limit=0', 'querystring.limit'], ['rewardStatus=lost', 'querystring.rewardStatus'], ['cursor=abc', 'querystring.cursor'],
    ];
    for (const [query, field] of cases) {
      const r = await list(query);
      assert.equal(r.status, 400, query);
      assert.ok(r.body.error.fields.some((f: any) => f.path === field), `${query}: ${JSON.stringify(r.body.error.fields)}`);
    }
  });

  test('detail: inviter chain up to level 1, helpers, invitees and rewards', async () => {
    const { db } = ctx();
    const deep = (await db.query<{ id: number; level: number }>(`SELECT id, level FROM participants WHERE campaign_id = $1 AND level >= 3 ORDER BY level DESC, id LIMIT 1`, [campaignId])).rows[0]!;
    const r = await api.call('GET', api.url(`/campaigns/${campaignId}/participants/${deep.id}`), { as: 'viewer' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.inviterChain.length, deep.level - 1);
    assert.deepEqual(r.body.inviterChain.map((p: any) => p.level), Array.from({ length: deep.level - 1 }, (_, i) => deep.level - 1 - i));
    assert.equal(r.body.inviterChain[0].id, r.body.inviterId);

    const busiest = (await db.query<{ id: number }>(`SELECT inviter_id AS id FROM helps WHERE campaign_id = $1 GROUP BY inviter_id ORDER BY count(*) DESC, inviter_id LIMIT 1`, [campaignId])).rows[0]!;
    const d = (await api.call('GET', api.url(`/campaigns/${campaignId}/participants/${busiest.id}`))).body;
    const raw = (await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM helps WHERE inviter_id = $1 GROUP BY status`, [busiest.id])).rows;
    for (const s of ['valid', 'revoked', 'invalid']) assert.equal(d.helps[s], raw.find((x) => x.status === s)?.n ?? 0, s);
    assert.equal(d.helps.recent.length, raw.reduce((a, x) => a + x.n, 0));
    const invitees = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM participants WHERE inviter_id = $1`, [busiest.id])).rows[0]!.n;
    assert.equal(d.invitees, invitees);
    const rewards = (await db.query<{ id: number }>(`SELECT id FROM rewards WHERE participant_id = $1 ORDER BY tier_no`, [busiest.id])).rows.map((x) => x.id);
    assert.deepEqual(d.rewards.map((x: any) => x.id), rewards);
  });

  test('detail: the tree below a participant, three levels deep, level by level', async () => {
    const { db } = ctx();
    const rows = (await db.query<{ id: number; inviter_id: number | null }>(`SELECT id, inviter_id FROM participants WHERE campaign_id = $1`, [campaignId])).rows;
    const below = (root: number) => {
      const out: number[][] = [];
      let level = [root];
      for (let depth = 0; depth < 3; depth++) out.push((level = rows.filter((r) => level.includes(r.inviter_id!)).map((r) => r.id)));
      return out;
    };
    // The level-1 participant with the most people under them.
    const roots = rows.filter((r) => r.inviter_id === null).map((r) => r.id);
    const root = roots.sort((a, b) => below(b).flat().length - below(a).flat().length)[0]!;
    const expected = below(root);
    assert.ok(expected[1]!.length > 0, 'the seeded crowd has a second level under this root');
    const d = (await api.call('GET', api.url(`/campaigns/${campaignId}/participants/${root}`))).body;
    assert.equal(d.downlineTruncated, false);
    assert.deepEqual(d.downline.map((p: any) => p.id).sort((a: number, b: number) => a - b), expected.flat().sort((a, b) => a - b));
    // Level by level, each under someone already listed (or the participant).
    const seen = new Set([root]);
    for (const p of d.downline) {
      assert.ok(seen.has(p.inviterId), `${p.id} under ${p.inviterId}`);
      seen.add(p.id);
    }

    // A following larger than the tree shows: cut at 150, whole levels first.
    const other = await seedCampaign(db, { workspaceId: api.ws.workspaceId });
    const insert = (inviter: number | null, level: number, n: number, tag: string) => db.query<{ id: number }>(
      `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, gender, staff_userid, inviter_id, level, is_new_customer, joined_at)
       SELECT $1, $2, 'wm' || $3 || g, 'p' || $3 || g, 'unknown', 'zhangsan', $4, $5, true, now() FROM generate_series(1, $6) g RETURNING id`,
      [api.ws.workspaceId, other.id, tag, inviter, level, n],
    );
    const [top] = (await insert(null, 1, 1, 'top')).rows;
    const firsts = (await insert(top!.id, 2, 100, 'a')).rows;
    await insert(firsts[0]!.id, 3, 100, 'b');
    const big = (await api.call('GET', api.url(`/campaigns/${other.id}/participants/${top!.id}`))).body;
    assert.equal(big.downlineTruncated, true);
    assert.equal(big.downline.length, 150);
    assert.deepEqual(big.downline.slice(0, 100).map((p: any) => p.level), Array(100).fill(2), 'the whole first level comes first');
    assert.ok(big.downline.slice(100).every((p: any) => p.inviterId === firsts[0]!.id));
  });

  test('a participant of another campaign, or an unknown one → 404', async () => {
    const other = await seedCampaign(ctx().db, { workspaceId: api.ws.workspaceId });
    const [someone] = await ids('true');
    assert.equal((await api.call('GET', api.url(`/campaigns/${other.id}/participants/${someone}`))).status, 404);
    assert.equal((await api.call('GET', api.url(`/campaigns/${campaignId}/participants/99999999`))).status, 404);
    assert.equal((await api.call('GET', api.url(`/campaigns/99999999/participants`))).status, 404);
  });
});
