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
};

export type LimitsInput = Partial<Omit<SandboxLimits, 'rate'>> & { rate?: Partial<SandboxLimits['rate']> };

export function resolveLimits(input: LimitsInput = {}): SandboxLimits {
  return { ...DEFAULT_LIMITS, ...input, rate: { ...DEFAULT_LIMITS.rate, ...input.rate } };
}
