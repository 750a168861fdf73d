// A valid task-fission campaign for tests and demos: staff synced, settings built around `now`,
// optionally published.
import type { Db } from '../client.ts';
import type { CampaignConfigInput } from '../../domain/task-fission/campaign-config.ts';
import { syncStaff } from '../../modules/staff/sync-staff.ts';
import { createCampaign } from '../../modules/campaign/create-campaign.ts';
import { publishCampaign } from '../../modules/campaign/publish-campaign.ts';
import type { CampaignView } from '../../modules/campaign/campaign-view.ts';

export const SEED_STAFF = ['zhangsan', 'lisi', 'kefu01'] as const;
const DAY = 86_400_000;

/** Settings that pass every check once SEED_STAFF exist: started 3 days before `now`, ending in 7. */
export function campaignInput(now: Date, patch: Partial<CampaignConfigInput> = {}): CampaignConfigInput {
  return {
    name: '618 好友助力',
    startAt: new Date(now.getTime() - 3 * DAY).toISOString(),
    endAt: new Date(now.getTime() + 7 * DAY).toISOString(),
    channel: { type: 'wecom', staffUserIds: ['zhangsan', 'lisi'] },
    tiers: [
      { target: 3, reward: { type: 'physical', name: '保温杯' }, stock: 100 },
      { target: 6, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } }, stock: 20 },
    ],
    ...patch,
  };
}

export async function seedStaff(db: Db, workspaceId: string): Promise<void> {
  await db.transaction((tx) => syncStaff(tx, workspaceId, SEED_STAFF.map((userid) => ({ userid, name: userid }))));
}

export async function seedCampaign(
  db: Db,
  o: { workspaceId: string; now?: Date; config?: CampaignConfigInput; publish?: boolean },
): Promise<CampaignView> {
  const now = o.now ?? new Date();
  const draft = await db.transaction((tx) => createCampaign(tx, { workspaceId: o.workspaceId, createdBy: null, config: o.config ?? campaignInput(now) }, now));
  if (!o.publish) return draft;
  return db.transaction((tx) => publishCampaign(tx, { workspaceId: o.workspaceId, campaignId: draft.id }, now));
}
