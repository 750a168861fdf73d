// The wizard's form values and the campaign settings the API takes: both directions, and where a
// server field error belongs (which step, which form field, which message).
import type { Dayjs } from 'dayjs';
import type { CampaignConfig, CampaignStatus, Reward, RewardType } from '../../api/campaign-types.ts';
import { isoToPicker, nowPicker, pickerToIso } from '../../lib/time.ts';

export const STEPS = ['basics', 'tiers', 'rules', 'poster', 'welcome', 'review'] as const;
export type StepKey = (typeof STEPS)[number];

export interface RewardForm {
  type: RewardType;
  name: string;
  contact?: { type: 'staff' | 'qr_image'; userId?: string; imageUrl?: string };
  codePoolId?: number;
  amountFen?: number;
}

export interface WizardValues {
  name: string;
  startAt: Dayjs;
  endAt: Dayjs;
  channel: { type: 'wecom'; staffUserIds: string[] };
  tiers: Array<{ target: number; stock: number; reward: RewardForm }>;
  rules: CampaignConfig['rules'];
  welcomeTexts: CampaignConfig['welcomeTexts'];
}

/** What the default poster background announces (the first tier), or null while it is not filled in. */
export interface PosterOffer {
  reward: string;
  target: number;
}

export function posterOfferOf(tiers: WizardValues['tiers'] | undefined): PosterOffer | null {
  const first = tiers?.[0];
  const reward = first?.reward?.name?.trim();
  const target = first?.target;
  return reward && Number.isInteger(target) && target! >= 1 ? { reward: [...reward].slice(0, 30).join(''), target: target! } : null;
}

/** The placeholders a welcome text may use (src/domain/task-fission/welcome-text.ts). */
export const WELCOME_PLACEHOLDERS = ['nickname', 'inviter', 'progress', 'link'] as const;
export const WELCOME_MAX_BYTES = 4000;
export const TIERS_MAX = 5;

export function newCampaignValues(defaultWelcome: CampaignConfig['welcomeTexts']): WizardValues {
  const start = nowPicker().add(1, 'hour').startOf('hour');
  return {
    name: '',
    startAt: start,
    endAt: start.add(7, 'day'),
    channel: { type: 'wecom', staffUserIds: [] },
    tiers: [{ target: 3, stock: 100, reward: { type: 'physical', name: '' } }],
    rules: { genderFilter: 'all', joinTagIds: [], helpsPerHelper: 1, noMutualHelp: false, newCustomersOnly: false, churnPolicy: 'deduct' },
    welcomeTexts: { ...defaultWelcome },
  };
}

export function toValues(c: CampaignConfig): WizardValues {
  return {
    name: c.name,
    startAt: isoToPicker(c.startAt),
    endAt: isoToPicker(c.endAt),
    channel: { type: 'wecom', staffUserIds: [...c.channel.staffUserIds] },
    tiers: c.tiers.map((t) => ({ target: t.target, stock: t.stock, reward: { ...t.reward } as RewardForm })),
    rules: { ...c.rules, joinTagIds: [...c.rules.joinTagIds] },
    welcomeTexts: { ...c.welcomeTexts },
  };
}

function toReward(r: RewardForm): Reward {
  const name = (r.name ?? '').trim();
  const contact = () => (r.contact?.type === 'qr_image' ? { type: 'qr_image' as const, imageUrl: (r.contact.imageUrl ?? '').trim() } : { type: 'staff' as const, userId: r.contact?.userId ?? '' });
  switch (r.type) {
    case 'physical':
      return { type: 'physical', name };
    case 'customer_service':
      return { type: 'customer_service', name, contact: contact() };
    case 'redeem_code':
      return { type: 'redeem_code', name, codePoolId: r.codePoolId as number };
    case 'red_packet':
      return { type: 'red_packet', name, amountFen: r.amountFen as number, contact: contact() };
  }
}

export function toConfig(v: WizardValues): CampaignConfig {
  return {
    name: v.name.trim(),
    startAt: pickerToIso(v.startAt),
    endAt: pickerToIso(v.endAt),
    channel: { type: 'wecom', staffUserIds: v.channel.staffUserIds },
    tiers: v.tiers.map((t) => ({ target: t.target, stock: t.stock, reward: toReward(t.reward) })),
    rules: v.rules,
    welcomeTexts: v.welcomeTexts,
  };
}

/** `body.tiers.0.reward.name` → ['tiers', 0, 'reward', 'name'] */
export function formPath(serverPath: string): Array<string | number> {
  return serverPath.replace(/^body\.?/, '').split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function stepOf(path: Array<string | number>): StepKey {
  const head = path[0];
  if (head === 'tiers') return 'tiers';
  if (head === 'rules') return 'rules';
  if (head === 'poster') return 'poster';
  if (head === 'welcomeTexts') return 'welcome';
  return 'basics';
}

/** Translation key for a field's server error: indexes dropped, dots → `_` (tiers.0.target → tiers_target). */
export function errorKeyOf(path: Array<string | number>): string {
  return path.filter((p) => typeof p === 'string').join('_') || 'form';
}

/** Fields frozen once published (src/domain/task-fission/campaign-actions.ts assertCanEdit). */
export function frozen(status: CampaignStatus | undefined) {
  const published = status !== undefined && status !== 'draft';
  return { tierShape: published, targets: published, rewardTypes: published, channel: published, startAt: status === 'running' || status === 'ended' };
}
