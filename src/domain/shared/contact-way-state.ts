// The `state` tag we put on WeCom contact ways (and later join ways / OA scene strings): WeChat
// hands it back in the add-customer callback, which is how a new friend is tied to a campaign and,
// for a help, to the inviter. WeCom allows ≤ 30 characters.
//
// Format (version 1), letters and digits only so it also fits OAuth `state` ([a-zA-Z0-9]):
//   fission code   "f1"  L <campaign id, base36, L chars> [<inviter participant id, base36>]
//   service code   "f1s" L <campaign id, base36, L chars>
// L is one base36 digit (1..b) giving the campaign id's length, so no separator is needed; "s" is
// not a valid L, so the two kinds cannot be mistaken for each other. Ids are positive safe integers
// (bigint serials read as JS numbers): at most 11 base36 chars, so the longest state is
// 2 + 1 + 11 + 11 = 25 characters (a service state at most 15).
//
// Kinds:
//   fission  the campaign's own code (no inviter) or a participant's help code: an add through it
//            is a join or a help
//   service  the customer-service code of a prize (one per campaign and staff member): a winner
//            adding it claims a prize, which is neither a join nor a help

export const STATE_MAX_LENGTH = 30;
const FISSION = /^f1([1-9ab])([0-9a-z]{1,22})$/;
const SERVICE = /^f1s([1-9ab])([0-9a-z]{1,11})$/;

export interface FissionCodeState {
  kind: 'fission';
  campaignId: number;
  /** The participant whose poster was scanned; null for the campaign's own code. */
  inviterParticipantId: number | null;
}

export interface ServiceCodeState {
  kind: 'service';
  campaignId: number;
}

export type ContactWayState = FissionCodeState | ServiceCodeState;

/** A fission state may leave `kind` out. */
export type ContactWayStateInput = Omit<FissionCodeState, 'kind'> & { kind?: 'fission' } | ServiceCodeState;

export function encodeContactWayState(state: ContactWayStateInput): string {
  const campaign = encodeId('campaignId', state.campaignId);
  const length = campaign.length.toString(36);
  if (state.kind === 'service') return `f1s${length}${campaign}`;
  const inviter = state.inviterParticipantId === null ? '' : encodeId('inviterParticipantId', state.inviterParticipantId);
  return `f1${length}${campaign}${inviter}`;
}

/** Our state back, or null for anything else (another tool's state, a typo, a tampered value). */
export function parseContactWayState(raw: unknown): ContactWayState | null {
  if (typeof raw !== 'string' || raw.length > STATE_MAX_LENGTH) return null;
  const service = SERVICE.exec(raw);
  if (service) {
    const campaignId = service[2]!.length === Number.parseInt(service[1]!, 36) ? decodeId(service[2]!) : null;
    return campaignId === null ? null : { kind: 'service', campaignId };
  }
  const m = FISSION.exec(raw);
  if (!m) return null;
  const length = Number.parseInt(m[1] as string, 36);
  const digits = m[2] as string;
  if (digits.length < length) return null;
  const campaignId = decodeId(digits.slice(0, length));
  if (campaignId === null) return null;
  const rest = digits.slice(length);
  if (rest === '') return { kind: 'fission', campaignId, inviterParticipantId: null };
  const inviterParticipantId = decodeId(rest);
  return inviterParticipantId === null ? null : { kind: 'fission', campaignId, inviterParticipantId };
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
