// Customer-service message windows (reference §6.6): a follow or a QR scan allows 3 messages within
// a minute, a message from the user 20 within 48 hours. Outside every window ⇒ 45015; inside but
// with the allowance used up ⇒ 45047. A newer event replaces the window of its class.
import type { OaFollower, ServiceWindow } from '../store/oa-model.ts';
import type { SandboxStore } from '../store/store.ts';

export function windowOpen(store: SandboxStore, f: OaFollower, reason: ServiceWindow['reason']): void {
  const now = store.nowSec();
  const w = store.limits.oa.window;
  const byMessage = reason === 'message';
  f.windows = f.windows.filter((x) => x.until > now && (x.reason === 'message') !== byMessage);
  f.windows.push({ reason, until: now + (byMessage ? w.afterMessageSec : w.afterEventSec), max: byMessage ? w.afterMessageMax : w.afterEventMax, used: 0 });
}

/** Takes one message from the window closing soonest; the errcode when none allows it. */
export function useWindow(store: SandboxStore, f: OaFollower): 0 | 45015 | 45047 {
  if (!f.subscribed) return 45015;
  const now = store.nowSec();
  const open = f.windows.filter((x) => x.until > now);
  if (!open.length) return 45015;
  const w = open.filter((x) => x.used < x.max).sort((a, b) => a.until - b.until)[0];
  if (!w) return 45047;
  w.used++;
  return 0;
}
