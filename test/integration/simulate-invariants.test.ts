// The simulator's invariant checks hold on consistent generated activity and fail — naming the
// invariant — on each kind of corruption. Each corruption is made inside a transaction, checked
// through it, and rolled back, so every case starts from the same clean campaign.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import type { Queryable } from '../../src/db/client.ts';
import { seedWorkspaceMembers } from '../../src/db/seeders/workspace-members.ts';
import { campaignInput, seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedTaskFissionActivity } from '../../src/db/seeders/task-fission-activity.ts';
import { checkCampaignInvariants } from '../../src/simulate/invariants/check-invariants.ts';
import type { InvariantReport } from '../../src/simulate/invariants/invariant-types.ts';
import { VALID_COUNTS } from '../../src/simulate/invariants/valid-counts.ts';
import { HELPER_ONCE } from '../../src/simulate/invariants/helper-once.ts';
import { COMPLETION_REWARDS, STOCK } from '../../src/simulate/invariants/stock-and-rewards.ts';
import { LEVELS } from '../../src/simulate/invariants/levels.ts';
import { DASHBOARD, differences } from '../../src/simulate/invariants/dashboard-matches-recount.ts';
import { CALLBACKS_HANDLED, WELCOME_ONCE } from '../../src/simulate/invariants/welcome-attempts.ts';
import { encodeContactWayState } from '../../src/domain/shared/contact-way-state.ts';
import { JobQueue } from '../../src/jobs/queue.ts';
import { ALL_QUEUES } from '../../src/jobs/registry.ts';
import { SendWelcomeFallbackJob } from '../../src/jobs/fission/definitions.ts';
import { InboxProcessJob } from '../../src/modules/inbox/inbox-job.ts';

const NOW = new Date();

class Checked extends Error {
  report: InvariantReport;
  constructor(report: InvariantReport) {
    super('checked');
    this.report = report;
  }
}

describeEachEngine('simulator invariants', (ctx) => {
  let workspaceId = '';
  let campaignId = 0;

  /** The report after `corrupt` ran in a transaction that is then rolled back. */
  async function checkCorrupted(corrupt: (tx: Queryable) => Promise<void>): Promise<InvariantReport> {
    try {
      await ctx().db.transaction(async (tx) => {
        await corrupt(tx);
        throw new Checked(await checkCampaignInvariants(tx, { workspaceId, campaignId }));
      });
    } catch (err) {
      if (err instanceof Checked) return err.report;
      throw err;
    }
    throw new Error('unreachable');
  }

  const names = (r: InvariantReport) => [...new Set(r.violations.map((v) => v.invariant))].sort();

  before(async () => {
    const { db } = ctx();
    workspaceId = (await seedWorkspaceMembers(db, { slug: 'inv' })).workspaceId;
    await seedStaff(db, workspaceId);
    const config = campaignInput(NOW, {
      tiers: [
        { target: 2, reward: { type: 'physical', name: '保温杯' }, stock: 25 },
        { target: 4, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } }, stock: 4 },
      ],
    });
    campaignId = (await seedCampaign(db, { workspaceId, now: NOW, config, publish: true })).id;
    await seedTaskFissionActivity(db, { workspaceId, campaignId, participants: 60, seed: 3, until: NOW });
    // One add event of the campaign, processed, with its one welcome attempt; one of another tool.
    await addEvent(db, 'wm_p0', encodeContactWayState({ campaignId, inviterParticipantId: null }), 'processed', 'skipped');
    await addEvent(db, 'wm_other', 'not-ours', 'ignored', null);
  });

  /** An add_external_contact inbox row with `status`, and a welcome attempt in `welcome` status unless null. */
  async function addEvent(q: Queryable, ext: string, state: string, status: string, welcome: string | null): Promise<string> {
    const payload = { kind: 'change_external_contact', changeType: 'add_external_contact', userId: 'zhangsan', externalUserId: ext, state, createTime: 1 };
    const id = (await q.query<{ id: string }>(
      `INSERT INTO inbox (workspace_id, source, dedupe_key, event_type, payload, raw_xml, status) VALUES ($1, 'wecom', $2, 'change_external_contact', $3, '<xml/>', $4) RETURNING id`,
      [workspaceId, `contact:add_external_contact:1:zhangsan:${ext}:${Math.random()}`, JSON.stringify(payload), status])).rows[0]!.id;
    if (welcome) {
      await q.query(
        `INSERT INTO welcome_attempts (workspace_id, campaign_id, inbox_id, external_userid, staff_userid, kind, status, content) VALUES ($1, $2, $3, $4, 'zhangsan', 'participant', $5, $6)`,
        [workspaceId, campaignId, id, ext, welcome, welcome === 'skipped' ? null : JSON.stringify({ text: 'hi' })]);
    }
    return id;
  }

  test('consistent activity passes every invariant', async () => {
    const r = await checkCampaignInvariants(ctx().db, { workspaceId, campaignId });
    assert.deepEqual(r.violations, []);
    assert.equal(r.ok, true);
    assert.deepEqual(r.checked.sort(), [CALLBACKS_HANDLED, COMPLETION_REWARDS, DASHBOARD, HELPER_ONCE, LEVELS, STOCK, VALID_COUNTS, WELCOME_ONCE].sort());
  });

  test('a count that does not match the helps', async () => {
    const r = await checkCorrupted(async (tx) => {
      await tx.query(`UPDATE participants SET valid_helps = valid_helps + 1 WHERE id = (SELECT min(id) FROM participants WHERE campaign_id = $1)`, [campaignId]);
    });
    assert.ok(names(r).includes(VALID_COUNTS), JSON.stringify(r.violations));
    assert.match(r.violations.find((v) => v.invariant === VALID_COUNTS)!.detail, /^participant \d+: valid_helps \d+, counted helps \d+$/);
  });

  test('a helper counted twice for one inviter (unique index dropped)', async () => {
    const r = await checkCorrupted(async (tx) => {
      await tx.query(`DROP INDEX helps_one_per_pair`);
      await tx.query(
        `INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, status, created_at)
         SELECT workspace_id, campaign_id, inviter_id, helper_external_userid, 'valid', created_at FROM helps
          WHERE campaign_id = $1 AND status = 'valid' ORDER BY id LIMIT 1`, [campaignId]);
    });
    assert.deepEqual(names(r).filter((n) => n === HELPER_ONCE), [HELPER_ONCE]);
    assert.match(r.violations.find((v) => v.invariant === HELPER_ONCE)!.detail, /counted 2 times for participant/);
  });

  test('more rewards than stock, and a reserved counter out of step', async () => {
    const r = await checkCorrupted(async (tx) => {
      await tx.query(`ALTER TABLE campaign_tiers DROP CONSTRAINT campaign_tiers_check`);
      await tx.query(`UPDATE campaign_tiers SET stock_total = 0 WHERE campaign_id = $1 AND tier_no = 2`, [campaignId]);
      await tx.query(`UPDATE campaign_tiers SET stock_reserved = stock_reserved + 1 WHERE campaign_id = $1 AND tier_no = 1`, [campaignId]);
    });
    const stock = r.violations.filter((v) => v.invariant === STOCK).map((v) => v.detail);
    assert.ok(stock.some((d) => /^tier 2: \d+ rewards for a stock of 0$/.test(d)), stock.join('\n'));
    assert.ok(stock.some((d) => /^tier 1: stock_reserved \d+, reward rows \d+$/.test(d)), stock.join('\n'));
  });

  test('a completion whose reward is missing while stock is left, and a reward nobody earned', async () => {
    const missing = await checkCorrupted(async (tx) => {
      const gone = await tx.query<{ tierNo: number }>(
        `DELETE FROM rewards WHERE id = (SELECT min(r.id) FROM rewards r JOIN participants p ON p.id = r.participant_id
           WHERE r.campaign_id = $1 AND r.tier_no = 1 AND p.valid_helps >= 2) RETURNING tier_no AS "tierNo"`, [campaignId]);
      assert.equal(gone.rows.length, 1);
      await tx.query(`UPDATE campaign_tiers SET stock_reserved = stock_reserved - 1 WHERE campaign_id = $1 AND tier_no = 1`, [campaignId]);
    });
    assert.ok(missing.violations.some((v) => v.invariant === COMPLETION_REWARDS && /reached tier 1 \(stock left\) but has no reward/.test(v.detail)), JSON.stringify(missing.violations));

    const unearned = await checkCorrupted(async (tx) => {
      await tx.query(
        `INSERT INTO rewards (workspace_id, campaign_id, participant_id, tier_no, reward)
         SELECT workspace_id, campaign_id, id, 1, '{"type":"physical","name":"x"}' FROM participants
          WHERE campaign_id = $1 AND valid_helps = 0 AND completed_tiers = 0 ORDER BY id LIMIT 1`, [campaignId]);
    });
    assert.ok(unearned.violations.some((v) => v.invariant === COMPLETION_REWARDS && /holds a tier 1 reward without completing it/.test(v.detail)), JSON.stringify(unearned.violations));
  });

  test('a level that is not the inviter\'s + 1', async () => {
    const r = await checkCorrupted(async (tx) => {
      await tx.query(`UPDATE participants SET level = level + 1 WHERE id = (SELECT min(id) FROM participants WHERE campaign_id = $1 AND inviter_id IS NOT NULL)`, [campaignId]);
    });
    assert.ok(r.violations.some((v) => v.invariant === LEVELS && /level \d+, inviter's level \d+/.test(v.detail)), JSON.stringify(r.violations));
  });

  test('dashboard counters that drifted from the rows (a counter edited, a row written with triggers off)', async () => {
    const edited = await checkCorrupted(async (tx) => {
      await tx.query(`UPDATE campaign_stat_counters SET n = n + 1 WHERE (campaign_id, metric, day, slot) IN (SELECT campaign_id, metric, day, slot FROM campaign_stat_counters WHERE campaign_id = $1 AND metric = 'helps:valid' LIMIT 1)`, [campaignId]);
    });
    assert.deepEqual(names(edited), [DASHBOARD]);
    assert.ok(edited.violations.some((v) => /^helps\.valid: dashboard \d+ ≠ recount \d+$/.test(v.detail)), JSON.stringify(edited.violations));

    const hidden = await checkCorrupted(async (tx) => {
      await tx.query(`ALTER TABLE campaign_friends DISABLE TRIGGER campaign_friends_stats`);
      await tx.query(`INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer) VALUES ($1, $2, 'wm_unseen', 'zhangsan', true)`, [workspaceId, campaignId]);
    });
    assert.ok(hidden.violations.some((v) => v.invariant === DASHBOARD && v.detail.startsWith('friends.new.total')), JSON.stringify(hidden.violations));
  });

  test('an add event without its welcome attempt, one with two, one whose attempt never ran, and a callback left unprocessed', async () => {
    const state = encodeContactWayState({ campaignId, inviterParticipantId: null });
    const r = await checkCorrupted(async (tx) => {
      await addEvent(tx, 'wm_none', state, 'processed', null);
      await tx.query(`ALTER TABLE welcome_attempts DROP CONSTRAINT welcome_attempts_workspace_id_inbox_id_key`);
      const twice = await addEvent(tx, 'wm_twice', state, 'processed', 'sent');
      await tx.query(`INSERT INTO welcome_attempts (workspace_id, campaign_id, inbox_id, external_userid, staff_userid, kind, status, content) SELECT workspace_id, campaign_id, inbox_id, external_userid, staff_userid, kind, status, content FROM welcome_attempts WHERE inbox_id = $1`, [twice]);
      await addEvent(tx, 'wm_waiting', state, 'processed', 'pending');
      await addEvent(tx, 'wm_failed', state, 'failed', null);
    });
    const welcome = r.violations.filter((v) => v.invariant === WELCOME_ONCE).map((v) => v.detail);
    assert.equal(welcome.length, 3, welcome.join('\n'));
    assert.ok(welcome.some((d) => /: 0 welcome attempts$/.test(d)));
    assert.ok(welcome.some((d) => /: 2 welcome attempts$/.test(d)));
    assert.ok(welcome.some((d) => /open with no job to move it on$/.test(d)));
    assert.deepEqual(r.violations.filter((v) => v.invariant === CALLBACKS_HANDLED).map((v) => v.detail.replace(/inbox \S+/, 'inbox X')), ['inbox X (change_external_contact) is failed']);
  });

  test('an open welcome attempt, or a failed callback, whose retry is scheduled is in progress, not a violation', async () => {
    const jobs = await JobQueue.start(ctx().db, { supervise: false, queues: ALL_QUEUES });
    try {
      const r = await checkCorrupted(async (tx) => {
        const inbox = await addEvent(tx, 'wm_retrying', encodeContactWayState({ campaignId, inviterParticipantId: null }), 'processed', 'fallback_queued');
        const attempt = (await tx.query<{ id: number }>(`SELECT id FROM welcome_attempts WHERE inbox_id = $1`, [inbox])).rows[0]!.id;
        await jobs.send(SendWelcomeFallbackJob, { workspaceId, attemptId: attempt }, { tx, startAfter: new Date(Date.now() + 600_000) });
        const failed = await addEvent(tx, 'wm_failed_retrying', 'not-ours', 'failed', null);
        await jobs.send(InboxProcessJob, { workspaceId, inboxId: failed }, { tx, startAfter: new Date(Date.now() + 600_000) });
      });
      assert.deepEqual(r.violations, []);
    } finally {
      await jobs.stop();
    }
  });

  test('a long list of violations is cut to examples plus a count', async () => {
    const r = await checkCorrupted(async (tx) => {
      await tx.query(`UPDATE participants SET valid_helps = valid_helps + 1 WHERE campaign_id = $1`, [campaignId]);
    });
    const counts = r.violations.filter((v) => v.invariant === VALID_COUNTS);
    assert.equal(counts.length, 11);
    assert.equal(counts.at(-1)!.detail, '… and 50 more');
  });
});

test('differences names each differing path', () => {
  assert.deepEqual(differences({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] } }), ['b.c.1: dashboard 2 ≠ recount 3']);
  assert.deepEqual(differences({ x: null }, { x: 0 }), ['x: dashboard null ≠ recount 0']);
  assert.deepEqual(differences({ x: 1 }, {}), ['x: dashboard 1 ≠ recount undefined']);
});
