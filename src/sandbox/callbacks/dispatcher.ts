// Delivers callbacks the way WeChat does: the event XML sealed for its receiver (WeCom: encrypted and
// signed with the corp's token and EncodingAESKey; OA: plain or safe mode, see oa/callback-target.ts),
// POSTed, re-sent on timeout or any status but 200 (same inner XML, so the same CreateTime), with
// optional injected faults. Every delivery is kept in a bounded log for tests and the phone page.
import { randomInt } from 'node:crypto';
import { createCallbackCrypto } from '../../wechat/protocol/callback-crypto.ts';
import type { Clock } from '../clock.ts';
import type { CallbackSettings } from '../store/model.ts';
import { createFaultPicker } from './faults.ts';
import type { DeliveryFaults, FaultRates } from './faults.ts';

export interface DispatcherOptions {
  /** Per-attempt timeout (WeChat: 5 s). */
  timeoutMs: number;
  /** Deliveries in total, first one included (WeChat: 3). */
  attempts: number;
  retryDelayMs: number;
  /** Deliveries kept in the log. */
  logSize: number;
  faults: FaultRates;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = {
  timeoutMs: 5000,
  attempts: 3,
  retryDelayMs: 1000,
  logSize: 2000,
  faults: { duplicateRate: 0, lossRate: 0, reorderRate: 0 },
};

export type DeliveryStatus = 'queued' | 'held' | 'sending' | 'delivered' | 'failed' | 'dropped' | 'no_url';

export interface DeliveryAttempt {
  at: number;
  durationMs: number;
  status?: number;
  error?: string;
  /** First 200 characters of the receiver's answer. */
  response?: string;
}

/** Who a callback is for: a corp (WeCom) or an Official Account. */
export type DeliveryOwner = { corpid: string; appid?: undefined } | { appid: string; corpid?: undefined };

/** Where and how one receiver gets its callbacks. */
export interface CallbackTarget {
  url: string | null;
  /** Query parameters and body of one attempt; called per attempt with a fresh timestamp and nonce. */
  seal(xml: string, timestamp: string, nonce: string): { query: Record<string, string>; body: string };
  /** The receiver's answer to a delivered (HTTP 200) original delivery: OA passive replies. */
  onReply?(body: string, d: Delivery): void;
  /** Every attempt failed (OA: the user sees "this account cannot serve you right now"). */
  onFailed?(d: Delivery): void;
}

export interface Delivery {
  id: string;
  seq: number;
  corpid?: string;
  appid?: string;
  url: string | null;
  /** e.g. `change_external_contact/add_external_contact`. */
  kind: string;
  createTime: number;
  /** The decrypted event XML (what the receiver should get after decrypting). */
  xml: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  duplicateOf?: string;
  faults: string[];
  queuedAt: number;
}

export interface CallbackEvent {
  kind: string;
  createTime: number;
  xml: string;
}

export interface DeliveryFilter {
  corpid?: string;
  appid?: string;
  status?: DeliveryStatus;
  kind?: string;
  /** Only deliveries with seq greater than this. */
  after?: number;
  limit?: number;
}

export interface UrlVerification {
  ok: boolean;
  status?: number;
  expected: string;
  body?: string;
  error?: string;
}

export function createDispatcher(clock: Clock, options: Partial<DispatcherOptions> = {}) {
  const opts = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
  const faults = createFaultPicker(opts.faults);
  const log: Delivery[] = [];
  const held = new Map<string, { d: Delivery; target: CallbackTarget; reorder: boolean; copies: number }>();
  const inFlight = new Set<Promise<void>>();
  const closing = new AbortController();
  let seq = 0;

  const record = (owner: DeliveryOwner, target: CallbackTarget, ev: CallbackEvent, extra: Partial<Delivery> = {}): Delivery => {
    const d: Delivery = {
      id: `dlv${++seq}`,
      seq,
      ...(owner.corpid !== undefined ? { corpid: owner.corpid } : { appid: owner.appid }),
      url: target.url,
      kind: ev.kind,
      createTime: ev.createTime,
      xml: ev.xml,
      status: 'queued',
      attempts: [],
      faults: [],
      queuedAt: clock.now(),
      ...extra,
    };
    log.push(d);
    if (log.length > opts.logSize) log.splice(0, log.length - opts.logSize);
    return d;
  };

  async function attempt(d: Delivery, target: CallbackTarget): Promise<boolean> {
    const sealed = target.seal(d.xml, String(Math.floor(clock.now() / 1000)), nonce());
    const url = new URL(d.url as string);
    for (const [k, v] of Object.entries(sealed.query)) url.searchParams.set(k, v);
    const started = Date.now();
    const a: DeliveryAttempt = { at: clock.now(), durationMs: 0 };
    d.attempts.push(a);
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), closing.signal]);
      const res = await fetch(url, { method: 'POST', body: sealed.body, headers: { 'content-type': 'text/xml' }, signal });
      a.status = res.status;
      const text = await res.text();
      a.response = text.slice(0, 200);
      if (res.status === 200 && !d.duplicateOf) target.onReply?.(text, d);
      return res.status === 200;
    } catch (e) {
      a.error = (e as Error).name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : (e as Error).message;
      return false;
    } finally {
      a.durationMs = Date.now() - started;
    }
  }

  async function deliver(d: Delivery, target: CallbackTarget, copies: number): Promise<void> {
    d.status = 'sending';
    try {
      for (let i = 0; i < opts.attempts && !closing.signal.aborted; i++) {
        if (i > 0) await sleep(opts.retryDelayMs, closing.signal);
        if (await attempt(d, target)) {
          d.status = 'delivered';
          break;
        }
      }
    } catch (e) {
      d.attempts.push({ at: clock.now(), durationMs: 0, error: `could not send: ${(e as Error).message}` });
    }
    if (d.status !== 'delivered') {
      d.status = 'failed';
      if (!d.duplicateOf && !closing.signal.aborted) target.onFailed?.(d);
    }
    for (let c = 0; c < copies; c++) {
      const dup = record(ownerOf(d), target, d, { duplicateOf: d.id, faults: ['duplicate'] });
      await deliver(dup, target, 0);
    }
    // A delivery held back for reordering goes out once a later one has been sent.
    for (const [id, h] of held) {
      if (h.reorder && h.d.seq < d.seq) {
        held.delete(id);
        track(deliver(h.d, h.target, h.copies));
      }
    }
  }

  const track = (p: Promise<void>) => {
    const settled: Promise<void> = p.finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  };

  /** Queues one event for a receiver; returns its log entry (copies get their own, later). */
  function sendTo(owner: DeliveryOwner, target: CallbackTarget, ev: CallbackEvent, explicit?: DeliveryFaults): Delivery {
    const d = record(owner, target, ev);
    if (!target.url) {
      d.status = 'no_url';
      return d;
    }
    const plan = faults.plan(explicit);
    if (plan.drop) {
      d.status = 'dropped';
      d.faults.push('lost');
      return d;
    }
    if (plan.copies) d.faults.push(`duplicated x${plan.copies}`);
    if (plan.hold || plan.reorder) {
      d.status = 'held';
      d.faults.push(plan.hold ? 'held' : 'reordered');
      held.set(d.id, { d, target, reorder: !plan.hold, copies: plan.copies });
      return d;
    }
    track(deliver(d, target, plan.copies));
    return d;
  }

  return {
    options: opts,
    faultRates: () => faults.rates(),
    setFaultRates: (r: FaultRates) => faults.setRates(r),

    /** Queues one WeCom event for a corp, sealed with its callback settings as they are now. */
    send(corpid: string, settings: CallbackSettings, ev: CallbackEvent, explicit?: DeliveryFaults): Delivery {
      return sendTo({ corpid }, wecomTarget(corpid, settings), ev, explicit);
    },

    sendTo,

    /** Releases held deliveries (all, or the given ids). */
    release(ids?: string[]): Delivery[] {
      const out: Delivery[] = [];
      for (const [id, h] of held) {
        if (ids && !ids.includes(id)) continue;
        held.delete(id);
        out.push(h.d);
        track(deliver(h.d, h.target, h.copies));
      }
      return out;
    },

    list(filter: DeliveryFilter = {}): Delivery[] {
      const rows = log.filter(
        (d) =>
          (!filter.corpid || d.corpid === filter.corpid) &&
          (!filter.appid || d.appid === filter.appid) &&
          (!filter.status || d.status === filter.status) &&
          (!filter.kind || d.kind === filter.kind || d.kind.startsWith(`${filter.kind}/`)) &&
          (filter.after === undefined || d.seq > filter.after),
      );
      return filter.limit ? rows.slice(-filter.limit) : rows;
    },

    get: (id: string) => log.find((d) => d.id === id),

    /** Resolves when nothing is being sent; reorder-held deliveries are released first. */
    async idle(): Promise<void> {
      for (const [id, h] of held) {
        if (!h.reorder) continue;
        held.delete(id);
        track(deliver(h.d, h.target, h.copies));
      }
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },

    /** WeCom's console "save" check: GET with an encrypted echostr; the receiver must echo the plaintext. */
    verifyUrl(corpid: string, settings: CallbackSettings, timeoutMs = 1000): Promise<UrlVerification> {
      const expected = String(randomInt(1_000_000_000, 9_999_999_999));
      if (!settings.url) return Promise.resolve({ ok: false, expected, error: 'no callback URL configured' });
      const crypto = createCallbackCrypto({ token: settings.token, encodingAESKey: settings.encodingAESKey, receiveId: corpid });
      const q = crypto.sealEchostr(expected, { timestamp: String(Math.floor(clock.now() / 1000)), nonce: nonce() });
      return checkEcho(settings.url, { ...q }, expected, timeoutMs);
    },

    /** GETs `url` with `query`; passes when the receiver answers 200 with exactly `expected`. */
    checkEcho,

    async close(): Promise<void> {
      closing.abort();
      held.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

const nonce = () => String(randomInt(100_000_000, 2_000_000_000));

const ownerOf = (d: Delivery): DeliveryOwner => (d.corpid !== undefined ? { corpid: d.corpid } : { appid: d.appid as string });

/** WeCom: the inner XML encrypted (receiveid = corpid) into the envelope, msg_signature/timestamp/nonce. */
function wecomTarget(corpid: string, settings: CallbackSettings): CallbackTarget {
  const crypto = createCallbackCrypto({ token: settings.token, encodingAESKey: settings.encodingAESKey, receiveId: corpid });
  return {
    url: settings.url,
    seal(xml, timestamp, n) {
      const sealed = crypto.sealCallback(xml, { timestamp, nonce: n });
      return { query: { ...sealed.query }, body: sealed.body };
    },
  };
}

async function checkEcho(target: string, query: Record<string, string>, expected: string, timeoutMs = 1000): Promise<UrlVerification> {
  const url = new URL(target);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { ok: res.status === 200 && body === expected, status: res.status, expected, body: body.slice(0, 200) };
  } catch (e) {
    return { ok: false, expected, error: (e as Error).message };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
