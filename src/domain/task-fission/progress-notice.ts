// The words of the OA template message an inviter gets when a friend's help counts (seed 000 §一:
// where the workspace has an OA the inviter follows, it tells them of their progress). Fields of the
// classic "活动进度提醒" layout — first / keyword1 (activity) / keyword2 (progress) / remark — which
// the operator's template must have (README: Official Account). WeChat shows keyword values short:
// a nickname is cut to 10 characters.
import { nextTier } from './progress.ts';

export interface ProgressNoticeInput {
  campaignName: string;
  helperNickname: string;
  /** The inviter's count right after this help. */
  count: number;
  tiers: ReadonlyArray<{ target: number; rewardName: string }>;
  /** Tiers this help completed (their prizes were reserved). */
  reachedTierNos: readonly number[];
  /** Every tier won so far, these included. */
  wonTierNos: readonly number[];
}

export type TemplateData = Record<'first' | 'keyword1' | 'keyword2' | 'remark', { value: string }>;

const short = (s: string, n: number) => {
  const chars = Array.from(s.trim());
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
};

export function progressNotice(p: ProgressNoticeInput): TemplateData {
  const reached = [...p.reachedTierNos].sort((a, b) => a - b).at(-1);
  const next = nextTier(p.tiers, p.count, p.wonTierNos);
  const last = p.tiers[p.tiers.length - 1];
  const first = reached !== undefined
    ? `恭喜！你已完成第${reached}阶任务`
    : `好友「${short(p.helperNickname, 10) || '微信用户'}」为你助力成功`;
  const progress = next ? `${p.count}/${next.target}` : `${p.count}/${last?.target ?? p.count}`;
  const remark = reached !== undefined
    ? `奖品「${p.tiers[reached - 1]?.rewardName ?? ''}」已为你预留，点击详情领取。`
    : next
      ? `再邀请 ${next.stillNeeded} 位好友即可获得「${p.tiers[next.tier - 1]!.rewardName}」，点击详情查看。`
      : '点击详情查看你的活动。';
  return { first: { value: first }, keyword1: { value: short(p.campaignName, 20) }, keyword2: { value: progress }, remark: { value: remark } };
}
