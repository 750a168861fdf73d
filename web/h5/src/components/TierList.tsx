// The prize tiers: how many friends each needs, the prize, and how many are left. With `count`
// (the viewer's valid helps) and the tiers they won, each tier also shows where they stand.
import type { PublicTier } from '../lib/types.ts';

const REWARD_HINT: Record<PublicTier['reward']['type'], string> = {
  physical: '包邮到家',
  customer_service: '联系客服领取',
  redeem_code: '兑换码',
  red_packet: '微信红包',
};

export function TierList({ tiers, count, won = [] }: { tiers: PublicTier[]; count?: number; won?: number[] }) {
  return (
    <ol class="tiers" data-testid="tiers">
      {tiers.map((t) => {
        const isWon = won.includes(t.tierNo);
        const reached = count !== undefined && count >= t.target;
        const soldOut = t.stockLeft <= 0 && !isWon;
        return (
          <li key={t.tierNo} class={`tier${isWon ? ' tier-won' : ''}${soldOut ? ' tier-soldout' : ''}`} data-testid={`tier-${t.tierNo}`}>
            <div class="tier-badge">{tiers.length > 1 ? `${t.tierNo}阶` : '奖品'}</div>
            <div class="tier-main">
              <div class="tier-reward">
                {t.reward.name}
                <span class="tag tag-warn">{REWARD_HINT[t.reward.type]}</span>
              </div>
              <div class="tier-need">
                邀请 <b>{t.target}</b> 位好友助力
              </div>
            </div>
            <div class="tier-side">
              {isWon ? (
                <span class="tag tag-success">已获得</span>
              ) : soldOut ? (
                <span class="tag tag-muted">已领完</span>
              ) : reached ? (
                <span class="tag tag-warn">已达成</span>
              ) : (
                <span class="tier-stock">
                  剩 <b>{t.stockLeft}</b> 份
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
