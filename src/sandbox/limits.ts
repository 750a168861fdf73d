// Every WeChat limit the sandbox enforces, with the documented (or, where marked, assumed) value.
// Tests shrink them to make the limits reachable.

export interface RateLimit {
  perMinute: number;
  perHour: number;
}

export interface SandboxLimits {
  /** contact-way / join-way `state` length, in characters. */
  stateMaxChars: number;
  /** API-created contact ways + join ways per corp (41045). */
  waysPerCorp: number;
  /** New temporary-session contact ways per corp per day. */
  tempWaysPerDay: number;
  /** Staff per contact way after department expansion (41041). */
  staffPerWay: number;
  tokenTtlSec: number;
  welcomeCodeTtlSec: number;
  mediaTtlSec: number;
  /** Per corp and API, and per source IP and API; exceeding blocks for 60 s / 60 min (45009). */
  rate: { corp: RateLimit; ip: RateLimit; perApi?: Record<string, Partial<{ corp: Partial<RateLimit>; ip: Partial<RateLimit> }>> };
  /** WeChat users may join by QR only while a group has fewer members than this [unconfirmed: 200]. */
  groupScanCap: number;
  groupMaxMembers: number;
  joinWayMaxChats: number;
  groupWelcomeTemplates: number;
  corpTags: number;
  uploadimgPerDay: number;
  uploadimgPerMonth: number;
  /** Group-sends one customer or group may receive per natural day. */
  massSendPerTargetPerDay: number;
  /** App messages one member may receive per minute from one app; more are silently dropped. */
  appMessagesPerMemberPerMinute: number;
  oa: OaLimits;
  redpack: RedpackLimits;
}

export interface OaLimits {
  tokenTtlSec: number;
  /** A replaced /cgi-bin/token (and a force-refreshed stable token) keeps working this long. */
  tokenGraceSec: number;
  /** Calls per AppID and API per day (45009), keyed by API path without `/cgi-bin/`. */
  daily: Record<string, number>;
  permanentQrCodes: number;
  qrMaxExpireSec: number;
  /** expire_seconds of a temporary code when the request omits it. */
  qrDefaultExpireSec: number;
  sceneStrMaxChars: number;
  /** Customer-service windows: after a follow or scan, and after a message from the user. */
  window: { afterEventSec: number; afterEventMax: number; afterMessageSec: number; afterMessageMax: number };
  oauthCodeTtlSec: number;
  snsTokenTtlSec: number;
  snsRefreshTtlSec: number;
  mediaTtlSec: number;
}

export interface RedpackLimits {
  /** Allowed amount without scene_id, in fen (¥1–¥200). */
  minFen: number;
  maxFen: number;
  /** Allowed amount with a scene_id [unconfirmed]. */
  sceneMinFen: number;
  sceneMaxFen: number;
  perUserPerDay: number;
  userFenPerDay: number;
  merchantFenPerDay: number;
  /** Sends per merchant per second (FREQ_LIMIT beyond). */
  perSecond: number;
  /** Unclaimed packets are refunded after this long. */
  refundAfterSec: number;
  /** gethbinfo sees packets this many days back. */
  queryDays: number;
  /** A PROCESSING packet becomes SENT after this long. */
  processingSec: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  stateMaxChars: 30,
  waysPerCorp: 500_000,
  tempWaysPerDay: 100_000,
  staffPerWay: 100,
  tokenTtlSec: 7200,
  welcomeCodeTtlSec: 20,
  mediaTtlSec: 3 * 24 * 3600,
  rate: { corp: { perMinute: 10_000, perHour: 150_000 }, ip: { perMinute: 20_000, perHour: 600_000 } },
  groupScanCap: 200,
  groupMaxMembers: 500,
  joinWayMaxChats: 5,
  groupWelcomeTemplates: 100,
  corpTags: 3000,
  uploadimgPerDay: 1000,
  uploadimgPerMonth: 3000,
  massSendPerTargetPerDay: 1,
  appMessagesPerMemberPerMinute: 30,
  oa: {
    tokenTtlSec: 7200,
    tokenGraceSec: 300,
    daily: {
      token: 2000,
      stable_token: 500_000,
      'qrcode/create': 100_000,
      'user/info': 5_000_000,
      'user/info/batchget': 5_000_000,
      'message/custom/send': 500_000,
      'message/template/send': 100_000,
      'media/upload': 100_000,
    },
    permanentQrCodes: 100_000,
    qrMaxExpireSec: 2_592_000,
    qrDefaultExpireSec: 60,
    sceneStrMaxChars: 64,
    window: { afterEventSec: 60, afterEventMax: 3, afterMessageSec: 48 * 3600, afterMessageMax: 20 },
    oauthCodeTtlSec: 300,
    snsTokenTtlSec: 7200,
    snsRefreshTtlSec: 30 * 86400,
    mediaTtlSec: 3 * 86400,
  },
  redpack: {
    minFen: 100,
    maxFen: 20_000,
    sceneMinFen: 30,
    sceneMaxFen: 499_900,
    perUserPerDay: 10,
    userFenPerDay: 100_000,
    merchantFenPerDay: 100_000_000,
    perSecond: 30,
    refundAfterSec: 24 * 3600,
    queryDays: 30,
    processingSec: 5,
  },
};

export type LimitsInput = Partial<Omit<SandboxLimits, 'rate' | 'oa' | 'redpack'>> & {
  rate?: Partial<SandboxLimits['rate']>;
  oa?: Partial<Omit<OaLimits, 'daily' | 'window'>> & { daily?: Record<string, number>; window?: Partial<OaLimits['window']> };
  redpack?: Partial<RedpackLimits>;
};

export function resolveLimits(input: LimitsInput = {}): SandboxLimits {
  const d = DEFAULT_LIMITS;
  return {
    ...d,
    ...input,
    rate: { ...d.rate, ...input.rate },
    oa: { ...d.oa, ...input.oa, daily: { ...d.oa.daily, ...input.oa?.daily }, window: { ...d.oa.window, ...input.oa?.window } },
    redpack: { ...d.redpack, ...input.redpack },
  };
}
