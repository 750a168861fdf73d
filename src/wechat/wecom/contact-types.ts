// Wire shapes (field names as WeChat spells them) of customer-contact APIs: "contact me" ways,
// customer detail, welcome messages and group sends (reference §3).

/** Closing messages of a temporary-session contact way. */
export interface ContactWayConclusions {
  text?: { content: string };
  /** add/update take media_id; get answers pic_url. */
  image?: { media_id?: string; pic_url?: string };
  link?: { title: string; picurl?: string; desc?: string; url: string };
  miniprogram?: { title: string; pic_media_id: string; appid: string; page: string };
}

export interface AddContactWayRequest {
  /** 1 single staff, 2 several staff. */
  type: 1 | 2;
  /** 1 mini-program button, 2 QR code. */
  scene: 1 | 2;
  style?: number;
  remark?: string;
  skip_verify?: boolean;
  /** Channel tag echoed in the add event and customer detail; at most 30 characters. */
  state?: string;
  user?: string[];
  party?: number[];
  is_temp?: boolean;
  expires_in?: number;
  chat_expires_in?: number;
  unionid?: string;
  conclusions?: ContactWayConclusions;
  is_exclusive?: boolean;
}

export interface AddContactWayResponse {
  config_id: string;
  /** Image URL of the QR code (scene 2 only). */
  qr_code?: string;
}

export interface ContactWay extends Omit<AddContactWayRequest, 'type' | 'scene'> {
  config_id: string;
  type: number;
  scene: number;
  qr_code?: string;
}

export interface ListContactWaysRequest {
  start_time?: number;
  end_time?: number;
  cursor?: string;
  limit?: number;
}

export interface ListContactWaysResponse {
  contact_way: Array<{ config_id: string }>;
  next_cursor?: string;
}

export type UpdateContactWayRequest = { config_id: string } & Pick<
  AddContactWayRequest,
  'remark' | 'skip_verify' | 'style' | 'state' | 'user' | 'party' | 'expires_in' | 'chat_expires_in' | 'unionid' | 'conclusions'
>;

export interface ExternalContact {
  external_userid: string;
  name: string;
  avatar?: string;
  /** 1 WeChat user, 2 WeCom user. */
  type: number;
  /** 0 unknown, 1 male, 2 female. */
  gender?: number;
  /** Joins WeCom customers to OA openids; only with a bound open-platform account. */
  unionid?: string;
  position?: string;
  corp_name?: string;
  corp_full_name?: string;
  external_profile?: unknown;
}

export interface FollowUser {
  userid: string;
  remark?: string;
  description?: string;
  createtime: number;
  /** type 1 corp tag, 2 personal tag (no tag_id), 3 rule-group tag. */
  tags?: Array<{ group_name?: string; tag_name?: string; tag_id?: string; type: number }>;
  remark_corp_name?: string;
  remark_mobiles?: string[];
  oper_userid?: string;
  add_way?: number;
  state?: string;
}

export interface GetExternalContactResponse {
  external_contact: ExternalContact;
  follow_user: FollowUser[];
  next_cursor?: string;
}

export interface FollowInfo extends Omit<FollowUser, 'tags'> {
  tag_id?: string[];
}

export interface BatchGetByUserRequest {
  /** At most 100 staff ids. */
  userid_list: string[];
  cursor?: string;
  limit?: number;
}

export interface BatchGetByUserResponse {
  external_contact_list: Array<{ external_contact: ExternalContact; follow_info: FollowInfo }>;
  next_cursor?: string;
}

export type Attachment =
  | { msgtype: 'image'; image: { media_id?: string; pic_url?: string } }
  | { msgtype: 'link'; link: { title: string; picurl?: string; desc?: string; url: string } }
  | { msgtype: 'miniprogram'; miniprogram: { title: string; pic_media_id: string; appid: string; page: string } }
  | { msgtype: 'video'; video: { media_id: string } }
  | { msgtype: 'file'; file: { media_id: string } };

export interface SendWelcomeMsgRequest {
  /** From the add event; valid 20 s, usable once. */
  welcome_code: string;
  text?: { content: string };
  attachments?: Attachment[];
}

export interface AddMsgTemplateRequest {
  chat_type?: 'single' | 'group';
  external_userid?: string[];
  chat_id_list?: string[];
  sender?: string;
  allow_select?: boolean;
  tag_filter?: { group_list: Array<{ tag_list: string[] }> };
  text?: { content: string };
  attachments?: Attachment[];
}

export interface AddMsgTemplateResponse {
  fail_list?: string[];
  msgid: string;
}
