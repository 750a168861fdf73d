// The dashboard benchmark's generated campaign is only worth timing if it is a campaign the
// product could have produced: exact sizes, invitation trees, and every invariant holding —
// counters equal to the raw rows included, though they were built set-based with triggers off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { generateDashboardCampaign } from '../../src/bench/dashboard-data.ts';
import { checkCampaignInvariants } from '../../src/simulate/invariants/check-invariants.ts';
import { getCampaignStats } from '../../src/modules/campaign/get-campaign-stats.ts';

describeEachEngine('dashboard benchmark data', (ctx) => {
  test('exact sizes, trees several levels deep, every invariant holds, triggers back on', async () => {
    const { db } = ctx();
    const g = await generateDashboardCampaign(db, { participants: 3000, helps: 12_000, seed: 5 });
    const counts = (await db.query<{ p: number; h: number; f: number; slots: number }>(
      `SELECT (SELECT count(*) FROM participants WHERE campaign_id = $1)::int AS p, (SELECT count(*) FROM helps WHERE campaign_id = $1)::int AS h,
              (SELECT count(*) FROM campaign_friends WHERE campaign_id = $1)::int AS f,
              (SELECT count(DISTINCT slot) FROM campaign_stat_counters WHERE campaign_id = $1)::int AS slots`, [g.campaignId])).rows[0]!;
    assert.deepEqual([counts.p, counts.h, g.participants, g.helps], [3000, 12_000, 3000, 12_000]);
    assert.ok(counts.f > counts.p, 'helpers who are not participants are friends too');
    assert.equal(counts.slots, 8);
    assert.ok(g.maxLevel >= 5, `max level ${g.maxLevel}`);

    const report = await checkCampaignInvariants(db, { workspaceId: g.workspaceId, campaignId: g.campaignId });
    assert.deepEqual(report.violations, []);

    const stats = await getCampaignStats(db, g.workspaceId, g.campaignId);
    assert.ok(stats.helps.revoked > 0 && stats.helps.invalidTotal > 0 && Object.values(stats.helps.invalid).every((n) => n > 0));
    assert.ok(stats.tiers.every((t) => t.won > 0), JSON.stringify(stats.tiers));
    assert.equal(stats.tiers[2]!.stockLeft, 0, 'the last tier sells out');
    assert.ok(stats.tiers[0]!.stockLeft > 0, 'the campaign keeps running');
    assert.ok(stats.funnel.not_shared > 0 && stats.funnel.shared_not_completed > 0 && stats.funnel.completed > 0);

    // The nickname search index, dropped for the load, is back.
    assert.equal((await db.query<{ i: string | null }>(`SELECT to_regclass('participants_nickname_grams')::text AS i`)).rows[0]!.i, 'participants_nickname_grams');

    // The stats triggers are on again: a new help moves the counters.
    await db.query(`INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, status) SELECT workspace_id, campaign_id, id, 'wm_after', 'valid' FROM participants WHERE campaign_id = $1 ORDER BY id LIMIT 1`, [g.campaignId]);
    assert.equal((await getCampaignStats(db, g.workspaceId, g.campaignId)).helps.valid, stats.helps.valid + 1);
  });
});
