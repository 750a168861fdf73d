// Migration 0061 on a database that already has participants: the customer directory starts with
// what the flows knew (each participant's unionid and the staff member they are still a friend of),
// so returning customers of earlier campaigns are recognised through the OA at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from '../helpers/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedWorkspaceMembers } from '../../src/db/seeders/workspace-members.ts';
import { seedCampaign, seedStaff } from '../../src/db/seeders/task-fission-campaign.ts';
import { seedParticipant } from '../../src/db/seeders/task-fission-activity.ts';
import { findCustomerByUnionid } from '../../src/modules/customers/customer-directory.ts';

describeEachEngine('customer directory migration', (ctx) => {
  test('participants already there become directory entries, with the friendships still on', async () => {
    const { db } = ctx();
    const { workspaceId } = await seedWorkspaceMembers(db, { slug: 'upgrade' });
    await seedStaff(db, workspaceId);
    const c1 = await seedCampaign(db, { workspaceId, publish: true });
    const c2 = await seedCampaign(db, { workspaceId, publish: true });
    const join = async (campaignId: number, ext: string, unionid: string | null, staff: string, status: 'friend' | 'lost') => {
      const id = await seedParticipant(db, { workspaceId, campaignId, externalUserId: ext });
      await db.query(`UPDATE participants SET unionid = $2, staff_userid = $3, friend_status = $4 WHERE id = $1`, [id, unionid, staff, status]);
    };
    await join(c1.id, 'wmA', 'oA', 'ZhangWei', 'friend');
    await join(c2.id, 'wmA', 'oA', 'ZhangWei', 'friend'); // one customer in two campaigns: one entry
    await join(c1.id, 'wmB', 'oB', 'WangFang', 'lost');
    await join(c1.id, 'wmC', null, 'ZhangWei', 'friend');
    // The database as it was before 0061.
    await db.exec(`DROP TABLE customer_follows; DROP TABLE customer_pulls; DROP TABLE customer_directory; DELETE FROM schema_migrations WHERE version = 61;`);

    assert.deepEqual((await migrate(db)).map((m) => m.version), [61]);
    const rows = await db.query(`SELECT external_userid, unionid FROM customer_directory WHERE workspace_id = $1 ORDER BY external_userid`, [workspaceId]);
    assert.deepEqual(rows.rows, [{ external_userid: 'wmA', unionid: 'oA' }, { external_userid: 'wmB', unionid: 'oB' }, { external_userid: 'wmC', unionid: null }]);
    assert.deepEqual(await findCustomerByUnionid(db, workspaceId, 'oA'), { externalUserId: 'wmA', staffUserIds: ['ZhangWei'] });
    assert.deepEqual(await findCustomerByUnionid(db, workspaceId, 'oB'), { externalUserId: 'wmB', staffUserIds: [] }, 'a lost friendship is not carried over');
  });
});
