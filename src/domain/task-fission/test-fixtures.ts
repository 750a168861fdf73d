// A valid campaign for tests in this folder (not imported by production code).
import { parseCampaignConfig, type CampaignConfig, type CampaignConfigInput } from './campaign-config.ts';

export function campaignInput(): CampaignConfigInput {
  return {
    name: '618 好友助力',
    startAt: '2025-06-01T02:00:00Z',
    endAt: '2025-06-18T16:00:00Z',
    channel: { type: 'wecom', staffUserIds: ['zhangsan', 'lisi'] },
    tiers: [
      { target: 3, reward: { type: 'physical', name: '保温杯' }, stock: 100 },
      { target: 10, reward: { type: 'customer_service', name: '到店礼', contact: { type: 'staff', userId: 'kefu01' } }, stock: 10 },
      { target: 20, reward: { type: 'redeem_code', name: '会员月卡', codePoolId: 7 }, stock: 5 },
    ],
    rules: { joinTagIds: ['etA'] },
  };
}

export function campaign(patch: Partial<CampaignConfigInput> = {}): CampaignConfig {
  return parseCampaignConfig({ ...campaignInput(), ...patch });
}
