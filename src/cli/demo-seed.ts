// First run of the demo: staff and tags pulled from the sandbox corp the way an operator's "sync from
// WeCom" does, and one published campaign so the phone page can play the whole story at once.
// Runs after the server listens (the WeChat clients reach the sandbox over HTTP). Once only: an
// operator who deletes the demo campaign does not get it back.
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { findWorkspace } from '../modules/workspace/workspace-row.ts';
import { pullDirectoryFromWeCom } from '../modules/staff/pull-directory-from-wecom.ts';
import { createCampaign } from '../modules/campaign/create-campaign.ts';
import { publishCampaign } from '../modules/campaign/publish-campaign.ts';
import { onCampaignPublished } from '../modules/fission/on-campaign-published.ts';

const MARK = 'demo:campaign-seeded';

export async function seedDemo(db: Db, config: Config, jobs: JobQueue): Promise<number | null> {
  const ws = await findWorkspace(db, { slug: 'demo' });
  if (!ws?.useSandbox) return null;
  await pullDirectoryFromWeCom(db, config, ws.id);
  return db.transaction(async (tx) => {
    const mark = await tx.query(`INSERT INTO settings (key, value) VALUES ($1, 'yes') ON CONFLICT (key) DO NOTHING RETURNING key`, [MARK]);
    if (!mark.rows.length) return null;
    const now = Date.now();
    const draft = await createCampaign(tx, {
      workspaceId: ws.id,
      createdBy: null,
      config: {
        name: '新人邀请有礼（演示）',
        startAt: new Date(now - 60_000).toISOString(),
        endAt: new Date(now + 30 * 86400_000).toISOString(),
        channel: { type: 'wecom', staffUserIds: ['ZhangWei', 'WangFang'] },
        tiers: [
          { target: 2, reward: { type: 'physical', name: '定制保温杯' }, stock: 50 },
          { target: 5, reward: { type: 'customer_service', name: '到店体验课', contact: { type: 'staff', userId: 'LiNa' } }, stock: 20 },
        ],
      },
    });
    const view = await publishCampaign(tx, { workspaceId: ws.id, campaignId: draft.id });
    await onCampaignPublished(tx, jobs, ws.id, view);
    return draft.id;
  });
}
