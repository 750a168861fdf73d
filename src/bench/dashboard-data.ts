// A large, consistent task-fission campaign for the dashboard benchmark, generated with set-based
// SQL (generate_series), a few dozen statements whatever the size:
//   - participants in invitation trees: 1 % seeds at level 1, then generation by generation each
//     participant brings 0–7 others (mean ≈ 1.5; fresh seeds if a generation dies out), level =
//     inviter's level + 1, joined after their inviter;
//   - each invited participant's help to their inviter (5 % later revoked: they left), then extra
//     helps by non-participants, skewed to early participants: 75 % valid, 10 % revoked, 15 %
//     invalid spread over every reason;
//   - one campaign_friends row per person; valid_helps = valid helps (churn policy 'deduct');
//     rewards for those who reached a tier, first come first served within its stock (tiers 1 and 2
//     last, tier 3 sells out); the derived
//     standing (completed tiers, funnel, completion time) by the domain's rules.
// The four stats triggers are switched off during the load and the counters are then built from
// the rows with the triggers' own key functions (participant_stat_keys…), spread over the 8 slots
// as concurrent writers leave them. Runs in one transaction so setseed() makes it repeatable.
import type { Db, Queryable } from '../db/client.ts';
import { campaignInput, seedStaff } from '../db/seeders/task-fission-campaign.ts';
import { INVALID_HELP_REASONS } from '../domain/task-fission/help-validation.ts';
import { createAdminUser } from '../modules/auth/create-admin-user.ts';
import { createCampaign } from '../modules/campaign/create-campaign.ts';
import { publishCampaign } from '../modules/campaign/publish-campaign.ts';
import { createWorkspace } from '../modules/workspace/create-workspace.ts';

export interface GeneratedCampaign {
  workspaceId: string;
  campaignId: number;
  participants: number;
  helps: number;
  maxLevel: number;
  seconds: number;
}

const DAY = 86_400_000;

/** Characters of the generated nicknames, most frequent first (see Gen.nickname). */
export const NICKNAME_POOL = [...new Set(
  '小王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文' +
  '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀英霞平刚桂兰玉萍红华建国志海云飞鹏辉斌波宇浩然欣怡梓萱一诺子涵雨晨阳光美好快乐幸福安心宝贝妈咪爸哥姐妹弟' +
  '天空星月花草木水火山风雪春秋冬晴梦想爱甜蜜糖果橙柠檬苹葡萄樱桃梅竹菊荷莲香清晓曦夕露霜雾彩虹蓝绿紫白黑银珠琳琪瑶璐婷婉婧嫣妍媛佳嘉俊凯' +
  '鑫淼焱垚犇骉麟凤凰鹤鸾麒翡翠琥珀玛瑙璇玑瑾瑜璟琛珏瑄璞蔷薇芷若兮墨砚笙箫琴瑟',
)].join('');
const STATS_TRIGGERS = [['participants', 'participants_stats'], ['helps', 'helps_stats'], ['campaign_friends', 'campaign_friends_stats'], ['rewards', 'rewards_stats']] as const;

export async function generateDashboardCampaign(db: Db, o: { participants: number; helps: number; seed?: number; now?: Date; log?: (line: string) => void }): Promise<GeneratedCampaign> {
  const started = performance.now();
  const now = o.now ?? new Date();
  const log = o.log ?? (() => {});
  const workspaceId = await db.transaction(async (tx) => {
    const owner = await createAdminUser(tx, { email: `owner-${now.getTime()}@dashboard.bench`, password: 'bench password' });
    return (await createWorkspace(tx, { slug: `dash${now.getTime().toString(36)}`, name: 'dashboard bench', ownerId: owner.id })).id;
  });
  await seedStaff(db, workspaceId);
  const config = campaignInput(now, {
    name: '百万人助力',
    startAt: new Date(now.getTime() - 30 * DAY).toISOString(),
    tiers: [
      { target: 3, reward: { type: 'physical', name: '保温杯' }, stock: o.participants },
      { target: 6, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } }, stock: Math.max(1, Math.round(o.participants * 0.3)) },
      { target: 10, reward: { type: 'physical', name: '蓝牙耳机' }, stock: Math.max(1, Math.round(o.participants * 0.02)) },
    ],
  });
  const campaignId = await db.transaction(async (tx) => {
    const draft = await createCampaign(tx, { workspaceId, createdBy: null, config }, now);
    return (await publishCampaign(tx, { workspaceId, campaignId: draft.id }, now)).id;
  });

  const counts = await db.transaction(async (tx) => {
    await tx.query(`SELECT setseed($1)`, [((o.seed ?? 1) % 1000) / 1000]);
    // A superuser (PGlite always is) skips every trigger, foreign-key checks included: the rows are
    // built from existing rows, and the invariant checks run afterwards. Otherwise only the stats
    // triggers are switched off.
    const superuser = (await tx.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s === true;
    if (superuser) await tx.query(`SET LOCAL session_replication_role = replica`);
    else for (const [table, trigger] of STATS_TRIGGERS) await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    // The nickname search index is built once after the load, as a bulk import would: maintained
    // row by row it would take every inserted and updated participant through the GIN pending list.
    const searchIndex = (await tx.query<{ def: string }>(
      `SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indexrelid = to_regclass('participants_nickname_grams')`)).rows[0]?.def;
    if (searchIndex) await tx.exec('DROP INDEX participants_nickname_grams');
    await tx.exec(`CREATE SEQUENCE IF NOT EXISTS bench_external_ids`);
    const g = new Gen(tx, workspaceId, campaignId, now, new Date(config.startAt));
    // Fresh rows have no planner statistics; without them joins over millions of rows go quadratic.
    const analyze = () => tx.exec('ANALYZE participants; ANALYZE helps; ANALYZE campaign_friends; ANALYZE rewards');
    const maxLevel = await g.participants(o.participants, log);
    await analyze();
    const helps = await g.helps(o.helps, log);
    await analyze();
    await g.friends();
    await analyze();
    log('dashboard data: counts, rewards, standings');
    await g.standings(config.tiers.map((t) => ({ target: t.target, stock: t.stock, reward: t.reward })));
    await analyze();
    log('dashboard data: counters from the rows');
    await g.counters();
    if (searchIndex) {
      log('dashboard data: the nickname search index');
      await tx.exec(searchIndex);
    }
    if (superuser) await tx.query(`SET LOCAL session_replication_role = origin`);
    else for (const [table, trigger] of STATS_TRIGGERS) await tx.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    return { maxLevel, helps };
  });
  // On a server, autovacuum has vacuumed and analysed a month-old campaign; right after the load
  // each participant still has the dead versions its standing updates left, which the search index
  // points at too. Done here on both engines (PGlite has no autovacuum of its own).
  await db.exec('VACUUM (ANALYZE)');
  return { workspaceId, campaignId, participants: o.participants, helps: counts.helps, maxLevel: counts.maxLevel, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

class Gen {
  private readonly tx: Queryable;
  private readonly ws: string;
  private readonly c: number;
  private readonly now: Date;
  private readonly start: Date;

  constructor(tx: Queryable, ws: string, c: number, now: Date, start: Date) {
    this.tx = tx;
    this.ws = ws;
    this.c = c;
    this.now = now;
    this.start = start;
  }

  private q(sql: string, params: unknown[] = []) {
    return this.tx.query<Record<string, number>>(sql, params);
  }

  // Ascending ids: random ones would cost a random B-tree page per index entry.
  private static readonly ID = `'wmbench' || lpad(nextval('bench_external_ids')::text, 12, '0')`;

  // Nicknames as the participants search meets them ($NICK_POOL: common name characters, most
  // frequent first): mostly 2–4 Chinese characters drawn with a skew towards the frequent ones, some
  // with an emoji, some Latin names in any case. So a pair of rare characters matches a handful of
  // a million people, a frequent character tens of thousands.
  private static nickname(pool: string): string {
    const ch = `substr(${pool}, 1 + floor(power(random(), 1.7) * char_length(${pool}))::int, 1)`;
    return `CASE WHEN random() < 0.1
      THEN (ARRAY['Amy','Jason','kevin','LILY','Tony','coco','Vicky','Leo','Sunny','MIA'])[1 + floor(random() * 10)::int] || CASE WHEN random() < 0.5 THEN floor(random() * 100)::text ELSE '' END
      ELSE CASE WHEN random() < 0.1 THEN (ARRAY['🌸','🍀','🌈','😊','🐱','🎉','💕','🌙'])[1 + floor(random() * 8)::int] ELSE '' END
        || ${ch} || ${ch} || CASE WHEN random() < 0.6 THEN ${ch} ELSE '' END || CASE WHEN random() < 0.25 THEN ${ch} ELSE '' END
    END`;
  }

  /** Inserts `total` participants; returns the deepest level. */
  async participants(total: number, log: (line: string) => void): Promise<number> {
    const seeds = Math.max(1, Math.round(total / 100));
    let made = 0;
    let frontierFrom = 0;
    let level = 0;
    const seed = async (n: number) => {
      const r = await this.q(
        `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, gender, staff_userid, level, is_new_customer, joined_at)
         SELECT $1, $2, ${Gen.ID}, ${Gen.nickname('$6::text')}, (ARRAY['male','female','unknown'])[1 + floor(random() * 3)::int],
                (ARRAY['zhangsan','lisi'])[1 + floor(random() * 2)::int], 1, random() < 0.85, $3::timestamptz + power(random(), 2) * ($4::timestamptz - $3::timestamptz)
           FROM generate_series(1, $5) g RETURNING id`,
        [this.ws, this.c, this.start, this.now, n, NICKNAME_POOL]);
      return r.rows.length;
    };
    frontierFrom = (await this.q(`SELECT coalesce(max(id), 0) AS m FROM participants`)).rows[0]!.m!;
    made += await seed(Math.min(seeds, total));
    while (made < total) {
      const top = (await this.q(`SELECT coalesce(max(id), 0) AS m FROM participants`)).rows[0]!.m!;
      // Children of the last generation: 0–7 each (floor(8·U₁·U₂), mean ≈ 1.55).
      const r = await this.q(
        `INSERT INTO participants (workspace_id, campaign_id, external_userid, nickname, gender, staff_userid, inviter_id, level, is_new_customer, joined_at)
         SELECT $1, $2, ${Gen.ID}, ${Gen.nickname('$7::text')}, (ARRAY['male','female','unknown'])[1 + floor(random() * 3)::int],
                (ARRAY['zhangsan','lisi'])[1 + floor(random() * 2)::int], x.id, x.level + 1, random() < 0.85,
                x.joined_at + random() * 0.3 * ($3::timestamptz - x.joined_at)
           FROM (SELECT p.id, p.level, p.joined_at, k FROM participants p,
                        LATERAL generate_series(1, floor(8 * random() * random() + 0 * p.id)::int) k
                  WHERE p.campaign_id = $2 AND p.id > $4 AND p.id <= $5) x
          LIMIT $6 RETURNING id`,
        [this.ws, this.c, this.now, frontierFrom, top, total - made, NICKNAME_POOL]);
      frontierFrom = top;
      made += r.rows.length;
      if (!r.rows.length) made += await seed(Math.min(seeds, total - made));
      if (++level % 5 === 0) log(`dashboard data: ${made} participants`);
    }
    return (await this.q(`SELECT max(level) AS m FROM participants WHERE campaign_id = $1`, [this.c])).rows[0]!.m!;
  }

  /** Inserts helps until there are `total` (at least one per invited participant); returns how many. */
  async helps(total: number, log: (line: string) => void): Promise<number> {
    const own = await this.q(
      `INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, helper_participant_id, helper_nickname, staff_userid, status, created_at, revoked_at)
       SELECT workspace_id, campaign_id, inviter_id, external_userid, id, nickname, staff_userid,
              CASE WHEN r < 0.05 THEN 'revoked' ELSE 'valid' END, joined_at,
              CASE WHEN r < 0.05 THEN joined_at + random() * ($2::timestamptz - joined_at) END
         FROM (SELECT p.*, random() AS r FROM participants p WHERE campaign_id = $1 AND inviter_id IS NOT NULL) p`,
      [this.c, this.now]);
    const extra = Math.max(0, total - own.rowCount);
    log(`dashboard data: ${own.rowCount} helps of participants, ${extra} more`);
    const range = (await this.q(`SELECT min(id) AS lo, count(*)::int AS n FROM participants WHERE campaign_id = $1`, [this.c])).rows[0]!;
    await this.q(
      `INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, helper_nickname, staff_userid, status, invalid_reason, created_at, revoked_at)
       SELECT $1, $2, y.pid, ${Gen.ID}, '助力' || y.g, y.staff, y.status, y.reason, y.created,
              CASE WHEN y.status = 'revoked' THEN y.created + random() * ($3::timestamptz - y.created) END
         FROM (SELECT x.g, x.pid, p.staff_userid AS staff,
                      CASE WHEN x.r < 0.15 THEN 'invalid' WHEN x.r < 0.25 THEN 'revoked' ELSE 'valid' END AS status,
                      CASE WHEN x.r < 0.15 THEN ($6::text[])[1 + floor(x.r / 0.15 * array_length($6::text[], 1))::int] END AS reason,
                      p.joined_at + x.t * ($3::timestamptz - p.joined_at) AS created
                 FROM (SELECT g, $4::bigint + floor(power(random(), 2) * $5)::bigint AS pid, random() AS r, random() AS t
                         FROM generate_series(1, $7) g) x
                 JOIN participants p ON p.id = x.pid) y`,
      [this.ws, this.c, this.now, range.lo, range.n, [...INVALID_HELP_REASONS], extra]);
    return own.rowCount + extra;
  }

  async friends(): Promise<void> {
    await this.q(
      `INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer, added_at, lost_at)
       SELECT p.workspace_id, p.campaign_id, p.external_userid, p.staff_userid, p.is_new_customer, p.joined_at, h.revoked_at
         FROM participants p LEFT JOIN helps h ON h.campaign_id = p.campaign_id AND h.helper_participant_id = p.id AND h.status = 'revoked'
        WHERE p.campaign_id = $1`, [this.c]);
    await this.q(`UPDATE participants SET friend_status = 'lost' WHERE campaign_id = $1 AND id IN (SELECT helper_participant_id FROM helps WHERE campaign_id = $1 AND status = 'revoked')`, [this.c]);
    await this.q(
      `INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer, added_at, lost_at)
       SELECT workspace_id, campaign_id, helper_external_userid, staff_userid,
              invalid_reason IS DISTINCT FROM 'not_new_customer' AND random() < 0.9, created_at, revoked_at
         FROM helps WHERE campaign_id = $1 AND helper_participant_id IS NULL`, [this.c]);
  }

  async standings(tiers: Array<{ target: number; stock: number; reward: unknown }>): Promise<void> {
    await this.q(
      `UPDATE participants p SET valid_helps = c.n
         FROM (SELECT inviter_id, count(*)::int AS n FROM helps WHERE campaign_id = $1 AND status = 'valid' GROUP BY 1) c
        WHERE p.campaign_id = $1 AND p.id = c.inviter_id`, [this.c]);
    for (const [i, t] of tiers.entries()) {
      // First come, first served: the earliest joiners who reached the target, within the stock.
      await this.q(
        `INSERT INTO rewards (workspace_id, campaign_id, participant_id, tier_no, status, reward, issued_at, created_at)
         SELECT w.workspace_id, w.campaign_id, w.id, $2, CASE WHEN w.r < 0.3 THEN 'issued' ELSE 'reserved' END, $3::text::jsonb,
                CASE WHEN w.r < 0.3 THEN w.won + random() * ($4::timestamptz - w.won) END, w.won
           FROM (SELECT p.*, random() AS r, p.joined_at + 0.6 * ($4::timestamptz - p.joined_at) AS won FROM participants p
                  WHERE p.campaign_id = $1 AND p.valid_helps >= $5 ORDER BY p.id LIMIT $6) w`,
        [this.c, i + 1, JSON.stringify(t.reward), this.now, t.target, t.stock]);
      await this.q(`UPDATE campaign_tiers SET stock_reserved = (SELECT count(*) FROM rewards WHERE campaign_id = $1 AND tier_no = $2) WHERE campaign_id = $1 AND tier_no = $2`, [this.c, i + 1]);
    }
    // Tier n is completed when won or reached (domain funnel.ts); tier 1 at the same moment it was won.
    await this.q(
      `UPDATE participants p SET completed_tiers = m.mask,
              funnel = CASE WHEN m.mask & 1 = 1 THEN 'completed' WHEN p.valid_helps > 0 THEN 'shared_not_completed' ELSE 'not_shared' END,
              completed_at = CASE WHEN m.mask & 1 = 1 THEN p.joined_at + 0.6 * ($2::timestamptz - p.joined_at) END
         FROM (SELECT p.id, (SELECT coalesce(bit_or(1 << (t.tier_no - 1)), 0)::smallint FROM campaign_tiers t
                             WHERE t.campaign_id = p.campaign_id
                               AND (p.valid_helps >= t.target OR EXISTS (SELECT 1 FROM rewards r WHERE r.participant_id = p.id AND r.tier_no = t.tier_no))) AS mask
                 FROM participants p WHERE p.campaign_id = $1 AND p.valid_helps > 0) m
        WHERE p.id = m.id`, [this.c, this.now]);
  }

  /** The counters the triggers would have kept, from the same key functions. */
  async counters(): Promise<void> {
    const fill = (table: string, keys: string, slot: string) => this.q(
      `INSERT INTO campaign_stat_counters AS c (campaign_id, metric, day, slot, n)
       SELECT $1, k.metric, (k.at AT TIME ZONE 'Asia/Shanghai')::date, (${slot})::smallint, count(*)
         FROM ${table} x, unnest(${keys}(x)) k WHERE x.campaign_id = $1 GROUP BY 2, 3, 4
       ON CONFLICT (campaign_id, metric, day, slot) DO UPDATE SET n = c.n + EXCLUDED.n`, [this.c]);
    await fill('participants', 'participant_stat_keys', 'x.id % 8');
    await fill('helps', 'help_stat_keys', 'x.id % 8');
    await fill('campaign_friends', 'friend_stat_keys', 'abs(hashtext(x.external_userid)) % 8');
    await fill('rewards', 'reward_stat_keys', 'x.id % 8');
  }
}
