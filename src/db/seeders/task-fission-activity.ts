// Generates a published campaign's activity — participants in invitation trees, helps (valid,
// invalid for every reason, revoked), friends gained and lost, rewards won, claimed and issued —
// through the same primitives the WeChat flows use (saveParticipantProgress, reserveReward,
// claimPhysicalReward, markRewardsIssued), so the rows keep every invariant. Deterministic per
// seed. For tests and demos; not a benchmark loader (one statement per row).
import type { Db, Queryable } from '../client.ts';
import type { CampaignConfig } from '../../domain/task-fission/campaign-config.ts';
import { INVALID_HELP_REASONS } from '../../domain/task-fission/help-validation.ts';
import { progressCount } from '../../domain/task-fission/churn.ts';
import { newlyReachedTiers } from '../../domain/task-fission/progress.ts';
import { participantLevel } from '../../domain/shared/levels.ts';
import { saveParticipantProgress } from '../../modules/participant/save-participant-progress.ts';
import { reserveReward } from '../../modules/reward/reserve-reward.ts';
import { claimPhysicalReward } from '../../modules/reward/claim-physical-reward.ts';
import { markRewardsIssued } from '../../modules/reward/mark-rewards-issued.ts';
import { seededRandom, type Random } from './random.ts';

export interface ActivityOptions {
  workspaceId: string;
  campaignId: number;
  participants: number;
  seed?: number;
  /** Activity happens between the campaign start and this instant (default: now). */
  until?: Date;
  /** Average helpers per participant (default 3). */
  helpersPerParticipant?: number;
}

export interface ActivitySummary {
  participantIds: number[];
  helps: number;
}

interface Person {
  id: number;
  externalUserId: string;
  level: number;
  joinedAt: Date;
}

export async function seedTaskFissionActivity(db: Db, o: ActivityOptions): Promise<ActivitySummary> {
  const rnd = seededRandom(o.seed ?? 1);
  const c = await db.query<{ config: CampaignConfig }>(`SELECT config FROM campaigns WHERE id = $1 AND workspace_id = $2`, [o.campaignId, o.workspaceId]);
  const config = c.rows[0]?.config;
  if (!config) throw new Error(`campaign ${o.campaignId} not found in workspace ${o.workspaceId}`);
  const from = Date.parse(config.startAt);
  const until = Math.max(from + 1000, (o.until ?? new Date()).getTime());
  const staff = config.channel.staffUserIds;
  const people: Person[] = [];
  let helps = 0;

  for (let i = 0; i < o.participants; i++) {
    const inviter = people.length && rnd.chance(0.8) ? rnd.pick(people) : null;
    const joinedAt = new Date(Math.max(inviter?.joinedAt.getTime() ?? from, from) + rnd.int(0, Math.max(0, until - Math.max(inviter?.joinedAt.getTime() ?? from, from))));
    const person = await db.transaction((tx) => addPerson(tx, o, rnd, staff, i, inviter, joinedAt));
    people.push(person);
    if (inviter) {
      // Someone who joined through a poster helped its owner first.
      await db.transaction((tx) => addHelp(tx, o, rnd, config, inviter, `wm_p${i}`, person.id, staff, joinedAt, 'valid'));
      helps++;
    }
  }

  for (const inviter of people) {
    const extra = rnd.int(0, 2 * (o.helpersPerParticipant ?? 3));
    for (let h = 0; h < extra; h++) {
      const at = new Date(inviter.joinedAt.getTime() + rnd.int(0, until - inviter.joinedAt.getTime()));
      const status = rnd.chance(0.2) ? 'invalid' : rnd.chance(0.15) ? 'revoked' : 'valid';
      await db.transaction((tx) => addHelp(tx, o, rnd, config, inviter, `wm_h${inviter.id}_${h}`, null, staff, at, status, until));
      helps++;
    }
  }

  for (const person of people) {
    if (rnd.chance(0.1)) await db.transaction((tx) => loseParticipant(tx, o, config, person, new Date(person.joinedAt.getTime() + rnd.int(0, until - person.joinedAt.getTime()))));
  }
  await settleRewards(db, o, rnd);
  return { participantIds: people.map((p) => p.id), helps };
}

async function addPerson(tx: Queryable, o: ActivityOptions, rnd: Random, staff: readonly string[], i: number, inviter: Person | null, joinedAt: Date): Promise<Person> {
  const externalUserId = `wm_p${i}`;
  const isNew = rnd.chance(0.8);
  const staffUserId = rnd.pick(staff);
  const level = participantLevel(inviter?.level ?? null);
  const r = await tx.query<{ id: number }>(
    `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, gender, staff_userid, inviter_id, level, is_new_customer, joined_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [o.workspaceId, o.campaignId, externalUserId, `用户${i}`, rnd.pick(['male', 'female', 'unknown']), staffUserId, inviter?.id ?? null, level, isNew, joinedAt],
  );
  await tx.query(
    `INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer, added_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [o.workspaceId, o.campaignId, externalUserId, staffUserId, isNew, joinedAt],
  );
  return { id: r.rows[0]!.id, externalUserId, level, joinedAt };
}

async function addHelp(
  tx: Queryable, o: ActivityOptions, rnd: Random, config: CampaignConfig, inviter: Person, helper: string, helperParticipantId: number | null,
  staff: readonly string[], at: Date, status: 'valid' | 'invalid' | 'revoked', until = at.getTime(),
): Promise<void> {
  const reason = status === 'invalid' ? rnd.pick(INVALID_HELP_REASONS) : null;
  const staffUserId = rnd.pick(staff);
  const h = await tx.query<{ id: number }>(
    `INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, helper_participant_id, helper_nickname, staff_userid, status, invalid_reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [o.workspaceId, o.campaignId, inviter.id, helper, helperParticipantId, `助力${helper}`, staffUserId, status === 'invalid' ? 'invalid' : 'valid', reason, at],
  );
  if (!helperParticipantId) {
    const isNew = rnd.chance(0.7);
    await tx.query(
      `INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer, added_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [o.workspaceId, o.campaignId, helper, staffUserId, isNew, at],
    );
  }
  if (status === 'revoked') {
    // The helper deleted the staff: the help is revoked and the friend lost, at the same moment.
    const lostAt = new Date(at.getTime() + rnd.int(0, until - at.getTime()));
    await tx.query(`UPDATE helps SET status = 'revoked', revoked_at = $2 WHERE id = $1`, [h.rows[0]!.id, lostAt]);
    await tx.query(`UPDATE campaign_friends SET lost_at = $3 WHERE campaign_id = $1 AND external_userid = $2`, [o.campaignId, helper, lostAt]);
  }
  await recount(tx, config, inviter.id, at);
}

// The inviter's count from their helps under the churn policy; newly reached tiers are reserved.
async function recount(tx: Queryable, config: CampaignConfig, inviterId: number, at: Date): Promise<void> {
  const r = await tx.query<{ revokedAt: Date | null }>(
    `SELECT revoked_at AS "revokedAt" FROM helps WHERE inviter_id = $1 AND status IN ('valid', 'revoked')`,
    [inviterId],
  );
  const count = progressCount(config.rules.churnPolicy, r.rows);
  await saveParticipantProgress(tx, inviterId, count, at);
  const won = (await tx.query<{ tierNo: number }>(`SELECT tier_no AS "tierNo" FROM rewards WHERE participant_id = $1`, [inviterId])).rows.map((w) => w.tierNo);
  let gotOne = false;
  for (const tierNo of newlyReachedTiers(config.tiers, count, won)) gotOne = (await reserveReward(tx, inviterId, tierNo)) !== null || gotOne;
  if (gotOne) await saveParticipantProgress(tx, inviterId, count, at);
}

// A participant deletes their staff member: they become a lost friend, and the help they gave to
// whoever invited them is revoked.
async function loseParticipant(tx: Queryable, o: ActivityOptions, config: CampaignConfig, p: Person, lostAt: Date): Promise<void> {
  await tx.query(`UPDATE participants SET friend_status = 'lost' WHERE id = $1`, [p.id]);
  await tx.query(`UPDATE campaign_friends SET lost_at = $3 WHERE campaign_id = $1 AND external_userid = $2`, [o.campaignId, p.externalUserId, lostAt]);
  const revoked = await tx.query<{ inviterId: number }>(
    `UPDATE helps SET status = 'revoked', revoked_at = $3 WHERE campaign_id = $1 AND helper_participant_id = $2 AND status = 'valid' RETURNING inviter_id AS "inviterId"`,
    [o.campaignId, p.id, lostAt],
  );
  for (const { inviterId } of revoked.rows) await recount(tx, config, inviterId, lostAt);
}

// Some winners of physical prizes give their address; some prizes are then marked issued.
async function settleRewards(db: Db, o: ActivityOptions, rnd: Random): Promise<void> {
  const rewards = await db.query<{ id: number; participantId: number; tierNo: number; type: string }>(
    `SELECT id, participant_id AS "participantId", tier_no AS "tierNo", reward->>'type' AS type FROM rewards WHERE campaign_id = $1 ORDER BY id`,
    [o.campaignId],
  );
  const toIssue: number[] = [];
  for (const r of rewards.rows) {
    if (r.type === 'physical' && rnd.chance(0.7)) {
      await db.transaction((tx) => claimPhysicalReward(tx, r, { name: '张三', mobile: '13800138000', province: '广东省', city: '深圳市', district: '南山区', address: `科技园${r.id}号楼` }));
      if (rnd.chance(0.5)) toIssue.push(r.id);
    } else if (r.type === 'customer_service' && rnd.chance(0.5)) toIssue.push(r.id);
  }
  if (toIssue.length) await db.transaction((tx) => markRewardsIssued(tx, { workspaceId: o.workspaceId, campaignId: o.campaignId, rewardIds: toIssue, issuedBy: null }));
}

/** One level-1 participant (no inviter), for tests that need someone to award. */
export async function seedParticipant(q: Queryable, o: { workspaceId: string; campaignId: number; externalUserId: string; nickname?: string }): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, level, is_new_customer) VALUES ($1, $2, $3, $4, 1, true) RETURNING id`,
    [o.workspaceId, o.campaignId, o.externalUserId, o.nickname ?? o.externalUserId],
  );
  return r.rows[0]!.id;
}
