// What participants may see of a campaign on the H5 pages: name, status, times, tiers and stock —
// not the staff pool, tags or rules.
import type { CampaignStatus, EndReason } from '../../domain/task-fission/campaign-status.ts';
import type { RewardType } from '../../domain/task-fission/reward.ts';
import type { CampaignView } from '../campaign/campaign-view.ts';

export interface PublicCampaign {
  id: number;
  name: string;
  status: CampaignStatus;
  endReason: EndReason | null;
  startAt: string;
  endAt: string;
  stockLeft: number;
  tiers: Array<{ tierNo: number; target: number; reward: { type: RewardType; name: string }; stockLeft: number }>;
}

export function publicCampaign(c: CampaignView): PublicCampaign {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    endReason: c.endReason,
    startAt: c.config.startAt,
    endAt: c.config.endAt,
    stockLeft: c.stockLeft,
    tiers: c.tiers.map((t) => {
      const reward = c.config.tiers[t.tierNo - 1]!.reward;
      return { tierNo: t.tierNo, target: t.target, reward: { type: reward.type, name: reward.name }, stockLeft: t.stockLeft };
    }),
  };
}
