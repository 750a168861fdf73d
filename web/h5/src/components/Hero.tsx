// The top of the activity and help pages: what is on offer, the campaign's state and its clock.
import type { ComponentChildren } from 'preact';
import { headline } from '../lib/rules.ts';
import type { PublicCampaign } from '../lib/types.ts';
import { Countdown } from './Countdown.tsx';

export function statusLabel(c: PublicCampaign): string {
  if (c.status === 'running') return '进行中';
  if (c.status === 'ended') return c.endReason === 'sold_out' || c.stockLeft <= 0 ? '奖品已领完' : '已结束';
  return '即将开始';
}

export function Hero({ campaign, onClockDone, children }: { campaign: PublicCampaign; onClockDone?: () => void; children?: ComponentChildren }) {
  const h = headline(campaign);
  return (
    <header class="hero">
      <span class={`hero-status status-${campaign.status}`} data-testid="campaign-status">
        {statusLabel(campaign)}
      </span>
      <h1 class="hero-title">{h.title}</h1>
      {h.subtitle && <p class="hero-subtitle">{h.subtitle}</p>}
      {campaign.status === 'running' && <Countdown until={campaign.endAt} label="距结束" onDone={onClockDone} />}
      {campaign.status === 'scheduled' && <Countdown until={campaign.startAt} label="距开始" onDone={onClockDone} />}
      {children}
    </header>
  );
}
