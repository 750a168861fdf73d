// The JSON the participant API answers (/api/h5/…), as these pages read it. The server's own types
// live in src/modules/fission (public-campaign.ts, get-my-page.ts, get-help-page.ts…); pages talk
// to it over HTTP only, so the shapes are restated here. Times are ISO strings.
import type { InvalidHelpReason } from '../../../../src/domain/task-fission/help-validation.ts';
import type { AddressForm } from '../../../../src/domain/shared/address-form.ts';

export type { InvalidHelpReason, AddressForm };

export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'ended';
export type EndReason = 'ended_early' | 'end_time' | 'sold_out';
export type RewardType = 'physical' | 'customer_service' | 'redeem_code' | 'red_packet';

export interface PublicTier {
  tierNo: number;
  target: number;
  reward: { type: RewardType; name: string };
  stockLeft: number;
}

export interface PublicCampaign {
  id: number;
  name: string;
  status: CampaignStatus;
  endReason: EndReason | null;
  startAt: string;
  endAt: string;
  stockLeft: number;
  tiers: PublicTier[];
}

export interface NextTier {
  tier: number;
  target: number;
  stillNeeded: number;
}

/** What participants are told about the campaign's advanced rules (GET /api/h5/c/:id). */
export interface PublicRules {
  helpsPerHelper: number;
  noMutualHelp: boolean;
  genderFilter: 'all' | 'male' | 'female';
  newCustomersOnly: boolean;
  churnPolicy: 'deduct' | 'ignore';
}

export interface CampaignPage {
  campaign: PublicCampaign;
  rules: PublicRules;
  /** The activity code to scan; null when joining is not possible now. */
  activityQr: { url: string } | null;
  /** How visitors are known: through the workspace's Official Account, or only from signed links. */
  signIn: 'oauth' | 'link';
}

/** POST /api/h5/c/:id/identity: who the signed-in visitor is on this campaign. */
export interface VisitorIdentity {
  participant: { id: number; token: string; helpCode: string } | null;
  /** What to make of the participant link this browser holds. */
  link: 'mine' | 'not_yours' | 'unverified' | 'invalid' | null;
  customer: { known: boolean; friendOfStaff: boolean };
}

export type RewardStatus = 'reserved' | 'claimed' | 'issued';
export type ClaimMethod = 'address_form' | 'contact_service' | 'show_code' | 'auto_payout';
/** Which kind of customer-service contact a prize has; its QR comes from the service-qr API. */
export type ServiceContact = { type: 'staff' | 'qr_image' };

/** GET /api/h5/me/rewards/:tierNo/service-qr: the QR a winner adds to claim the prize. */
export interface ServiceQr {
  kind: 'staff' | 'qr_image';
  url: string;
}

export interface MyReward {
  tierNo: number;
  name: string;
  type: RewardType;
  status: RewardStatus;
  claimMethod: ClaimMethod;
  redeemCode: string | null;
  address: AddressForm | null;
  contact: ServiceContact | null;
  wonAt: string;
}

export interface MyHelper {
  nickname: string;
  avatar: string | null;
  status: 'valid' | 'invalid' | 'revoked';
  invalidReason: InvalidHelpReason | null;
  at: string;
}

export interface MyPage {
  campaign: PublicCampaign;
  me: { id: number; nickname: string; avatar: string | null; level: number; validHelps: number; friendStatus: 'friend' | 'lost' };
  nextTier: NextTier | null;
  helpers: MyHelper[];
  helpUrl: string;
  posterUrl: string | null;
  rewards: MyReward[];
}

export interface PosterInfo {
  url: string;
  width: number;
  height: number;
}

export interface Ranking {
  top: Array<{ rank: number; nickname: string; avatar: string | null; validHelps: number; isMe: boolean }>;
  /** My place; null while I have no valid help. */
  me: { rank: number; validHelps: number } | null;
}

export interface HelpPage {
  campaign: PublicCampaign;
  inviter: { nickname: string; avatar: string | null; validHelps: number; nextTier: NextTier | null };
  staffQr: { url: string } | null;
}

export type HelpVerdict = { valid: true } | { valid: false; reason: InvalidHelpReason };

export interface HelpResult {
  verdict: HelpVerdict;
  inviterCount: number;
  participant: { id: number; level: number; url: string } | null;
}

export interface JoinResult {
  participantId: number;
  created: boolean;
  token: string;
  url: string;
}
