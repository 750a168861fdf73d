// Wire shapes of the Official Account APIs Fission uses (reference §6).

export interface CreateQrCodeRequest {
  /** Temporary codes only; at most 2 592 000 (30 days). */
  expire_seconds?: number;
  action_name: 'QR_SCENE' | 'QR_STR_SCENE' | 'QR_LIMIT_SCENE' | 'QR_LIMIT_STR_SCENE';
  action_info: { scene: { scene_id: number } | { scene_str: string } };
}

export interface CreateQrCodeResponse {
  ticket: string;
  /** Absent for permanent codes. */
  expire_seconds?: number;
  /** What the QR encodes. */
  url: string;
}

export interface OaUserInfo {
  /** 0: not following; then only openid (and tagid_list) come back. */
  subscribe: number;
  openid: string;
  language?: string;
  subscribe_time?: number;
  unionid?: string;
  remark?: string;
  groupid?: number;
  tagid_list?: number[];
  subscribe_scene?: string;
  qr_scene?: number;
  qr_scene_str?: string;
}

export type CustomMessage = { touser: string; customservice?: { kf_account: string } } & (
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'image'; image: { media_id: string } }
  | { msgtype: 'news'; news: { articles: Array<{ title: string; description?: string; url: string; picurl?: string }> } }
  | { msgtype: 'miniprogrampage'; miniprogrampage: { title: string; appid: string; pagepath: string; thumb_media_id: string } }
);

export interface TemplateMessage {
  touser: string;
  template_id: string;
  url?: string;
  miniprogram?: { appid: string; pagepath: string };
  /** Dedupe key on WeChat's side. */
  client_msg_id?: string;
  data: Record<string, { value: string; color?: string }>;
}

export type OAuthScope = 'snsapi_base' | 'snsapi_userinfo';

export interface OAuthAccessToken {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  openid: string;
  scope: string;
  /** 1 when the page was opened as a "snapshot" with a virtual identity. */
  is_snapshotuser?: number;
  unionid?: string;
}

export interface SnsUserInfo {
  openid: string;
  nickname: string;
  sex?: number;
  province?: string;
  city?: string;
  country?: string;
  headimgurl: string;
  privilege?: string[];
  unionid?: string;
}
