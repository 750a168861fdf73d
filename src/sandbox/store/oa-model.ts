// Official Account (公众号) state: what api.weixin.qq.com and mp.weixin.qq.com hold for one AppID,
// plus web-OAuth codes and tokens. Times are Unix seconds.
import type { Media } from './model.ts';

export type OaEncodingMode = 'plain' | 'safe';

export interface OaCallbackSettings {
  url: string | null;
  token: string;
  encodingAESKey: string;
  /** `plain` (明文) or `safe` (安全模式, AES with receiveid = AppID). */
  mode: OaEncodingMode;
}

export interface OaTemplate {
  templateId: string;
  title: string;
  /** Placeholders end with `.DATA`, e.g. `{{keyword1.DATA}}`. */
  content: string;
}

export interface OfficialAccount {
  appid: string;
  secret: string;
  /** Original id (原始ID), `gh_…`: ToUserName of every callback. */
  originalId: string;
  name: string;
  avatarKey: string;
  createdAt: number;
  callback: OaCallbackSettings;
  /** IP whitelist; empty = any (40164 otherwise). */
  trustedIps: string[];
  /** Web-OAuth redirect hosts (网页授权域名, `host[:port]`); empty = any. */
  oauthDomains: string[];
  /** Bound to an open-platform account: user/info and OAuth then carry unionid. */
  openPlatform: boolean;
  templates: Record<string, OaTemplate>;
  /** personId → openid (stable, derived from AppID + unionid); set on first contact. */
  openids: Record<string, string>;
  followers: Record<string, OaFollower>;
  /** ticket → code. */
  qrCodes: Record<string, OaQrCode>;
  /** Permanent codes by scene (`id:5`, `str:abc`) → ticket: the same scene gives the same ticket. */
  permanentScenes: Record<string, string>;
  media: Record<string, Media>;
  messages: OaMessage[];
  /** "<api>|<day>" → calls, for daily quotas (45009). */
  quota: Record<string, number>;
  /** client_msg_id → msgid of template messages already sent. */
  templateClientIds: Record<string, { msgid: number; at: number }>;
}

export interface OaQrCode {
  ticket: string;
  actionName: 'QR_SCENE' | 'QR_STR_SCENE' | 'QR_LIMIT_SCENE' | 'QR_LIMIT_STR_SCENE';
  sceneId?: number;
  sceneStr?: string;
  /** Key of the sandbox QR (`<sandbox>/q/<key>`), what the code's `url` points to. */
  qrKey: string;
  createdAt: number;
  /** Temporary codes only. */
  expiresAt?: number;
}

/** A period in which customer-service messages may be sent to a user (reference §6.6). */
export interface ServiceWindow {
  /** What opened it: a follow, a QR scan or a message from the user. */
  reason: 'subscribe' | 'scan' | 'message';
  until: number;
  max: number;
  used: number;
}

export interface OaFollower {
  openid: string;
  personId: string;
  subscribed: boolean;
  subscribeTime: number;
  subscribeScene: string;
  qrScene: number;
  qrSceneStr: string;
  unsubscribeTime?: number;
  remark: string;
  tagidList: number[];
  /** The user switched off this account's template messages (TEMPLATESENDJOBFINISH `failed:user block`). */
  refuseTemplates: boolean;
  windows: ServiceWindow[];
}

export interface OaMessage {
  id: string;
  at: number;
  /** `user`: the person wrote to the account; the rest went to the person. */
  kind: 'user' | 'custom' | 'template' | 'reply' | 'redpack' | 'notice';
  openid: string;
  content: Record<string, unknown>;
}

export interface OaTokenRecord {
  appid: string;
  /** `/cgi-bin/token` and `/cgi-bin/stable_token` issue independent tokens. */
  kind: 'token' | 'stable';
  expiresAt: number;
  /** A newer token was issued: this one works until then, later 40001 "not latest". */
  supersededUntil?: number;
  revoked?: 40014 | 42001 | 40001;
}

export interface OauthCode {
  appid: string;
  personId: string;
  scope: 'snsapi_base' | 'snsapi_userinfo';
  issuedAt: number;
  used: boolean;
}

export interface SnsTokenRecord {
  appid: string;
  openid: string;
  scope: 'snsapi_base' | 'snsapi_userinfo';
  kind: 'access' | 'refresh';
  expiresAt: number;
}
