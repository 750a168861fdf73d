// The activity page (seed 000 "活动页面"): what you get, the clock, the prizes with stock left, the
// rules, and one clear next step — scan the activity code (public), take part with one tap (a
// returning customer: signed in through the OA as a friend of the staff, or with a customer link),
// or get my poster (my own page).
import { useState } from 'preact/hooks';
import { Hero } from '../components/Hero.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { ErrorView } from '../components/ErrorView.tsx';
import { MeError } from '../components/MeError.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { QrCard } from '../components/QrCard.tsx';
import { TabBar } from '../components/TabBar.tsx';
import { TierList } from '../components/TierList.tsx';
import { api, type ApiError } from '../lib/api.ts';
import { customerToken, participantToken, setParticipantToken } from '../lib/identity.ts';
import { invalidate, useLoad } from '../lib/load.ts';
import { loadCampaign, loadMe, visitorOf } from '../lib/loaders.ts';
import { startSignIn } from '../lib/sign-in.ts';
import { hrefOf, navigate } from '../lib/router.ts';
import { headline, rulesText } from '../lib/rules.ts';
import { useTitle } from '../lib/title.ts';
import type { CampaignPage, JoinResult, MyPage } from '../lib/types.ts';

type Mode = 'public' | 'join' | 'me';

export default function LandingPage({ cid, mode }: { cid: number; mode: Mode }) {
  // A shared "my page" link opened by someone else (no token here) is the public activity page.
  const mine = mode === 'me' && participantToken(cid) !== null;
  const page = useLoad((fresh) => loadCampaign(cid, fresh), [cid]);
  const me = useLoad<MyPage | null>((fresh) => (mine ? loadMe(cid, fresh) : Promise.resolve(null)), [cid, mine]);
  useTitle(page.state === 'ok' ? `好友助力 ${headline(page.data.campaign).title}` : null);

  if (page.state === 'loading' || (mine && me.state === 'loading')) return <Loading />;
  if (me.state === 'error') return <MeError cid={cid} error={me.error} onRetry={me.reload} />;
  if (page.state === 'error') return <ErrorView error={page.error} onRetry={page.reload} />;
  const { campaign, rules } = page.data;
  const my = me.state === 'ok' ? me.data : null;
  const reload = () => {
    page.reload();
    if (me.state === 'ok') me.reload();
  };

  return (
    <div class={`page${my ? ' has-tabbar' : ''}`} data-testid="landing">
      <Hero campaign={campaign} onClockDone={reload} />
      <main class="content">
        {my ? <MyNextStep cid={cid} my={my} /> : <JoinStep cid={cid} mode={mode} page={page.data} />}
        <section class="card">
          <h2 class="card-title">活动奖品</h2>
          <TierList tiers={campaign.tiers} count={my?.me.validHelps} won={my?.rewards.map((r) => r.tierNo)} />
        </section>
        <section class="card">
          <h2 class="card-title">活动规则</h2>
          <ol class="rules" data-testid="rules">
            {rulesText(campaign, rules).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </section>
        <p class="footnote">助力完全免费 · 奖品数量以本页实时显示为准</p>
      </main>
      {my && <TabBar cid={cid} current="home" />}
    </div>
  );
}

function MyNextStep({ cid, my }: { cid: number; my: MyPage }) {
  const c = my.campaign;
  const unclaimed = my.rewards.find((r) => r.status === 'reserved');
  return (
    <section class="card card-me" data-testid="my-summary">
      <p class="me-count">
        已有 <b data-testid="my-count">{my.me.validHelps}</b> 位好友为你助力
      </p>
      {my.nextTier && (
        <>
          <ProgressBar count={my.me.validHelps} target={my.nextTier.target} />
          <p class="me-next">
            再邀请 <b>{my.nextTier.stillNeeded}</b> 位好友,即可获得「{c.tiers[my.nextTier.tier - 1]?.reward.name}」
          </p>
        </>
      )}
      {unclaimed && (
        <Link href={hrefOf({ name: 'claim', cid, tierNo: unclaimed.tierNo })} class="btn btn-gold btn-block" testId="cta-claim">
          领取奖品「{unclaimed.name}」
        </Link>
      )}
      {c.status === 'running' ? (
        <Link href={hrefOf({ name: 'me', cid, tab: 'poster' })} class="btn btn-primary btn-block btn-large" testId="cta-poster">
          生成我的专属海报
        </Link>
      ) : (
        <p class="notice" data-testid="cta-closed">
          {c.status === 'ended' ? '活动已结束,感谢你的参与。' : '活动还没开始,开始后即可生成专属海报。'}
        </p>
      )}
    </section>
  );
}

/** Who can take part with one tap: a visitor the OA sign-in found among the staff's friends, else a customer link's holder. */
function oneTapToken(cid: number, mode: Mode): string | null {
  const v = visitorOf(cid);
  if (v.mode === 'oauth' && v.identity.customer.friendOfStaff) return v.session;
  return mode === 'join' ? customerToken(cid) : null;
}

function JoinStep({ cid, mode, page }: { cid: number; mode: Mode; page: CampaignPage }) {
  const c = page.campaign;
  const ct = oneTapToken(cid, mode);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  if (c.status !== 'running') {
    return (
      <section class="card card-cta" data-testid="cta-closed">
        <p class="notice">{c.status === 'ended' ? (c.stockLeft <= 0 ? '奖品已全部送出,活动已结束。' : '活动已结束,感谢关注。') : '活动还没开始,敬请期待。'}</p>
      </section>
    );
  }

  const join = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await api.post<JoinResult>(`/api/h5/c/${cid}/join`, {}, ct);
      setParticipantToken(cid, r.token);
      invalidate(`me:${cid}`);
      navigate(hrefOf({ name: 'me', cid, tab: 'home' }), { replace: true });
    } catch (err) {
      const v = visitorOf(cid);
      // The sign-in ran out (the page was open for hours): sign in again, which reloads the page.
      if ((err as ApiError).status === 401 && v.mode === 'oauth' && ct === v.session && startSignIn(cid)) return;
      setFailure(err as ApiError);
      setBusy(false);
    }
  };

  return (
    <section class="card card-cta" data-testid="cta-join">
      {ct && (!failure || failure.code === 'network') && (
        <>
          <button type="button" class="btn btn-primary btn-block btn-large" disabled={busy} onClick={join} data-testid="join-button">
            {busy ? '正在加入…' : '立即参与'}
          </button>
          <p class="muted center">你已是我们企业微信的好友,点一下即可参与,无需再次添加</p>
        </>
      )}
      {failure && <p class="notice notice-warn" data-testid="join-failed">{failure.code === 'network' ? '网络不太给力,请重试。' : '暂时无法一键参与,请长按识别下方二维码,添加企业微信参与活动。'}</p>}
      {page.activityQr && (!ct || (failure && failure.code !== 'network')) && (
        <>
          <QrCard url={page.activityQr.url} caption="长按识别二维码,添加企业微信参与活动" testId="activity-qr" />
          <ol class="steps">
            <li>添加企业微信</li>
            <li>收到专属链接</li>
            <li>分享海报</li>
          </ol>
        </>
      )}
      {participantToken(cid) && (
        <Link href={hrefOf({ name: 'me', cid, tab: 'home' })} class="btn btn-outline btn-block" testId="cta-my-page">
          我已参加,查看我的活动
        </Link>
      )}
    </section>
  );
}
