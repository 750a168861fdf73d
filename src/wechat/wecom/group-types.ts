// Wire shapes of customer-group APIs: list/detail, "join group" ways and group welcome templates
// (reference §4).

export interface ListGroupChatsRequest {
  /** 0 all, 1 owner resigned, 2 transferring, 3 transferred. */
  status_filter?: number;
  owner_filter?: { userid_list: string[] };
  cursor?: string;
  /** 1..1000. */
  limit: number;
}

export interface ListGroupChatsResponse {
  group_chat_list: Array<{ chat_id: string; status: number }>;
  next_cursor?: string;
}

export interface GroupChatMember {
  userid: string;
  /** 1 corp member, 2 external contact. */
  type: number;
  unionid?: string;
  join_time: number;
  /** 1 invited directly, 2 via invite link, 3 scanned the group QR. */
  join_scene: number;
  invitor?: { userid: string };
  group_nickname?: string;
  name?: string;
  /** The join-way state the member came through. */
  state?: string;
}

export interface GroupChat {
  chat_id: string;
  name: string;
  owner: string;
  create_time: number;
  notice?: string;
  member_list: GroupChatMember[];
  admin_list?: Array<{ userid: string }>;
  member_version?: string;
}

export interface JoinWayFields {
  /** 1 mini-program plugin, 2 QR code. */
  scene: 1 | 2;
  remark?: string;
  /** 1 (default): create a new group when all are full. */
  auto_create_room?: 0 | 1;
  room_base_name?: string;
  room_base_id?: number;
  /** At most 5 groups. */
  chat_id_list: string[];
  /** At most 30 characters; surfaced as member `state` in groupchat/get. */
  state?: string;
  mark_source?: boolean;
}

export interface JoinWay extends Omit<JoinWayFields, 'scene'> {
  config_id: string;
  scene: number;
  qr_code?: string;
}

export interface GroupWelcomeContent {
  /** Supports %NICKNAME%. */
  text?: { content: string };
  image?: { media_id?: string; pic_url?: string };
  link?: { title: string; picurl?: string; desc?: string; url: string };
  miniprogram?: { title: string; pic_media_id: string; appid: string; page: string };
  file?: { media_id: string };
  video?: { media_id: string };
}

export interface AddGroupWelcomeTemplateRequest extends GroupWelcomeContent {
  agentid?: number;
  /** 1 (default) notify staff to apply it, 0 don't. */
  notify?: 0 | 1;
}

export interface EditGroupWelcomeTemplateRequest extends GroupWelcomeContent {
  template_id: string;
  agentid?: number;
}
