// The sandbox's whole world as plain JSON: what WeChat's servers would hold. Records (not Maps) so
// a snapshot is a plain JSON.stringify away. Times are Unix seconds like WeChat's APIs, unless named
// `…Ms`.
import type { OaTokenRecord, OauthCode, OfficialAccount, SnsTokenRecord } from './oa-model.ts';
import type { Merchant } from './pay-model.ts';

export interface SandboxData {
  version: 1;
  /** How far the sandbox clock ran ahead of real time, restored on restart. */
  clockOffsetMs: number;
  /** Monotonic counter for readable ids (people p0001…, message ids). */
  seq: number;
  corps: Record<string, Corp>;
  people: Record<string, Person>;
  /** access_token → who owns it. */
  tokens: Record<string, TokenRecord>;
  /** QR code key → what scanning it does. */
  qrCodes: Record<string, QrTarget>;
  /** Official Accounts by AppID. */
  oas: Record<string, OfficialAccount>;
  /** OA access_token (cgi-bin/token, stable_token) → owner. */
  oaTokens: Record<string, OaTokenRecord>;
  /** Web-OAuth codes (single use, 5 minutes). */
  oauthCodes: Record<string, OauthCode>;
  /** Web-OAuth access and refresh tokens. */
  snsTokens: Record<string, SnsTokenRecord>;
  /** WeChat Pay merchants by mch_id. */
  merchants: Record<string, Merchant>;
}

export interface Person {
  id: string;
  unionid: string;
  nickname: string;
  /** Seed of the generated avatar image; the URL is built per request (the public URL may change). */
  avatarKey: string;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
  country: string;
  province: string;
  city: string;
  createdAt: number;
}

export interface Staff {
  userid: string;
  name: string;
  gender: 0 | 1 | 2;
  /** Seed of the generated avatar image; the URL is built per request (the public URL may change). */
  avatarKey: string;
  department: number[];
  position: string;
  /** Has the customer-contact feature (otherwise 84074 for customer APIs). */
  customerContact: boolean;
  /** A console welcome message is configured: add events then carry no WelcomeCode. */
  consoleWelcome: boolean;
}

export type AppKind = 'contact' | 'agent';

export interface App {
  /** `contact` for the customer-contact secret, `agent:<agentid>` for a self-built app. */
  key: string;
  kind: AppKind;
  agentid?: number;
  name: string;
  secret: string;
  /** Self-built app added to "customer contact → apps that may call the API". */
  customerContact: boolean;
  /** Trusted IPs; empty = any (60020 otherwise). */
  trustedIps: string[];
}

export interface CallbackSettings {
  url: string | null;
  token: string;
  encodingAESKey: string;
}

export interface Corp {
  corpid: string;
  name: string;
  createdAt: number;
  apps: Record<string, App>;
  callback: CallbackSettings;
  staff: Record<string, Staff>;
  /** personId → external_userid in this corp (stable, also for group members who are not friends). */
  externalIds: Record<string, string>;
  /** external_userid → userid → follow relation. */
  follows: Record<string, Record<string, Follow>>;
  /** personId → userids the person blocked (scans then do nothing). */
  blocked: Record<string, string[]>;
  contactWays: Record<string, ContactWay>;
  /** Non-temporary contact ways + join ways: they share the 500 000 quota (41045). */
  wayCount: number;
  joinWays: Record<string, JoinWay>;
  welcomeCodes: Record<string, WelcomeCode>;
  tagGroups: TagGroup[];
  groups: Record<string, GroupChat>;
  groupWelcomeTemplates: Record<string, GroupWelcomeTemplate>;
  massSends: Record<string, MassSend>;
  /** "customer:<external_userid>" / "group:<chat_id>" → day (Asia/Shanghai) → count. */
  massSendDays: Record<string, Record<string, number>>;
  media: Record<string, Media>;
  /** Day / month counters for uploadimg quotas. */
  uploadimgCounts: Record<string, number>;
  /** Messages WeChat users and staff received (welcome, group-send, app messages). */
  messages: SandboxMessage[];
  /** Per-day counter of temporary contact ways created. */
  tempWayCounts: Record<string, number>;
}

export interface Follow {
  userid: string;
  externalUserId: string;
  /** `half` after add_half_external_contact until the staff confirms. */
  status: 'active' | 'half' | 'requested';
  remark: string;
  description: string;
  createtime: number;
  tagIds: string[];
  remarkCorpName: string;
  remarkMobiles: string[];
  operUserid: string;
  addWay: number;
  state: string;
  /** Staff and customer exchanged messages: a welcome code can no longer be used. */
  chatted: boolean;
  /** The welcome code issued with the last add event (reissued on confirm only if unused). */
  welcomeCode?: string;
}

export interface Conclusions {
  text?: { content: string };
  image?: { media_id?: string; pic_url?: string };
  link?: { title: string; picurl?: string; desc?: string; url: string };
  miniprogram?: { title: string; pic_media_id: string; appid: string; page: string };
}

export interface ContactWay {
  configId: string;
  appKey: string;
  type: 1 | 2;
  scene: 1 | 2;
  style?: number;
  remark: string;
  skipVerify: boolean;
  state: string;
  user: string[];
  party: number[];
  isTemp: boolean;
  expiresIn: number;
  chatExpiresIn: number;
  unionid: string;
  conclusions?: Conclusions;
  isExclusive: boolean;
  qrKey?: string;
  createdAt: number;
  /** Temporary ways die once a friend is added. */
  used: boolean;
  /** Round-robin position among staff for multi-staff ways. */
  nextStaff: number;
}

export interface JoinWay {
  configId: string;
  appKey: string;
  scene: 1 | 2;
  remark: string;
  autoCreateRoom: 0 | 1;
  roomBaseName: string;
  roomBaseId: number;
  chatIdList: string[];
  state: string;
  markSource: boolean;
  qrKey?: string;
  createdAt: number;
  /** Groups created by auto_create_room, tried after chatIdList. */
  autoChatIds: string[];
  /** Next suffix for auto-created rooms. */
  nextRoomId: number;
}

export type QrTarget =
  | { kind: 'contact_way' | 'join_way'; corpid: string; configId: string }
  /** An Official Account's parametric QR code. */
  | { kind: 'oa_qrcode'; appid: string; ticket: string };

export interface WelcomeCode {
  code: string;
  userid: string;
  externalUserId: string;
  issuedAt: number;
  used: boolean;
}

export interface Tag {
  id: string;
  name: string;
  createTime: number;
  order: number;
}

export interface TagGroup {
  groupId: string;
  groupName: string;
  createTime: number;
  order: number;
  tags: Tag[];
}

export interface GroupMember {
  userid: string;
  /** 1 corp member, 2 external contact. */
  type: 1 | 2;
  joinTime: number;
  /** Detail-API coding: 1 invited directly, 2 invite link, 3 scanned the group QR. */
  joinScene: 1 | 2 | 3;
  invitor?: string;
  groupNickname: string;
  name: string;
  unionid?: string;
  state?: string;
}

export interface GroupChat {
  chatId: string;
  name: string;
  owner: string;
  createTime: number;
  notice: string;
  members: GroupMember[];
  admins: string[];
  memberVersion: string;
  /** 0 normal, 1 owner resigned, 2 transferring, 3 transferred. */
  status: 0 | 1 | 2 | 3;
  dismissed: boolean;
}

export interface MessageContent {
  text?: { content: string };
  attachments: Record<string, unknown>[];
}

export interface GroupWelcomeTemplate extends MessageContent {
  templateId: string;
  appKey: string;
  notify: 0 | 1;
  raw: Record<string, unknown>;
  createdAt: number;
}

export interface MassSend {
  msgid: string;
  appKey: string;
  chatType: 'single' | 'group';
  createTime: number;
  content: MessageContent;
  /** userid → targets (external_userids or chat_ids) and whether that staff confirmed. */
  tasks: Record<string, { targets: string[]; status: 'pending' | 'sent'; sentAt?: number; delivered: string[]; limited: string[] }>;
}

export interface Media {
  mediaId: string;
  type: 'image' | 'voice' | 'video' | 'file';
  filename: string;
  contentType: string;
  size: number;
  createdAt: number;
  /** Permanent image from uploadimg (no expiry, served publicly). */
  permanent: boolean;
}

export interface SandboxMessage {
  id: string;
  at: number;
  kind: 'welcome' | 'mass_send' | 'app_message' | 'group_mass_send';
  /** Staff userid (welcome / group-send) or `app:<agentid>` (app messages). */
  from: string;
  /** external_userid, chat_id or staff userid. */
  to: string;
  content: MessageContent | Record<string, unknown>;
}

export interface TokenRecord {
  corpid: string;
  appKey: string;
  expiresAt: number;
  /** Set by the early-invalidation test hook: the errcode to answer with. */
  revoked?: 40014 | 42001 | 40001;
}
