// My progress: how many friends helped, the next tier and how many more it needs, my prizes, and
// who helped (including the helps that did not count, and why, so nobody wonders).
import { Avatar } from '../components/Avatar.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { MeError } from '../components/MeError.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { TabBar } from '../components/TabBar.tsx';
import { TierList } from '../components/TierList.tsx';
import { timeAgo } from '../lib/format.ts';
import { hasIdentity, useLoad } from '../lib/load.ts';
import { loadMe } from '../lib/loaders.ts';
import { useTitle } from '../lib/title.ts';
import { hrefOf } from '../lib/router.ts';
import type { InvalidHelpReason, MyHelper, MyPage, MyReward } from '../lib/types.ts';

export default function ProgressPage({ cid }: { cid: number }) {
  const me = useLoad((fresh) => loadMe(cid, fresh), [cid]);
  useTitle('我的助力');
  return (
    <div class="page has-tabbar" data-testid="progress-page">
      {me.state === 'loading' ? <Loading /> : me.state === 'error' ? <MeError cid={cid} error={me.error} onRetry={me.reload} /> : <Progress cid={cid} my={me.data} onRefresh={me.reload} />}
      {hasIdentity(me) && <TabBar cid={cid} current="progress" />}
    </div>
  );
}

function Progress({ cid, my, onRefresh }: { cid: number; my: MyPage; onRefresh: () => void }) {
  const { campaign, me, nextTier } = my;
  const nextReward = nextTier ? campaign.tiers[nextTier.tier - 1]?.reward.name : undefined;
  return (
    <main class="content">
      <section class="card card-me">
        <p class="me-count">
          已有 <b data-testid="my-count">{me.validHelps}</b> 位好友为你助力
        </p>
        {nextTier ? (
          <>
            <ProgressBar count={me.validHelps} target={nextTier.target} />
            <p class="me-next" data-testid="next-tier">
              再邀请 <b>{nextTier.stillNeeded}</b> 位好友,即可获得「{nextReward}」
            </p>
          </>
        ) : (
          <p class="me-next" data-testid="next-tier">{my.rewards.length ? '恭喜你,已完成全部任务!' : '当前没有可以挑战的奖品了。'}</p>
        )}
        <button type="button" class="btn btn-small btn-outline" onClick={onRefresh} data-testid="refresh">
          刷新
        </button>
      </section>

      {my.rewards.length > 0 && (
        <section class="card">
          <h2 class="card-title">我的奖品</h2>
          <ul class="rewards">
            {my.rewards.map((r) => (
              <RewardRow key={r.tierNo} cid={cid} reward={r} />
            ))}
          </ul>
        </section>
      )}

      <section class="card">
        <h2 class="card-title">助力好友</h2>
        {my.helpers.length === 0 ? (
          <div class="empty" data-testid="helpers-empty">
            <p>还没有好友为你助力</p>
            {campaign.status === 'running' && (
              <Link href={hrefOf({ name: 'me', cid, tab: 'poster' })} class="btn btn-primary">
                去分享海报
              </Link>
            )}
          </div>
        ) : (
          <ul class="people" data-testid="helpers">
            {my.helpers.map((h, i) => (
              <HelperRow key={i} helper={h} />
            ))}
          </ul>
        )}
      </section>

      <section class="card">
        <h2 class="card-title">任务进度</h2>
        <TierList tiers={campaign.tiers} count={me.validHelps} won={my.rewards.map((r) => r.tierNo)} />
      </section>
    </main>
  );
}

const REWARD_ACTION: Record<MyReward['claimMethod'], (r: MyReward) => string> = {
  address_form: (r) => (r.status === 'reserved' ? '填写收货地址' : r.status === 'claimed' ? '待发货' : '已发货'),
  contact_service: () => '联系客服领取',
  show_code: () => '查看兑换码',
  auto_payout: () => '查看',
};

function RewardRow({ cid, reward }: { cid: number; reward: MyReward }) {
  const todo = reward.claimMethod === 'address_form' && reward.status === 'reserved';
  return (
    <li class="reward-row" data-testid={`reward-${reward.tierNo}`}>
      <div class="reward-name">{reward.name}</div>
      <Link href={hrefOf({ name: 'claim', cid, tierNo: reward.tierNo })} class={`btn btn-small ${todo ? 'btn-gold' : 'btn-outline'}`}>
        {REWARD_ACTION[reward.claimMethod](reward)}
      </Link>
    </li>
  );
}

const HELP_TAG: Record<MyHelper['status'], { text: string; cls: string }> = {
  valid: { text: '助力成功', cls: 'tag-success' },
  revoked: { text: '已删除好友,助力失效', cls: 'tag-muted' },
  invalid: { text: '助力未计入', cls: 'tag-muted' },
};

const INVALID_WHY: Record<InvalidHelpReason, string> = {
  campaign_not_started: '活动未开始',
  stock_empty: '奖品已领完',
  campaign_ended: '活动已结束',
  self_help: '不能为自己助力',
  already_helped: '重复助力',
  mutual_help: '不能互相助力',
  gender: '不符合参与条件',
  not_new_customer: '仅限新朋友助力',
  help_limit: 'TA的助力次数已用完',
};

function HelperRow({ helper }: { helper: MyHelper }) {
  const tag = HELP_TAG[helper.status];
  const why = helper.status === 'invalid' && helper.invalidReason ? INVALID_WHY[helper.invalidReason] : null;
  return (
    <li class="person" data-testid="helper">
      <Avatar src={helper.avatar} size={40} />
      <div class="person-main">
        <div class="person-name" data-testid="helper-name">
          {helper.nickname || '微信用户'}
        </div>
        <div class="person-sub">{timeAgo(helper.at)}</div>
      </div>
      <span class={`tag ${tag.cls}`}>{why ? `未计入:${why}` : tag.text}</span>
    </li>
  );
}
