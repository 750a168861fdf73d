// A friend's help page ("帮TA助力", seed 000 好友助力流程): whose page it is and how far they are,
// the staff QR to scan, and a clear answer for every case where a help cannot count — the domain's
// closed set of reasons (campaign not started / ended, stock gone, self-help, already helped,
// mutual help, gender, not a new customer, help limit). A visitor the page knows — signed in
// through the OA as a friend of the staff, or holding their own link or a customer link — can help
// with one tap and gets the server's verdict; anyone else is shown the staff QR to add.
import { useState } from 'preact/hooks';
import { Avatar } from '../components/Avatar.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { ErrorView } from '../components/ErrorView.tsx';
import { Icon } from '../components/Icon.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { QrCard } from '../components/QrCard.tsx';
import { TierList } from '../components/TierList.tsx';
import { api, type ApiError } from '../lib/api.ts';
import { HELP_REASON_TEXT } from '../lib/help-reasons.ts';
import { forgetCustomerToken, forgetParticipantToken, myHelpCode, participantToken, setParticipantToken, visitorToken } from '../lib/identity.ts';
import { invalidate, useLoad } from '../lib/load.ts';
import { loadHelp, visitorOf } from '../lib/loaders.ts';
import { startSignIn } from '../lib/sign-in.ts';
import { useTitle } from '../lib/title.ts';
import { hrefOf, navigate } from '../lib/router.ts';
import type { HelpPage as HelpData, HelpResult, InvalidHelpReason } from '../lib/types.ts';

type State = { kind: 'open' } | { kind: 'helped'; result: HelpResult } | { kind: 'refused'; reason: InvalidHelpReason };

/** What the page alone can tell, in the domain's order of checks; the rest needs the server's verdict. */
function initialState(d: HelpData, mine: boolean): State {
  const c = d.campaign;
  if (c.status === 'draft' || c.status === 'scheduled') return { kind: 'refused', reason: 'campaign_not_started' };
  if (c.stockLeft <= 0) return { kind: 'refused', reason: 'stock_empty' };
  if (c.status === 'ended') return { kind: 'refused', reason: 'campaign_ended' };
  if (mine) return { kind: 'refused', reason: 'self_help' };
  return { kind: 'open' };
}

export default function HelpPage({ cid, code }: { cid: number; code: string }) {
  const page = useLoad((fresh) => loadHelp(cid, code, fresh), [cid, code]);
  useTitle(page.state === 'ok' ? `帮「${page.data.inviter.nickname || '好友'}」助力` : '帮TA助力');
  if (page.state === 'loading') return <Loading />;
  if (page.state === 'error') return <ErrorView error={page.error} onRetry={page.reload} />;
  return <Help key={`${cid}/${code}`} cid={cid} code={code} data={page.data} reload={page.reload} />;
}

function Help({ cid, code, data, reload }: { cid: number; code: string; data: HelpData; reload: () => void }) {
  const [state, setState] = useState<State>(() => initialState(data, myHelpCode(cid) === code));
  const shown = state.kind === 'open' ? initialState(data, myHelpCode(cid) === code) : state;
  const { inviter, campaign } = data;
  const nextReward = inviter.nextTier ? campaign.tiers[inviter.nextTier.tier - 1]?.reward.name : undefined;
  return (
    <div class="page" data-testid="help-page">
      <header class="hero hero-help">
        <Avatar src={inviter.avatar} size={64} />
        <p class="inviter-name" data-testid="inviter-name">
          {inviter.nickname || '微信用户'}
        </p>
        <p class="hero-subtitle">邀请你为 TA 助力</p>
        <p class="inviter-progress" data-testid="inviter-progress">
          TA 已获得 <b>{inviter.validHelps}</b> 位好友助力
          {inviter.nextTier && nextReward && (
            <>
              ,还差 <b>{inviter.nextTier.stillNeeded}</b> 位即可获得「{nextReward}」
            </>
          )}
        </p>
      </header>
      <main class="content">
        {shown.kind === 'open' && <OpenState cid={cid} code={code} data={data} onResult={setState} />}
        {shown.kind === 'helped' && <HelpedState cid={cid} result={shown.result} />}
        {shown.kind === 'refused' && <RefusedState cid={cid} reason={shown.reason} data={data} onClockDone={reload} />}
        <section class="card">
          <h2 class="card-title">活动奖品</h2>
          <TierList tiers={campaign.tiers} />
        </section>
        <p class="footnote">助力完全免费 · 奖品数量以本页实时显示为准</p>
      </main>
    </div>
  );
}

/**
 * The token a tap helps with: the OA session of a visitor found among the staff's friends; nothing
 * for one it found elsewhere (the QR is their way); else the links this phone holds.
 */
function helperToken(cid: number): string | null {
  const v = visitorOf(cid);
  if (v.mode === 'oauth' && v.identity.customer.friendOfStaff) return v.session;
  if (v.mode === 'oauth' && v.identity.customer.known) return null;
  return visitorToken(cid);
}

function OpenState({ cid, code, data, onResult }: { cid: number; code: string; data: HelpData; onResult: (s: State) => void }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [token, setToken] = useState(() => helperToken(cid));

  const help = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const r = await api.post<HelpResult>(`/api/h5/c/${cid}/help/${code}`, {}, token);
      invalidate(`help:${cid}:${code}`);
      onResult(r.verdict.valid ? { kind: 'helped', result: r } : { kind: 'refused', reason: r.verdict.reason });
    } catch (err) {
      const e = err as ApiError;
      const v = visitorOf(cid);
      // The sign-in ran out (the page was open for hours): sign in again, which reloads the page.
      if (e.status === 401 && v.mode === 'oauth' && token === v.session && startSignIn(cid)) return;
      if (e.status === 401) {
        // The link we held is no longer good: forget it, the QR still works.
        if (participantToken(cid) === token) forgetParticipantToken(cid);
        else forgetCustomerToken(cid);
        setToken(visitorToken(cid));
      }
      setNotice(e.code === 'network' ? '网络不太给力,请重试。' : e.status === 409 ? '你还没有添加我们的企业微信:请长按识别下方二维码,添加后即为 TA 助力成功。' : '暂时无法一键助力,请长按识别下方二维码助力。');
    } finally {
      setBusy(false);
    }
  };

  // WeChat said who this is and the staff know them: the QR would only distract, unless the tap fails.
  const v = visitorOf(cid);
  const knownFriend = v.mode === 'oauth' && token === v.session;
  return (
    <section class="card card-cta" data-testid="help-state-open">
      {token && (
        <>
          <button type="button" class="btn btn-primary btn-block btn-large" disabled={busy} onClick={help} data-testid="help-button">
            {busy ? '正在助力…' : '为 TA 助力'}
          </button>
          <p class="muted center">{knownFriend ? '你已是我们企业微信的好友,点一下即可助力' : '已添加过我们企业微信的朋友,点一下即可助力'}</p>
        </>
      )}
      {notice && (
        <p class="notice notice-warn" role="alert" data-testid="help-notice">
          {notice}
        </p>
      )}
      {knownFriend && !notice ? null : data.staffQr ? (
        <>
          <QrCard url={data.staffQr.url} caption={token ? '还没添加?长按识别二维码添加企业微信' : '长按识别二维码,添加企业微信即为 TA 助力'} testId="staff-qr" />
          <ol class="steps">
            <li>长按识别二维码</li>
            <li>添加企业微信</li>
            <li>助力成功</li>
          </ol>
        </>
      ) : (
        <p class="notice">助力二维码暂时无法显示,请稍后刷新。</p>
      )}
    </section>
  );
}

function HelpedState({ cid, result }: { cid: number; result: HelpResult }) {
  const mine = result.participant;
  const hadMine = participantToken(cid) !== null;
  const openMine = () => {
    const t = mine && new URL(mine.url, location.href).searchParams.get('t');
    if (t) setParticipantToken(cid, t);
    invalidate(`me:${cid}`);
    navigate(hrefOf({ name: 'me', cid, tab: 'home' }));
  };
  return (
    <section class="card result result-success" data-testid="help-state-helped">
      <div class="result-icon">
        <Icon name="check" size={36} />
      </div>
      <h1 class="result-title">助力成功!</h1>
      <p class="result-body">谢谢你!TA 现在已有 {result.inviterCount} 位好友助力。</p>
      {mine && (
        <button type="button" class="btn btn-primary btn-block" onClick={openMine} data-testid="help-join-mine">
          {hadMine ? '查看我的活动' : '我也要参与,领取奖品'}
        </button>
      )}
    </section>
  );
}

function RefusedState({ cid, reason, data, onClockDone }: { cid: number; reason: InvalidHelpReason; data: HelpData; onClockDone: () => void }) {
  const t = HELP_REASON_TEXT[reason];
  const c = data.campaign;
  const haveMine = participantToken(cid) !== null;
  return (
    <section class={`card result result-${reason === 'self_help' ? 'info' : 'refused'}`} data-testid={`help-state-${reason}`}>
      <div class="result-icon">
        <Icon name={reason === 'campaign_not_started' ? 'clock' : reason === 'stock_empty' ? 'gift' : reason === 'self_help' ? 'info' : 'block'} size={36} />
      </div>
      <h1 class="result-title">{t.title}</h1>
      <p class="result-body">{t.body}</p>
      {reason === 'campaign_not_started' && <Countdown until={c.startAt} label="距开始" onDone={onClockDone} />}
      {reason === 'self_help' && (
        <Link href={hrefOf({ name: 'me', cid, tab: 'poster' })} class="btn btn-primary btn-block" testId="help-my-poster">
          查看我的专属海报
        </Link>
      )}
      {t.suggestJoin && c.status === 'running' && (
        <Link href={hrefOf(haveMine ? { name: 'me', cid, tab: 'home' } : { name: 'landing', cid })} class="btn btn-outline btn-block" testId="help-join">
          {haveMine ? '查看我的活动' : '我也要参与'}
        </Link>
      )}
    </section>
  );
}
