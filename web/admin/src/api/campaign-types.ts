// Campaign admin API shapes (src/modules/campaign, participant, reward, staff views; times as ISO
// strings). The settings part mirrors src/domain/task-fission/campaign-config.ts.

export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'ended';
export type EndReason = 'ended_early' | 'end_time' | 'sold_out';
export type CampaignAction = 'edit' | 'publish' | 'end' | 'delete' | 'copy';
export type RewardType = 'physical' | 'customer_service' | 'redeem_code' | 'red_packet';
export type ServiceContact = { type: 'staff'; userId: string } | { type: 'qr_image'; imageUrl: string };
export type Reward =
  | { type: 'physical'; name: string }
  | { type: 'customer_service'; name: string; contact: ServiceContact }
  | { type: 'redeem_code'; name: string; codePoolId: number }
  | { type: 'red_packet'; name: string; amountFen: number; contact: ServiceContact };
export type GenderFilter = 'all' | 'male' | 'female';
export type ChurnPolicy = 'deduct' | 'ignore';

export interface CampaignConfig {
  name: string;
  startAt: string;
  endAt: string;
  channel: { type: 'wecom'; staffUserIds: string[] };
  progressRule?: 'helpers';
  tiers: Array<{ target: number; reward: Reward; stock: number }>;
  welcomeTexts: { participant: string; helper: string };
  rules: {
    genderFilter: GenderFilter;
    joinTagIds: string[];
    helpsPerHelper: number;
    noMutualHelp: boolean;
    newCustomersOnly: boolean;
    churnPolicy: ChurnPolicy;
  };
}

export interface TierStock {
  tierNo: number;
  target: number;
  stockTotal: number;
  stockReserved: number;
  stockLeft: number;
}

export interface CampaignView {
  id: number;
  name: string;
  status: CampaignStatus;
  endReason: EndReason | null;
  endedAt: string | null;
  allowedActions: CampaignAction[];
  config: CampaignConfig;
  configVersion: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tiers: TierStock[];
  stockLeft: number;
}

export interface CampaignListItem extends CampaignView {
  participants: number;
  completed: number;
}

export interface TodayAndTotal {
  total: number;
  today: number;
}

export type FunnelBucket = 'not_shared' | 'shared_not_completed' | 'completed';
export type InvalidHelpReason = 'campaign_not_started' | 'stock_empty' | 'campaign_ended' | 'self_help' | 'already_helped' | 'mutual_help' | 'gender' | 'not_new_customer' | 'help_limit';

export interface PeriodStats {
  /** Asia/Shanghai day `YYYY-MM-DD`. */
  day: string;
  participants: number;
  completed: number;
  newFriends: number;
  lostFriends: number;
  validHelps: number;
}

export interface CampaignStats {
  today: string;
  participants: TodayAndTotal;
  completed: TodayAndTotal & { rate: number | null };
  funnel: Record<FunnelBucket, number> & { participants: number };
  tiers: Array<{ tierNo: number; target: number; completed: number; won: number; reserved: number; claimed: number; issued: number; stockTotal: number; stockLeft: number }>;
  helps: { valid: number; revoked: number; invalid: Record<InvalidHelpReason, number>; invalidTotal: number };
  friends: { new: TodayAndTotal; lost: TodayAndTotal; retention: { total: number | null; today: number | null } };
  levels: Array<{ level: number | 'other'; participants: number }>;
  daily: PeriodStats[];
}

/** GET …/stats/hourly: the 24 hours of one Shanghai day. */
export interface HourlyStats extends Omit<PeriodStats, 'day'> {
  /** `YYYY-MM-DDTHH`, Asia/Shanghai. */
  hour: string;
}

/** GET …/contact-way-quota: WeCom's 500 000 "contact me" codes per corp. */
export interface ContactWayQuota {
  live: number;
  quota: number;
  left: number;
}

export type RewardStatus = 'reserved' | 'claimed' | 'issued';
export type Gender = 'male' | 'female' | 'unknown';

export interface AddressForm {
  name: string;
  mobile: string;
  province: string;
  city: string;
  district: string;
  address: string;
}

export interface RewardRow {
  id: number;
  participantId: number;
  tierNo: number;
  status: RewardStatus;
  reward: Reward;
  claimForm: AddressForm | null;
  claimedAt: string | null;
  redeemCode: string | null;
  issuedAt: string | null;
  createdAt: string;
}

export interface ParticipantSummary {
  id: number;
  externalUserId: string;
  nickname: string;
  avatar: string | null;
  gender: Gender;
  staffUserId: string | null;
  inviterId: number | null;
  level: number;
  isNewCustomer: boolean;
  friendStatus: 'friend' | 'lost';
  validHelps: number;
  completedTiers: number[];
  funnel: FunnelBucket;
  completedAt: string | null;
  joinedAt: string;
}

export interface ParticipantListItem extends ParticipantSummary {
  rewards: Array<{ id: number; tierNo: number; status: RewardStatus; reward: Reward; claimForm: AddressForm | null }>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HelpItem {
  id: number;
  helperExternalUserId: string;
  helperParticipantId: number | null;
  helperNickname: string;
  helperAvatar: string | null;
  status: 'valid' | 'invalid' | 'revoked';
  invalidReason: InvalidHelpReason | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface ParticipantDetail extends ParticipantSummary {
  inviterChain: Array<{ id: number; nickname: string; avatar: string | null; level: number }>;
  downline: Array<{ id: number; inviterId: number; nickname: string; level: number; validHelps: number }>;
  downlineTruncated: boolean;
  invitees: number;
  helps: { valid: number; revoked: number; invalid: number; recent: HelpItem[] };
  rewards: RewardRow[];
}

export interface StaffMember {
  userid: string;
  name: string;
  avatar: string | null;
  active: boolean;
  updatedAt: string;
}

export interface CorpTag {
  tagId: string;
  name: string;
  groupName: string;
  active: boolean;
}

export interface CodePool {
  id: number;
  name: string;
  total: number;
  assigned: number;
  available: number;
}

/** src/domain/poster/template.ts */
export interface PosterTemplate {
  version: number;
  background: { imageId: string; width: number; height: number } | null;
  avatar: { show: boolean; shape: 'circle' | 'square' | 'rounded'; size: number; x: number; y: number };
  nickname: { show: boolean; fontSize: number; fontWeight: 'regular' | 'bold'; color: string; align: 'left' | 'center' | 'right'; x: number; y: number; maxWidth: number };
  qr: { size: number; x: number; y: number };
}
