// The `state` tag we put on WeCom contact ways (and later join ways / OA scene strings): WeChat
// hands it back in the add-customer callback, which is how a new friend is tied to a campaign and,
// for a help, to the inviter. WeCom allows ≤ 30 characters.
//
// Format (version 1), letters and digits only so it also fits OAuth `state` ([a-zA-Z0-9]):
//   "f" "1" L <campaign id, base36, L chars> [<inviter participant id, base36>]
// L is one base36 digit (1..b) giving the campaign id's length, so no separator is needed.
// Ids are positive safe integers (bigint serials read as JS numbers): at most 11 base36 chars,
// so the longest state is 2 + 1 + 11 + 11 = 25 characters.

export const STATE_MAX_LENGTH = 30;
const PREFIX = 'f1';
const SHAPE = /^f1([1-9ab])([0-9a-z]{1,22})$/;

export interface ContactWayState {
  campaignId: number;
  /** The participant whose poster was scanned; null for the campaign's own code. */
  inviterParticipantId: number | null;
}

export function encodeContactWayState(state: ContactWayState): string {
  const campaign = encodeId('campaignId', state.campaignId);
  const inviter = state.inviterParticipantId === null ? '' : encodeId('inviterParticipantId', state.inviterParticipantId);
  return `${PREFIX}${campaign.length.toString(36)}${campaign}${inviter}`;
}

/** Our state back, or null for anything else (another tool's state, a typo, a tampered value). */
export function parseContactWayState(raw: unknown): ContactWayState | null {
  if (typeof raw !== 'string' || raw.length > STATE_MAX_LENGTH) return null;
  const m = SHAPE.exec(raw);
  if (!m) return null;
  const length = Number.parseInt(m[1] as string, 36);
  const digits = m[2] as string;
  if (digits.length < length) return null;
  const campaignId = decodeId(digits.slice(0, length));
  if (campaignId === null) return null;
  const rest = digits.slice(length);
  if (rest === '') return { campaignId, inviterParticipantId: null };
  const inviterParticipantId = decodeId(rest);
  return inviterParticipantId === null ? null : { campaignId, inviterParticipantId };
}

function encodeId(name: string, id: number): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new RangeError(`${name} must be a positive safe integer, got ${id}`);
  return id.toString(36);
}

// Only the canonical spelling is accepted (no leading zeros, no overflow): it must round-trip.
function decodeId(part: string): number | null {
  if (part.length > 11) return null;
  const id = Number.parseInt(part, 36);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  return id.toString(36) === part ? id : null;
}
