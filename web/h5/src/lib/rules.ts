// The campaign's rules in the participant's words, written from its settings so they can never
// disagree with what the server enforces (seed 000 §2–3). Trust comes from knowing the rules.
import { formatTime } from './format.ts';
import type { PublicCampaign, PublicRules } from './types.ts';

export function rulesText(c: PublicCampaign, r: PublicRules): string[] {
  const lines = [`活动时间:${formatTime(c.startAt)} 至 ${formatTime(c.endAt)}。`];
  lines.push('生成你的专属海报,分享给微信好友或朋友圈;好友长按识别海报上的二维码,添加我们的企业微信,即为你助力成功。');
  for (const t of c.tiers) lines.push(`累计 ${t.target} 位好友助力,可获得「${t.reward.name}」(剩余 ${t.stockLeft} 份,先到先得,领完即止)。`);
  lines.push(r.helpsPerHelper === 1 ? '每位好友在本活动中只能为 1 人助力。' : `每位好友在本活动中最多为 ${r.helpsPerHelper} 人助力,且只能为同一人助力一次。`);
  if (r.noMutualHelp) lines.push('不支持互相助力:为你助力过的好友,你不能再为 TA 助力。');
  if (r.newCustomersOnly) lines.push('仅限首次添加我们企业微信的新朋友助力,老朋友助力不计入。');
  if (r.genderFilter !== 'all') lines.push(`本活动仅限${r.genderFilter === 'female' ? '女性' : '男性'}用户参与。`);
  if (r.churnPolicy === 'deduct') lines.push('好友删除企业微信后,TA 的助力将失效,助力人数相应减少;已获得的奖品不受影响。');
  lines.push('不能为自己助力。如发现刷量等作弊行为,助力无效。');
  return lines;
}

const REWARD_VERB: Record<string, string> = { physical: '包邮送', customer_service: '免费领', redeem_code: '免费领', red_packet: '领红包' };

/** The page's headline, from the first tier: what a friend's help is worth, at a glance. */
export function headline(c: PublicCampaign): { title: string; subtitle: string } {
  const first = c.tiers[0];
  if (!first) return { title: '好友助力 免费领好礼', subtitle: '' };
  return {
    title: `${REWARD_VERB[first.reward.type] ?? '免费领'}「${first.reward.name}」`,
    subtitle: `邀请 ${first.target} 位好友助力即可获得`,
  };
}
