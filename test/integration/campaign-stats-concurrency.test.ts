// Counters under truly concurrent writers (PostgreSQL): hundreds of transactions touch the same counter
// rows in different orders (a join then a help, or a help then a join); none may fail and the
// counters must still equal the rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { openDb, type Db, type Queryable } from '../../src/db/client.ts';
import { seedWorkspaceMembers } from '../../src/db/seeders/workspace-members.ts';
import { seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedParticipant } from '../../src/db/seeders/task-fission-activity.ts';
import { saveParticipantProgress } from '../../src/modules/participant/save-participant-progress.ts';
import { getCampaignStats } from '../../src/modules/campaign/get-campaign-stats.ts';

describeEachEngine('campaign stats under concurrent writers', (ctx, engine) => {
  let writers: Db;
  before(async () => {
    writers = engine === 'postgres' ? await openDb({ url: ctx().url, poolSize: 24 }) : ctx().db;
  });
  after(async () => {
    if (writers !== ctx().db) await writers.close();
  });

  // PGlite runs them one at a time: fewer there, the point is PostgreSQL.
  const n = engine === 'postgres' ? 300 : 60;

  test(`${n} join-and-help transactions in both orders: none fails, counters equal the rows`, async () => {
    const { db } = ctx();
    const ws = await seedWorkspaceMembers(db, { slug: 'race' });
    await seedStaff(db, ws.workspaceId);
    const c = await seedCampaign(db, { workspaceId: ws.workspaceId, publish: true });
    const inviters: number[] = [];
    for (let i = 0; i < 10; i++) inviters.push(await seedParticipant(db, { workspaceId: ws.workspaceId, campaignId: c.id, externalUserId: `root${i}` }));

    const join = async (tx: Queryable, i: number, inviter: number) => {
      await tx.query(
        `INSERT INTO participants (workspace_id, campaign_id, external_userid, inviter_id, level, is_new_customer) VALUES ($1, $2, $3, $4, 2, true)`,
        [ws.workspaceId, c.id, `p${i}`, inviter],
      );
      await tx.query(`INSERT INTO campaign_friends (workspace_id, campaign_id, external_userid, staff_userid, is_new_customer) VALUES ($1, $2, $3, 'zhangsan', true)`, [ws.workspaceId, c.id, `p${i}`]);
    };
    const help = async (tx: Queryable, i: number, inviter: number) => {
      await tx.query(`INSERT INTO helps (workspace_id, campaign_id, inviter_id, helper_external_userid, status) VALUES ($1, $2, $3, $4, 'valid')`, [ws.workspaceId, c.id, inviter, `p${i}`]);
      const n = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM helps WHERE inviter_id = $1 AND status = 'valid'`, [inviter]);
      await saveParticipantProgress(tx, inviter, n.rows[0]!.n);
    };
    await Promise.all(Array.from({ length: n }, (_, i) => writers.transaction(async (tx) => {
      const inviter = inviters[i % inviters.length]!;
      if (i % 2) {
        await join(tx, i, inviter);
        await help(tx, i, inviter);
      } else {
        await help(tx, i, inviter);
        await join(tx, i, inviter);
      }
    })));

    const s = await getCampaignStats(db, ws.workspaceId, c.id);
    assert.equal(s.participants.total, n + 10);
    assert.equal(s.helps.valid, n);
    assert.equal(s.friends.new.total, n);
    assert.deepEqual([s.funnel.not_shared, s.funnel.completed], [n, 10]);
    assert.equal(s.levels.find((l) => l.level === 2)!.participants, n);
  });
});
