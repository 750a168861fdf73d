// "Sync from WeCom": the staff who have customer contact (get_follow_user_list + user/get for names
// and avatars) and the corp tags (get_corp_tag_list), written through the same sync use cases an
// upload goes through. Reads WeChat first, then writes in one transaction.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { getWorkspace } from '../workspace/workspace-row.ts';
import { wecomContactClient } from '../fission/wecom-clients.ts';
import { syncStaff } from './sync-staff.ts';
import type { StaffInput } from './staff-member.ts';
import { syncCorpTags } from './sync-corp-tags.ts';

export interface DirectoryPullResult {
  staff: { upserted: number; deactivated: number };
  tags: { upserted: number; deactivated: number };
}

export async function pullDirectoryFromWeCom(db: Db, config: Config, workspaceId: string): Promise<DirectoryPullResult> {
  const ws = await getWorkspace(db, { id: workspaceId });
  const client = wecomContactClient(db, config, ws);
  const userIds = await client.getFollowUserList();
  const staff: StaffInput[] = [];
  for (const userid of userIds) {
    const u = await client.getUser(userid);
    staff.push({ userid, name: u.name || userid, avatar: u.avatar && /^https?:\/\//.test(u.avatar) ? u.avatar : null, active: true });
  }
  const groups = await client.getCorpTagList();
  const tags = groups.filter((g) => !g.deleted).flatMap((g) => g.tag.filter((t) => !t.deleted).map((t) => ({ tagId: t.id, name: t.name, groupName: g.group_name })));
  return db.transaction(async (tx) => ({
    staff: await syncStaff(tx, workspaceId, staff),
    tags: await syncCorpTags(tx, workspaceId, tags),
  }));
}
