// The dashboard's figures come from trigger-kept counters; here they must equal the same figures
// recomputed from the raw rows with the domain formulas, on generated activity under both churn
// policies, and again after rows are changed behind the use cases' back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { startAdminApi, type AdminApi } from '../helpers/admin-api.ts';
import type { Queryable } from '../../src/db/client.ts';
import { campaignInput, seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedTaskFissionActivity } from '../../src/db/seeders/task-fission-activity.ts';
import { getCampaignStats, type CampaignStats } from '../../src/modules/campaign/get-campaign-stats.ts';
import { shanghaiDay } from '../../src/modules/campaign/shanghai-day.ts';
import { funnelCounts, isCompleted } from '../../src/domain/task-fission/funnel.ts';
import { progressCount } from '../../src/domain/task-fission/churn.ts';
import { INVALID_HELP_REASONS } from '../../src/domain/task-fission/help-validation.ts';
import { stockLeft } from '../../src/domain/task-fission/stock.ts';
import { completionRate, retentionRate } from '../../src/domain/shared/rates.ts';
import { levelBucket, levelBuckets } from '../../src/domain/shared/levels.ts';
import type { CampaignConfig } from '../../src/domain/task-fission/campaign-config.ts';

const NOW = new Date();

/** The dashboard recomputed from the raw rows with the domain formulas. */
async function recompute(q: Queryable, campaignId: number, config: CampaignConfig, now: Date): Promise<Omit<CampaignStats, 'daily'> & { daily: Map<string, number[]> }> {
  const today = shanghaiDay(now);
  const parts = (await q.query<{ id: number; validHelps: number; level: number; joinedAt: Date; completedAt: Date | null }>(
    `SELECT id, valid_helps AS "validHelps", level, joined_at AS "joinedAt", completed_at AS "completedAt" FROM participants WHERE campaign_id = $1`, [campaignId])).rows;
  const rewards = (await q.query<{ participantId: number; tierNo: number; status: string }>(
    `SELECT participant_id AS "participantId", tier_no AS "tierNo", status FROM rewards WHERE campaign_id = $1`, [campaignId])).rows;
  const helps = (await q.query<{ inviterId: number; status: string; invalidReason: string | null; createdAt: Date; revokedAt: Date | null }>(
    `SELECT inviter_id AS "inviterId", status, invalid_reason AS "invalidReason", created_at AS "createdAt", revoked_at AS "revokedAt" FROM helps WHERE campaign_id = $1`, [campaignId])).rows;
  const friends = (await q.query<{ isNew: boolean; addedAt: Date; lostAt: Date | null }>(
    `SELECT is_new_customer AS "isNew", added_at AS "addedAt", lost_at AS "lostAt" FROM campaign_friends WHERE campaign_id = $1`, [campaignId])).rows;
  const stock = (await q.query<{ tierNo: number; stockTotal: number }>(`SELECT tier_no AS "tierNo", stock_total AS "stockTotal" FROM campaign_tiers WHERE campaign_id = $1 ORDER BY tier_no`, [campaignId])).rows;

  // The stored count itself follows the churn policy over the raw helps.
  for (const p of parts) {
    const counted = helps.filter((h) => h.inviterId === p.id && h.status !== 'invalid');
    assert.equal(p.validHelps, progressCount(config.rules.churnPolicy, counted), `participant ${p.id} count`);
  }

  const won = (p: number, tier: number) => rewards.some((r) => r.participantId === p && r.tierNo === tier);
  const completedTier = (p: (typeof parts)[number], tier: number) => isCompleted({ validHelps: p.validHelps, wonTier1: won(p.id, tier) }, config.tiers[tier - 1]!.target);
  const onToday = (d: Date | null) => d !== null && shanghaiDay(d) === today;
  const count = <T>(rows: T[], f: (r: T) => boolean) => rows.filter(f).length;

  const participants = { total: parts.length, today: count(parts, (p) => onToday(p.joinedAt)) };
  const completed = { total: count(parts, (p) => completedTier(p, 1)), today: count(parts, (p) => completedTier(p, 1) && onToday(p.completedAt)) };
  const newF = { total: count(friends, (f) => f.isNew), today: count(friends, (f) => f.isNew && onToday(f.addedAt)) };
  const lostF = { total: count(friends, (f) => f.isNew && f.lostAt !== null), today: count(friends, (f) => f.isNew && onToday(f.lostAt)) };
  const invalid = Object.fromEntries(INVALID_HELP_REASONS.map((r) => [r, count(helps, (h) => h.invalidReason === r)])) as CampaignStats['helps']['invalid'];
  const levels = levelBuckets().map((level) => ({ level, participants: count(parts, (p) => levelBucket(p.level) === level) }));

  const daily = new Map<string, number[]>();
  const bump = (d: Date | null, i: number) => {
    if (!d) return;
    const row = daily.get(shanghaiDay(d)) ?? [0, 0, 0, 0, 0];
    row[i]!++;
    daily.set(shanghaiDay(d), row);
  };
  for (const p of parts) {
    bump(p.joinedAt, 0);
    if (completedTier(p, 1)) bump(p.completedAt, 1);
  }
  for (const f of friends) if (f.isNew) (bump(f.addedAt, 2), bump(f.lostAt, 3));
  for (const h of helps) if (h.status === 'valid') bump(h.createdAt, 4);

  return {
    today,
    participants,
    completed: { ...completed, rate: completionRate(completed.total, participants.total) },
    funnel: funnelCounts(parts.map((p) => ({ validHelps: p.validHelps, wonTier1: won(p.id, 1) })), config.tiers[0]!.target),
    tiers: config.tiers.map((t, i) => {
      const of = (s: string) => count(rewards, (r) => r.tierNo === i + 1 && r.status === s);
      const all = count(rewards, (r) => r.tierNo === i + 1);
      return {
        tierNo: i + 1, target: t.target, completed: count(parts, (p) => completedTier(p, i + 1)),
        won: all, reserved: of('reserved'), claimed: of('claimed'), issued: of('issued'),
        stockTotal: stock[i]!.stockTotal, stockLeft: stockLeft(stock[i]!.stockTotal, all),
      };
    }),
    helps: { valid: count(helps, (h) => h.status === 'valid'), revoked: count(helps, (h) => h.status === 'revoked'), invalid, invalidTotal: count(helps, (h) => h.status === 'invalid') },
    friends: { new: newF, lost: lostF, retention: { total: retentionRate(newF.total, lostF.total), today: retentionRate(newF.today, lostF.today) } },
    levels,
    daily,
  };
}

function assertStatsMatch(actual: CampaignStats, expected: Awaited<ReturnType<typeof recompute>>): void {
  const { daily, ...rest } = actual;
  const { daily: expectedDaily, ...expectedRest } = expected;
  assert.deepEqual(rest, expectedRest);
  const nonzero = daily.filter((d) => d.participants || d.completed || d.newFriends || d.lostFriends || d.validHelps);
  assert.deepEqual(
    nonzero.map((d) => [d.day, d.participants, d.completed, d.newFriends, d.lostFriends, d.validHelps]),
    [...expectedDaily].sort(([a], [b]) => a.localeCompare(b)).map(([day, v]) => [day, ...v]),
  );
}

describeEachEngine('campaign stats', (ctx) => {
  let api: AdminApi;
  before(async () => {
    api = await startAdminApi(ctx().db, 'stats');
    await seedStaff(ctx().db, api.ws.workspaceId);
  });
  after(async () => api.close());

  for (const churnPolicy of ['deduct', 'ignore'] as const) {
    test(`counters equal raw-row recounts on generated activity (churn: ${churnPolicy}), also after raw edits`, async () => {
      const { db } = ctx();
      const ws = api.ws.workspaceId;
      const pool = await api.call('POST', api.url('/code-pools'), { body: { name: `pool ${churnPolicy}` } });
      await api.call('POST', api.url(`/code-pools/${pool.body.id}/codes`), { body: { codes: ['C1', 'C2', 'C3'] } });
      const config = campaignInput(NOW, {
        tiers: [
          { target: 2, reward: { type: 'physical', name: '保温杯' }, stock: 25 },
          { target: 4, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } }, stock: 8 },
          { target: 6, reward: { type: 'redeem_code', name: '月卡', codePoolId: pool.body.id }, stock: 3 },
        ],
        rules: { churnPolicy },
      });
      const c = await seedCampaign(db, { workspaceId: ws, now: NOW, config, publish: true });
      const seeded = await seedTaskFissionActivity(db, { workspaceId: ws, campaignId: c.id, participants: 120, seed: churnPolicy === 'deduct' ? 7 : 8, until: NOW });
      assert.ok(seeded.helps > 200);

      const stats = await getCampaignStats(db, ws, c.id, NOW);
      const expected = await recompute(db, c.id, c.config, NOW);
      assertStatsMatch(stats, expected);
      // The generated data exercises what the dashboard shows.
      assert.ok(stats.participants.today > 0 && stats.participants.today < stats.participants.total);
      assert.ok(stats.tiers.every((t) => t.won > 0) && stats.tiers[2]!.stockLeft === 0);
      assert.ok(stats.friends.lost.total > 0 && stats.helps.revoked > 0);
      assert.ok(Object.values(stats.helps.invalid).every((n) => n > 0));
      assert.ok(stats.levels.filter((l) => l.participants > 0).length >= 4);
      assert.ok(stats.funnel.not_shared > 0 && stats.funnel.shared_not_completed > 0 && stats.funnel.completed > 0);

      // Anyone may fix rows by hand; the counters follow.
      await db.exec(`
        UPDATE campaign_friends SET lost_at = NULL WHERE campaign_id = ${c.id} AND external_userid IN (SELECT external_userid FROM campaign_friends WHERE campaign_id = ${c.id} AND lost_at IS NOT NULL LIMIT 3);
        DELETE FROM helps WHERE id IN (SELECT id FROM helps WHERE campaign_id = ${c.id} AND status = 'invalid' LIMIT 5);
        UPDATE participants SET level = level + 20 WHERE id IN (SELECT id FROM participants WHERE campaign_id = ${c.id} AND inviter_id IS NOT NULL ORDER BY id DESC LIMIT 4);
        UPDATE rewards SET status = 'issued', issued_at = now() WHERE campaign_id = ${c.id} AND status = 'reserved';`);
      const edited = await getCampaignStats(db, ws, c.id, NOW);
      assertStatsMatch(edited, await recompute(db, c.id, c.config, NOW));
      // The set-based rebuild (for bulk imports and repairs) lands on the same figures.
      await db.query('SELECT rebuild_campaign_stats($1)', [c.id]);
      assert.deepEqual(await getCampaignStats(db, ws, c.id, NOW), edited);

      const viaApi = await api.call('GET', api.url(`/campaigns/${c.id}/stats`), { as: 'viewer' });
      assert.equal(viaApi.status, 200, JSON.stringify(viaApi.body));
      assert.equal(viaApi.body.participants.total, stats.participants.total);
      const listed = (await api.call('GET', api.url('/campaigns'))).body.campaigns.find((x: any) => x.id === c.id);
      assert.deepEqual([listed.participants, listed.completed], [stats.participants.total, stats.completed.total]);
    });
  }

  test('stats of a campaign with no activity: zeros and null rates; unknown campaign → 404', async () => {
    const c = await seedCampaign(ctx().db, { workspaceId: api.ws.workspaceId, now: NOW });
    const s = await getCampaignStats(ctx().db, api.ws.workspaceId, c.id, NOW);
    assert.deepEqual([s.participants, s.completed.rate, s.friends.retention, s.daily], [{ total: 0, today: 0 }, null, { total: null, today: null }, []]);
    assert.equal(s.levels.length, 15);
    assert.equal((await api.call('GET', api.url('/campaigns/999999/stats'))).status, 404);
  });
});
