// Claiming a prize won (seed 000 §2.2): a physical prize asks for the delivery address, checked as
// the winner types with the server's own rules; a customer-service prize shows the QR to add (the
// staff member's code, made for the campaign's winners, or the operator's uploaded image), asked
// for only here, by the winner; a redeem code is shown with a copy button.
import { useState } from 'preact/hooks';
import { CopyButton } from '../components/CopyButton.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { MeError } from '../components/MeError.tsx';
import { QrCard } from '../components/QrCard.tsx';
import { AddressFormView } from '../components/AddressFormView.tsx';
import { useLoad } from '../lib/load.ts';
import { loadMe, loadServiceQr } from '../lib/loaders.ts';
import { useTitle } from '../lib/title.ts';
import { hrefOf } from '../lib/router.ts';
import type { MyReward } from '../lib/types.ts';

export default function ClaimPage({ cid, tierNo }: { cid: number; tierNo: number }) {
  const me = useLoad((fresh) => loadMe(cid, fresh), [cid]);
  useTitle('领取奖品');
  if (me.state === 'loading') return <Loading />;
  if (me.state === 'error') return <MeError cid={cid} error={me.error} onRetry={me.reload} />;
  const reward = me.data.rewards.find((r) => r.tierNo === tierNo);
  return (
    <div class="page" data-testid="claim-page">
      <main class="content">
        <Link href={hrefOf({ name: 'me', cid, tab: 'progress' })} class="back">
          ‹ 返回我的助力
        </Link>
        {reward ? (
          <Claim cid={cid} reward={reward} onSaved={me.reload} />
        ) : (
          <section class="card" data-testid="claim-none">
            <h1 class="page-title">还没有获得这个奖品</h1>
            <p class="muted">邀请更多好友助力,达成目标后就可以在这里领取。</p>
          </section>
        )}
      </main>
    </div>
  );
}

const STATUS_TEXT: Record<MyReward['status'], string> = { reserved: '待领取', claimed: '已提交,待发货', issued: '已发放' };

function Claim({ cid, reward, onSaved }: { cid: number; reward: MyReward; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <section class="card claim" data-testid={`claim-${reward.claimMethod}`}>
      <p class="claim-congrats">恭喜你获得</p>
      <h1 class="claim-name">{reward.name}</h1>
      <span class={`tag ${reward.status === 'reserved' ? 'tag-warn' : 'tag-success'}`} data-testid="claim-status">
        {reward.claimMethod === 'address_form' ? STATUS_TEXT[reward.status] : reward.status === 'reserved' ? '待领取' : '已发放'}
      </span>

      {reward.claimMethod === 'address_form' &&
        (reward.status === 'reserved' || editing ? (
          <AddressFormView cid={cid} tierNo={reward.tierNo} initial={reward.address} onSaved={() => { setEditing(false); onSaved(); }} />
        ) : (
          <div class="address-done" data-testid="address-done">
            {reward.address && (
              <dl class="address">
                <dt>收货人</dt>
                <dd>{reward.address.name} {reward.address.mobile}</dd>
                <dt>地址</dt>
                <dd>{`${reward.address.province} ${reward.address.city} ${reward.address.district} ${reward.address.address}`}</dd>
              </dl>
            )}
            <p class="muted">{reward.status === 'issued' ? '奖品已发出,请留意快递信息。' : '我们会尽快为你安排发货。'}</p>
            {reward.status === 'claimed' && (
              <button type="button" class="btn btn-outline btn-small" onClick={() => setEditing(true)} data-testid="address-edit">
                修改地址
              </button>
            )}
          </div>
        ))}

      {reward.claimMethod === 'contact_service' && <ServiceContactView cid={cid} reward={reward} />}

      {reward.claimMethod === 'show_code' &&
        (reward.redeemCode ? (
          <div class="code-box">
            <p class="muted">你的兑换码</p>
            <p class="code" data-testid="redeem-code">
              {reward.redeemCode}
            </p>
            <CopyButton text={reward.redeemCode} label="复制兑换码" testId="copy-code" />
          </div>
        ) : (
          <p class="notice" data-testid="code-pending">兑换码正在发放中,请稍后刷新;如长时间未收到,请联系客服。</p>
        ))}

      {reward.claimMethod === 'auto_payout' && <p class="notice">红包将自动发放到你的微信零钱,请留意微信支付通知。</p>}
    </section>
  );
}

function ServiceContactView({ cid, reward }: { cid: number; reward: MyReward }) {
  const qr = useLoad((fresh) => loadServiceQr(cid, reward.tierNo, fresh), [cid, reward.tierNo]);
  if (qr.state === 'loading') return <div class="qr-box" aria-busy="true" data-testid="service-qr-loading" />;
  if (qr.state === 'error') {
    return (
      <div class="notice notice-warn" data-testid="service-qr-error">
        <p>客服二维码暂时无法显示,请稍后再试。</p>
        <button type="button" class="btn btn-outline btn-small" onClick={qr.reload}>
          重新加载
        </button>
      </div>
    );
  }
  return (
    <>
      <QrCard url={qr.data.url} caption="长按识别二维码,添加客服领取奖品" testId="service-qr" />
      <p class="muted">添加后告诉客服你获得了「{reward.name}」,客服会为你发放奖品。</p>
    </>
  );
}
